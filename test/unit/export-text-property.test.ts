// The escaping of user text in every export, as properties (fast-check): random names, descriptions, services, notes
// and evidence through every export and the view's copy/save answers. Seed fixed; SRM_FC_RUNS / SRM_FC_SEED override.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LAYER_IDS, LAYERS, SERVICE_MODELS } from '../../server/src/model';
import { diagnose, parseFile } from '../../server/src/service';
import { csvTable, htmlLink, htmlText, jsonText, mdLink, mdText, safeLinkUrl } from '../../server/src/service/exportText';
import { matrixCsvRows, matrixToCsv, matrixToJson, matrixToMarkdown, type ResponsibilityMatrix } from '../../server/src/service/matrix/build';
import { matrixToHtml } from '../../server/src/service/matrix/html';
import { matrixExportText } from '../../server/src/lsp/matrix';
import { OWASP_START, neutral, parseCsv, mdNormal, mdUnescape, assertSafeMarkdown, mdCells, htmlDecode, readHtml, cliMatrix } from './export-readers';

const SEED = Number(process.env.SRM_FC_SEED ?? '20261201');
const RUNS = Number(process.env.SRM_FC_RUNS ?? '1') || 1;
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * RUNS)), includeErrorInReport: true });


// ---- properties ----

/** What authors write, and what attackers do: formula and markup starters, controls, RTL marks, entities, links. */
const FRAGMENTS = [
  '=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '＝', '＋', '－', '＠', ';', ',', '"', "'", '`', '|', '\\', '#', '>', '<', '&',
  '[', ']', '(', ')', '*', '_', '~', '!', ':', '1. ', '- ', '# ', '> ', '    ', ' ', '', 'x', 'web', 'customer', 'é', '𝒳', '✗',
  '<script>alert(1)</script>', '<img src=x onerror=alert(3)>', '</td><td>', '"><svg onload=alert(4)>', "' onmouseover='x",
  '=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", ';=1+1', '@SUM(A1)', '-2+3', '&lt;', '&#60;', '&amp;',
  '<!--', '-->', ']]>', '[x](javascript:alert(1))', '![t](http://tracker.example/p)', 'javascript:alert(1)', 'data:text/html,<b>',
  '\u200e', '\u200f', '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2069', '\u061c', '\u0000', '\u0001', '\u0008',
  '\u000b', '\u000c', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd',
];

/** Lone surrogates cannot be written in a YAML file: make a string well formed. */
const wellFormed = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) },
);
const shortText = fc.array(piece, { maxLength: 10 }).map((a) => wellFormed(a.join('')));
/** 10,000 characters of a repeated pair of pieces. */
const longText = fc.tuple(piece, piece).map(([a, b]) => {
  const unit = a + b || '<';
  return wellFormed(unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000));
});
const userText = fc.oneof({ weight: 12, arbitrary: shortText }, { weight: 1, arbitrary: longText });
const evidence = fc.oneof(
  userText,
  fc.constantFrom('javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://wiki.example/run?a=1&b=<x>', 'mailto:a@b.example'),
);

describe('properties of the escaping functions on random text', () => {
  it('CSV: any rows read back as the same cells, with a quote mark before a formula starter and only then', () => {
    fc.assert(
      fc.property(fc.array(fc.array(userText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const back = parseCsv(csvTable(rows));
        assert.deepEqual(back, rows.map((r) => r.map(neutral)));
        for (const c of back.flat()) assert.doesNotMatch(c, OWASP_START);
      }),
      runs(300),
    );
  });

  it('Markdown: renders as the text (line breaks as spaces), with no tag, code, link, control or line break', () => {
    fc.assert(
      fc.property(userText, (s) => {
        const md = mdText(s);
        assertSafeMarkdown(md);
        assert.doesNotMatch(md, /\n/);
        assert.equal(mdUnescape(md), mdNormal(s));
        assert.doesNotMatch(md, /^ *(?:[#\-+*=_~]|\d{1,9}[.)])/, 'a block marker first');
        assert.equal(mdCells(`| ${md} |`).length, 3, 'one table cell');
      }),
      runs(500),
    );
  });

  it('HTML: text decodes back to itself and holds no < > " \'; links only to http, https, mailto', () => {
    fc.assert(
      fc.property(userText, evidence, (s, e) => {
        const h = htmlText(s);
        assert.doesNotMatch(h, /[<>"']/);
        assert.equal(htmlDecode(h), s);
        const url = safeLinkUrl(e);
        if (url !== undefined) assert.match(url, /^(https?:\/\/|mailto:)/);
        const link = htmlLink(e, s);
        if (url === undefined) assert.equal(link, htmlText(s));
        else assert.equal(link, `<a href="${htmlText(url)}" rel="noopener noreferrer">${h}</a>`);
        const md = mdLink(e, s);
        if (url === undefined) assert.equal(md, mdText(s));
        else {
          const label = `[${mdText(s)}](`;
          assert.ok(md.startsWith(label) && md.endsWith(')'), md);
          const dest = md.slice(label.length, -1);
          // The destination: no space or control, every character a link or a table would read escaped.
          assert.doesNotMatch(dest, /[\s\u0000-\u001f<>]|(?<!\\)[()|`[\]&]/);
          assert.equal(dest.replace(/\\(.)/g, '$1'), url);
        }
      }),
      runs(500),
    );
  });

  it('JSON: the same value once parsed, no < > & U+2028 U+2029 in the text', () => {
    fc.assert(
      fc.property(fc.dictionary(userText, userText, { maxKeys: 4 }), (v) => {
        const s = jsonText(v);
        assert.doesNotMatch(s, /[<>&\u2028\u2029]/);
        assert.equal(JSON.stringify(JSON.parse(s)), JSON.stringify(v));
      }),
      runs(300),
    );
  });
});

