// `srm report --format html`: the report as one self-contained page: inline CSS (the matrix page's, plus the
// report's), no script, no font, image or style from anywhere else (a CSP that allows nothing else), light, dark,
// high contrast and print. The matrices are the matrix view's picture (documentView), so colours, patterns and
// letters are the same. Every text from a file goes through exportText.ts (htmlText, htmlAttr, safe links). Pure.
import { htmlAttr, htmlText, safeLinkUrl } from '../exportText';
import { MATRIX_PAGE_CSS } from '../matrix/html';
import { documentView, legendView, partyClass, partyLetter, type ViewNode } from '../matrix/view';
import type { MatrixCell, MatrixDocument } from '../matrix/build';
import type { ReportFinding, ReportJson, ReportMatrix } from './build';
import type { ReportTextOptions } from './markdown';
import { COVERAGE_NOTE, REPORT_TITLE, SECTIONS, UNTEAMED_NOTE, plural, sourceLine, summaryFacts } from './text';

/** Markup built here: text children are escaped, attributes go through htmlAttr. */
class Html {
  constructor(readonly html: string) {}
}
type Child = string | number | Html | null | undefined | false | readonly Child[];

/** htmlText, with a quick way out for the many texts that hold nothing to escape. */
const NEEDS_ESCAPE = /[&<>"']/;
function text(s: string): string {
  return NEEDS_ESCAPE.test(s) ? htmlText(s) : s;
}

function children(c: readonly Child[]): string {
  let s = '';
  for (const x of c) {
    if (x === null || x === undefined || x === false) continue;
    if (typeof x === 'string') s += text(x);
    else if (typeof x === 'number') s += String(x);
    else if (x instanceof Html) s += x.html;
    else s += children(x as readonly Child[]);
  }
  return s;
}

/** Attribute names the code writes here that never load or navigate: their value is only escaped. */
const PLAIN_ATTRS: ReadonlySet<string> = new Set(['class', 'id', 'scope', 'title', 'style', 'role', 'aria-label', 'rel', 'colspan']);

/** ` name="value"`: htmlAttr's rules (links through safeLinkUrl), quicker for the plain attributes above. */
function attr(name: string, value: string): string {
  return PLAIN_ATTRS.has(name) ? ` ${name}="${text(value)}"` : htmlAttr(name, value);
}

/** An element. `href` may be a fragment of this page (`#id`, ids are the code's own) or a link safeLinkUrl accepts. */
function h(tag: string, attrs: Record<string, string | undefined> | null, ...kids: Child[]): Html {
  let open = `<${tag}`;
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === undefined) continue;
      open += k === 'href' && /^#[a-z0-9-]+$/.test(v) ? ` href="${v}"` : attr(k, v);
    }
  }
  return new Html(`${open}>${children(kids)}</${tag}>`);
}

/** A node of HTML already rendered (the report's own, never the picture's): renderView writes it as it is. */
const RAW = '#raw';

/**
 * The static rendering of a picture node, as matrix/html.ts renderHtml writes it (class first, then the attributes,
 * no data-*: test/unit/report.test.ts compares the two), with attr's quicker escaping: the report draws many cells.
 */
export function renderView(n: ViewNode | string): string {
  if (typeof n === 'string') return text(n);
  if (n.tag === RAW) return (n.children?.[0] as string | undefined) ?? '';
  let open = `<${n.tag}`;
  if (n.cls) open += attr('class', n.cls);
  if (n.attrs) for (const k in n.attrs) open += attr(k, n.attrs[k] as string);
  let inner = '';
  if (n.children) for (const c of n.children) inner += renderView(c);
  return `${open}>${inner}</${n.tag}>`;
}

/** A link to a page elsewhere (an evidence URL, a rule's documentation), or the text alone when it is no safe link. */
function link(url: string, label: string = url, cls = 'ext'): Html | string {
  if (safeLinkUrl(url) === undefined) return label;
  return h('a', { class: cls, href: url, rel: 'noopener noreferrer' }, label);
}

