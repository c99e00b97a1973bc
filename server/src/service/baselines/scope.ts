// Resolving baseline ids to Baselines: the built-ins, the baseline documents of the file being checked, and those of
// the files srm.config.yaml lists under `baselines:`. A custom baseline is built from its document once per scope
// (cached), `extends` chains are followed with cycle detection (never looping), and the meaning findings of each
// document (invalid-baseline) come out of the same resolution. Pure: sources are (name, text) pairs.
import {
  BUILTIN_IDS,
  Baseline,
  CUSTOMER,
  DEPENDS,
  SHARED,
  builtinBaseline,
  own,
  type Column,
  type LayerDef,
  type Override,
} from '../../model';
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { LineIndex } from '../lines';
import { invalidBaseline } from '../rules/invalid-baseline';
import { buildServices } from './services';
import { closest, didYouMean } from '../suggest';
import type { BaselineDocAnalysis, BaselineDocFacts } from './document';

/** Where a file's own baseline documents are defined (hovers, messages, go to definition). */
export const THIS_FILE = 'this file';

/** A file of baseline documents (listed by srm.config.yaml): its path or uri, and its text. */
export interface BaselineSource {
  source: string;
  text: string;
}

/** One baseline document in reach: where it is and what its shape says. Offsets are relative to `base` in `text`. */
export interface BaselineEntry {
  name: string;
  source: string;
  /** The text the offsets index (the whole file). */
  text: string;
  /** Add to the analysis' offsets to get offsets in `text`. */
  base: number;
  analysis: BaselineDocAnalysis;
}

export type Resolution =
  | { ok: true; baseline: Baseline }
  | { ok: false; kind: 'unknown' | 'invalid'; message: string };

/** What resolving a baseline document gives: the Baseline (when its meaning holds) and its meaning findings. */
export interface Built {
  baseline?: Baseline;
  /** invalid-baseline findings, offsets relative to the document (add the entry's base). */
  findings: RawFinding[];
}

/** Deepest `extends` chain followed; deeper is reported, never recursed into. */
const MAX_DEPTH = 256;

export class BaselineScope {
  private readonly entries = new Map<string, BaselineEntry>();
  private readonly built = new Map<string, Built>();
  /** A string that changes when any entry's text does (cache keys of files that use this scope). */
  readonly key: string;

  /** `entries` nearest first: the first of a name wins. */
  constructor(entries: readonly BaselineEntry[]) {
    for (const e of entries) if (!this.entries.has(e.name)) this.entries.set(e.name, e);
    this.key = [...this.entries.values()].map((e) => `${e.name}@${e.source}:${e.base}:${hash(e.text)}`).join(',');
  }

  /** This scope with a file's own baseline documents in front (they shadow the config's of the same name). */
  withLocal(entries: readonly BaselineEntry[]): BaselineScope {
    return entries.length === 0 ? this : new BaselineScope([...entries, ...this.entries.values()]);
  }

  /** Every custom baseline name in reach, nearest first. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Built-in ids and custom names: what "did you mean" chooses from. */
  known(): string[] {
    return [...BUILTIN_IDS, ...this.names().filter((n) => !BUILTIN_IDS.includes(n))];
  }

  entry(name: string): BaselineEntry | undefined {
    return this.entries.get(name);
  }

  /** Every baseline document in reach (the file's own first). */
  allEntries(): BaselineEntry[] {
    return [...this.entries.values()];
  }

  resolve(id: string): Resolution {
    const b = builtinBaseline(id);
    if (b) return { ok: true, baseline: b };
    const e = this.entry(id);
    if (!e) {
      return { ok: false, kind: 'unknown', message: `No baseline is named "${id}".${didYouMean(closest(id, this.known()))}` };
    }
    const built = this.build(id);
    if (built.baseline) return { ok: true, baseline: built.baseline };
    return { ok: false, kind: 'invalid', message: `Baseline "${id}" has errors: ${describe(e, built)}` };
  }

  /** The meaning findings of the named baseline document, relative to the document. */
  findingsOf(name: string): RawFinding[] {
    return this.entry(name) ? this.build(name).findings : [];
  }

  /** The names `extends` leads through from `name`, and how the walk ends. Walks entries only, never builds. */
  private chain(name: string): { names: string[]; end: 'base' | 'cycle' | 'deep' } {
    const names = [name];
    let cur = this.entries.get(name);
    while (cur) {
      const next = cur.analysis.facts.extends?.value;
      if (next === undefined || builtinBaseline(next) || !this.entries.has(next)) return { names, end: 'base' };
      if (names.includes(next)) {
        names.push(next);
        return { names, end: 'cycle' };
      }
      if (names.length > MAX_DEPTH) return { names, end: 'deep' };
      names.push(next);
      cur = this.entries.get(next);
    }
    return { names, end: 'base' };
  }

