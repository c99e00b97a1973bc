// The escaping of user text in every export (service/exportText.ts), exact cases: CSV cells that would start a
// formula are neutralised, Markdown has no raw tag or link, HTML holds no element or attribute from the file, JSON is
// exact data, evidence links are http/https/mailto only; the two cases through every renderer and copy/save.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, parseFile } from '../../server/src/service';
import { csvCell, csvTable, htmlAttr, htmlLink, htmlText, jsonText, mdLink, mdText, safeLinkUrl } from '../../server/src/service/exportText';
import { matrixToCsv, matrixToJson, matrixToMarkdown } from '../../server/src/service/matrix/build';
import { matrixMarkdown, matrixToHtml, renderHtml } from '../../server/src/service/matrix/html';
import { matrixExportText } from '../../server/src/lsp/matrix';
import { parseCsv, assertSafeMarkdown, readHtml, cliMatrix } from './export-readers';

// ---- exact cases ----

describe('csvCell: RFC 4180 fields, formulas neutralised as OWASP recommends', () => {
  it('a leading = + - @ tab or CR (and the full-width forms) gets a quote mark, and the field is quoted', () => {
    const cases: Array<[string, string]> = [
      ['=HYPERLINK("http://evil.example","x") (saas)', `"'=HYPERLINK(""http://evil.example"",""x"") (saas)"`],
      ['=1+1', `"'=1+1"`],
      ['+1', `"'+1"`],
      ['-1', `"'-1"`],
      ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
      ['\t=1', `"'\t=1"`],
      ['\r=1', `"'\r=1"`],
      ['＝1+1', `"'＝1+1"`],
      ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ];
    for (const [s, want] of cases) assert.equal(csvCell(s), want, JSON.stringify(s));
  });

  it('other fields: as is, or quoted for a quote, comma, line break, or a formula after a ; or a tab', () => {
    const cases: Array<[string, string]> = [
      ['customer', 'customer'],
      ['', ''],
      ["'=1", "'=1"],
      [' =1', ' =1'],
      ['(unassigned; expected customer)', '(unassigned; expected customer)'],
      ['microsoft ✗ expected customer', 'microsoft ✗ expected customer'],
      ['web, "front" (paas)', '"web, ""front"" (paas)"'],
      ['a\nb', '"a\nb"'],
      ['a\r\nb', '"a\r\nb"'],
      ['x;=1+1', '"x;=1+1"'],
      ['x; @SUM(A1)', '"x; @SUM(A1)"'],
      ['x\t-1', '"x\t-1"'],
    ];
    for (const [s, want] of cases) assert.equal(csvCell(s), want, JSON.stringify(s));
    assert.equal(csvTable([['layer', '=x'], ['a,b', '']]), `layer,"'=x"\r\n"a,b",\r\n`);
  });
});

describe('mdText: Markdown inline text that renders as the text, never as markup', () => {
  it('escapes < > & | backslash backticks brackets, a leading block marker; line breaks become spaces', () => {
    const cases: Array<[string, string]> = [
      ['x<script>alert(1)</script>', 'x&lt;script&gt;alert(1)&lt;/script&gt;'],
      ['<img src=x onerror=alert(3)>', '&lt;img src=x onerror=alert(3)&gt;'],
      ['R&D | ops', 'R&amp;D \\| ops'],
      ['a\\|b', 'a\\\\\\|b'],
      ['`code`', '\\`code\\`'],
      ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
      ['![t](http://tracker.example/p.gif)', '!\\[t\\](http://tracker.example/p.gif)'],
      ['# heading', '\\# heading'],
      ['- item', '\\- item'],
      ['> quote', '&gt; quote'],
      ['+ item', '\\+ item'],
      ['* item', '\\* item'],
      ['=====', '\\====='],
      ['~~~', '\\~~~'],
      ['___', '\\___'],
      ['1. first', '1\\. first'],
      ['12) twelfth', '12\\) twelfth'],
      ['  # indented', '  \\# indented'],
      ['2026-11-29', '2026-11-29'],
      ['line\nbreak\r\nand\rmore\u2028x\u2029y\u0085z\tt', 'line break and more x y z t'],
      ['nul\u0000esc\u001b[31mdel\u007f', 'nul\ufffdesc\ufffd\\[31mdel\ufffd'],
      ['a #b -c', 'a #b -c'],
      ['\u202eevil\u200f', '\u202eevil\u200f'],
      ['shared', 'shared'],
    ];
    for (const [s, want] of cases) assert.equal(mdText(s), want, JSON.stringify(s));
  });

  it('mdLink: a link only to http, https or mailto; anything else is the label as text', () => {
    assert.equal(mdLink('https://wiki.example/runbook'), '[https://wiki.example/runbook](https://wiki.example/runbook)');
    assert.equal(mdLink('https://wiki.example/a_(b)|c?d=<e>&f', 'run|book'), '[run\\|book](https://wiki.example/a\\_\\(b\\)\\|c?d=%3Ce%3E\\&f)');
    assert.equal(mdLink('javascript:alert(1)'), 'javascript:alert(1)');
    assert.equal(mdLink('data:text/html,<script>alert(1)</script>', 'proof'), 'proof');
    assert.equal(mdLink('java\tscript:alert(1)'), 'java script:alert(1)');
  });
});

