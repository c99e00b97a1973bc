// The HTML report's matrices: each (baseline, model) group as the matrix view's picture (documentView), a table per
// MATRIX_TABLE_WORKLOADS workloads, drawn with as few of the picture's nodes as gives the same HTML. Pure.
import { documentView, legendView, type ViewNode } from '../matrix/view';
import type { MatrixCell, MatrixDocument } from '../matrix/build';
import { CHILDREN, RAW, aroundChildren, h, partPieces, renderView, tagsOf, type Pieces } from './htmlMarkup';
import type { ReportJson, ReportMatrix } from './shape';
import { plural } from './text';

/** Workloads per matrix table: a wider group is drawn as several tables (each with the baseline's columns). */
export const MATRIX_TABLE_WORKLOADS = 40;

/** Workloads [from, from + n) of a group, as a document of their own. */
function chunkOf(d: MatrixDocument, from: number, n: number): MatrixDocument {
  const total = d.workloads.length;
  if (from === 0 && n >= total) return d;
  const to = Math.min(from + n, total);
  return {
    ...d,
    name: `${d.name ?? ''} (workloads ${from + 1}–${to} of ${total})`,
    workloads: d.workloads.slice(from, to),
    rows: d.rows.map((r) => ({ ...r, cells: r.cells.slice(from, to) })),
  };
}

/** A cell that agrees with the baseline and has no finding: its tooltip would only repeat its row and column. */
function isPlain(c: MatrixCell): boolean {
  return c.status === 'match' && c.findings.length === 0;
}

/** The report's changes to the matrix view's picture: the heading a level down, each workload's file, no tooltip on plain cells. */
function decorate(v: ViewNode, m: ReportMatrix, from: number): void {
  const head = v.children?.[0];
  if (head && typeof head !== 'string' && head.tag === 'h2') head.tag = 'h3';
  const walk = (x: ViewNode): void => {
    if (x.tag === 'td') {
      if (x.attrs?.title !== undefined && x.cls !== undefined && /\bs-match\b/.test(x.cls) && !/\b(violation|suppressed)\b/.test(x.cls)) {
        const { title: _title, ...rest } = x.attrs;
        x.attrs = rest;
      }
      return;
    }
    if (x.tag === 'th' && x.data?.workload !== undefined && x.cls?.startsWith('wl')) {
      const w = m.workloads[from + Number(x.data.workload)];
      if (w) {
        x.children?.push({ tag: 'span', cls: 'wl-model wl-file', children: [`${w.file}:${w.line}`] });
        if (x.attrs?.title !== undefined) x.attrs.title += `\n${w.file}:${w.line}`;
      }
    }
    for (const c of x.children ?? []) if (typeof c !== 'string') walk(c);
  };
  walk(v);
}

/**
 * One table of a (baseline, model) matrix, the reference way: the matrix view's document of workloads
 * [from, from + n) of the group (documentView), with the report's changes (decorate). matrixTable gives the same.
 */
export function matrixTableReference(d: MatrixDocument, m: ReportMatrix, from: number, n: number): string {
  const v = documentView(chunkOf(d, from, n), d.reference);
  decorate(v, m, from);
  return renderView(v);
}

/** What matrixTable keeps from one table to the next of a report: each plain cell's drawing, each group's rows. */
export interface MatrixCellCache {
  /** owner -> team ('' for none) -> the cell's HTML. */
  plain: Map<string, Map<string, string>>;
  skeletons: WeakMap<MatrixDocument, Skeleton>;
}

export function newMatrixCellCache(): MatrixCellCache {
  return { plain: new Map(), skeletons: new WeakMap() };
}

/**
 * A group's table bodies without their cells: per body its tags, per row the HTML before and after the workloads'
 * cells (the row's tags and the cells that are not the workloads').
 */
type Skeleton = Array<{ open: string; close: string; items: Array<{ heading: ViewNode } | { row: number; before: string; after: string }> }>;

function nodes(v: ViewNode, tag: string, out: ViewNode[] = []): ViewNode[] {
  if (v.tag === tag) out.push(v);
  for (const c of v.children ?? []) if (typeof c !== 'string') nodes(c, tag, out);
  return out;
}

const raw = (html: string): ViewNode => ({ tag: RAW, children: [html] });

/** What renderView(v) writes before v's children and after them. */
const around = (v: ViewNode): [open: string, close: string] => aroundChildren(renderView({ ...v, children: [raw(CHILDREN)] }));

/** The rows around the cells: documentView of the group's first workload, its one cell per row left out. */
function skeletonOf(d: MatrixDocument, rowOf: ReadonlyMap<string, number>): Skeleton {
  const v = documentView({ ...d, workloads: [d.workloads[0]!], rows: d.rows.map((r) => ({ ...r, cells: [r.cells[0]!] })) }, d.reference);
  return nodes(v, 'tbody').map((tbody) => {
    const [open, close] = around(tbody);
    return {
      open,
      close,
      items: (tbody.children ?? []).flatMap((tr): Skeleton[number]['items'] => {
        if (typeof tr === 'string') return [];
        const row = rowOf.get(tr.data?.layer ?? '');
        if (row === undefined) return [{ heading: tr }];
        const kids = tr.children ?? [];
        const [trOpen, trClose] = around(tr);
        return [{ row, before: trOpen + renderView(kids[0]!), after: kids.slice(2).map(renderView).join('') + trClose }];
      }),
    };
  });
}

