// The responsibility matrix of a file: layers (model order) as rows, workloads as columns, the owner in each
// cell beside the owner the model expects, and the findings that fall in the cell. Pure; used by
// `srm matrix` and by the matrix webview. Renderers for md/csv/json are at the end.
import { isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Pair } from 'yaml';
import { LAYERS, expectedOwner, isParty, isServiceModel, type LayerGroup, type Party, type ServiceModel } from '../model';
import type { Finding, FindingCode, Severity } from './types';

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
  /** The owner the model gives this layer under the workload's model; null when the model is unknown. */
  expected: Party | null;
  status: CellStatus;
  /** Findings located in this assignment (and, for unassigned cells, the workload's unassigned-layer finding). */
  findings: MatrixFindingRef[];
  /** Offsets of the assignment (layer key to end of value); absent when unassigned. */
  start?: number;
  end?: number;
}

export interface MatrixWorkload {
  /** The name as written; `#N` (1-based position) when it has none. */
  name: string;
  /** The service model when valid, else null (see modelText). */
  model: ServiceModel | null;
  /** The model as written, when it is not a valid service model. */
  modelText?: string;
  /** Offsets of the workload item. */
  start: number;
  end: number;
  /** Findings in the workload that belong to no single layer (for example schema errors, duplicate-name). */
  findings: MatrixFindingRef[];
}

export interface MatrixRow {
  layer: string;
  label: string;
  group: LayerGroup;
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
  /** Every layer of the model, in the model's display order. */
  rows: MatrixRow[];
}

export interface ResponsibilityMatrix {
  documents: MatrixDocument[];
}

function ref(f: Finding): MatrixFindingRef {
  const r: MatrixFindingRef = { code: f.code, severity: f.severity, message: f.message, start: f.start, end: f.end };
  if (f.suppression) r.suppressed = f.suppression.reason === undefined ? {} : { reason: f.suppression.reason };
  return r;
}

const pairsOf = (n: unknown): Pair[] => (isMap(n) ? (n.items as Pair[]) : []);
const keyOf = (p: Pair): string | undefined => (isScalar(p.key) ? String(p.key.value) : undefined);
const valueOf = (n: unknown, key: string): unknown => pairsOf(n).find((p) => keyOf(p) === key)?.value;
const str = (n: unknown): string | undefined => (isScalar(n) && typeof n.value === 'string' ? n.value : undefined);

/**
 * Builds the matrix of every document of `text`. `findings` are the file's findings (from `diagnose`, same
 * text); each is attached to the cell, or the workload, whose range holds it. Never throws on bad input.
 */
export function buildMatrix(text: string, findings: readonly Finding[] = []): ResponsibilityMatrix {
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false });
  } catch {
    return { documents: [] };
  }
  const documents: MatrixDocument[] = [];
  let index = -1;
  for (const doc of Array.isArray(docs) ? docs : []) {
    index++;
    const root = doc.contents;
    const docFindings = findings.filter((f) => f.document === index);
    const out: MatrixDocument = { index, syntaxError: doc.errors.length > 0, workloads: [], rows: [] };
    const name = str(valueOf(valueOf(root, 'metadata'), 'name'));
    if (name !== undefined) out.name = name;
    const items = isSeq(valueOf(root, 'workloads')) ? ((valueOf(root, 'workloads') as { items: unknown[] }).items) : [];
    type Col = { wl: MatrixWorkload; assigned: Map<string, { value: unknown; start: number; end: number }> };
    const cols: Col[] = [];
    items.forEach((item, i) => {
      const range = (item as YamlNode | null)?.range;
      const start = range?.[0] ?? 0;
      const end = range?.[1] ?? 0;
      const modelText = str(valueOf(item, 'model'));
      const wl: MatrixWorkload = {
        name: str(valueOf(item, 'name')) ?? `#${i + 1}`,
        model: isServiceModel(modelText) ? modelText : null,
        start,
        end,
        findings: [],
      };
      if (!isServiceModel(modelText)) {
        const raw = valueOf(item, 'model');
        if (raw !== undefined && raw !== null) wl.modelText = isScalar(raw) ? String(raw.value) : '(not a string)';
      }
      const assigned = new Map<string, { value: unknown; start: number; end: number }>();
      for (const p of pairsOf(valueOf(item, 'responsibilities'))) {
        const layer = keyOf(p);
        if (layer === undefined || assigned.has(layer)) continue;
        const k = (p.key as YamlNode).range;
        const v = (p.value as YamlNode | null)?.range;
        assigned.set(layer, { value: p.value, start: k?.[0] ?? start, end: v?.[1] ?? k?.[1] ?? start });
      }
      cols.push({ wl, assigned });
    });
    out.workloads = cols.map((c) => c.wl);

    for (const layer of LAYERS) {
      const cells = cols.map(({ wl, assigned }): MatrixCell => {
        const expected = wl.model ? (expectedOwner(layer.id, wl.model) ?? null) : null;
        const a = assigned.get(layer.id);
        if (!a) return { owner: null, expected, status: 'unassigned', findings: [] };
        const ownerNode = isMap(a.value) ? valueOf(a.value, 'owner') : a.value;
        const owner = isScalar(ownerNode) && ownerNode.value !== null ? String(ownerNode.value) : null;
        const cell: MatrixCell = { owner, expected, status: 'match', findings: [], start: a.start, end: a.end };
        const team = isMap(a.value) ? str(valueOf(a.value, 'team')) : undefined;
        if (team !== undefined) cell.team = team;
        if (!isParty(owner)) cell.status = 'invalid';
        else if (expected === null) cell.status = 'unknown-model';
        else cell.status = owner === expected ? 'match' : 'mismatch';
        return cell;
      });
      out.rows.push({ layer: layer.id, label: layer.label, group: layer.group, cells });
    }

    // Attach each finding to the assignment holding it, else to its workload.
    for (const f of docFindings) {
      const col = cols.findIndex((c) => f.start >= c.wl.start && f.start < c.wl.end);
      if (col < 0) continue;
      const row = out.rows.findIndex((r) => {
        const c = r.cells[col]!;
        return c.start !== undefined && c.end !== undefined && f.start >= c.start && f.start <= c.end;
      });
      if (row >= 0) out.rows[row]!.cells[col]!.findings.push(ref(f));
      else if (f.code === 'unassigned-layer') {
        for (const r of out.rows) if (r.cells[col]!.status === 'unassigned') r.cells[col]!.findings.push(ref(f));
      } else cols[col]!.wl.findings.push(ref(f));
    }
    documents.push(out);
  }
  return { documents };
}

