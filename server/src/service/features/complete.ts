// Completions from the cursor's line context: keys for the object the cursor is in, layer ids not yet assigned,
// parties ranked for the workload's model, service models, team ids, rule ids in suppressions, workload snippets.
import {
  API_VERSION,
  BASELINE_KIND,
  DEPENDS,
  FIELDS,
  KIND,
  LAYER_SYNONYMS,
  own,
  type Baseline,
  type ObjectKind,
} from '../../model';
import { DEFAULT_CONTEXT, type FeatureContext } from './context';
import { childKeys, cursorContext, itemKeys, plainValue, teamIds, type CursorContext, type Source } from './lineContext';
import { baselineDoc, layerDoc, modelDoc, partyDoc, ruleDoc, serviceDoc } from './markdown';
import { RULES } from '../rules/registry';
import { cellOwner, documentSnippets, pad, workloadSnippets, type CompletionEntry, type CompletionResult } from './completionItems';

export type { CompletionEntry, CompletionKind, CompletionResult } from './completionItems';

const OBJECT_OF_PATH: Array<[RegExp, ObjectKind]> = [
  [/^$/, 'root'],
  [/^metadata$/, 'metadata'],
  [/^teams\/-$/, 'team'],
  [/^workloads\/-$/, 'workload'],
  [/^workloads\/-\/responsibilities\/[^/]+$/, 'assignment'],
];

const BASELINE_OBJECT_OF_PATH: Array<[RegExp, ObjectKind]> = [
  [/^$/, 'baselineRoot'],
  [/^metadata$/, 'baselineMetadata'],
  [/^provider$/, 'baselineProvider'],
  [/^models\/-$/, 'baselineModel'],
  [/^layers\/-$/, 'baselineLayer'],
];

function objectKind(path: string[], doc: FeatureContext['kind']): ObjectKind | undefined {
  const p = path.join('/');
  return (doc === 'baseline' ? BASELINE_OBJECT_OF_PATH : OBJECT_OF_PATH).find(([re]) => re.test(p))?.[1];
}

/** Completions at `offset`. Reads a few lines around the cursor; never parses the file. */
export function complete(src: Source, offset: number, fc: FeatureContext = DEFAULT_CONTEXT): CompletionResult {
  const ctx = cursorContext(src, offset);
  const items = collect(src, ctx, fc);
  return { items, replaceStart: ctx.replaceStart, replaceEnd: ctx.replaceEnd };
}

function collect(src: Source, ctx: CursorContext, fc: FeatureContext): CompletionEntry[] {
  if (ctx.position === 'comment') return ruleIds(src, ctx);
  const b = fc.baseline;
  const path = ctx.path;
  if (ctx.position === 'value') {
    const parent = path.slice(0, -1);
    const key = ctx.key ?? '';
    const p = parent.join('/');
    if (p === '' && key === 'apiVersion') return [value(API_VERSION, 'The only format version.')];
    if (p === '' && key === 'kind') {
      return [
        { ...value(KIND, 'A document that assigns responsibilities for workloads.'), preselect: fc.kind === 'assignment', sortText: fc.kind === 'assignment' ? '000' : '001' },
        { ...value(BASELINE_KIND, 'A baseline: a responsibility matrix documents select with metadata.baseline.'), preselect: fc.kind === 'baseline', sortText: fc.kind === 'baseline' ? '000' : '001' },
      ];
    }
    if (fc.kind === 'baseline') {
      if (p === '' && key === 'extends') return baselineIds(fc);
      if (p === 'layers/-/owners') return ['customer', b.provider.id, 'shared', DEPENDS].map((x, i) => ({ label: x, kind: 'party' as const, insertText: x, sortText: pad(i) }));
      return [];
    }
    if (p === 'metadata' && key === 'baseline') return baselineIds(fc);
    if (p === 'metadata' && key === 'owner') return teams(src, ctx, fc);
    if (p === 'workloads/-' && key === 'model') return models(b);
    if (p === 'workloads/-' && key === 'service') return services(src, ctx, b);
    if (/^workloads\/-\/responsibilities$/.test(p) && !LAYER_BLOCK_VALUE.test(ctx.value ?? '')) return parties(src, ctx, key, b);
    if (/^workloads\/-\/responsibilities\/[^/]+$/.test(p)) {
      if (key === 'owner') return parties(src, ctx, parent[parent.length - 1] as string, b);
      if (key === 'team') return teams(src, ctx, fc);
    }
    return [];
  }
  // Key position.
  const p = path.join('/');
  if (fc.kind === 'assignment') {
    if (p === 'workloads') return workloadSnippets(src, ctx, true, b);
    if (p === 'teams') return [snippetItem('team', 'a new team', `- id: \${1:team-id}\n${' '.repeat(ctx.keyCol + 2)}name: \${2:Team name}`, '000')];
    if (p === 'workloads/-/responsibilities') return layers(src, ctx, b);
  }
  const kind = objectKind(path, fc.kind);
  if (!kind) return [];
  const out = keys(src, ctx, kind, b);
  if (kind === 'root' && out.length === Object.keys(FIELDS.root).length && ctx.keyCol === 0) out.push(...documentSnippets(b));
  if (kind === 'workload' && ctx.emptyItem) out.push(...workloadSnippets(src, ctx, false, b));
  return out;
}

