// Completions from the cursor's line context: keys for the object the cursor is in, layer ids not yet assigned,
// parties ranked for the workload's model, service models, team ids, rule ids in suppressions, workload snippets.
import {
  API_VERSION,
  FIELDS,
  KIND,
  LAYERS,
  LAYER_SYNONYMS,
  PARTIES,
  PARTY_DOCS,
  SERVICE_MODELS,
  expectedOwner,
  getLayer,
  isServiceModel,
  type ObjectKind,
  type Party,
  type ServiceModel,
} from '../../model';
import { childKeys, cursorContext, itemKeys, plainValue, teamIds, type CursorContext, type Source } from './lineContext';
import { layerDoc, modelDoc, partyDoc, ruleDoc } from './markdown';
import { RULES } from '../rules/registry';

export type CompletionKind = 'key' | 'value' | 'layer' | 'party' | 'model' | 'team' | 'rule' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text that replaces [replaceStart, replaceEnd). Continuation lines carry their full indentation. */
  insertText: string;
  /** insertText is a snippet (`${1:...}` placeholders). */
  snippet?: boolean;
  sortText: string;
  filterText?: string;
  preselect?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The range (file offsets) every item replaces: the word at the cursor. */
  replaceStart: number;
  replaceEnd: number;
}

const OBJECT_OF_PATH: Array<[RegExp, ObjectKind]> = [
  [/^$/, 'root'],
  [/^metadata$/, 'metadata'],
  [/^teams\/-$/, 'team'],
  [/^workloads\/-$/, 'workload'],
  [/^workloads\/-\/responsibilities\/[^/]+$/, 'assignment'],
];

function objectKind(path: string[]): ObjectKind | undefined {
  const p = path.join('/');
  return OBJECT_OF_PATH.find(([re]) => re.test(p))?.[1];
}

const pad = (n: number) => String(n).padStart(3, '0');

/** Completions at `offset`. Reads a few lines around the cursor; never parses the file. */
export function complete(src: Source, offset: number): CompletionResult {
  const ctx = cursorContext(src, offset);
  const items = collect(src, ctx);
  return { items, replaceStart: ctx.replaceStart, replaceEnd: ctx.replaceEnd };
}

