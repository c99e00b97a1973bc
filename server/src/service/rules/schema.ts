// schema: the document does not match the srm/v1 format. Turns ajv's errors into findings: exact ranges (the value,
// the unknown key, the parent key of a missing one), messages written for people, and "did you mean" fixes.
import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { API_VERSION, BASELINE_KIND, REGISTRY_KIND, BUILTIN_BASELINES, DEFAULT_BASELINE, FIELDS, KIND, MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import type { RawFinding } from '../check/findings';
import { firstKeyRange, keyRange, locate, pairFor, rangeOf, truncate, type Located, type Segment } from '../check/schemaValidation';
import { closest, didYouMean, suggestLayer, suggestParty, suggestServiceModel, type Suggestion } from '../suggest';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './rule';

// ---------------------------------------------------------------- messages

type Where =
  | 'document'
  | 'metadata'
  | 'team'
  | 'workload'
  | 'responsibilities'
  | 'assignment'
  | 'baseline'
  | 'baseline-metadata'
  | 'provider'
  | 'model'
  | 'layer'
  | 'owners'
  | 'registry'
  | 'registry-metadata'
  | 'other';

/** What the findings are about: the document's kind and, for an assignment document, the baseline it is checked against. */
export interface SchemaContext {
  document?: DocKind;
  baseline?: Baseline;
  /** The text the offsets index (lets a removal take its whole lines). */
  text?: string;
}

type DocKind = 'assignment' | 'baseline' | 'registry';

function whereOf(path: readonly Segment[], kind: DocKind = 'assignment'): Where {
  const p = path.map((s) => (typeof s === 'number' ? '#' : s)).join('/');
  if (kind === 'registry') {
    if (p === '') return 'registry';
    if (p === 'metadata') return 'registry-metadata';
    if (p === 'teams/#') return 'team';
    return 'other';
  }
  if (kind === 'baseline') {
    if (p === '') return 'baseline';
    if (p === 'metadata') return 'baseline-metadata';
    if (p === 'provider') return 'provider';
    if (p === 'models/#') return 'model';
    if (p === 'layers/#') return 'layer';
    if (p === 'layers/#/owners') return 'owners';
    return 'other';
  }
  if (p === '') return 'document';
  if (p === 'metadata') return 'metadata';
  if (p === 'teams/#') return 'team';
  if (p === 'workloads/#') return 'workload';
  if (p === 'workloads/#/responsibilities') return 'responsibilities';
  if (/^workloads\/#\/responsibilities\/[^/]+$/.test(p)) return 'assignment';
  return 'other';
}

const WHERE_LABEL: Record<Where, string> = {
  document: 'the document',
  metadata: 'metadata',
  team: 'a team',
  workload: 'a workload',
  responsibilities: 'responsibilities',
  assignment: 'an assignment',
  baseline: 'the baseline document',
  'baseline-metadata': 'metadata',
  provider: 'provider',
  model: 'a model',
  layer: 'a layer',
  owners: 'owners',
  registry: 'the team registry',
  'registry-metadata': 'metadata',
  other: 'this mapping',
};

const WHERE_FIELDS: Partial<Record<Where, keyof typeof FIELDS>> = {
  document: 'root',
  metadata: 'metadata',
  team: 'team',
  workload: 'workload',
  assignment: 'assignment',
  baseline: 'baselineRoot',
  'baseline-metadata': 'baselineMetadata',
  provider: 'baselineProvider',
  model: 'baselineModel',
  layer: 'baselineLayer',
  registry: 'registryRoot',
  'registry-metadata': 'registryMetadata',
};

function describeNode(n: Node | null): string {
  if (n === null) return 'empty';
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (isScalar(n)) {
    const v = n.value;
    if (v === null) return 'empty';
    if (typeof v === 'string') return `the text "${truncate(v)}"`;
    if (typeof v === 'number' || typeof v === 'bigint') return `the number ${String(v)}`;
    if (typeof v === 'boolean') return `the boolean ${String(v)}`;
    return `"${truncate(String(v))}"`;
  }
  return 'an alias';
}

const TYPE_LABEL: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

function quoteList(xs: readonly string[]): string {
  return xs.map((x) => `"${x}"`).join(', ');
}

function kebab(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The edit that replaces a value by the scalar `text`. An empty value (`kind:` with nothing after it) has an empty
 * range right after the colon: add the space YAML needs. A block collection starts on the next line: replace it from
 * the end of its key, so the scalar lands on the key's line (else it would be a key without a value).
 */
function valueEdit(range: readonly [number, number], text: string, at?: Located): TextEdit {
  const n = at?.node;
  const k = at?.pair ? rangeOf(at.pair.key as Node | null) : null;
  if (k && (isMap(n) || isSeq(n)) && !n.flow) return { start: k[1], end: Math.max(k[1], contentEnd(n) ?? range[1]), newText: `: ${text}` };
  return { start: range[0], end: range[1], newText: range[0] === range[1] ? ` ${text}` : text };
}

/** Where a node's content ends: a block collection's range also takes the line end after its last item. */
function contentEnd(n: unknown, depth = 0): number | undefined {
  if (depth < 100 && (isMap(n) || isSeq(n))) {
    const last = n.items[n.items.length - 1];
    const v = isPair(last) ? (last.value ?? last.key) : last;
    return (v ? contentEnd(v, depth + 1) : undefined) ?? n.range?.[1];
  }
  return (n as Node | null)?.range?.[1];
}

function replaceFixes(range: [number, number], suggestions: readonly Suggestion[], what: string, at?: Located): Fix[] {
  const safe = suggestions.length === 1;
  return suggestions.map((s, i) => ({
    title: `Change ${what} to "${s.value}"`,
    edits: [valueEdit(range, s.value, at)],
    isPreferred: i === 0 && safe,
    safe,
  }));
}

/** A context label for the last segment of a path, e.g. "metadata.name" or "workload name". */
function fieldLabelOf(path: readonly Segment[], kind: DocKind = 'assignment'): string {
  const named = path.filter((s): s is string => typeof s === 'string');
  const w = whereOf(path.slice(0, -1), kind);
  const last = named[named.length - 1] ?? 'value';
  if (w === 'workload') return `workload ${last}`;
  if (w === 'team') return `team ${last}`;
  if (w === 'metadata' || w === 'baseline-metadata' || w === 'registry-metadata') return `metadata.${last}`;
  if (w === 'provider') return `provider.${last}`;
  if (w === 'model') return `model ${last}`;
  if (w === 'layer') return `layer ${last}`;
  if (w === 'owners') return `the cell "${last}"`;
  if (w === 'assignment') return `${last}`;
  return last;
}

/**
 * Turns ajv errors (paths relative to `root`, whose full path is `prefix`) into findings with exact ranges.
 * `layerName`: for messages about assignments, the layer at hand.
 */
export function schemaFindings(
  errors: readonly ErrorObject[],
  root: Node | null,
  prefix: readonly Segment[],
  context: SchemaContext = {},
): RawFinding[] {
  const ctx: Required<SchemaContext> = { document: context.document ?? 'assignment', baseline: context.baseline ?? MICROSOFT_DIAGRAM, text: context.text ?? '' };
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    const rel = parsePointer(e.instancePath);
    const full = [...prefix, ...rel];
    const here = locate(root, rel);
    // anyOf (a layer's short or long form): keep only the branch that matches the value's shape.
    const anyOfAt = [...anyOfPaths].find((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
    if (anyOfAt !== undefined && e.keyword !== 'anyOf') {
      const at = locate(root, parsePointer(anyOfAt)).node;
      const branch = isMap(at) ? 1 : isScalar(at) && typeof at.value === 'string' ? 0 : -1;
      const m = /\/anyOf\/(\d+)\//.exec(e.schemaPath);
      if (branch === -1 || (m && Number(m[1]) !== branch)) continue;
      if (!m && branch !== 1) continue; // errors from the $ref'd long form only count for a mapping
    }
    if (e.keyword === 'anyOf') {
      const branch = isMap(here.node) ? 1 : isScalar(here.node) && typeof here.node.value === 'string' ? 0 : -1;
      if (branch !== -1) continue;
    }
    if (e.keyword === 'if') continue; // the branch's own error says what is wrong
    const f = toFinding(e, full, here, root, ctx);
    if (!f) continue;
    const key = `${f.start}:${f.end}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function parsePointer(p: string): Segment[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

function toFinding(e: ErrorObject, full: Segment[], here: Located, root: Node | null, ctx: Required<SchemaContext>): RawFinding | null {
  const kind = ctx.document;
  const b = ctx.baseline;
  const where = whereOf(full, kind);
  const fieldLabel = (p: readonly Segment[]) => fieldLabelOf(p, kind);
  const valueRange = rangeOf(here.node) ?? keyRange(here.pair) ?? rangeOf(root) ?? [0, 0];
  const mk = (range: [number, number], message: string, fixes: Fix[] = []): RawFinding => ({
    code: 'schema',
    severity: 'error',
    message,
    start: range[0],
    end: range[1],
    fixes,
  });
  const last = full[full.length - 1];
  const layer =
    kind !== 'assignment' ? undefined : where === 'assignment' ? String(last) : full[2] === 'responsibilities' ? String(full[3]) : undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const pair = isMap(here.node) ? pairFor(here.node, key) : null;
      const range = keyRange(pair) ?? valueRange;
      if (where === 'responsibilities') {
        const s = suggestLayer(key, b);
        const dym = didYouMean(s);
        const others = BUILTIN_BASELINES.filter((x) => x.id !== b.id && x.layer(key)).map((x) => x.id);
        const elsewhere = others.length
          ? ` "${truncate(key)}" is a layer of ${others.join(' and ')}, not of ${b.id}: set metadata.baseline to use it.`
          : '';
        const whose = b.id === DEFAULT_BASELINE ? "The model's layers are" : `The layers of ${b.id} are`;
        const fixes = replaceFixes(range, s, `the layer`);
        // A layer of another edition (identity-and-directory-infrastructure under microsoft-2026): offer to drop it.
        // Not safe: --fix never deletes what a user wrote.
        const end = pair ? contentEnd(pair.value) : undefined;
        const cut = others.length > 0 && end !== undefined ? wholeLines(ctx.text, range[0], end) : undefined;
        if (cut) fixes.push({ title: `Remove layer "${truncate(key)}" (not a layer of ${b.id})`, edits: [cut], safe: false });
        return mk(range, `Unknown layer "${truncate(key)}".${dym}${elsewhere} ${whose}: ${b.layerIds.join(', ')}.`, fixes);
      }
      const fieldsOf = WHERE_FIELDS[where];
      const allowed = fieldsOf ? Object.keys(FIELDS[fieldsOf]) : [];
      const s = closest(key, allowed);
      return mk(
        range,
        `Unknown key "${truncate(key)}" in ${WHERE_LABEL[where]}.${didYouMean(s)}${
          allowed.length ? ` Allowed keys: ${allowed.join(', ')}.` : ''
        }`,
        replaceFixes(range, s, 'the key'),
      );
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const range = keyRange(here.pair) ?? firstKeyRange(here.node) ?? valueRange;
      const label = where === 'assignment' ? `The assignment of layer "${String(last)}"` : capitalize(WHERE_LABEL[where]);
      const doc = FIELDS[WHERE_FIELDS[where] ?? (kind === 'baseline' ? 'baselineRoot' : kind === 'registry' ? 'registryRoot' : 'root')]?.[missing]?.doc;
      return mk(range, `${label} is missing the required key "${missing}"${doc ? `: ${lowerFirst(doc)}` : '.'}`);
    }
    case 'enum': {
      const value = isScalar(here.node) ? String(here.node.value) : '';
      if (last === 'model' && kind === 'assignment') {
        const s = suggestServiceModel(value, b);
        const what = b.id === DEFAULT_BASELINE ? 'a service model' : `a model (column) of baseline ${b.id}`;
        return mk(
          valueRange,
          `"${truncate(value)}" is not ${what}.${didYouMean(s)} Use one of: ${b.columnIds.join(', ')}.`,
          replaceFixes(valueRange, s, 'the model', here),
        );
      }
      if ((last === 'apiVersion' || last === 'kind') && full.length === 1) {
        const want = last === 'apiVersion' ? API_VERSION : kind === 'baseline' ? BASELINE_KIND : kind === 'registry' ? REGISTRY_KIND : KIND;
        return mk(valueRange, `${last} must be "${want}", not ${describeNode(here.node)}.`, [
          { title: `Change ${last} to "${want}"`, edits: [valueEdit(valueRange, want, here)], isPreferred: true, safe: true },
        ]);
      }
      if (layer !== undefined) {
        const s = suggestParty(value, b);
        return mk(
          valueRange,
          `"${truncate(value)}" is not a party for layer "${layer}".${didYouMean(s)} Use one of: ${b.parties.join(', ')}.`,
          replaceFixes(valueRange, s, 'the owner', here),
        );
      }
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return mk(valueRange, `${fieldLabel(full)} must be one of ${quoteList(allowed)}, not ${describeNode(here.node)}.`);
    }
    case 'type': {
      const want = TYPE_LABEL[String((e.params as { type: string }).type)] ?? String((e.params as { type: string }).type);
      const empty = !here.node || (isScalar(here.node) && here.node.value === null && here.node.source === '');
      const range = empty ? keyRange(here.pair) ?? valueRange : valueRange;
      if (full.length === 0) {
        return mk(
          range,
          kind === 'baseline'
            ? `A baseline document must be a mapping with apiVersion, kind, metadata and layers, not ${describeNode(here.node)}.`
            : kind === 'registry'
              ? `A team registry must be a mapping with apiVersion, kind, metadata and teams, not ${describeNode(here.node)}.`
            : `A responsibility document must be a mapping with apiVersion, kind, metadata and workloads, not ${describeNode(here.node)}.`,
        );
      }
      const label = where === 'assignment' ? `Layer "${String(last)}"` : where === 'team' ? 'Each team' : where === 'workload' ? 'Each workload' : fieldLabel(full).includes('"') ? fieldLabel(full) : `"${fieldLabel(full)}"`;
      return mk(range, `${label} must be ${want}, not ${describeNode(here.node)}.`);
    }
    case 'anyOf':
      return mk(
        valueRange,
        `Layer "${String(last)}" must be a party (${b.parties.join(', ')}) or a mapping with an owner, not ${describeNode(here.node)}.`,
      );
    case 'false schema': {
      // provider/models with extends, or remove without it (the baseline document's if/then/else).
      const range = keyRange(here.pair) ?? valueRange;
      const key = String(last);
      return mk(
        range,
        key === 'remove'
          ? 'remove is only allowed with extends: a baseline that defines everything itself lists only the layers it has.'
          : `${key} is not allowed with extends: a baseline that extends another keeps its provider and models.`,
      );
    }
    case 'not':
      return mk(valueRange, `${fieldLabel(full)} must not be customer, shared or depends: the provider is a party of its own.`);
    case 'pattern': {
      const value = isScalar(here.node) ? String(here.node.value) : '';
      const k = kebab(value);
      const fixes: Fix[] = k && k !== value ? [{ title: `Change to "${k}"`, edits: [valueEdit(valueRange, k, here)], isPreferred: true, safe: true }] : [];
      return mk(
        valueRange,
        `${fieldLabel(full)} "${truncate(value)}" is not kebab-case: use lowercase letters and digits joined by single hyphens${k && k !== value ? ` (for example "${truncate(k)}")` : ''}.`,
        fixes,
      );
    }
    case 'minItems':
      return mk(keyRange(here.pair) ?? valueRange, `${String(last)} must list at least one ${last === 'workloads' ? 'workload' : 'item'}.`);
    case 'minLength':
      return mk(keyRange(here.pair) ?? valueRange, `${fieldLabel(full)} must not be empty.`);
    case 'format':
      return mk(valueRange, `${fieldLabel(full)} must be a URL (for example https://contoso.example/runbook), not ${describeNode(here.node)}.`);
    default:
      return mk(valueRange, `${fieldLabel(full)}: ${e.message ?? 'does not match the format'}.`);
  }
}

/** Deletes the lines of [start, end) when that is all they hold (a block mapping's entry); else undefined (a flow
 *  mapping's entry: removing it would leave a stray comma). */
function wholeLines(text: string, start: number, end: number): TextEdit | undefined {
  if (text === '') return undefined;
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let le = text.indexOf('\n', end);
  if (le < 0) le = text.length;
  const before = text.slice(ls, start);
  const after = text.slice(end, le).replace(/\r$/, '');
  if (/^[ \t]*$/.test(before) && /^[ \t]*(#.*)?$/.test(after)) return { start: ls, end: Math.min(text.length, le + 1), newText: '' };
  return undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export const rule: Rule<
  (errors: readonly ErrorObject[], root: Node | null, prefix: readonly Segment[], context?: SchemaContext) => RawFinding[]
> = {
  id: 'schema',
  defaultSeverity: 'error',
  summary: 'The document does not match the srm/v1 format: wrong type, missing or unknown key, bad value.',
  why: 'Every other check and every tool reading the file relies on its shape.',
  fix: 'Follow the message: it names the allowed keys or values and suggests the closest one.',
  scope: 'document',
  suppressible: true,
  check: schemaFindings,
};