function table(head: readonly (string | Html)[], rows: readonly (readonly Child[])[], num: ReadonlySet<number> = new Set(), rowCls?: (i: number) => string | undefined): Html {
  return h(
    'table',
    { class: 'data' },
    h('thead', null, h('tr', null, head.map((x, i) => h('th', { scope: 'col', class: num.has(i) ? 'num' : undefined }, x)))),
    h('tbody', null, rows.map((r, i) => h('tr', { class: rowCls?.(i) }, r.map((c, k) => h('td', { class: num.has(k) ? 'num' : undefined }, c))))),
  );
}

/**
 * The long tables (a team's cells, the cells with no team: tens of thousands of rows in a big tree) are written as
 * strings, each text through `text` (htmlText); the pieces repeated on every row are escaped once.
 */
function rowsTable(head: readonly string[], rows: readonly string[]): Html {
  return new Html(`<table class="data"><thead><tr>${head.map((x) => `<th scope="col">${text(x)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

const memo = <K, V>(f: (k: K) => V): ((k: K) => V) => {
  const m = new Map<K, V>();
  return (k) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = f(k)));
    return v;
  };
};

/** Row pieces for one rendering (its caches live as long as the rendering). */
function rowPieces() {
  const file = memo((f: string) => text(f));
  return {
    at: (f: string, line: number): string => `<span class="mono">${file(f)}:${line}</span>`,
    code: memo((c: string) => `<code>${text(c)}</code>`),
    party: memo((owner: string | null) => party(owner).html),
  };
}

const range = (from: number, to: number): Set<number> => new Set(Array.from({ length: to - from }, (_, i) => from + i));
const at = (file: string, line: number): Html => h('span', { class: 'mono' }, `${file}:${line}`);

export const REPORT_PAGE_CSS = `
a{color:var(--customer)}
.toc ol{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:.5rem 0 1rem;list-style:none}
.toc a{color:var(--fg)}
section.part{margin-top:2rem;padding-top:.25rem;border-top:1px solid var(--line)}
h3{font-size:1rem;margin:1.25rem 0 .4rem}
.doc h3{font-size:1rem}
.data{border-collapse:collapse;margin:.5rem 0 1rem}
.data th,.data td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
.data thead th{background:var(--head);font-weight:600}
.num{text-align:right!important;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:.75rem 0 1rem;padding:0;list-style:none}
.cards li{border:1px solid var(--line);border-radius:6px;padding:.45rem .9rem;min-width:7.5rem;background:var(--head)}
.cards b{display:block;font-size:1.5rem;line-height:1.2;font-variant-numeric:tabular-nums}
.cards .bad b{color:var(--bad)}
.sev{font-weight:600}.sev-error{color:var(--bad)}.sev-warning{color:var(--microsoft)}.sev-info,.sev-hint{color:var(--muted)}
.none{color:var(--bad);font-weight:600}
.no-reason td{background:color-mix(in srgb,var(--bad) 8%,transparent)}
.scroll{overflow-x:auto;max-width:100%}
.meta{color:var(--muted);margin:.2rem 0}
.mono,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.wl-file{font-size:.75em;overflow-wrap:anywhere}
.rule-doc,.data td:first-child .mono{white-space:nowrap}
.party{display:inline-block;padding:0 .1rem;border-radius:3px}.party .badge{margin-right:.3em}
.bar{display:flex;width:10rem;height:.95rem;border:1px solid var(--line);background:none}
.bar span{display:block;height:100%}
.bar .p-customer{background:var(--customer)}
.bar .p-microsoft{background:repeating-linear-gradient(135deg,var(--microsoft) 0 4px,color-mix(in srgb,var(--microsoft) 55%,transparent) 4px 8px)}
.bar .p-shared{background:radial-gradient(var(--bg) 1.2px,var(--shared) 1.2px) 0 0/5px 5px}
.bar .p-invalid{background:var(--bad)}
.bar .gap{background:none}
@media (forced-colors:active){.bar span{forced-color-adjust:none;background:CanvasText!important}.bar .gap{background:Canvas!important}}
@media print{
:root{--fg:#000;--bg:#fff;--muted:#444;--line:#888;--head:#eee;--customer:#0b62a4;--microsoft:#a14f00;--shared:#7b2f8e;--badge-fg:#fff;--bad:#b00020;--gap:#555;color-scheme:light}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-size:9pt}
.toc{display:none}
.scroll{overflow:visible}
section.part{break-before:page;border-top:none;margin-top:0}
h2,h3{break-after:avoid}
tr{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit}
a.evidence::after{content:" <" attr(href) ">";color:var(--muted);font-size:.85em;overflow-wrap:anywhere}
}
`;