  /** Builds the named custom baseline (cached). A cycle or a chain too deep is found before any recursion. */
  private build(name: string): Built {
    const cached = this.built.get(name);
    if (cached) return cached;
    const own = this.entries.get(name) as BaselineEntry;
    const ext = own.analysis.facts.extends;
    const { names, end } = this.chain(name);
    let result: Built;
    if (ext && end === 'cycle' && names[names.length - 1] === name) {
      result = { findings: [invalidBaseline(ext.span, `extends closes a cycle: ${names.join(' → ')}.`)] };
    } else if (ext && end === 'deep') {
      result = { findings: [invalidBaseline(ext.span, `The extends chain is more than ${MAX_DEPTH} baselines deep.`)] };
    } else {
      // Guard against re-entry while building (cannot happen after the chain check; never loop if it did).
      this.built.set(name, { findings: [] });
      result = buildEntry(own, (n) => this.lookup(n), this.known());
    }
    this.built.set(name, result);
    return result;
  }

  /** A base for `extends`: a built-in, or a custom baseline in reach (built first). */
  private lookup(name: string): Baseline | 'unknown' | 'invalid' {
    const b = builtinBaseline(name);
    if (b) return b;
    if (!this.entries.has(name)) return 'unknown';
    return this.build(name).baseline ?? 'invalid';
  }
}

/** "path:line:col: the first error (and N more)" of a broken baseline document. */
function describe(e: BaselineEntry, built: Built): string {
  const shape = e.analysis.findings.filter((f) => f.severity === 'error');
  const meaning = built.findings.filter((f) => f.severity === 'error');
  const first = shape[0] ?? meaning[0];
  const count = shape.length + meaning.length;
  if (!first) return `${e.source}.`;
  const p = new LineIndex(e.text).positionAt(first.start + e.base);
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  return `${e.source}:${p.line + 1}:${p.character + 1}: ${first.message}${more}`;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}

type Lookup = (name: string) => Baseline | 'unknown' | 'invalid';

const nonParty = new Set([CUSTOMER, SHARED, DEPENDS]);

