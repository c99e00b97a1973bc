// The matrix webview's script (bundled by esbuild to dist/matrix-webview.js, browser, iife): draws the matrix the
// extension posts (the server's data, never a second parser here) and posts back clicks and export requests.
// Builds the DOM with textContent only (no innerHTML), under a strict CSP; class names match the HTML export's.
import type {
  FromWebview,
  MatrixCell,
  MatrixDocument,
  MatrixReference,
  MatrixResult,
  MatrixWorkload,
  ToWebview,
} from '../../../shared/matrix';
import './matrix.css';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const LETTER: Record<string, string> = { customer: 'C', microsoft: 'M', shared: 'S' };
const PARTY_LABEL: Record<string, string> = { customer: 'Customer', microsoft: 'Microsoft', shared: 'Shared' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const partyClass = (owner: string | null): string => (owner !== null && owner in LETTER ? `p-${owner}` : 'p-invalid');
const partyLetter = (owner: string | null): string => (owner !== null ? (LETTER[owner] ?? '?') : '');
const active = (c: { findings: MatrixCell['findings'] }) => c.findings.filter((f) => !f.suppressed);

function cellTitle(c: MatrixCell, w: MatrixWorkload, layerLabel: string): string {
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
  lines.push('Click to show it in the editor');
  return lines.join('\n');
}

let version = 0;

function reveal(start: number, end: number): void {
  vscode.postMessage({ type: 'reveal', start, end, version });
}

/** Makes `e` act like a link to [start, end): click, Enter or Space reveals it in the editor. */
function clickable(e: HTMLElement, start: number, end: number): void {
  e.tabIndex = 0;
  e.dataset.start = String(start);
  e.dataset.end = String(end);
  e.classList.add('clickable');
  e.addEventListener('click', () => reveal(start, end));
  e.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      reveal(start, end);
    }
  });
}

function cellTd(c: MatrixCell, w: MatrixWorkload, layer: string, layerLabel: string, col: number): HTMLTableCellElement {
  const td = el('td', `cell s-${c.status}`);
  td.dataset.layer = layer;
  td.dataset.workload = String(col);
  td.title = cellTitle(c, w, layerLabel);
  if (c.status === 'unassigned') td.classList.add('gap');
  else td.classList.add(partyClass(c.owner));
  const rules = [...new Set(active(c).map((f) => f.code))];
  if (rules.length) td.classList.add('violation');
  // Differs from the model, but no rule reports it here (suppressed in the file, or the rule is off).
  else if (c.findings.length || c.status === 'mismatch' || c.status === 'invalid') td.classList.add('suppressed');
  if (c.status === 'unassigned') {
    td.append(el('span', 'badge', '–'), el('span', 'owner', 'unassigned'));
    if (c.expected) td.append(el('span', 'expected', `expected ${c.expected}`));
  } else {
    td.append(el('span', 'badge', partyLetter(c.owner)), el('span', 'owner', c.owner ?? '(empty)'));
    if (c.team) td.append(el('span', 'team', c.team));
    if (c.status === 'mismatch' || c.status === 'invalid') td.append(el('span', 'expected', `expected ${c.expected ?? '?'}`));
  }
  if (rules.length) td.append(el('span', 'rule', rules.join(', ')));
  // A gap reveals its first finding (unassigned-layer points at the workload), else the workload itself.
  const target = c.start !== undefined && c.end !== undefined ? { start: c.start, end: c.end } : (c.findings[0] ?? { start: w.start, end: w.start });
  clickable(td, target.start, target.end);
  return td;
}

function workloadTh(w: MatrixWorkload, col: number): HTMLTableCellElement {
  const th = el('th', 'wl');
  th.scope = 'col';
  th.dataset.workload = String(col);
  const model = w.model ?? w.modelText ?? 'no model';
  const issues = active(w);
  if (issues.length) th.classList.add('violation');
  th.title = [`${w.name} (${model})`, ...issues.map((f) => `${f.code}: ${f.message}`)].join('\n');
  th.append(el('span', 'wl-name', w.name), el('span', `wl-model${w.model ? '' : ' bad-model'}`, model));
  clickable(th, w.start, w.start);
  return th;
}

