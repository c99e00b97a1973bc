// The responsibility matrix as a standalone HTML page (inline CSS, no script, no remote content) for
// `srm matrix --format html` and the view's "Save as HTML", and as Markdown for "Copy as Markdown". Pure.
// The picture is matrixView.ts, which the live view (client/src/webview/matrix.ts) draws too.
import { htmlAttr, htmlText, joinedParts } from '../exportText';
import { matrixReference, matrixToMarkdown, type ResponsibilityMatrix } from './build';
import { documentView, legendView, type ViewNode } from './view';

/** Escapes text for HTML content and double- or single-quoted attribute values (exportText's htmlText). */
export const escapeHtml = htmlText;

/** The static rendering of a picture node: `class` first, then its attributes; no data-* (no script reads them). */
export function renderHtml(n: ViewNode | string): string {
  if (typeof n === 'string') return htmlText(n);
  let open = `<${n.tag}`;
  if (n.cls) open += htmlAttr('class', n.cls);
  for (const [k, v] of Object.entries(n.attrs ?? {})) open += htmlAttr(k, v);
  return `${open}>${(n.children ?? []).map(renderHtml).join('')}</${n.tag}>`;
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
.wl-name{display:block}.wl-service{display:block;font-weight:400;font-size:.8em;font-style:italic;color:var(--muted)}.wl-model{display:block;font-weight:400;font-size:.85em;color:var(--muted)}.bad-model{color:var(--bad)}
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
  const body = m.documents.length ? m.documents.map((d) => renderHtml(documentView(d, ref))).join('\n') : '<p class="notice">The file has no YAML documents.</p>';
  return htmlPage(title, MATRIX_PAGE_CSS, [
    `<header><h1>${htmlText(title)}</h1>${options.source ? `<p class="source">${htmlText(options.source)}</p>` : ''}</header>`,
    renderHtml(legendView()),
    body,
    `<footer><p>Layers and expected owners: Microsoft’s shared responsibility model (Azure security fundamentals diagram). Generated by srm${options.generated ? ` on ${htmlText(options.generated)}` : ''}.</p></footer>`,
  ]);
}

/**
 * A standalone page: `title` (text), `css` and `body` (HTML lines). The Content-Security-Policy allows no script and
 * no remote content, only the inline style: the matrix page and `srm report` both use it.
 */
export function htmlPage(title: string, css: string, body: readonly string[]): string {
  return htmlPageParts(title, css, body).join('');
}

/**
 * A line of a page's body: its HTML, or a function that pushes its HTML to the page's parts as pieces (a long section
 * of `srm report`, which is never held as one string).
 */
export type BodyLine = string | ((out: string[]) => void);

/** htmlPage's text in parts (the lines and the line ends between them), to be written one after the other. */
export function htmlPageParts(title: string, css: string, body: readonly BodyLine[]): string[] {
  const out = joinedParts([
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
  ], '\n');
  for (const line of [...body, '</body>', '</html>', '']) {
    out.push('\n');
    if (typeof line === 'string') out.push(line);
    else line(out);
  }
  return out;
}

/** "Copy as Markdown": the CLI's Markdown tables. */
export function matrixMarkdown(m: ResponsibilityMatrix): string {
  return matrixToMarkdown(m);
}
