// A baseline document (`kind: ResponsibilityBaseline`) read off its YAML tree: the facts the resolver builds a
// Baseline from, with the ranges its findings point at. Offsets are relative to the document's text. (Its shape
// check is baselines/check.ts.)
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Column } from '../../model';
import { keyText, span, stringOf, type Span } from '../check/facts';
import type { RawFinding } from '../check/findings';

export interface Spanned {
  value: string;
  span: Span;
}

export interface CellFacts {
  column: string;
  keySpan: Span;
  /** The cell as written, when it is a string. */
  cell?: string;
  cellSpan?: Span;
}

export interface BaselineLayerFacts {
  id?: Spanned;
  label?: string;
  group?: string;
  doc?: string;
  reason?: string;
  after?: Spanned;
  cells: CellFacts[];
  span: Span;
}

export interface ServiceFacts {
  name?: Spanned;
  aliases: Spanned[];
  models: Spanned[];
  source?: string;
  confidence?: string;
  span: Span;
}

export interface BaselineDocFacts {
  name?: Spanned;
  description?: string;
  source?: string;
  extends?: Spanned;
  provider?: { id: string; label: string };
  models?: Column[];
  modelSpans?: Span[];
  layers: BaselineLayerFacts[];
  remove: Spanned[];
  services: ServiceFacts[];
  /** The document's whole range (for "defined at"). */
  span: Span;
}

export interface BaselineDocAnalysis {
  facts: BaselineDocFacts;
  /** Shape findings: schema, duplicate-key, duplicate-name (layer ids). */
  findings: RawFinding[];
  /** True when the shape is sound enough to resolve (no schema error). */
  shapeOk: boolean;
}

function pairs(n: unknown): Pair[] {
  return isMap(n) ? (n.items as Pair[]) : [];
}

function spanned(n: unknown): Spanned | undefined {
  const v = stringOf(n);
  const s = span(n as Node);
  return v !== undefined && s ? { value: v, span: s } : undefined;
}

/** Whether a document's root mapping says `kind: ResponsibilityBaseline`. */
export function isBaselineRoot(root: unknown): boolean {
  return pairs(root).some((p) => keyText(p) === 'kind' && stringOf(p.value) === 'ResponsibilityBaseline');
}

/** A cheap look at a document's text: a top-level `kind: ResponsibilityBaseline` line (routes it to this reader). */
export function looksLikeBaseline(text: string): boolean {
  // The word first: a quick search, where the line pattern would be tried at every line of a big file.
  return text.includes('ResponsibilityBaseline') && /^kind:[ \t]*(["']?)ResponsibilityBaseline\1[ \t]*(#.*)?\r?$/m.test(text);
}

export function baselineFacts(root: Node | null): BaselineDocFacts {
  const facts: BaselineDocFacts = { layers: [], remove: [], services: [], span: span(root) ?? { start: 0, end: 0 } };
  for (const p of pairs(root)) {
    const k = keyText(p);
    const v = p.value;
    if (k === 'metadata') {
      for (const mp of pairs(v)) {
        const mk = keyText(mp);
        if (mk === 'name') facts.name = spanned(mp.value);
        else if (mk === 'description') facts.description = stringOf(mp.value);
        else if (mk === 'source') facts.source = stringOf(mp.value);
      }
    } else if (k === 'extends') facts.extends = spanned(v);
    else if (k === 'provider') {
      const id = stringOf(pairs(v).find((x) => keyText(x) === 'id')?.value);
      const label = stringOf(pairs(v).find((x) => keyText(x) === 'label')?.value);
      if (id !== undefined) facts.provider = { id, label: label ?? id };
    } else if (k === 'models' && isSeq(v)) {
      facts.models = [];
      facts.modelSpans = [];
      for (const it of v.items) {
        const id = stringOf(pairs(it).find((x) => keyText(x) === 'id')?.value);
        if (id === undefined) continue;
        const label = stringOf(pairs(it).find((x) => keyText(x) === 'label')?.value) ?? id;
        const cloudNode = pairs(it).find((x) => keyText(x) === 'cloud')?.value;
        const cloud = !(isScalar(cloudNode) && cloudNode.value === false);
        const doc = stringOf(pairs(it).find((x) => keyText(x) === 'doc')?.value);
        facts.models.push({ id, label, cloud, ...(doc === undefined ? {} : { doc }) });
        facts.modelSpans.push(span(pairs(it).find((x) => keyText(x) === 'id')?.value as Node) ?? { start: 0, end: 0 });
      }
    } else if (k === 'layers' && isSeq(v)) {
      for (const it of v.items) facts.layers.push(layerFacts(it as Node));
    } else if (k === 'services' && isSeq(v)) {
      for (const it of v.items) {
        const get = (key: string) => pairs(it).find((x) => keyText(x) === key)?.value;
        const list = (n: unknown) => (isSeq(n) ? n.items.flatMap((x) => (spanned(x) ? [spanned(x) as Spanned] : [])) : []);
        const f: ServiceFacts = { aliases: list(get('aliases')), models: list(get('models')), span: span(it as Node) ?? { start: 0, end: 0 } };
        const name = spanned(get('name'));
        if (name) f.name = name;
        const source = stringOf(get('source'));
        if (source !== undefined) f.source = source;
        const confidence = stringOf(get('confidence'));
        if (confidence !== undefined) f.confidence = confidence;
        facts.services.push(f);
      }
    } else if (k === 'remove' && isSeq(v)) {
      for (const it of v.items) {
        const s = spanned(it);
        if (s) facts.remove.push(s);
      }
    }
  }
  return facts;
}

function layerFacts(it: Node): BaselineLayerFacts {
  const f: BaselineLayerFacts = { cells: [], span: span(it) ?? { start: 0, end: 0 } };
  for (const p of pairs(it)) {
    const k = keyText(p);
    if (k === 'id') f.id = spanned(p.value);
    else if (k === 'label') f.label = stringOf(p.value);
    else if (k === 'group') f.group = stringOf(p.value);
    else if (k === 'doc') f.doc = stringOf(p.value);
    else if (k === 'reason') f.reason = stringOf(p.value);
    else if (k === 'after') f.after = spanned(p.value);
    else if (k === 'owners') {
      for (const cp of pairs(p.value)) {
        const column = keyText(cp);
        const keySpan = span(cp.key as Node);
        if (column === undefined || !keySpan) continue;
        const cell = stringOf(cp.value);
        const cellSpan = span(cp.value as Node);
        f.cells.push({ column, keySpan, ...(cell === undefined ? {} : { cell }), ...(cellSpan ? { cellSpan } : {}) });
      }
    }
  }
  return f;
}