/** The baseline ids in reach (built-in first, then the file's and the config's), for metadata.baseline and extends. */
function baselineIds(fc: FeatureContext): CompletionEntry[] {
  return fc.scope.known().map((id, i) => {
    const r = fc.scope.resolve(id);
    const e = fc.scope.entry(id);
    return {
      label: id,
      kind: 'value' as const,
      detail: r.ok ? r.baseline.def.title : 'has errors',
      documentation: r.ok ? baselineDoc(r.baseline, e && !r.baseline.builtin ? e.source : undefined) : r.message,
      insertText: id,
      sortText: pad(i),
    };
  });
}

const LAYER_BLOCK_VALUE = /^[|>]/;

function value(v: string, doc: string): CompletionEntry {
  return { label: v, kind: 'value', documentation: doc, insertText: v, sortText: '000', preselect: true };
}

function snippetItem(label: string, detail: string, insertText: string, sortText: string, documentation?: string): CompletionEntry {
  return { label, kind: 'snippet', detail, insertText, snippet: true, sortText, documentation };
}

/** The keys already written in the object around the cursor (other than the one being typed). */
function siblingKeys(src: Source, ctx: CursorContext): Set<string> {
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  const have = new Set<string>();
  if (!parent) {
    // Root: column-0 keys of the document (bounded scan around the cursor is enough for a header).
    for (const k of childKeysRoot(src, ctx.line)) have.add(k);
  } else if (parent.kind === 'item') {
    for (const [k, v] of itemKeys(src, parent.line, parent.col).keys) if (v.line !== ctx.line) have.add(k);
  } else {
    for (const c of childKeys(src, parent.line, parent.col)) if (c.line !== ctx.line) have.add(c.key);
  }
  return have;
}

function childKeysRoot(src: Source, line: number): string[] {
  const out: string[] = [];
  const { lines, text } = src;
  const scan = (l: number) => {
    const ls = lines.lineStart(l);
    const c = text.charCodeAt(ls);
    if (c === 32 || c === 35 || c === 45 || c === 10 || c === 13 || Number.isNaN(c)) return;
    const m = /^([A-Za-z_][\w.-]*)[ \t]*:/.exec(text.slice(ls, Math.min(ls + 40, lines.lineEnd(l))));
    if (m) out.push(m[1] as string);
  };
  // Document bounds by `---`; scan at most 20,000 lines each way (the header lives near the top).
  for (let l = line - 1, n = 0; l >= 0 && n < 20000; l--, n++) {
    if (text.startsWith('---', lines.lineStart(l))) break;
    if (l !== line) scan(l);
  }
  for (let l = line + 1, n = 0; l < lines.lineCount && n < 20000; l++, n++) {
    if (text.startsWith('---', lines.lineStart(l))) break;
    scan(l);
  }
  return out;
}

