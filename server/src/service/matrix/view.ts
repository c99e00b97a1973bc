// The picture of the responsibility matrix, built once, as a neutral tree of elements: the standalone page and
// "Save as HTML" render it to a string (matrixHtml.ts); the server sends it with `srm/matrix` and the live view
// (client/src/webview/matrix.ts) builds DOM from it, adding only clicks. Pure.
import type { MatrixCell, MatrixDocument, MatrixFindingRef, MatrixReference, MatrixWorkload } from './build';
import { own } from '../../model';

/** One element of the picture (plain data: it travels over JSON-RPC to the webview). */
export interface ViewNode {
  tag: string;
  cls?: string;
  /** Attributes of both renderings (title, scope, colspan, aria-label), written in this order after `class`. */
  attrs?: Record<string, string>;
  /** data-* attributes of the live view (clicks and tests find cells by them); the static page leaves them out. */
  data?: Record<string, string>;
  /** In the live view, a click (or Enter, Space) reveals [start, end) in the editor. */
  reveal?: { start: number; end: number };
  children?: Array<ViewNode | string>;
}

const PARTY_LETTER: Record<string, string> = { customer: 'C', microsoft: 'M', shared: 'S' };
const PARTY_LABEL: Record<string, string> = { customer: 'Customer', microsoft: 'Microsoft', shared: 'Shared' };

/** The party class of an owner: `p-customer`, `p-microsoft`, `p-shared`, or `p-invalid` for anything else. */
export function partyClass(owner: string | null): string {
  // Own properties only: an owner named like one of Object.prototype's (toString) is no party.
  return owner !== null && own(PARTY_LETTER, owner) !== undefined ? `p-${owner}` : 'p-invalid';
}

/** The one-letter mark drawn in a cell besides its colour (so the picture reads without colour). */
export function partyLetter(owner: string | null): string {
  if (owner === null) return '';
  return own(PARTY_LETTER, owner) ?? '?';
}

/** The findings that make a cell or a workload a violation: active (not suppressed) ones. */
function active(x: { findings: readonly MatrixFindingRef[] }): MatrixFindingRef[] {
  return x.findings.filter((f) => !f.suppressed);
}

function el(tag: string, cls?: string, ...children: Array<ViewNode | string>): ViewNode {
  return cls === undefined ? { tag, children } : { tag, cls, children };
}

/** The tooltip of a cell: what it holds, what the model expects, and each rule it breaks (id: message). */
export function cellTitle(c: MatrixCell, w: MatrixWorkload, layerLabel: string): string {
  const lines: string[] = [];
  const where = `${layerLabel} · ${w.name}`;
  if (c.status === 'unassigned') {
    lines.push(`${where}: unassigned (a gap)${c.expected ? `; the model expects ${c.expected}` : ''}`);
  } else {
    lines.push(`${where}: ${c.owner ?? '(empty)'}${c.team ? ` (team ${c.team})` : ''}`);
    if (c.status === 'invalid') lines.push(`Not a party (customer, microsoft, shared)${c.expected ? `; the model expects ${c.expected}` : ''}`);
    else if (c.status === 'mismatch') lines.push(`The model expects ${c.expected ?? '?'} under ${w.model ?? '?'}`);
    else if (c.status === 'unknown-model') lines.push('No valid service model: nothing to compare with');
  }
  for (const f of c.findings) {
    lines.push(`${f.code}: ${f.message}${f.suppressed ? ` (suppressed${f.suppressed.reason ? `: ${f.suppressed.reason}` : ''})` : ''}`);
  }
  if ((c.status === 'mismatch' || c.status === 'invalid') && active(c).length === 0) {
    lines.push('No rule reports it here: suppressed in the file, or the rule is switched off');
  }
  return lines.join('\n');
}

/** The classes of a cell: party, status, and `violation` when an active finding falls in it. */
export function cellClasses(c: MatrixCell): string {
  const cls = ['cell', `s-${c.status}`];
  if (c.status === 'unassigned') cls.push('gap');
  else cls.push(partyClass(c.owner));
  if (active(c).length > 0) cls.push('violation');
  // Differs from the model, but no rule reports it here (suppressed in the file, or the rule is off).
  else if (c.findings.length > 0 || c.status === 'mismatch' || c.status === 'invalid') cls.push('suppressed');
  return cls.join(' ');
}

function cellView(c: MatrixCell, w: MatrixWorkload, layer: string, layerLabel: string, col: number): ViewNode {
  const children: ViewNode[] = [];
  if (c.status === 'unassigned') {
    children.push(el('span', 'badge', '–'), el('span', 'owner', 'unassigned'));
    if (c.expected) children.push(el('span', 'expected', `expected ${c.expected}`));
  } else {
    children.push(el('span', 'badge', partyLetter(c.owner)), el('span', 'owner', c.owner ?? '(empty)'));
    if (c.team) children.push(el('span', 'team', c.team));
    if (c.status === 'mismatch' || c.status === 'invalid') children.push(el('span', 'expected', `expected ${c.expected ?? '?'}`));
  }
  const rules = [...new Set(active(c).map((f) => f.code))];
  if (rules.length) children.push(el('span', 'rule', rules.join(', ')));
  // A gap reveals its first finding (unassigned-layer points at the workload), else the workload itself.
  const at = c.start !== undefined && c.end !== undefined ? { start: c.start, end: c.end } : (c.findings[0] ?? { start: w.start, end: w.start });
  return {
    tag: 'td',
    cls: cellClasses(c),
    attrs: { title: cellTitle(c, w, layerLabel) },
    data: { layer, workload: String(col) },
    reveal: { start: at.start, end: at.end },
    children,
  };
}