function collect(src: Source, ctx: CursorContext): CompletionEntry[] {
  if (ctx.position === 'comment') return ruleIds(src, ctx);
  const path = ctx.path;
  if (ctx.position === 'value') {
    const parent = path.slice(0, -1);
    const key = ctx.key ?? '';
    const p = parent.join('/');
    if (p === '' && key === 'apiVersion') return [value(API_VERSION, 'The only format version.')];
    if (p === '' && key === 'kind') return [value(KIND, 'The only document kind.')];
    if (p === 'metadata' && key === 'owner') return teams(src, ctx);
    if (p === 'workloads/-' && key === 'model') return models();
    if (/^workloads\/-\/responsibilities$/.test(p) && !LAYER_BLOCK_VALUE.test(ctx.value ?? '')) return parties(src, ctx, key);
    if (/^workloads\/-\/responsibilities\/[^/]+$/.test(p)) {
      if (key === 'owner') return parties(src, ctx, parent[parent.length - 1] as string);
      if (key === 'team') return teams(src, ctx);
    }
    return [];
  }
  // Key position.
  const p = path.join('/');
  if (p === 'workloads') return workloadSnippets(src, ctx, true);
  if (p === 'teams') return [snippetItem('team', 'a new team', `- id: \${1:team-id}\n${' '.repeat(ctx.keyCol + 2)}name: \${2:Team name}`, '000')];
  if (p === 'workloads/-/responsibilities') return layers(src, ctx);
  const kind = objectKind(path);
  if (!kind) return [];
  const out = keys(src, ctx, kind);
  if (kind === 'root' && out.length === Object.keys(FIELDS.root).length && ctx.keyCol === 0) out.push(...documentSnippets());
  if (kind === 'workload' && ctx.emptyItem) out.push(...workloadSnippets(src, ctx, false));
  return out;
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

function keys(src: Source, ctx: CursorContext, kind: ObjectKind): CompletionEntry[] {
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
      insertText = `model: \${1|${SERVICE_MODELS.join(',')}|}`;
      snippet = true;
    } else if (kind === 'workload' && key === 'responsibilities') {
      insertText = `responsibilities:\n${childIndent}`;
    } else if (kind === 'assignment' && key === 'owner') {
      insertText = `owner: \${1|${PARTIES.join(',')}|}`;
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
function workloadModel(src: Source, ctx: CursorContext): ServiceModel | undefined {
  const item = ctx.ancestors.find((a, i) => a.kind === 'item' && ctx.ancestors[i - 1]?.key === 'workloads');
  if (!item) return undefined;
  const m = plainValue(itemKeys(src, item.line, item.col).keys.get('model')?.value);
  return isServiceModel(m) ? m : undefined;
}

function layers(src: Source, ctx: CursorContext): CompletionEntry[] {
  const resp = ctx.ancestors[ctx.ancestors.length - 1];
  const assigned = new Set<string>();
  if (resp) for (const c of childKeys(src, resp.line, resp.col)) if (c.line !== ctx.line) assigned.add(c.key);
  const model = workloadModel(src, ctx);
  const hasColon = src.text.slice(ctx.replaceEnd, ctx.lineEnd).trimStart().startsWith(':');
  return LAYERS.map((layer, i) => {
    const done = assigned.has(layer.id);
    // The source article's words ("endpoints", "os") find the layer too.
    const synonyms = Object.entries(LAYER_SYNONYMS).filter(([, ids]) => ids.includes(layer.id)).map(([w]) => w);
    const want = model ? expectedOwner(layer.id, model) : undefined;
    const choices = want ? [want, ...PARTIES.filter((p) => p !== want)] : [...PARTIES];
    return {
      label: layer.id,
      kind: 'layer' as const,
      detail: done ? 'already assigned in this workload' : want ? `${layer.label}: ${want} under ${model}` : layer.label,
      documentation: layerDoc(layer, model),
      insertText: hasColon ? layer.id : `${layer.id}: \${1|${choices.join(',')}|}`,
      snippet: !hasColon,
      sortText: `${done ? 1 : 0}${pad(i)}`,
      filterText: synonyms.length > 0 ? [layer.id, ...synonyms].join(' ') : undefined,
      preselect: !done && i === LAYERS.findIndex((l) => !assigned.has(l.id)),
    };
  });
}

function parties(src: Source, ctx: CursorContext, layerId: string): CompletionEntry[] {
  const model = workloadModel(src, ctx);
  const layer = getLayer(layerId);
  const want: Party | undefined = layer && model ? expectedOwner(layer.id, model) : undefined;
  return PARTIES.map((p, i) => ({
    label: p,
    kind: 'party' as const,
    detail: want === p ? `expected under ${model}` : want ? `${model} expects ${want}` : PARTY_DOCS[p].split(':')[0],
    documentation: partyDoc(p, layer?.id, model),
    insertText: p,
    sortText: want === p ? `0${pad(i)}` : `1${pad(i)}`,
    preselect: want === p,
  }));
}

function models(): CompletionEntry[] {
  return SERVICE_MODELS.map((m, i) => ({
    label: m,
    kind: 'model' as const,
    documentation: modelDoc(m),
    insertText: m,
    sortText: pad(i),
  }));
}

function teams(src: Source, ctx: CursorContext): CompletionEntry[] {
  return teamIds(src, ctx.line).map((t, i) => ({
    label: t.id,
    kind: 'team' as const,
    detail: t.name ?? 'team',
    documentation: `Team \`${t.id}\`${t.name ? `: ${t.name}` : ''}${t.contact ? `\n\nContact: ${t.contact}` : ''}`,
    insertText: t.id,
    sortText: pad(i),
  }));
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

/** A whole new document, one per service model (offered at the top of an empty document). */
function documentSnippets(): CompletionEntry[] {
  return SERVICE_MODELS.map((m, i) => ({
    label: `srm document (${m})`,
    kind: 'snippet' as const,
    detail: `a new responsibility file with one ${m} workload`,
    documentation: modelDoc(m),
    insertText: [
      `apiVersion: ${API_VERSION}`,
      `kind: ${KIND}`,
      'metadata:',
      '  name: ${1:assignment-name}',
      'workloads:',
      '  - name: ${2:workload-name}',
      `    model: ${m}`,
      '    responsibilities:',
      ...LAYERS.map((l) => `      ${l.id}: ${l.owners[m]}`),
    ].join('\n') + '\n$0',
    snippet: true,
    sortText: `3${pad(i)}`,
    filterText: `srm document ${m}`,
  }));
}

/** One snippet per service model: a whole workload, every layer prefilled with the owner that model gives it. */
function workloadSnippets(src: Source, ctx: CursorContext, withDash: boolean): CompletionEntry[] {
  // Continuation lines are indented to the item's keys: the dash column + 2, or the column the key starts at.
  const keyCol = withDash ? ctx.keyCol + 2 : ctx.keyCol;
  const ind = ' '.repeat(keyCol);
  const ind2 = ' '.repeat(keyCol + 2);
  void src;
  return SERVICE_MODELS.map((m, i) => {
    const body = [
      `${withDash ? '- ' : ''}name: \${1:workload-name}`,
      `${ind}model: ${m}`,
      `${ind}responsibilities:`,
      ...LAYERS.map((l) => `${ind2}${l.id}: ${l.owners[m]}`),
    ].join('\n');
    return {
      label: `workload (${m})`,
      kind: 'snippet' as const,
      detail: `a ${m} workload with every layer assigned as the model expects`,
      documentation: modelDoc(m),
      insertText: body + '$0',
      snippet: true,
      sortText: `2${pad(i)}`,
      filterText: withDash ? `- workload ${m}` : `workload ${m}`,
    };
  });
}