export function reportToHtml(r: ReportJson, matrixDocuments: readonly MatrixDocument[], options: ReportTextOptions = {}): string {
  const body: Html[] = [
    h('header', null, h('h1', null, REPORT_TITLE), h('p', { class: 'source' }, sourceLine(r, options.source))),
    h('nav', { class: 'toc', 'aria-label': 'Contents' }, h('ol', null, SECTIONS.map((s) => h('li', null, h('a', { href: `#${s.id}` }, s.title))))),
    summary(r),
    teams(r),
    matrices(r, matrixDocuments),
    coverage(r),
    waivers(r),
    files(r),
    h('footer', null, h('p', null, `Layers and expected owners come from each baseline (the built-ins from Microsoft’s shared responsibility models). Generated by srm ${r.version}.`)),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(REPORT_TITLE)}${options.source ? `: ${htmlText(options.source)}` : ''}</title>`,
    `<style>${MATRIX_PAGE_CSS}${REPORT_PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    ...body.map((b) => b.html),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function part(id: string, ...kids: Child[]): Html {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  return h('section', { class: 'part', id }, h('h2', null, title), ...kids);
}

function summary(r: ReportJson): Html {
  const s = r.summary;
  const card = (n: number, label: string, bad = false): Html => h('li', { class: bad && n > 0 ? 'bad' : undefined }, h('b', null, n), label);
  return part(
    'summary',
    h(
      'ul',
      { class: 'cards' },
      card(s.files, 'files'),
      card(s.workloads, 'workloads'),
      card(s.findings.error, 'errors', true),
      card(s.findings.warning, 'warnings', true),
      card(s.findings.suppressed, 'suppressed'),
      card(s.waivers.withoutReason, 'waivers without a reason', true),
      card(s.unteamedCustomerCells, 'customer cells with no team', true),
    ),
    h('table', { class: 'data facts' }, h('tbody', null, summaryFacts(r).map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, v))))),
    h('h3', null, 'Baselines used'),
    s.baselines.length === 0
      ? h('p', { class: 'notice' }, 'No document is checked against a baseline.')
      : table(['Baseline', 'Title', 'Documents', 'Workloads'], s.baselines.map((b) => [h('code', null, b.id), b.title, b.documents, b.workloads]), range(2, 4)),
    s.unresolvedBaselines.length > 0 &&
      h('p', { class: 'notice' }, `Baselines that do not resolve (those documents are left out of the matrices and coverage): ${s.unresolvedBaselines.map((u) => `${u.id} (${plural(u.documents, 'document')})`).join(', ')}.`),
    h('h3', null, 'Findings by rule'),
    s.findings.byRule.length === 0
      ? h('p', { class: 'notice' }, 'No findings.')
      : table(
          ['Rule', 'Errors', 'Warnings', 'Info', 'Hints', 'Suppressed'],
          [
            ...s.findings.byRule.map((x) => [link(x.docUrl, x.ruleId, 'rule-doc'), x.error, x.warning, x.info, x.hint, x.suppressed]),
            [h('b', null, 'Total'), s.findings.error, s.findings.warning, s.findings.info, s.findings.hint, s.findings.suppressed],
          ],
          range(1, 6),
        ),
  );
}

