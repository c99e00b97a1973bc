// The responsibility matrix as a standalone HTML page (inline CSS, no script, no remote content) for
// `srm matrix --format html` and the view's "Save as HTML", and as Markdown for "Copy as Markdown". Pure.
// The class names match the live view's (client/src/webview/matrix.ts), so both draw the same picture.
import {
  matrixReference,
  matrixToMarkdown,
  type MatrixCell,
  type MatrixDocument,
  type MatrixReference,
  type MatrixWorkload,
  type ResponsibilityMatrix,
} from './matrix';

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const LETTER: Record<string, string> = { customer: 'C', microsoft: 'M', shared: 'S' };
const PARTY_LABEL: Record<string, string> = { customer: 'Customer', microsoft: 'Microsoft', shared: 'Shared' };

/** The party class of an owner: `p-customer`, `p-microsoft`, `p-shared`, or `p-invalid` for anything else. */
export function partyClass(owner: string | null): string {
  return owner !== null && owner in LETTER ? `p-${owner}` : 'p-invalid';
}

/** The one-letter mark drawn in a cell besides its colour (so the picture reads without colour). */
export function partyLetter(owner: string | null): string {
  return owner !== null ? (LETTER[owner] ?? '?') : '';
}

/** The findings that make a cell a violation: active (not suppressed) ones. */
function activeFindings(c: MatrixCell) {
  return c.findings.filter((f) => !f.suppressed);
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
  if ((c.status === 'mismatch' || c.status === 'invalid') && activeFindings(c).length === 0) {
    lines.push('No rule reports it here: suppressed in the file, or the rule is switched off');
  }
  return lines.join('\n');
}

/** The classes of a cell: party, status, and `violation` when an active finding falls in it. */
export function cellClasses(c: MatrixCell): string {
  const cls = ['cell', `s-${c.status}`];
  if (c.status === 'unassigned') cls.push('gap');
  else cls.push(partyClass(c.owner));
  if (activeFindings(c).length > 0) cls.push('violation');
  // Differs from the model, but no rule reports it here (suppressed in the file, or the rule is off).
  else if (c.findings.length > 0 || c.status === 'mismatch' || c.status === 'invalid') cls.push('suppressed');
  return cls.join(' ');
}

function cellHtml(c: MatrixCell, w: MatrixWorkload, layerLabel: string): string {
  const title = escapeHtml(cellTitle(c, w, layerLabel));
  const rules = [...new Set(activeFindings(c).map((f) => f.code))];
  const rule = rules.length ? `<span class="rule">${rules.map(escapeHtml).join(', ')}</span>` : '';
  if (c.status === 'unassigned') {
    const exp = c.expected ? `<span class="expected">expected ${escapeHtml(c.expected)}</span>` : '';
    return `<td class="${cellClasses(c)}" title="${title}"><span class="badge">–</span><span class="owner">unassigned</span>${exp}${rule}</td>`;
  }
  const team = c.team ? `<span class="team">${escapeHtml(c.team)}</span>` : '';
  const exp = c.status === 'mismatch' || c.status === 'invalid' ? `<span class="expected">expected ${escapeHtml(c.expected ?? '?')}</span>` : '';
  return (
    `<td class="${cellClasses(c)}" title="${title}"><span class="badge">${escapeHtml(partyLetter(c.owner))}</span>` +
    `<span class="owner">${escapeHtml(c.owner ?? '(empty)')}</span>${team}${exp}${rule}</td>`
  );
}

function workloadHeader(w: MatrixWorkload): string {
  const model = w.model ?? w.modelText ?? 'no model';
  const bad = w.model ? '' : ' bad-model';
  const issues = w.findings.filter((f) => !f.suppressed);
  const title = escapeHtml([`${w.name} (${model})`, ...issues.map((f) => `${f.code}: ${f.message}`)].join('\n'));
  return (
    `<th scope="col" class="wl${issues.length ? ' violation' : ''}" title="${title}"><span class="wl-name">${escapeHtml(w.name)}</span>` +
    `<span class="wl-model${bad}">${escapeHtml(model)}</span></th>`
  );
}