/** A YAML double-quoted scalar holding exactly `s` (controls, DEL, C1, line and paragraph separators, BOM escaped). */
const yq = (s: string): string =>
  `"${s
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
/** A comment's text: one line of printable characters. */
const commentText = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, ' ');

interface GenCell {
  layer: string;
  owner: string;
  team?: string;
  notes?: string;
  evidence?: string;
}
interface GenWorkload {
  name: string;
  model: string;
  service: string;
  description: string;
  reason?: string;
  cells: GenCell[];
}
interface GenDoc {
  name: string;
  description: string;
  team: string;
  workloads: GenWorkload[];
}

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const genCell: fc.Arbitrary<GenCell> = fc.record(
  {
    layer: fc.constantFrom(...LAYER_IDS),
    owner: fc.oneof(fc.constantFrom('customer', 'microsoft', 'shared'), userText),
    team: opt(userText),
    notes: opt(userText),
    evidence: opt(evidence),
  },
  { requiredKeys: ['layer', 'owner'] },
);
const genWorkload: fc.Arbitrary<GenWorkload> = fc.record(
  {
    name: userText,
    model: fc.oneof(fc.constantFrom(...SERVICE_MODELS), userText),
    service: userText,
    description: userText,
    reason: opt(userText),
    cells: fc.array(genCell, { maxLength: 4 }),
  },
  { requiredKeys: ['name', 'model', 'service', 'description', 'cells'] },
);
const genDoc: fc.Arbitrary<GenDoc> = fc.record({
  name: userText,
  description: userText,
  team: userText,
  workloads: fc.array(genWorkload, { minLength: 1, maxLength: 3 }),
});

function fileText(d: GenDoc): string {
  const l = ['apiVersion: srm/v1', 'kind: ResponsibilityAssignment', 'metadata:', `  name: ${yq(d.name)}`, `  description: ${yq(d.description)}`];
  l.push('teams:', `  - id: ${yq(d.team)}`, 'workloads:');
  for (const w of d.workloads) {
    l.push(`  - name: ${yq(w.name)}`, `    model: ${yq(w.model)}`, `    service: ${yq(w.service)}`, `    description: ${yq(w.description)}`);
    const seen = new Set<string>();
    const cells: string[] = [];
    if (w.reason !== undefined) {
      // A suppressed finding with the file's reason: the reason is shown in the Markdown cell.
      cells.push(`      # srm-disable-next-line customer-only-duty -- ${commentText(w.reason)}`, '      information-and-data: microsoft');
      seen.add('information-and-data');
    }
    for (const c of w.cells) {
      if (seen.has(c.layer)) continue;
      seen.add(c.layer);
      if (c.team === undefined && c.notes === undefined && c.evidence === undefined) cells.push(`      ${c.layer}: ${yq(c.owner)}`);
      else {
        cells.push(`      ${c.layer}:`, `        owner: ${yq(c.owner)}`);
        if (c.team !== undefined) cells.push(`        team: ${yq(c.team)}`);
        if (c.notes !== undefined) cells.push(`        notes: ${yq(c.notes)}`);
        if (c.evidence !== undefined) cells.push(`        evidence: ${yq(c.evidence)}`);
      }
    }
    l.push(cells.length ? '    responsibilities:' : '    responsibilities: {}', ...cells);
  }
  return `${l.join('\n')}\n`;
}