function teams(r: ReportJson): Html {
  const fast = rowPieces();
  const list = r.teams.map((t, i) =>
    h(
      'article',
      { class: 'team-entry', id: `t-${i}` },
      h('h3', null, h('code', null, t.id), t.name ? `: ${t.name}` : ''),
      t.contact && h('p', { class: 'meta' }, `Contact: ${t.contact}`),
      h(
        'p',
        { class: 'meta' },
        'Defined in: ',
        t.definedIn.length === 0
          ? h('span', { class: 'none' }, 'nowhere (an unknown team)')
          : t.definedIn.map((d, k) => [k > 0 ? '; ' : '', d.kind === 'registry' ? `registry ${d.registry ?? '(unnamed)'}, ` : '', at(d.file, d.line ?? 1)]),
      ),
      h('p', { class: 'meta' }, 'Owner of: ', t.owns.length === 0 ? 'no document' : t.owns.map((o, k) => [k > 0 ? '; ' : '', at(o.file, o.line), o.documentName ? ` (${o.documentName})` : '']), ` · named for ${plural(t.assignments.length, 'cell')}`),
      t.assignments.length > 0 &&
        h(
          'div',
          { class: 'scroll' },
          rowsTable(
            ['File', 'Workload', 'Layer', 'Owner', 'Evidence'],
            t.assignments.map((a) => `<tr><td>${fast.at(a.file, a.line)}</td><td>${text(a.workload)}</td><td>${fast.code(a.layer)}</td><td>${fast.party(a.owner)}</td><td>${evidence(a.evidence)}</td></tr>`),
          ),
        ),
    ),
  );
  const rows = r.unteamed;
  return part(
    'teams',
    r.teams.length === 0 ? h('p', { class: 'notice' }, 'No team is defined or named.') : list,
    h('h3', { id: 'unteamed' }, 'Customer-owned cells with no team'),
    h('p', { class: 'meta' }, UNTEAMED_NOTE),
    rows.length === 0
      ? h('p', { class: 'notice' }, 'None.')
      : [
          h('p', null, `${plural(r.summary.unteamedCustomerCells, 'cell')} in ${plural(rows.length, 'workload')}.`),
          h(
            'div',
            { class: 'scroll' },
            rowsTable(
              ['File', 'Workload', 'Layers', 'Document owner', 'Evidence'],
              rows.map(
                (w) =>
                  `<tr><td>${fast.at(w.file, w.line)}</td><td>${text(w.workload)}</td><td>${w.cells.map((c) => fast.code(c.layer)).join(', ')}</td>` +
                  `<td>${w.documentOwner === undefined ? '<span class="none">none</span>' : text(w.documentOwner)}</td><td>${evidence(w.cells.flatMap((c) => c.evidence))}</td></tr>`,
              ),
            ),
          ),
        ],
  );
}

function party(owner: string | null): Html {
  return h('span', { class: `party ${partyClass(owner)}` }, h('span', { class: 'badge' }, partyLetter(owner) || '–'), owner ?? '(empty)');
}

/** The evidence links of a cell, one a line ('' for none). */
function evidence(urls: readonly string[]): string {
  if (urls.length === 0) return '';
  return urls.map((u) => { const l = link(u, u, 'ext evidence'); return typeof l === 'string' ? text(l) : l.html; }).join('<br>');
}

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

/** A group's table bodies without their cells: per row, the HTML before and after the workloads' cells. */
type Skeleton = Array<{ tbody: ViewNode; items: Array<{ heading: ViewNode } | { row: number; tr: ViewNode; before: string; after: string }> }>;

function nodes(v: ViewNode, tag: string, out: ViewNode[] = []): ViewNode[] {
  if (v.tag === tag) out.push(v);
  for (const c of v.children ?? []) if (typeof c !== 'string') nodes(c, tag, out);
  return out;
}

const raw = (html: string): ViewNode => ({ tag: RAW, children: [html] });

/** The rows around the cells: documentView of the group's first workload, its one cell per row left out. */
function skeletonOf(d: MatrixDocument, rowOf: ReadonlyMap<string, number>): Skeleton {
  const v = documentView({ ...d, workloads: [d.workloads[0]!], rows: d.rows.map((r) => ({ ...r, cells: [r.cells[0]!] })) }, d.reference);
  return nodes(v, 'tbody').map((tbody) => ({
    tbody,
    items: (tbody.children ?? []).flatMap((tr): Skeleton[number]['items'] => {
      if (typeof tr === 'string') return [];
      const row = rowOf.get(tr.data?.layer ?? '');
      if (row === undefined) return [{ heading: tr }];
      const kids = tr.children ?? [];
      return [{ row, tr, before: renderView(kids[0]!), after: kids.slice(2).map(renderView).join('') }];
    }),
  }));
}