function keys(src: Source, ctx: CursorContext, kind: ObjectKind, b: Baseline): CompletionEntry[] {
  const have = siblingKeys(src, ctx);
  const out: CompletionEntry[] = [];
  const fields = Object.entries(FIELDS[kind]);
  const childIndent = ' '.repeat(ctx.keyCol + 2);
  // A key typed before an existing colon: replace the key only.
  const hasColon = src.text.slice(ctx.replaceEnd, ctx.lineEnd).trimStart().startsWith(':');
  fields.forEach(([key, f], i) => {
    if (have.has(key)) return;
    let insertText = `${key}: `;
    let snippet = false;
    if (hasColon) insertText = key;
    else if (kind === 'root' && key === 'apiVersion') insertText = `apiVersion: ${API_VERSION}`;
    else if (kind === 'root' && key === 'kind') insertText = `kind: ${KIND}`;
    else if (kind === 'root' && key === 'metadata') {
      insertText = `metadata:\n${childIndent}name: \${1:name}`;
      snippet = true;
    } else if (kind === 'root' && key === 'teams') {
      insertText = `teams:\n${childIndent}- id: \${1:team-id}`;
      snippet = true;
    } else if (kind === 'root' && key === 'workloads') {
      insertText = `workloads:\n${childIndent}- name: \${1:workload-name}`;
      snippet = true;
    } else if (kind === 'workload' && key === 'model') {
      insertText = `model: \${1|${b.columnIds.join(',')}|}`;
      snippet = true;
    } else if (kind === 'workload' && key === 'responsibilities') {
      insertText = `responsibilities:\n${childIndent}`;
    } else if (kind === 'assignment' && key === 'owner') {
      insertText = `owner: \${1|${b.parties.join(',')}|}`;
      snippet = true;
    }
    out.push({
      label: key,
      kind: 'key',
      detail: f.required ? 'required' : 'optional',
      documentation: f.doc + (f.example ? `\n\nExample: \`${key}: ${f.example}\`` : ''),
      insertText,
      snippet,
      sortText: `${f.required ? 0 : 1}${pad(i)}`,
    });
  });
  return out;
}

/** The model of the workload around the cursor (its `model:` line), if it is a known one. */
function workloadModel(src: Source, ctx: CursorContext, b: Baseline): string | undefined {
  const item = ctx.ancestors.find((a, i) => a.kind === 'item' && ctx.ancestors[i - 1]?.key === 'workloads');
  if (!item) return undefined;
  const m = plainValue(itemKeys(src, item.line, item.col).keys.get('model')?.value);
  return b.hasColumn(m) ? m : undefined;
}

function layers(src: Source, ctx: CursorContext, b: Baseline): CompletionEntry[] {
  const resp = ctx.ancestors[ctx.ancestors.length - 1];
  const assigned = new Set<string>();
  if (resp) for (const c of childKeys(src, resp.line, resp.col)) if (c.line !== ctx.line) assigned.add(c.key);
  const model = workloadModel(src, ctx, b);
  const hasColon = src.text.slice(ctx.replaceEnd, ctx.lineEnd).trimStart().startsWith(':');
  return b.layers.map((layer, i) => {
    const done = assigned.has(layer.id);
    // The source article's words ("endpoints", "os") and other baselines' ids find the layer too.
    const synonyms = [
      ...Object.entries(LAYER_SYNONYMS).filter(([, ids]) => ids.includes(layer.id)).map(([w]) => w),
      ...(layer.aliases ?? []),
    ];
    const cell = model ? b.cell(layer.id, model) : undefined;
    const want = model ? cellOwner(b, layer.id, model) : undefined;
    const choices = want ? [want, ...b.parties.filter((p) => p !== want)] : [...b.parties];
    return {
      label: layer.id,
      kind: 'layer' as const,
      detail: done
        ? 'already assigned in this workload'
        : want
          ? `${layer.label}: ${want} under ${model}`
          : cell === DEPENDS
            ? `${layer.label}: depends (any party) under ${model}`
            : layer.label,
      documentation: layerDoc(layer, model, b),
      insertText: hasColon ? layer.id : `${layer.id}: \${1|${choices.join(',')}|}`,
      snippet: !hasColon,
      sortText: `${done ? 1 : 0}${pad(i)}`,
      filterText: synonyms.length > 0 ? [layer.id, ...synonyms].join(' ') : undefined,
      preselect: !done && i === b.layers.findIndex((l) => !assigned.has(l.id)),
    };
  });
}

