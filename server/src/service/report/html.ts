// `srm report --format html`: the report as one self-contained page: inline CSS (the matrix page's, plus the
// report's), no script, no font, image or style from anywhere else (a CSP that allows nothing else), light, dark,
// high contrast and print. The matrices are the matrix view's picture (documentView), so colours, patterns and
// letters are the same. Every text from a file goes through exportText.ts (htmlText, htmlAttr, safe links). Pure.
// This file is the page: its shell and the report's CSS; the sections are htmlSections.ts, htmlTeams.ts and
// htmlMatrices.ts, on the markup of htmlMarkup.ts.
import { MATRIX_PAGE_CSS, htmlPageParts, type BodyLine } from '../matrix/html';
import type { MatrixDocument } from '../matrix/build';
import { h, type Pieces } from './htmlMarkup';
import { matrices } from './htmlMatrices';
import { coverage, files, summary, waivers } from './htmlSections';
import { teams } from './htmlTeams';
import type { ReportTextOptions } from './markdown';
import type { ReportJson } from './shape';
import { REPORT_TITLE, SECTIONS, sourceLine } from './text';

export { renderView } from './htmlMarkup';
export { MATRIX_TABLE_WORKLOADS, matrixTable, matrixTableReference, newMatrixCellCache, type MatrixCellCache } from './htmlMatrices';

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
  return reportHtmlParts(r, matrixDocuments, options).join('');
}

/**
 * reportToHtml's text in parts to be written one after the other (a big tree's page is a hundred megabytes: the
 * teams and matrices, its long sections, are written as pieces straight into the parts, htmlMarkup.ts Pieces).
 */
export function reportHtmlParts(r: ReportJson, matrixDocuments: readonly MatrixDocument[], options: ReportTextOptions = {}): string[] {
  const body: BodyLine[] = [
    h('header', null, h('h1', null, REPORT_TITLE), h('p', { class: 'source' }, sourceLine(r, options.source))).html,
    h('nav', { class: 'toc', 'aria-label': 'Contents' }, h('ol', null, SECTIONS.map((s) => h('li', null, h('a', { href: `#${s.id}` }, s.title))))).html,
    summary(r).html,
    (out: Pieces) => teams(r, out),
    (out: Pieces) => matrices(r, matrixDocuments, out),
    coverage(r).html,
    waivers(r).html,
    files(r).html,
    h('footer', null, h('p', null, `Layers and expected owners come from each baseline (the built-ins from Microsoft’s shared responsibility models). Generated by srm ${r.version}.`)).html,
  ];
  const title = `${REPORT_TITLE}${options.source ? `: ${options.source}` : ''}`;
  return htmlPageParts(title, `${MATRIX_PAGE_CSS}${REPORT_PAGE_CSS}`, body);
}