/** Builds one baseline document into a Baseline, with its meaning findings (offsets relative to the document). */
function buildEntry(e: BaselineEntry, lookup: Lookup, known: readonly string[]): Built {
  const f = e.analysis.facts;
  const findings: RawFinding[] = [];
  const name = e.name;
  const source = e.source;
  const at = (s: Span) => ({ source, start: s.start + e.base, end: s.end + e.base });
  if (f.name && BUILTIN_IDS.includes(f.name.value)) {
    findings.push(invalidBaseline(f.name.span, `"${f.name.value}" is a built-in baseline; a baseline document needs a name of its own (for example "${f.name.value}-custom").`));
  }
  let base: Baseline | undefined;
  if (f.extends) {
    const r = lookup(f.extends.value);
    if (r === 'unknown') {
      const s = closest(f.extends.value, known.filter((k) => k !== name));
      findings.push(
        invalidBaseline(
          f.extends.span,
          `extends names no baseline: "${f.extends.value}".${didYouMean(s)} Use a built-in id or the name of another baseline in reach.`,
          'error',
          s.map((x, i) => ({ title: `Extend "${x.value}"`, edits: [{ start: f.extends!.span.start, end: f.extends!.span.end, newText: x.value }], isPreferred: i === 0 && s.length === 1, safe: s.length === 1 })),
        ),
      );
      return { findings };
    }
    if (r === 'invalid') {
      findings.push(invalidBaseline(f.extends.span, `Baseline "${f.extends.value}", which this one extends, has errors; fix it first.`));
      return { findings };
    }
    base = r;
  }
  if (!e.analysis.shapeOk) return { findings };
  const provider = base ? base.provider : f.provider;
  const columns: readonly Column[] = base ? base.columns : (f.models ?? []);
  if (!provider || columns.length === 0) return { findings };
  const parties = new Set([CUSTOMER, provider.id, SHARED, DEPENDS]);
  const colIds = new Set(columns.map((c) => c.id));
  const layers: LayerDef[] = base ? base.layers.map((l) => ({ ...l })) : [];
  const index = (id: string) => layers.findIndex((l) => l.id === id);
  const seen = new Set<string>();
  /** `after:` positions, applied once every layer is in (so a layer may follow one given further down). */
  const placements: Array<{ id: string; after: NonNullable<(typeof f.layers)[number]['after']> }> = [];
  let broken = false;
  for (const lf of f.layers) {
    if (!lf.id) continue;
    const id = lf.id.value;
    if (seen.has(id)) continue; // duplicate-name reports it
    seen.add(id);
    const owners: Record<string, string> = {};
    for (const c of lf.cells) {
      if (!colIds.has(c.column)) {
        findings.push(invalidBaseline(c.keySpan, `"${c.column}" is not a column of this baseline. Columns: ${[...colIds].join(', ')}.${didYouMean(closest(c.column, [...colIds]))}`));
        broken = true;
        continue;
      }
      if (c.cell === undefined) continue;
      if (!parties.has(c.cell)) {
        const s = closest(c.cell, [...parties]);
        findings.push(
          invalidBaseline(
            c.cellSpan ?? c.keySpan,
            `"${c.cell}" is not a party of this baseline.${didYouMean(s)} A cell is ${[...parties].join(', ')}.`,
            'error',
            c.cellSpan ? s.map((x, i) => ({ title: `Change the cell to "${x.value}"`, edits: [{ start: c.cellSpan!.start, end: c.cellSpan!.end, newText: x.value }], isPreferred: i === 0 && s.length === 1, safe: s.length === 1 })) : [],
          ),
        );
        broken = true;
        continue;
      }
      owners[c.column] = c.cell;
    }
    const i = index(id);
    if (i >= 0) {
      const was = layers[i] as LayerDef;
      const overrides: Override[] = [...(was.overrides ?? [])];
      const changed: string[] = [];
      for (const [col, cell] of Object.entries(owners)) {
        if (own(was.owners, col) === cell) continue;
        changed.push(col);
        overrides.push({ column: col, was: own(was.owners, col) ?? '', ...(lf.reason ? { reason: lf.reason } : {}) });
      }
      if (changed.length > 0 && !lf.reason) {
        findings.push(invalidBaseline(lf.id.span, `Layer "${id}" overrides ${changed.map((c) => `the ${c} cell`).join(', ')} of "${base?.id ?? ''}" without a reason: add reason: (the clause or agreement that moves it), shown in hovers and reports.`, 'warning'));
      }
      const next: LayerDef = {
        ...was,
        owners: { ...was.owners, ...owners },
        ...(lf.label ? { label: lf.label } : {}),
        ...(lf.doc ? { doc: lf.doc } : {}),
        ...(lf.group ? { group: lf.group } : {}),
        ...(lf.reason ? { reason: lf.reason } : {}),
        overrides,
        definedAt: at(lf.id.span),
      };
      layers[i] = next;
      if (lf.after) placements.push({ id, after: lf.after });
      continue;
    }
    const missing: string[] = [];
    if (!lf.label) missing.push('a label');
    const noCell = columns.filter((c) => own(owners, c.id) === undefined && !lf.cells.some((x) => x.column === c.id)).map((c) => c.id);
    if (noCell.length > 0) missing.push(`a cell for ${noCell.join(', ')}`);
    if (missing.length > 0) {
      const what = base ? `is not a layer of "${base.id}", so it is a new layer and needs` : 'needs';
      const hint = base ? didYouMean(closest(id, base.layerIds)) : '';
      findings.push(invalidBaseline(lf.id.span, `Layer "${id}" ${what} ${missing.join(' and ')}.${hint}`));
      broken = true;
      continue;
    }
    const layer: LayerDef = {
      id,
      label: lf.label as string,
      owners,
      ...(lf.doc ? { doc: lf.doc } : {}),
      ...(lf.group ? { group: lf.group } : {}),
      ...(lf.reason ? { reason: lf.reason } : {}),
      added: true,
      definedAt: at(lf.id.span),
    };
    layers.push(layer);
    if (lf.after) placements.push({ id, after: lf.after });
  }
  for (const p of placements) {
    if (p.after.value === p.id) {
      findings.push(invalidBaseline(p.after.span, `Layer "${p.id}" cannot come after itself: its position is unchanged.`, 'warning'));
      continue;
    }
    if (!placeAfter(layers, index(p.id), p.after.value)) {
      const others = layers.map((l) => l.id).filter((x) => x !== p.id);
      findings.push(invalidBaseline(p.after.span, `after names no layer of this baseline: "${p.after.value}".${didYouMean(closest(p.after.value, others))}`));
    }
  }
  const removed: string[] = [];
  for (const r of f.remove) {
    if (removed.includes(r.value)) {
      findings.push(invalidBaseline(r.span, `"${r.value}" is already listed in remove.`, 'warning'));
      continue;
    }
    // Only layers of the base can be removed: a layer this document adds is taken out of its layers instead.
    const i = base?.layer(r.value) ? index(r.value) : -1;
    if (i < 0) {
      const s = closest(r.value, base?.layerIds ?? []);
      findings.push(invalidBaseline(r.span, `remove names no layer of "${base?.id ?? name}": "${r.value}".${didYouMean(s)}`));
      continue;
    }
    layers.splice(i, 1);
    removed.push(r.value);
  }
  const services = buildServices(f, base, colIds, findings);
  if (!base && provider && nonParty.has(provider.id)) broken = true; // the schema reports it
  if (broken || findings.some((x) => x.severity === 'error')) return { findings };
  const baseline = new Baseline({
    id: name,
    title: f.description ?? (base ? `${base.id}, as ${name} changes it` : name),
    ...(f.description ? { description: f.description } : {}),
    ...(f.source ? { source: f.source } : {}),
    provider,
    columns,
    layers,
    builtin: false,
    ...(base ? { extends: base.id } : {}),
    ...(removed.length > 0 ? { removed } : {}),
    definedAt: at(f.name?.span ?? f.span),
    services,
  });
  return { baseline, findings };
}

/** Moves layers[i] right after the layer `after`; false when there is no such layer. */
function placeAfter(layers: LayerDef[], i: number, after: string): boolean {
  const l = layers[i] as LayerDef;
  const j = layers.findIndex((x) => x.id === after);
  if (j < 0 || j === i) return false;
  layers.splice(i, 1);
  const k = layers.findIndex((x) => x.id === after);
  layers.splice(k + 1, 0, l);
  return true;
}

export type { BaselineDocFacts };