function documentHtml(d: MatrixDocument, ref: MatrixReference): string {
  const title = d.name ?? `document ${d.index + 1}`;
  const parts = [`<section class="doc"><h2>${escapeHtml(title)}</h2>`];
  if (d.syntaxError) parts.push('<p class="notice">This document has a YAML syntax error: nothing could be read from it.</p>');
  const used = new Set(d.workloads.map((w) => w.model));
  const n = 1 + d.workloads.length + ref.models.length;
  parts.push('<table class="matrix"><thead><tr><th scope="col" class="layer-h">Layer</th>');
  for (const w of d.workloads) parts.push(workloadHeader(w));
  for (const [k, m] of ref.models.entries()) {
    parts.push(`<th scope="col" class="ref-h${k === 0 ? ' ref-first' : ''}${used.has(m.id) ? ' used' : ''}" title="What the model expects under ${escapeHtml(m.label)}"><span class="wl-name">${escapeHtml(m.label)}</span><span class="wl-model">model</span></th>`);
  }
  parts.push('</tr></thead>');
  for (const g of ref.groups) {
    const rows = d.rows.filter((r) => r.group === g.id);
    if (rows.length === 0) continue;
    parts.push(`<tbody><tr class="group"><th scope="rowgroup" colspan="${n}" title="${escapeHtml(g.doc)}">${escapeHtml(g.label)}</th></tr>`);
    for (const r of rows) {
      parts.push(`<tr><th scope="row" class="layer">${escapeHtml(r.label)}<code>${escapeHtml(r.layer)}</code></th>`);
      r.cells.forEach((c, i) => parts.push(cellHtml(c, d.workloads[i]!, r.label)));
      const owners = ref.rows.find((x) => x.layer === r.layer)?.owners;
      for (const [k, m] of ref.models.entries()) {
        const o = owners?.[m.id] ?? null;
        parts.push(`<td class="ref ${partyClass(o)}${k === 0 ? ' ref-first' : ''}${used.has(m.id) ? ' used' : ''}" title="${escapeHtml(`${r.label} under ${m.label}: ${o ?? '?'}`)}"><span class="badge">${partyLetter(o)}</span></td>`);
      }
      parts.push('</tr>');
    }
    parts.push('</tbody>');
  }
  parts.push('</table>');
  if (d.workloads.length === 0 && !d.syntaxError) parts.push('<p class="notice">No workloads yet: the columns on the right show what the model expects.</p>');
  parts.push('</section>');
  return parts.join('');
}

