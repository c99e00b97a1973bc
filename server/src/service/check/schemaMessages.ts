// The words and edits of schema findings (rules/schema.ts): where in a document a path points and what to call it,
// how a YAML value reads in a message, and the edits that replace a value or remove whole lines.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { FIELDS } from '../../model';
import { rangeOf, truncate, type Located, type Segment } from './schemaValidation';
import type { Suggestion } from '../suggest';
import type { Fix, TextEdit } from '../types';

export type Where =
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

export type DocKind = 'assignment' | 'baseline' | 'registry';

export function whereOf(path: readonly Segment[], kind: DocKind = 'assignment'): Where {
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

export const WHERE_LABEL: Record<Where, string> = {
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

export const WHERE_FIELDS: Partial<Record<Where, keyof typeof FIELDS>> = {
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

export function describeNode(n: Node | null): string {
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

export const TYPE_LABEL: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

export function quoteList(xs: readonly string[]): string {
  return xs.map((x) => `"${x}"`).join(', ');
}

export function kebab(s: string): string {
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
export function valueEdit(range: readonly [number, number], text: string, at?: Located): TextEdit {
  const n = at?.node;
  const k = at?.pair ? rangeOf(at.pair.key as Node | null) : null;
  if (k && (isMap(n) || isSeq(n)) && !n.flow) return { start: k[1], end: Math.max(k[1], contentEnd(n) ?? range[1]), newText: `: ${text}` };
  return { start: range[0], end: range[1], newText: range[0] === range[1] ? ` ${text}` : text };
}

/** Where a node's content ends: a block collection's range also takes the line end after its last item. */
export function contentEnd(n: unknown, depth = 0): number | undefined {
  if (depth < 100 && (isMap(n) || isSeq(n))) {
    const last = n.items[n.items.length - 1];
    const v = isPair(last) ? (last.value ?? last.key) : last;
    return (v ? contentEnd(v, depth + 1) : undefined) ?? n.range?.[1];
  }
  return (n as Node | null)?.range?.[1];
}

export function replaceFixes(range: [number, number], suggestions: readonly Suggestion[], what: string, at?: Located): Fix[] {
  const safe = suggestions.length === 1;
  return suggestions.map((s, i) => ({
    title: `Change ${what} to "${s.value}"`,
    edits: [valueEdit(range, s.value, at)],
    isPreferred: i === 0 && safe,
    safe,
  }));
}

/** A context label for the last segment of a path, e.g. "metadata.name" or "workload name". */
export function fieldLabelOf(path: readonly Segment[], kind: DocKind = 'assignment'): string {
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

/** Deletes the lines of [start, end) when that is all they hold (a block mapping's entry); else undefined (a flow
 *  mapping's entry: removing it would leave a stray comma). */
export function wholeLines(text: string, start: number, end: number): TextEdit | undefined {
  if (text === '') return undefined;
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let le = text.indexOf('\n', end);
  if (le < 0) le = text.length;
  const before = text.slice(ls, start);
  const after = text.slice(end, le).replace(/\r$/, '');
  if (/^[ \t]*$/.test(before) && /^[ \t]*(#.*)?$/.test(after)) return { start: ls, end: Math.min(text.length, le + 1), newText: '' };
  return undefined;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