/**
 * matrixTableReference's HTML, drawn with far fewer of the picture's nodes (a big tree has a hundred thousand cells):
 * the heading, notices and table head are documentView's of the workloads without rows; the rows around the cells
 * (group headings, layer headers, the baseline's columns) documentView's of the group's first workload; a plain cell
 * is drawn once per (owner, team) (its drawing depends on nothing else once its tooltip is gone), and every other
 * cell by documentView of the workloads that hold such cells. test/unit/report.test.ts checks the two are equal.
 */
export function matrixTable(d: MatrixDocument, m: ReportMatrix, from: number, n: number, cache: MatrixCellCache = newMatrixCellCache()): string {
  const part = chunkOf(d, from, n);
  const ref = d.reference;
  const ws = part.workloads;
  if (ws.length === 0) return matrixTableReference(d, m, from, n);
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
  const bodies = skeleton.map(({ tbody, items }) => {
    let inner = '';
    for (const it of items) {
      if ('heading' in it) {
        // A group heading spans the layer header, the workloads and the baseline's columns.
        const colspan = String(1 + ws.length + ref.models.length);
        inner += renderView({ ...it.heading, children: (it.heading.children ?? []).map((th) => (typeof th === 'string' || th.attrs?.colspan === undefined ? th : { ...th, attrs: { ...th.attrs, colspan } })) });
        continue;
      }
      let cells = it.before;
      const r = part.rows[it.row]!;
      for (let i = 0; i < ws.length; i++) cells += special.get(it.row * ws.length + i) ?? plainCell(it.row, r.cells[i]!);
      inner += renderView({ ...it.tr, children: [raw(cells + it.after)] });
    }
    return { ...tbody, children: [raw(inner)] };
  });
  // The heading, notices and head of the table, the bodies put in.
  const head = documentView({ ...part, rows: [] }, ref);
  decorate(head, m, from);
  nodes(head, 'table')[0]?.children?.push(...bodies);
  return renderView(head);
}

function matrices(r: ReportJson, docs: readonly MatrixDocument[]): Html {
  if (r.matrices.length === 0) return part('matrices', h('p', { class: 'notice' }, 'No workloads.'));
  const cache = newMatrixCellCache();
  const tables = (m: ReportMatrix, i: number): Html[] => {
    const d = docs[i]!;
    const out: Html[] = [];
    for (let from = 0; from < d.workloads.length; from += MATRIX_TABLE_WORKLOADS) out.push(new Html(matrixTable(d, m, from, MATRIX_TABLE_WORKLOADS, cache)));
    return out;
  };
  return part(
    'matrices',
    new Html(renderView(legendView())),
    r.matrices.map((m, i) => h('div', { class: 'scroll', id: `m-${i}` }, tables(m, i), h('p', { class: 'meta' }, plural(m.workloads.length, 'workload')))),
  );
}

function coverage(r: ReportJson): Html {
  return part(
    'coverage',
    h('p', { class: 'meta' }, COVERAGE_NOTE),
    r.coverage.length === 0 ? h('p', { class: 'notice' }, 'No workloads.') : null,
    r.coverage.map((c) => {
      const head: Array<string | Html> = ['Layer', 'Assigned', ...c.parties.map((p) => party(p)), 'Not a party', 'Unassigned', 'Differs from the baseline', 'Share'];
      const rows = c.layers.map((l) => {
        const total = Math.max(1, l.assigned + l.unassigned);
        const seg = (cls: string, n: number, label: string): Html | null =>
          n > 0 ? h('span', { class: cls, style: `width:${((100 * n) / total).toFixed(2)}%`, title: `${label}: ${n}` }) : null;
        const bar = h(
          'span',
          { class: 'bar', role: 'img', 'aria-label': `${l.label}: ${c.parties.map((p) => `${p} ${l.byParty[p] ?? 0}`).join(', ')}, other ${l.other}, unassigned ${l.unassigned}` },
          c.parties.map((p) => seg(partyClass(p), l.byParty[p] ?? 0, p)),
          seg('p-invalid', l.other, 'not a party'),
          seg('gap', l.unassigned, 'unassigned'),
        );
        return [h('span', { class: 'layer' }, l.label, h('code', null, l.layer)), l.assigned, ...c.parties.map((p) => l.byParty[p] ?? 0), l.other, l.unassigned, l.differs, bar];
      });
      return [h('h3', null, h('code', null, c.baseline), ` (${plural(c.workloads, 'workload')})`), h('div', { class: 'scroll' }, table(head, rows, range(1, c.parties.length + 5)))];
    }),
  );
}