/** The legend: one swatch per party (colour, pattern and letter), a gap, and a broken rule. */
export function legendHtml(): string {
  const items = Object.keys(LETTER).map(
    (p) => `<li><span class="swatch cell ${partyClass(p)}"><span class="badge">${LETTER[p]}</span></span>${PARTY_LABEL[p]}</li>`,
  );
  items.push('<li><span class="swatch cell gap"><span class="badge">–</span></span>Unassigned (gap)</li>');
  items.push('<li><span class="swatch cell p-customer violation"><span class="badge">C</span></span>Breaks a rule (hover for the rule)</li>');
  items.push('<li><span class="swatch cell p-customer suppressed"><span class="badge">C</span></span>Differs from the model, not reported (suppressed)</li>');
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

/** The stylesheet of the standalone page: light by default, dark and forced-colors (high contrast) by media query. */
export const MATRIX_PAGE_CSS = `
:root{--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--customer:#0b62a4;--microsoft:#a14f00;--shared:#7b2f8e;--badge-fg:#fff;--bad:#cf222e;--gap:#59636e;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--head:#151b23;--customer:#56b4e9;--microsoft:#e69f00;--shared:#cc79a7;--badge-fg:#141414;--bad:#ff7b72;--gap:#9198a1}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:1.5rem}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}.source,footer{color:var(--muted)}
.matrix{border-collapse:collapse;min-width:40rem}
.matrix th,.matrix td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:middle}
.matrix thead th{background:var(--head);font-weight:600}
.wl-name{display:block}.wl-model{display:block;font-weight:400;font-size:.85em;color:var(--muted)}.bad-model{color:var(--bad)}
.layer code{display:block;font-size:.8em;color:var(--muted)}
.group th{background:var(--head);font-size:.8em;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.cell{position:relative;min-width:7rem}
.badge{display:inline-block;min-width:1.3em;margin-right:.4em;text-align:center;font-weight:700;border-radius:3px;color:var(--badge-fg);background:var(--gap)}
.p-customer{background:color-mix(in srgb,var(--customer) 16%,transparent)}.p-customer .badge{background:var(--customer)}
.p-microsoft{background:repeating-linear-gradient(135deg,color-mix(in srgb,var(--microsoft) 22%,transparent) 0 6px,color-mix(in srgb,var(--microsoft) 8%,transparent) 6px 12px)}.p-microsoft .badge{background:var(--microsoft)}
.p-shared{background:radial-gradient(color-mix(in srgb,var(--shared) 35%,transparent) 1.5px,color-mix(in srgb,var(--shared) 10%,transparent) 1.5px) 0 0/8px 8px}.p-shared .badge{background:var(--shared)}
.p-invalid .badge{background:var(--bad)}
.gap{background:none;border-style:dashed;color:var(--muted)}.gap .badge{background:none;color:var(--muted);border:1px dashed var(--muted)}
.team,.expected,.rule{display:block;font-size:.8em}.team,.expected{color:var(--muted)}.rule{color:var(--bad);font-weight:600}.rule::before{content:"⚠ "}
.violation{outline:3px solid var(--bad);outline-offset:-3px}
.gap.violation{outline-style:dashed;outline-width:2px}
.suppressed{outline:2px dashed var(--muted);outline-offset:-3px}
.ref-first{border-left:3px double var(--line)!important}
.ref{text-align:center;min-width:3rem;opacity:.75}.ref.used{opacity:1}.ref .badge{margin:0}
.ref-h{text-align:center}.ref-h.used .wl-model{font-weight:600;color:var(--fg)}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;padding:0;margin:.75rem 0}
.legend li{display:flex;align-items:center;gap:.4rem}.swatch{display:inline-block;min-width:2.2rem;padding:.15rem .3rem;border:1px solid var(--line)}
.notice{color:var(--muted);font-style:italic}
@media (forced-colors:active){.badge{forced-color-adjust:none;background:CanvasText!important;color:Canvas}.violation{outline-color:Highlight}.p-customer,.p-microsoft,.p-shared{background:none}}
@media print{.violation{outline-color:#000}}
`;

export interface HtmlOptions {
  /** Shown under the title: the file the matrix is of. */
  source?: string;
  /** The moment of generation, for the footer (left out when absent, so the output is reproducible). */
  generated?: string;
}

/** A standalone HTML page of the matrix: no script, no remote content, everything inline. */
export function matrixToHtml(m: ResponsibilityMatrix, options: HtmlOptions = {}): string {
  const ref = matrixReference();
  const name = m.documents.find((d) => d.name)?.name;
  const title = `Responsibility matrix${name ? `: ${name}` : ''}`;
  const body = m.documents.length ? m.documents.map((d) => documentHtml(d, ref)).join('\n') : '<p class="notice">The file has no YAML documents.</p>';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${MATRIX_PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1>${options.source ? `<p class="source">${escapeHtml(options.source)}</p>` : ''}</header>`,
    legendHtml(),
    body,
    `<footer><p>Layers and expected owners: Microsoft’s shared responsibility model (Azure security fundamentals diagram). Generated by srm${options.generated ? ` on ${escapeHtml(options.generated)}` : ''}.</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** "Copy as Markdown": the CLI's Markdown tables. */
export function matrixMarkdown(m: ResponsibilityMatrix): string {
  return matrixToMarkdown(m);
}