/**
 * matrixTableReference's HTML, drawn with far fewer of the picture's nodes (a big tree has a hundred thousand cells):
 * the heading, notices and table head are documentView's of the workloads without rows; the rows around the cells
 * (group headings, layer headers, the baseline's columns) documentView's of the group's first workload; a plain cell
 * is drawn once per (owner, team) (its drawing depends on nothing else once its tooltip is gone), and every other
 * cell by documentView of the workloads that hold such cells. test/unit/report.test.ts checks the two are equal.
 */
export function matrixTable(d: MatrixDocument, m: ReportMatrix, from: number, n: number, cache: MatrixCellCache = newMatrixCellCache()): string {
  const out: Pieces = [];
  matrixTablePieces(out, d, m, from, n, cache);
  return out.join('');
}

/** matrixTable's HTML as pieces in `out`. */
export function matrixTablePieces(out: Pieces, d: MatrixDocument, m: ReportMatrix, from: number, n: number, cache: MatrixCellCache): void {
  const part = chunkOf(d, from, n);
  const ref = d.reference;
  const ws = part.workloads;
  if (ws.length === 0) return void out.push(matrixTableReference(d, m, from, n));
  const rowOf = new Map(part.rows.map((r, k) => [r.layer, k]));
  // The cells other than plain ones, drawn by the matrix view (their tooltips name the workload and the findings).
  const special = new Map<number, string>();
  const cols: number[] = [];
  for (let i = 0; i < ws.length; i++) if (part.rows.some((r) => !isPlain(r.cells[i]!))) cols.push(i);
  if (cols.length > 0) {
    const sub: MatrixDocument = { ...part, workloads: cols.map((i) => ws[i]!), rows: part.rows.map((r) => ({ ...r, cells: cols.map((i) => r.cells[i]!) })) };
    const v = documentView(sub, ref);
    decorate(v, m, -1);
    for (const td of nodes(v, 'td')) {
      const row = rowOf.get(td.data?.layer ?? '');
      const col = Number(td.data?.workload);
      if (row !== undefined && col >= 0 && col < cols.length) special.set(row * ws.length + cols[col]!, renderView(td));
    }
  }
  const plainCell = (row: number, c: MatrixCell): string => {
    const owner = c.owner ?? '';
    let byTeam = cache.plain.get(owner);
    if (!byTeam) cache.plain.set(owner, (byTeam = new Map()));
    let html = byTeam.get(c.team ?? '');
    if (html === undefined) {
      const v = documentView({ ...part, workloads: [ws[0]!], rows: [{ ...part.rows[row]!, cells: [c] }] }, ref);
      decorate(v, m, -1);
      html = renderView(nodes(v, 'td').find((td) => td.data?.workload === '0' && td.data.layer !== undefined)!);
      byTeam.set(c.team ?? '', html);
    }
    return html;
  };
  let skeleton = cache.skeletons.get(d);
  if (!skeleton) cache.skeletons.set(d, (skeleton = skeletonOf(d, rowOf)));
  // The heading, notices and head of the table, the bodies put in.
  const head = documentView({ ...part, rows: [] }, ref);
  decorate(head, m, from);
  nodes(head, 'table')[0]?.children?.push(raw(CHILDREN));
  const html = renderView(head);
  if (!html.includes(CHILDREN)) return void out.push(html);
  const [open, close] = aroundChildren(html);
  out.push(open);
  for (const { open: bodyOpen, close: bodyClose, items } of skeleton) {
    out.push(bodyOpen);
    for (const it of items) {
      if ('heading' in it) {
        // A group heading spans the layer header, the workloads and the baseline's columns.
        const colspan = String(1 + ws.length + ref.models.length);
        out.push(renderView({ ...it.heading, children: (it.heading.children ?? []).map((th) => (typeof th === 'string' || th.attrs?.colspan === undefined ? th : { ...th, attrs: { ...th.attrs, colspan } })) }));
        continue;
      }
      out.push(it.before);
      const r = part.rows[it.row]!;
      for (let i = 0; i < ws.length; i++) out.push(special.get(it.row * ws.length + i) ?? plainCell(it.row, r.cells[i]!));
      out.push(it.after);
    }
    out.push(bodyClose);
  }
  out.push(close);
}

export function matrices(r: ReportJson, docs: readonly MatrixDocument[], out: Pieces): void {
  const section = partPieces('matrices', out);
  if (r.matrices.length === 0) {
    out.push(h('p', { class: 'notice' }, 'No workloads.').html);
    return section.close();
  }
  const cache = newMatrixCellCache();
  out.push(renderView(legendView()));
  r.matrices.forEach((m, i) => {
    const d = docs[i]!;
    const [open, close] = tagsOf('div', { class: 'scroll', id: `m-${i}` });
    out.push(open);
    for (let from = 0; from < d.workloads.length; from += MATRIX_TABLE_WORKLOADS) matrixTablePieces(out, d, m, from, MATRIX_TABLE_WORKLOADS, cache);
    out.push(h('p', { class: 'meta' }, plural(m.workloads.length, 'workload')).html, close);
  });
  section.close();
}