function workloadView(w: MatrixWorkload, col: number): ViewNode {
  const model = w.model ?? w.modelText ?? 'no model';
  const issues = active(w);
  return {
    tag: 'th',
    cls: `wl${issues.length ? ' violation' : ''}`,
    attrs: { scope: 'col', title: [`${w.name} (${model})${w.service ? ` on ${w.service}` : ''}`, ...issues.map((f) => `${f.code}: ${f.message}`)].join('\n') },
    data: { workload: String(col) },
    reveal: { start: w.start, end: w.start },
    children: [
      el('span', 'wl-name', w.name),
      ...(w.service ? [el('span', 'wl-service', w.service)] : []),
      el('span', `wl-model${w.model ? '' : ' bad-model'}`, model),
    ],
  };
}

/** One document: its name, a syntax-error notice, the table (layers by group down, workloads, the model's columns). */
export function documentView(d: MatrixDocument, fallback: MatrixReference): ViewNode {
  const ref = d.reference ?? fallback;
  const children: ViewNode[] = [el('h2', undefined, d.name ?? `document ${d.index + 1}`)];
  if (ref.baseline) children.push(el('p', 'baseline', `Checked against baseline ${ref.baseline.id}: ${ref.baseline.title}`));
  if (d.syntaxError) children.push(el('p', 'notice', 'This document has a YAML syntax error: nothing could be read from it.'));
  const used = new Set<string | null>(d.workloads.map((w) => w.model));
  const refCls = (k: number, model: string) => `${k === 0 ? ' ref-first' : ''}${used.has(model) ? ' used' : ''}`;
  const head: ViewNode[] = [{ tag: 'th', cls: 'layer-h', attrs: { scope: 'col' }, children: ['Layer'] }];
  d.workloads.forEach((w, i) => head.push(workloadView(w, i)));
  ref.models.forEach((m, k) =>
    head.push({
      tag: 'th',
      cls: `ref-h${refCls(k, m.id)}`,
      attrs: { scope: 'col', title: `What the model expects under ${m.label}` },
      children: [el('span', 'wl-name', m.label), el('span', 'wl-model', 'model')],
    }),
  );
  const table = el('table', 'matrix', el('thead', undefined, el('tr', undefined, ...head)));
  const n = 1 + d.workloads.length + ref.models.length;
  for (const g of ref.groups) {
    const rows = d.rows.filter((r) => r.group === g.id);
    if (rows.length === 0) continue;
    const body: ViewNode[] = [el('tr', 'group', { tag: 'th', attrs: { scope: 'rowgroup', colspan: String(n), title: g.doc }, children: [g.label] })];
    for (const r of rows) {
      const cells: ViewNode[] = [{ tag: 'th', cls: 'layer', attrs: { scope: 'row', title: `${r.label} (${r.layer})` }, children: [r.label, el('code', undefined, r.layer)] }];
      r.cells.forEach((c, i) => cells.push(cellView(c, d.workloads[i] as MatrixWorkload, r.layer, r.label, i)));
      const refRow = ref.rows.find((x) => x.layer === r.layer);
      const owners = refRow?.owners;
      ref.models.forEach((m, k) => {
        const o = owners?.[m.id] ?? null;
        const moved = refRow?.overrides?.[m.id];
        const title = `${r.label} under ${m.label}: ${o ?? '?'}${moved ? ` (overridden, ${moved})` : ''}`;
        cells.push({ tag: 'td', cls: `ref ${partyClass(o)}${refCls(k, m.id)}${moved ? ' overridden' : ''}`, attrs: { title }, children: [el('span', 'badge', `${partyLetter(o)}${moved ? '*' : ''}`)] });
      });
      body.push({ tag: 'tr', data: { layer: r.layer, ...(refRow?.added !== undefined ? { added: 'true' } : {}) }, children: cells });
    }
    table.children?.push(el('tbody', undefined, ...body));
  }
  children.push(table);
  if (d.workloads.length === 0 && !d.syntaxError) children.push(el('p', 'notice', 'No workloads yet: the columns on the right show what the model expects.'));
  return { tag: 'section', cls: 'doc', data: { document: String(d.index) }, children };
}

/** The legend: one swatch per party (colour, pattern and letter), a gap, a broken rule and a suppressed one. */
export function legendView(): ViewNode {
  const item = (cls: string, letter: string, label: string): ViewNode => el('li', undefined, el('span', `swatch cell ${cls}`, el('span', 'badge', letter)), label);
  const items = Object.keys(PARTY_LETTER).map((p) => item(partyClass(p), PARTY_LETTER[p] as string, PARTY_LABEL[p] as string));
  items.push(item('gap', '–', 'Unassigned (gap)'));
  items.push(item('p-customer violation', 'C', 'Breaks a rule (hover for the rule)'));
  items.push(item('p-customer suppressed', 'C', 'Differs from the model, not reported (suppressed)'));
  return { tag: 'ul', cls: 'legend', attrs: { 'aria-label': 'Legend' }, children: items };
}