/** The Markdown of one document: a heading, then the table with one row per layer and one cell per workload. */
function checkMarkdown(md: string, m: ResponsibilityMatrix, names?: { doc: string; workloads: string[]; models: string[] }): void {
  assertSafeMarkdown(md);
  const d = m.documents[0]!;
  const lines = md.split('\n');
  assert.equal(lines.length, 2 + 2 + LAYERS.length + 1, 'no line break from the file');
  assert.ok(lines[0]!.startsWith('## '));
  assert.equal(lines[1], '');
  assert.equal(lines.at(-1), '');
  const rows = lines.slice(2, -1);
  for (const r of rows) assert.equal(mdCells(r).length, d.workloads.length + 3, `cells of ${JSON.stringify(r.slice(0, 200))}`);
  if (names) {
    assert.equal(mdUnescape(lines[0]!.slice(3)), mdNormal(names.doc));
    const header = mdCells(rows[0]!).slice(2, -1).map(mdUnescape);
    assert.deepEqual(header, names.workloads.map((n, i) => `${mdNormal(n)} (${mdNormal(names.models[i]!)})`.trim()));
  }
}

/** The page: only the export's elements and attributes; the file's names are text in their places. */
function checkHtml(html: string, names: { doc?: string; workloads: string[] }): void {
  const els = readHtml(html);
  const wl = els.filter((e) => e.tag === 'span' && e.cls === 'wl-name' && e.parentCls.startsWith('wl')).map((e) => e.text);
  assert.deepEqual(wl, names.workloads);
  if (names.doc !== undefined) assert.deepEqual(els.filter((e) => e.tag === 'h2').map((e) => e.text), [names.doc]);
}

describe('properties of every export on random responsibility files', () => {
  it('srm matrix csv, md, html, json and the view\'s copy/save: cells read back, no raw tag, no element or attribute from the file', () => {
    fc.assert(
      fc.property(genDoc, (g) => {
        const text = fileText(g);
        const m = cliMatrix(text);
        // The generator reaches the exports: the matrix holds the file's names as written.
        assert.equal(m.documents.length, 1);
        const d = m.documents[0]!;
        assert.equal(d.syntaxError, false, text.slice(0, 2000));
        // An empty metadata.name is no name: the view and every export title the document "document 1" instead.
        assert.equal(d.name, g.name === '' ? undefined : g.name);
        assert.deepEqual(d.workloads.map((w) => w.name), g.workloads.map((w) => w.name));
        // As every view of the matrix shows them: an empty model is "no model", an empty document name "document 1".
        const models = g.workloads.map((w) => (w.model === '' ? 'no model' : w.model));
        const docTitle = g.name === '' ? 'document 1' : g.name;

        // CSV: parses back to the plain cells, a formula starter always behind a quote mark.
        const plain = matrixCsvRows(m);
        assert.deepEqual(plain[0], ['layer', ...g.workloads.map((w, i) => `${w.name} (${models[i]})`)]);
        const back = parseCsv(matrixToCsv(m));
        assert.deepEqual(back, plain.map((r) => r.map(neutral)));
        assert.equal(back.length, 1 + LAYERS.length);
        for (const c of back.flat()) assert.doesNotMatch(c, OWASP_START);

        // Markdown: the table's shape survives, names render as written, nothing raw.
        const md = matrixToMarkdown(m);
        checkMarkdown(md, m, { doc: docTitle, workloads: g.workloads.map((w) => w.name), models });
        for (const r of d.rows) {
          for (const c of r.cells) {
            for (const f of c.findings) if (f.suppressed?.reason) assert.ok(md.includes(`suppressed: ${mdText(f.suppressed.reason)}`));
          }
        }

        // HTML: only the page's own elements and attributes; the names are text.
        const html = matrixToHtml(m, { source: g.workloads[0]!.service });
        checkHtml(html, { doc: docTitle, workloads: d.workloads.map((w) => w.name) });

        // JSON: exact data, nothing an HTML page would read as markup.
        const json = matrixToJson(m);
        assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
        assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(m)));

        // The view's "Copy as Markdown" and "Save as HTML" (from the server's cached parse): as safe.
        const parsed = parseFile(text);
        const snap = { version: 1, parsed, findings: diagnose(parsed) };
        const viewMd = matrixExportText('file:///w/x.srm.yaml', snap, 'md');
        checkMarkdown(viewMd, m);
        checkHtml(matrixExportText('file:///w/x.srm.yaml', snap, 'html'), { workloads: d.workloads.map((w) => w.name) });
      }),
      runs(80),
    );
  });
});