function documentSection(d: MatrixDocument, ref: MatrixReference, stale: boolean): HTMLElement {
  const section = el('section', 'doc');
  section.dataset.document = String(d.index);
  section.append(el('h2', undefined, d.name ?? `document ${d.index + 1}`));
  if (stale) section.append(el('p', 'notice stale', 'YAML syntax error: showing the last version that could be read.'));
  else if (d.syntaxError) section.append(el('p', 'notice', 'This document has a YAML syntax error: nothing could be read from it yet.'));
  const used = new Set(d.workloads.map((w) => w.model));
  const table = el('table', 'matrix');
  const head = el('tr');
  const lh = el('th', 'layer-h', 'Layer');
  lh.scope = 'col';
  head.append(lh);
  d.workloads.forEach((w, i) => head.append(workloadTh(w, i)));
  ref.models.forEach((m, k) => {
    const th = el('th', `ref-h${k === 0 ? ' ref-first' : ''}${used.has(m.id) ? ' used' : ''}`);
    th.scope = 'col';
    th.title = `What the model expects under ${m.label}`;
    th.append(el('span', 'wl-name', m.label), el('span', 'wl-model', 'model'));
    head.append(th);
  });
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const n = 1 + d.workloads.length + ref.models.length;
  for (const g of ref.groups) {
    const rows = d.rows.filter((r) => r.group === g.id);
    if (rows.length === 0) continue;
    const tbody = el('tbody');
    const gr = el('tr', 'group');
    const gth = el('th', undefined, g.label);
    gth.scope = 'rowgroup';
    gth.colSpan = n;
    gth.title = g.doc;
    gr.append(gth);
    tbody.append(gr);
    for (const r of rows) {
      const tr = el('tr');
      tr.dataset.layer = r.layer;
      const th = el('th', 'layer', r.label);
      th.scope = 'row';
      th.title = `${r.label} (${r.layer})`;
      th.append(el('code', undefined, r.layer));
      tr.append(th);
      r.cells.forEach((c, i) => tr.append(cellTd(c, d.workloads[i]!, r.layer, r.label, i)));
      const owners = ref.rows.find((x) => x.layer === r.layer)?.owners;
      ref.models.forEach((m, k) => {
        const o = owners?.[m.id] ?? null;
        const td = el('td', `ref ${partyClass(o)}${k === 0 ? ' ref-first' : ''}${used.has(m.id) ? ' used' : ''}`);
        td.title = `${r.label} under ${m.label}: ${o ?? '?'}`;
        td.append(el('span', 'badge', partyLetter(o)));
        tr.append(td);
      });
      tbody.append(tr);
    }
    table.append(tbody);
  }
  section.append(table);
  if (d.workloads.length === 0 && !d.syntaxError) {
    section.append(el('p', 'notice', 'No workloads yet: the columns on the right show what the model expects.'));
  }
  return section;
}

function legend(): HTMLElement {
  const ul = el('ul', 'legend');
  ul.setAttribute('aria-label', 'Legend');
  const item = (cls: string, letter: string, label: string) => {
    const li = el('li');
    const sw = el('span', `swatch cell ${cls}`);
    sw.append(el('span', 'badge', letter));
    li.append(sw, document.createTextNode(label));
    ul.append(li);
  };
  for (const p of Object.keys(LETTER)) item(partyClass(p), LETTER[p]!, PARTY_LABEL[p]!);
  item('gap', '–', 'Unassigned (gap)');
  item('p-customer violation', 'C', 'Breaks a rule (hover for the rule)');
  item('p-customer suppressed', 'C', 'Differs from the model, not reported (suppressed)');
  return ul;
}

/** The last readable picture of each document, shown (marked stale) while the document has a syntax error. */
const lastGood = new Map<number, MatrixDocument>();
let currentUri = '';

function render(result: MatrixResult, fileName: string): void {
  if (result.uri !== currentUri) {
    lastGood.clear();
    currentUri = result.uri;
    setStatus('');
  }
  version = result.version;
  // Kept by VS Code across a window reload: the extension reopens the view on this file.
  vscode.setState({ uri: result.uri });
  const root = document.getElementById('matrix')!;
  document.getElementById('file')!.textContent = fileName;
  const sections: HTMLElement[] = [];
  for (const d of result.matrix.documents) {
    const prev = lastGood.get(d.index);
    if (d.syntaxError && d.workloads.length === 0 && prev) sections.push(documentSection(prev, result.reference, true));
    else {
      if (!d.syntaxError) lastGood.set(d.index, d);
      sections.push(documentSection(d, result.reference, false));
    }
  }
  if (sections.length === 0) sections.push(el('p', 'notice', 'The file has no YAML documents yet.'));
  root.replaceChildren(...sections);
  document.body.dataset.version = String(result.version);
  const violations = root.querySelectorAll('.cell.violation').length;
  const gaps = root.querySelectorAll('.cell.gap').length;
  document.getElementById('summary')!.textContent = `${violations} cell${violations === 1 ? '' : 's'} breaking a rule · ${gaps} gap${gaps === 1 ? '' : 's'}`;
}

function setStatus(text: string): void {
  const s = document.getElementById('status')!;
  s.textContent = text;
}

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const m = ev.data;
  if (m.type === 'matrix') render(m.result, m.fileName);
  else if (m.type === 'unavailable') {
    document.getElementById('file')!.textContent = m.fileName;
    document.getElementById('matrix')!.replaceChildren(el('p', 'notice', m.reason));
  } else if (m.type === 'status') setStatus(m.text);
});

document.getElementById('legend')!.replaceWith(legend());
document.getElementById('copy-md')!.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
document.getElementById('save-html')!.addEventListener('click', () => vscode.postMessage({ type: 'saveHtml' }));
vscode.postMessage({ type: 'ready' });
