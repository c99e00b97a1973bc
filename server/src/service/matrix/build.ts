// The responsibility matrix of a file: layers (model order) as rows, workloads as columns, the owner in each
// cell beside the owner the model expects, and the findings that fall in the cell, built from the engine's parse
// (it parses nothing itself). Pure; used by `srm matrix` and by the matrix webview. Renderers for md/csv/json are at
// the end (escaping: exportText.ts).
import { DEFAULT_BASELINE, DEPENDS, GROUPS, MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import { csvTable, jsonText, mdText } from '../exportText';
import type { AssignmentFacts } from '../check/facts';
import type { ParsedFile } from '../parse/parseFile';
import type { Finding, FindingCode, Severity } from '../types';

/** A finding as the matrix shows it: enough to list it and to jump to it. */
export interface MatrixFindingRef {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the file. */
  start: number;
  end: number;
  /** Set when an inline comment silences the finding (pass `includeSuppressed` findings to see these). */
  suppressed?: { reason?: string };
}

/**
 * How a cell compares with the model:
 * - `match`: the owner is the one the model gives for the workload's service model;
 * - `mismatch`: the owner is another party (whichever rule reports it, or none if suppressed);
 * - `unassigned`: the workload does not list the layer;
 * - `invalid`: the owner is not a party (`customer`, `microsoft`, `shared`);
 * - `unknown-model`: the owner is a party but the workload's model is missing or unknown, so nothing to compare.
 */
export type CellStatus = 'match' | 'mismatch' | 'unassigned' | 'invalid' | 'unknown-model';

export interface MatrixCell {
  /** The owner as written (a party when status is not `invalid`); null when unassigned. */
  owner: string | null;
  /** The team named in the long form, if any. */
  team?: string;
  /** The owner the baseline gives this layer under the workload's model (`depends`: any party); null when unknown. */
  expected: string | null;
  status: CellStatus;
  /**
   * Findings located in this assignment (and, for unassigned cells, the workload's unassigned-layer finding). Most
   * cells have none: they share one frozen empty list (NO_FINDINGS), replaced by the first finding attached.
   */
  findings: readonly MatrixFindingRef[];
  /** Offsets of the assignment (layer key to end of value); absent when unassigned. */
  start?: number;
  end?: number;
}

export interface MatrixWorkload {
  /** The name as written; `#N` (1-based position) when it has none. */
  name: string;
  /** The service model when it is a column of the document's baseline, else null (see modelText). */
  model: string | null;
  /** The model as written, when it is not a valid service model. */
  modelText?: string;
  /** The service as written (`service:`), when there is one. */
  service?: string;
  /** Offsets of the workload item. */
  start: number;
  end: number;
  /** Findings in the workload that belong to no single layer (for example schema errors, duplicate-name). */
  findings: readonly MatrixFindingRef[];
}

export interface MatrixRow {
  layer: string;
  label: string;
  /** The display group's id in the document's reference (`customer-always`… under the default baseline). */
  group: string;
  /** One cell per workload, in the order of `workloads`. */
  cells: MatrixCell[];
}

export interface MatrixDocument {
  /** 0-based index of the YAML document in the file (as Finding.document). */
  index: number;
  /** metadata.name, when present. */
  name?: string;
  /** True when the document has a YAML syntax error: the matrix shows what could be read, rules did not run. */
  syntaxError: boolean;
  workloads: MatrixWorkload[];
  /** Every layer of the document's baseline, in its display order. */
  rows: MatrixRow[];
  /** The baseline the document is checked against. */
  baseline: string;
  /** What that baseline expects: the view's reference columns and groups. */
  reference: MatrixReference;
}

export interface ResponsibilityMatrix {
  documents: MatrixDocument[];
}

function ref(f: Finding): MatrixFindingRef {
  const r: MatrixFindingRef = { code: f.code, severity: f.severity, message: f.message, start: f.start, end: f.end };
  if (f.suppression) r.suppressed = f.suppression.reason === undefined ? {} : { reason: f.suppression.reason };
  return r;
}

/**
 * The findings of a cell or workload that has none. One shared frozen list: a report over thousands of files holds
 * a hundred thousand cells, and one empty array each was a third of what its garbage collector had to copy.
 */
const NO_FINDINGS: readonly MatrixFindingRef[] = Object.freeze([]);

function attach(holder: { findings: readonly MatrixFindingRef[] }, r: MatrixFindingRef): void {
  if (holder.findings === NO_FINDINGS) holder.findings = [r];
  else (holder.findings as MatrixFindingRef[]).push(r);
}

/** Attaches each finding to the assignment holding it, else (unassigned-layer) to the gaps, else to its workload. */
function attachFindings(out: MatrixDocument, docFindings: readonly Finding[]): void {
  const ws = out.workloads;
  for (const f of docFindings) {
    const col = ws.findIndex((w) => f.start >= w.start && f.start < w.end);
    if (col < 0) continue;
    const row = out.rows.findIndex((r) => {
      const c = r.cells[col]!;
      return c.start !== undefined && c.end !== undefined && f.start >= c.start && f.start <= c.end;
    });
    if (row >= 0) attach(out.rows[row]!.cells[col]!, ref(f));
    else if (f.code === 'unassigned-layer') {
      for (const r of out.rows) if (r.cells[col]!.status === 'unassigned') attach(r.cells[col]!, ref(f));
    } else attach(ws[col]!, ref(f));
  }
}

/** The cell of one layer, given what is assigned (null when the workload does not list the layer). */
/** What a workload assigns to one layer, as the matrix shows it (file offsets from the layer key to its value's end). */
interface Assigned {
  owner: string | null;
  team?: string;
  start: number;
  end: number;
}

function makeCell(b: Baseline, model: string | null, layer: string, a: Assigned | null): MatrixCell {
  const expected = model ? (b.cell(layer, model) ?? null) : null;
  if (!a) return { owner: null, expected, status: 'unassigned', findings: NO_FINDINGS };
  const cell: MatrixCell = { owner: a.owner, expected, status: 'match', findings: NO_FINDINGS, start: a.start, end: a.end };
  if (a.team !== undefined) cell.team = a.team;
  if (!b.isParty(a.owner)) cell.status = 'invalid';
  else if (expected === null) cell.status = 'unknown-model';
  else cell.status = a.owner === expected || expected === DEPENDS ? 'match' : 'mismatch';
  return cell;
}

/** A row's group id in `b`'s reference: the derived kind under the default (as before baselines), else the label. */
function groupId(b: Baseline, layer: string): string {
  return b.id === DEFAULT_BASELINE ? (b.kindOf(layer) ?? 'varies') : (b.groupOf(layer) ?? '');
}

/**
 * The party an assignment names as written (its scalar's value, else its text at `base` in `text`), null when it
 * names none (no value, empty, `~` or `null`): what the matrix shows and the report lists.
 */
export function writtenOwner(a: AssignmentFacts, base: number, text: string): string | null {
  const written = a.owner ?? (a.ownerSpan ? text.slice(a.ownerSpan.start + base, a.ownerSpan.end + base) : null);
  return written === null || written === '' || written === '~' || written === 'null' ? null : written;
}

/**
 * The matrix from the engine's parse (the language server's cached ParsedFile): no second parse. `findings` are
 * the file's findings (from `diagnose` on the same ParsedFile). A document with a YAML syntax error has no
 * workloads here (the engine reads nothing past a syntax error); the view keeps its last good picture instead.
 */
export function matrixFromParsed(file: ParsedFile, findings: readonly Finding[] = []): ResponsibilityMatrix {
  const documents: MatrixDocument[] = [];
  for (const d of file.documents) {
    if (d.baselineDoc) continue; // a baseline document has no workloads: srm baselines show draws its matrix
    const b = d.baseline;
    const out: MatrixDocument = { index: d.index, syntaxError: d.syntax.length > 0, workloads: [], rows: [], baseline: b.id, reference: matrixReference(b) };
    const name = d.name;
    if (name !== undefined && name !== '') out.name = name;
    const cols = d.workloads.map((part, i) => {
      const f = part.analysis.facts;
      const at = (s: { start: number; end: number } | undefined) =>
        s ? { start: s.start + part.base, end: s.end + part.base } : undefined;
      const wl: MatrixWorkload = {
        name: f.name ?? `#${i + 1}`,
        model: b.hasColumn(f.model) ? f.model : null,
        // The item's own node (as yaml reports it: after the `- `), falling back to its chunk.
        start: f.span.end > f.span.start ? f.span.start + part.base : part.start,
        end: f.span.end > f.span.start ? f.span.end + part.base : part.end,
        findings: NO_FINDINGS,
      };
      if (f.service !== undefined && f.service.trim() !== '') wl.service = f.service.length > 200 ? `${f.service.slice(0, 199)}…` : f.service;
      const modelSpan = at(f.modelSpan);
      if (!wl.model && modelSpan) {
        const raw = f.model ?? file.text.slice(modelSpan.start, modelSpan.end);
        if (raw !== '' && raw !== '~' && raw !== 'null') wl.modelText = raw;
      }
      const assigned = new Map<string, Assigned>();
      for (const a of f.assignments) {
        if (assigned.has(a.layer)) continue;
        const entry: Assigned = { owner: writtenOwner(a, part.base, file.text), start: a.key.start + part.base, end: a.end + part.base };
        if (a.team !== undefined) entry.team = a.team;
        assigned.set(a.layer, entry);
      }
      return { wl, assigned };
    });
    out.workloads = cols.map((c) => c.wl);
    for (const layer of b.layers) {
      const cells = cols.map(({ wl, assigned }) => makeCell(b, wl.model, layer.id, assigned.get(layer.id) ?? null));
      out.rows.push({ layer: layer.id, label: layer.label, group: groupId(b, layer.id), cells });
    }
    attachFindings(out, findings.filter((f) => f.document === d.index));
    documents.push(out);
  }
  return { documents };
}

/** What the baseline expects, for the view's reference columns: every layer under every column. */
export interface MatrixReference {
  /** The baseline's id, and its title (the view's header names it). */
  baseline?: { id: string; title: string };
  models: Array<{ id: string; label: string }>;
  groups: Array<{ id: string; label: string; doc: string }>;
  rows: Array<{
    layer: string;
    label: string;
    group: string;
    owners: Record<string, string>;
    /** Cells a custom baseline moved: column -> "was X: reason". */
    overrides?: Record<string, string>;
    /** Set on a layer a custom baseline added (its reason, if any). */
    added?: string;
  }>;
}

const references = new Map<string, MatrixReference>();

export function matrixReference(b: Baseline = MICROSOFT_DIAGRAM): MatrixReference {
  const hit = references.get(b.key);
  if (hit) return hit;
  const dflt = b.id === DEFAULT_BASELINE;
  const ref: MatrixReference = {
    ...(dflt ? {} : { baseline: { id: b.id, title: b.def.title } }),
    models: b.columns.map((c) => ({ id: c.id, label: c.label })),
    groups: dflt
      ? GROUPS.map((g) => ({ id: g.id, label: g.label, doc: g.doc }))
      : b.groups().map((g) => ({ id: g.label, label: g.label, doc: '' })),
    rows: b.layers.map((l) => ({
      layer: l.id,
      label: l.label,
      group: groupId(b, l.id),
      owners: { ...l.owners },
      ...(l.overrides && l.overrides.length > 0
        ? { overrides: Object.fromEntries(l.overrides.map((o) => [o.column, `was ${o.was}${o.reason ? `: ${o.reason}` : ''}`])) }
        : {}),
      ...(l.added ? { added: l.reason ?? '' } : {}),
    })),
  };
  if (references.size > 64) references.clear();
  references.set(b.key, ref);
  return ref;
}

// ---- renderers (user text goes through exportText.ts) ----

/** Turns user text into the export's text: identity for the plain cells of CSV, mdText for Markdown. */
type Escape = (s: string) => string;
const asIs: Escape = (s) => s;

/** A cell as text; `e` applies to what the file wrote (owner, team), never to the words added here. */
function cellText(c: MatrixCell, e: Escape = asIs): string {
  if (c.status === 'unassigned') return c.expected ? `(unassigned; expected ${c.expected})` : '(unassigned)';
  const owner = c.owner === null ? '(empty)' : e(c.owner);
  const team = c.team ? ` [${e(c.team)}]` : '';
  if (c.status === 'mismatch' || c.status === 'invalid') {
    return `${owner}${team} ✗ expected ${c.expected ?? '?'}`;
  }
  return `${owner}${team}`;
}

function columnTitle(w: MatrixWorkload, e: Escape = asIs): string {
  return `${e(w.name)} (${w.model ?? (w.modelText === undefined ? 'no model' : e(w.modelText))})`;
}

/** Markdown: one table per document; mismatches marked ✗ with the expected owner, findings' rule ids listed. */
export function matrixToMarkdown(m: ResponsibilityMatrix): string {
  const parts: string[] = [];
  for (const d of m.documents) {
    const title = d.name === undefined ? `document ${d.index + 1}` : mdText(d.name);
    const under = d.baseline === DEFAULT_BASELINE ? '' : ` (baseline ${mdText(d.baseline)})`;
    parts.push(`## ${title}${under}${d.syntaxError ? ' (YAML syntax error: partial)' : ''}\n`);
    if (d.workloads.length === 0) {
      parts.push('No workloads.\n');
      continue;
    }
    const header = ['Layer', ...d.workloads.map((w) => columnTitle(w, mdText))];
    const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
    for (const r of d.rows) {
      const cells = r.cells.map((c) => {
        const codes = [
          ...new Set(
            c.findings.map((f) =>
              f.suppressed ? `${f.code} suppressed${f.suppressed.reason ? `: ${mdText(f.suppressed.reason)}` : ''}` : f.code,
            ),
          ),
        ];
        return cellText(c, mdText) + (codes.length ? ` (${codes.join(', ')})` : '');
      });
      lines.push(`| ${mdText(r.label)} | ${cells.join(' | ')} |`);
    }
    parts.push(`${lines.join('\n')}\n`);
  }
  return parts.join('\n');
}

/**
 * The CSV's cells as plain text: a header (`layer`, then one column per workload of every document, prefixed
 * `document/` when the file has several documents), then one row per layer; a cell holds the owner, with
 * `✗ expected X` on a mismatch.
 */
export function matrixCsvRows(m: ResponsibilityMatrix): string[][] {
  const multi = m.documents.length > 1;
  const header = ['layer'];
  for (const d of m.documents) {
    for (const w of d.workloads) header.push(`${multi ? `${d.name ?? `document ${d.index + 1}`}/` : ''}${columnTitle(w)}`);
  }
  const rows = [header];
  // Every layer of every document's baseline, in first-seen order; a document whose baseline lacks one gets ''.
  const layers: string[] = [];
  for (const d of m.documents) for (const r of d.rows) if (!layers.includes(r.layer)) layers.push(r.layer);
  for (const layer of layers) {
    const row = [layer];
    for (const d of m.documents) {
      const r = d.rows.find((x) => x.layer === layer);
      for (let i = 0; i < d.workloads.length; i++) row.push(r ? cellText(r.cells[i] as MatrixCell) : '');
    }
    rows.push(row);
  }
  return rows;
}

/** CSV (RFC 4180) of matrixCsvRows; a cell that would start a spreadsheet formula is neutralised (csvCell). */
export function matrixToCsv(m: ResponsibilityMatrix): string {
  return csvTable(matrixCsvRows(m));
}

/** JSON of the matrix: the file's text as data, exact once parsed; the text has no raw `<`, `>` or `&` (jsonText). */
export function matrixToJson(m: ResponsibilityMatrix): string {
  return `${jsonText(m)}\n`;
}