// ---- renderers ----

function cellText(c: MatrixCell): string {
  if (c.status === 'unassigned') return c.expected ? `(unassigned; expected ${c.expected})` : '(unassigned)';
  const owner = c.owner ?? '(empty)';
  const team = c.team ? ` [${c.team}]` : '';
  if (c.status === 'mismatch' || c.status === 'invalid') {
    return `${owner}${team} ✗ expected ${c.expected ?? '?'}`;
  }
  return `${owner}${team}`;
}

function columnTitle(w: MatrixWorkload): string {
  return `${w.name} (${w.model ?? w.modelText ?? 'no model'})`;
}

/** Markdown: one table per document; mismatches marked ✗ with the expected owner, findings' rule ids listed. */
export function matrixToMarkdown(m: ResponsibilityMatrix): string {
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const parts: string[] = [];
  for (const d of m.documents) {
    const title = d.name ?? `document ${d.index + 1}`;
    parts.push(`## ${esc(title)}${d.syntaxError ? ' (YAML syntax error: partial)' : ''}\n`);
    if (d.workloads.length === 0) {
      parts.push('No workloads.\n');
      continue;
    }
    const header = ['Layer', ...d.workloads.map(columnTitle)];
    const lines = [`| ${header.map(esc).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
    for (const r of d.rows) {
      const cells = r.cells.map((c) => {
        const codes = [
          ...new Set(
            c.findings.map((f) =>
              f.suppressed ? `${f.code} suppressed${f.suppressed.reason ? `: ${f.suppressed.reason}` : ''}` : f.code,
            ),
          ),
        ];
        return esc(cellText(c) + (codes.length ? ` (${codes.join(', ')})` : ''));
      });
      lines.push(`| ${esc(r.label)} | ${cells.join(' | ')} |`);
    }
    parts.push(`${lines.join('\n')}\n`);
  }
  return parts.join('\n');
}

/**
 * CSV (RFC 4180): one row per layer, one column per workload of every document (prefixed `document/` when
 * the file has several documents). A cell holds the owner, with `✗ expected X` on a mismatch.
 */
export function matrixToCsv(m: ResponsibilityMatrix): string {
  const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const multi = m.documents.length > 1;
  const header = ['layer'];
  for (const d of m.documents) {
    for (const w of d.workloads) header.push(`${multi ? `${d.name ?? `document ${d.index + 1}`}/` : ''}${columnTitle(w)}`);
  }
  const rows = [header];
  LAYERS.forEach((layer, i) => {
    const row = [layer.id];
    for (const d of m.documents) for (const c of d.rows[i]?.cells ?? []) row.push(cellText(c));
    rows.push(row);
  });
  return `${rows.map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;
}

export function matrixToJson(m: ResponsibilityMatrix): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