const PARTY_DETAIL: Record<string, string> = { customer: 'The organisation that uses the cloud service (you)', shared: 'Both share the duty' };

function parties(src: Source, ctx: CursorContext, layerId: string, b: Baseline): CompletionEntry[] {
  const model = workloadModel(src, ctx, b);
  const layer = b.layer(layerId);
  const want = layer && model ? cellOwner(b, layer.id, model) : undefined;
  return b.parties.map((p, i) => ({
    label: p,
    kind: 'party' as const,
    detail:
      want === p
        ? `expected under ${model}`
        : want
          ? `${model} expects ${want}`
          : (own(PARTY_DETAIL, p) ?? (p === 'microsoft' && b.provider.id === 'microsoft' ? 'Microsoft, as the cloud provider, does this work and answers for it.' : `${b.provider.label}, the provider`)),
    documentation: partyDoc(p, layer?.id, model, b),
    insertText: p,
    sortText: want === p ? `0${pad(i)}` : `1${pad(i)}`,
    preselect: want === p,
  }));
}

/**
 * The catalogue's services, each with its models in the detail: those that run under the workload's model only
 * first, then those that run under it among others (AKS), then the rest.
 */
function services(src: Source, ctx: CursorContext, b: Baseline): CompletionEntry[] {
  const model = workloadModel(src, ctx, b);
  const rank = (e: (typeof b.services)[number]): number =>
    model === undefined ? 0 : e.models.includes(model) ? (e.models.length === 1 ? 0 : 1) : 2;
  const first = b.services.findIndex((e) => model !== undefined && rank(e) === 0);
  return b.services.map((e, i) => {
    const fits = model !== undefined && e.models.includes(model);
    return {
      label: e.name,
      kind: 'value' as const,
      detail: `${e.models.join(', ')}${e.confidence === 'inferred' ? ' (inferred)' : ''}`,
      documentation: serviceDoc(e, b),
      insertText: e.name,
      sortText: `${rank(e)}${pad(i)}`,
      filterText: [e.name, ...e.aliases].join(' '),
      preselect: fits && i === first,
    };
  });
}

function models(b: Baseline): CompletionEntry[] {
  return b.columns.map((c, i) => ({
    label: c.id,
    kind: 'model' as const,
    ...(b.id === 'microsoft-diagram' ? {} : { detail: c.label }),
    documentation: modelDoc(c.id, b),
    insertText: c.id,
    sortText: pad(i),
  }));
}

/** The document's teams first, then the registries' (srm.config.yaml `teams:`) it does not repeat. */
function teams(src: Source, ctx: CursorContext, fc: FeatureContext): CompletionEntry[] {
  const own = teamIds(src, ctx.line);
  const out: CompletionEntry[] = own.map((t, i) => ({
    label: t.id,
    kind: 'team' as const,
    detail: t.name ?? 'team',
    documentation: `Team \`${t.id}\`${t.name ? `: ${t.name}` : ''}${t.contact ? `\n\nContact: ${t.contact}` : ''}`,
    insertText: t.id,
    sortText: pad(i),
  }));
  const have = new Set(own.map((t) => t.id));
  (fc.teams ?? []).forEach((t, i) => {
    if (have.has(t.id)) return;
    out.push({
      label: t.id,
      kind: 'team' as const,
      detail: `${t.name ?? 'team'} (registry ${t.registry})`,
      documentation: `Team \`${t.id}\`${t.name ? `: ${t.name}` : ''}${t.contact ? `\n\nContact: ${t.contact}` : ''}\n\nFrom the registry \`${t.registry}\` (${t.source}).`,
      insertText: t.id,
      sortText: `1${pad(i)}`,
    });
  });
  return out;
}

function ruleIds(src: Source, ctx: CursorContext): CompletionEntry[] {
  const lt = src.text.slice(ctx.lineStart, ctx.replaceStart);
  if (!/#\s*srm-disable(-next-line)?\s+([^\s,]+\s*,\s*)*$/.test(lt)) return [];
  return RULES.map((r, i) => ({
    label: r.id,
    kind: 'rule' as const,
    detail: `${r.defaultSeverity} by default`,
    documentation: ruleDoc(r.id),
    insertText: r.id,
    sortText: pad(i),
  }));
}