function waivers(r: ReportJson): Html {
  const w = r.summary.waivers;
  const rules = (x: { rules: string[] }): Child => (x.rules.length === 0 ? 'every rule' : x.rules.map((id, k) => [k > 0 ? ', ' : '', h('code', null, id)]));
  const bare = r.waivers.filter((x) => x.reason === undefined);
  return part(
    'waivers',
    h(
      'p',
      null,
      `${plural(w.total, 'suppression comment')}, ${w.withoutReason} without a reason; they silence ${plural(w.silenced, 'finding')}.`,
      r.summary.inlineSuppressions ? '' : ' Inline suppressions were ignored (--no-inline-suppressions).',
    ),
    r.waivers.length > 0 && [
      h(
        'div',
        { class: 'scroll' },
        table(
          ['File', 'Kind', 'Rules', 'Reason', 'Silences'],
          r.waivers.map((x) => [at(x.file, x.line), x.kind + (x.misplaced ? ' (misplaced)' : ''), rules(x), x.reason === undefined ? h('span', { class: 'none' }, 'none') : x.reason, x.silenced]),
          new Set([4]),
          (i) => (r.waivers[i]!.reason === undefined ? 'no-reason' : undefined),
        ),
      ),
      h('h3', null, 'Without a reason'),
      bare.length === 0
        ? h('p', { class: 'notice' }, 'Every suppression comment gives a reason.')
        : table(['File', 'Kind', 'Rules', 'Silences'], bare.map((x) => [at(x.file, x.line), x.kind, rules(x), x.silenced]), new Set([3])),
    ],
  );
}

function findingRow(f: ReportFinding): Child[] {
  return [`${f.line}:${f.column}`, h('span', { class: `sev sev-${f.severity}` }, f.severity), link(f.docUrl, f.ruleId, 'rule-doc'), f.message];
}

function files(r: ReportJson): Html {
  if (r.files.length === 0) return part('files', h('p', { class: 'notice' }, 'No files.'));
  const count = (f: (typeof r.files)[number], s: string): number => f.findings.filter((x) => x.severity === s).length;
  const has = (f: (typeof r.files)[number]): boolean => f.findings.length > 0 || f.suppressed.length > 0;
  return part(
    'files',
    h(
      'div',
      { class: 'scroll' },
      table(
        ['File', 'Documents', 'Workloads', 'Errors', 'Warnings', 'Info', 'Hints', 'Suppressed'],
        r.files.map((f, i) => [has(f) ? h('a', { href: `#f-${i}` }, h('span', { class: 'mono' }, f.path)) : h('span', { class: 'mono' }, f.path), f.documents, f.workloads, count(f, 'error'), count(f, 'warning'), count(f, 'info'), count(f, 'hint'), f.suppressed.length]),
        range(1, 8),
      ),
    ),
    r.files.map((f, i) =>
      has(f)
        ? h(
            'article',
            { class: 'file', id: `f-${i}` },
            h('h3', null, h('span', { class: 'mono' }, f.path)),
            f.findings.length > 0 && h('div', { class: 'scroll' }, table(['Line', 'Severity', 'Rule', 'Message'], f.findings.map(findingRow))),
            f.suppressed.length > 0 && [
              h('p', { class: 'meta' }, 'Suppressed:'),
              h(
                'div',
                { class: 'scroll' },
                table(['Line', 'Severity', 'Rule', 'Message', 'Reason'], f.suppressed.map((x) => [...findingRow(x), x.suppression?.reason ?? h('span', { class: 'none' }, 'none')])),
              ),
            ],
          )
        : null,
    ),
  );
}