describe('htmlText, htmlAttr, htmlLink, safeLinkUrl: HTML escapes everything, links only to http, https, mailto', () => {
  it('htmlText escapes & < > " \' for text and quoted attribute values alike', () => {
    assert.equal(htmlText(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(htmlText('=HYPERLINK("http://evil.example","x")'), '=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)');
  });

  it('safeLinkUrl: absolute http, https and mailto URLs as the browser reads them; undefined for any other', () => {
    const ok: Array<[string, string]> = [
      ['https://wiki.example/runbooks/db', 'https://wiki.example/runbooks/db'],
      ['  HTTPS://Wiki.Example/a b  ', 'https://wiki.example/a%20b'],
      ['http://audit.example/?q="x"<y>', 'http://audit.example/?q=%22x%22%3Cy%3E'],
      ['mailto:secops@contoso.example', 'mailto:secops@contoso.example'],
    ];
    for (const [s, want] of ok) assert.equal(safeLinkUrl(s), want, JSON.stringify(s));
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:image/svg+xml;base64,PHN2Zz4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://x.example/1',
      '//evil.example/x',
      '/runbooks/db.md',
      'runbooks/db.md',
      '',
    ];
    for (const s of bad) assert.equal(safeLinkUrl(s), undefined, JSON.stringify(s));
  });

  it('htmlLink and htmlAttr: a javascript: or data: evidence value, an event handler, never reach the page', () => {
    assert.equal(htmlLink('https://wiki.example/a?b=1&c="d"'), '<a href="https://wiki.example/a?b=1&amp;c=%22d%22" rel="noopener noreferrer">https://wiki.example/a?b=1&amp;c=&quot;d&quot;</a>');
    assert.equal(htmlLink('javascript:alert(1)', '<b>proof</b>'), '&lt;b&gt;proof&lt;/b&gt;');
    assert.equal(htmlLink('data:text/html,<script>alert(1)</script>'), 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(htmlAttr('title', '"><script>'), ' title="&quot;&gt;&lt;script&gt;"');
    assert.equal(htmlAttr('href', 'javascript:alert(1)'), '');
    assert.equal(htmlAttr('src', 'data:image/png;base64,AA=='), '');
    assert.equal(htmlAttr('onclick', 'alert(1)'), '');
    assert.equal(htmlAttr('title onmouseover', 'x'), '');
    assert.equal(htmlAttr('href', 'https://x.example/'), ' href="https://x.example/"');
    // The picture's renderer goes through it too: a link node from a file's evidence cannot carry a script.
    assert.equal(
      renderHtml({ tag: 'a', attrs: { href: 'javascript:alert(1)', title: 'x', onclick: 'alert(2)' }, children: ['e'] }),
      '<a title="x">e</a>',
    );
    assert.equal(renderHtml({ tag: 'a', attrs: { href: 'https://x.example/e' }, children: ['<e>'] }), '<a href="https://x.example/e">&lt;e&gt;</a>');
  });

  it('jsonText: the same data once parsed, and no raw < > & U+2028 U+2029 in the text', () => {
    const v = { name: '</script><script>alert(1)</script>', a: 'R&D\u2028\u2029', q: '"\\' };
    const s = jsonText(v);
    assert.equal(s, '{\n  "name": "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",\n  "a": "R\\u0026D\\u2028\\u2029",\n  "q": "\\"\\\\"\n}');
    assert.deepEqual(JSON.parse(s), v);
  });
});

// ---- the exports and the view's copy/save answers on the two cases of the issue ----

const FORMULA_FILE = [
  'apiVersion: srm/v1',
  'kind: ResponsibilityAssignment',
  'metadata:',
  '  name: formula',
  'workloads:',
  '  - name: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"',
  '    model: saas',
  '    responsibilities:',
  '      information-and-data: customer',
  '',
].join('\n');

const MARKUP_FILE = [
  'apiVersion: srm/v1',
  'kind: ResponsibilityAssignment',
  'metadata:',
  '  name: "x<script>alert(1)</script>"',
  'workloads:',
  '  - name: "<img src=x onerror=alert(3)>"',
  '    model: saas',
  '    responsibilities:',
  '      information-and-data: customer',
  '      applications:',
  '        owner: "<b>vendor</b>"',
  '        team: "=1+1"',
  '        notes: "<i>n</i>"',
  '        evidence: "javascript:alert(2)"',
  '',
].join('\n');


describe('the two cases of the issue, through each renderer and the view\'s "Copy as Markdown" / "Save as HTML"', () => {
  it('a workload named =HYPERLINK(...): neutralised in CSV, text in Markdown, HTML and JSON', () => {
    const m = cliMatrix(FORMULA_FILE);
    const csv = matrixToCsv(m);
    assert.equal(csv.split('\r\n')[0], `layer,"'=HYPERLINK(""http://evil.example"",""x"") (saas)"`);
    assert.deepEqual(parseCsv(csv)[0], ['layer', `'=HYPERLINK("http://evil.example","x") (saas)`]);
    const md = matrixToMarkdown(m);
    assert.equal(md.split('\n')[2], '| Layer | \\=HYPERLINK("http://evil.example","x") (saas) |');
    const html = matrixToHtml(m);
    assert.ok(html.includes('<span class="wl-name">=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)</span>'));
    const json = matrixToJson(m);
    assert.ok(json.includes('\n          "name": "=HYPERLINK(\\"http://evil.example\\",\\"x\\")",\n'));
    assert.equal(JSON.parse(json).documents[0].workloads[0].name, '=HYPERLINK("http://evil.example","x")');
  });

  it('a <script> document name and an <img onerror> workload: no live tag in Markdown, HTML or JSON', () => {
    const m = cliMatrix(MARKUP_FILE);
    const md = matrixToMarkdown(m);
    const lines = md.split('\n');
    assert.equal(lines[0], '## x&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(lines[2], '| Layer | &lt;img src=x onerror=alert(3)&gt; (saas) |');
    assert.ok(lines.includes('| Applications | &lt;b&gt;vendor&lt;/b&gt; [\\=1+1] ✗ expected microsoft (schema) |'), md);
    assertSafeMarkdown(md);
    const html = matrixToHtml(m);
    assert.ok(html.includes('<title>Responsibility matrix: x&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
    assert.ok(html.includes('<h2>x&lt;script&gt;alert(1)&lt;/script&gt;</h2>'));
    assert.ok(html.includes('<span class="wl-name">&lt;img src=x onerror=alert(3)&gt;</span>'));
    assert.ok(html.includes('<span class="owner">&lt;b&gt;vendor&lt;/b&gt;</span><span class="team">=1+1</span>'));
    readHtml(html);
    assert.doesNotMatch(html, /<script|<img|<b>|<i>|javascript:alert\(2\)/);
    const csv = parseCsv(matrixToCsv(m));
    assert.deepEqual(csv[0], ['layer', '<img src=x onerror=alert(3)> (saas)']);
    assert.equal(csv.find((r) => r[0] === 'applications')![1], '<b>vendor</b> [=1+1] ✗ expected microsoft');
    const json = matrixToJson(m);
    assert.ok(json.includes('\n          "name": "\\u003cimg src=x onerror=alert(3)\\u003e",\n'));
    assert.ok(json.includes('\n      "name": "x\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"\n'));
    assert.doesNotMatch(json, /[<>&]/);
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(m)));
  });

  it('"Copy as Markdown" and "Save as HTML" (srm/matrixExport) answer the same text as srm matrix md|html', () => {
    for (const text of [FORMULA_FILE, MARKUP_FILE]) {
      const parsed = parseFile(text);
      const snap = { version: 3, parsed, findings: diagnose(parsed, { includeSuppressed: true }) };
      const m = cliMatrix(text);
      assert.equal(matrixExportText('file:///w/a.srm.yaml', snap, 'md'), matrixToMarkdown(m));
      assert.equal(matrixExportText('file:///w/a.srm.yaml', snap, 'md'), matrixMarkdown(m));
      assert.equal(matrixExportText('file:///w/a%3Cb%3E.srm.yaml', snap, 'html'), matrixToHtml(m, { source: 'a<b>.srm.yaml' }));
      assert.ok(matrixExportText('file:///w/a%3Cb%3E.srm.yaml', snap, 'html').includes('<p class="source">a&lt;b&gt;.srm.yaml</p>'));
    }
  });
});
