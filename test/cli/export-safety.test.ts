// `srm matrix` on the two files of issue 17 in every format (csv, md, html, json): a workload named as a spreadsheet
// formula, and a document and workload named as HTML. Each output is compared whole with the output for the same
// file with plain placeholder names, the placeholders replaced by the exact text each format must show.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { LAYERS } from '../../server/src/model';
import { rm, srm, tree } from './helpers';

const cleanups: string[] = [];
after(() => cleanups.forEach(rm));

/** A file with one workload; `docName` and `workloadName` are YAML scalars as written in the file. */
const file = (docName: string, workloadName: string): string =>
  [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    `  name: ${docName}`,
    'workloads:',
    `  - name: ${workloadName}`,
    '    model: saas',
    '    responsibilities:',
    '      information-and-data: customer',
    '      devices: customer',
    '',
  ].join('\n');

/** A placeholder as long as `scalar` (so offsets in the JSON agree), made of one letter. */
const placeholder = (scalar: string, letter: string): string => letter.repeat(scalar.length);

const FORMULA = '"=HYPERLINK(\\"http://evil.example\\",\\"x\\")"';
const SCRIPT = '"x<script>alert(1)</script>"';
const IMG = '"<img src=x onerror=alert(3)>"';

interface Case {
  name: string;
  /** The file's scalars (document name, workload name). */
  doc: string;
  workload: string;
  /** Per format: what each placeholder becomes ([placeholder letter, text]). */
  want: Record<'csv' | 'md' | 'html' | 'json', { doc: string; workload: string }>;
}

const CASES: Case[] = [
  {
    name: 'a workload named =HYPERLINK(...)',
    doc: 'formula',
    workload: FORMULA,
    want: {
      // The whole header cell is neutralised: a quote mark first, the cell quoted, its quotes doubled.
      csv: { doc: 'formula', workload: `"'=HYPERLINK(""http://evil.example"",""x"") (saas)"` },
      md: { doc: 'formula', workload: '\\=HYPERLINK("http://evil.example","x")' },
      html: { doc: 'formula', workload: '=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)' },
      json: { doc: 'formula', workload: '=HYPERLINK(\\"http://evil.example\\",\\"x\\")' },
    },
  },
  {
    name: 'a document named x<script>… and a workload named <img onerror>',
    doc: SCRIPT,
    workload: IMG,
    want: {
      csv: { doc: '', workload: '<img src=x onerror=alert(3)> (saas)' },
      md: { doc: 'x&lt;script&gt;alert(1)&lt;/script&gt;', workload: '&lt;img src=x onerror=alert(3)&gt;' },
      html: { doc: 'x&lt;script&gt;alert(1)&lt;/script&gt;', workload: '&lt;img src=x onerror=alert(3)&gt;' },
      json: { doc: 'x\\u003cscript\\u003ealert(1)\\u003c/script\\u003e', workload: '\\u003cimg src=x onerror=alert(3)\\u003e' },
    },
  },
];

describe('srm matrix: exports are safe to open (issue 17)', () => {
  for (const c of CASES) {
    const P = placeholder(c.doc, 'Q');
    const W = placeholder(c.workload, 'W');
    const dir = tree({ 'hostile.srm.yaml': file(c.doc, c.workload), 'plain.srm.yaml': file(P, W) });
    cleanups.push(dir);
    const run = (f: string, format: string): string => {
      const r = srm(['matrix', f, '--format', format], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      return r.stdout;
    };
    const expected = (format: keyof Case['want'], plain: string, workloadCell: string): string =>
      plain.split(workloadCell).join(c.want[format].workload).split(P).join(c.want[format].doc).replaceAll('plain.srm.yaml', 'hostile.srm.yaml');

    it(`${c.name}: csv`, () => {
      const out = run('hostile.srm.yaml', 'csv');
      // The CSV's header cell is the whole "name (model)" column title.
      assert.equal(out, expected('csv', run('plain.srm.yaml', 'csv'), `${W} (saas)`));
      assert.equal(out.split('\r\n')[0], `layer,${c.want.csv.workload}`);
      assert.equal(out.split('\r\n')[1 + LAYERS.findIndex((l) => l.id === 'devices')], 'devices,customer');
    });

    it(`${c.name}: md`, () => {
      const out = run('hostile.srm.yaml', 'md');
      assert.equal(out, expected('md', run('plain.srm.yaml', 'md'), W));
      const lines = out.split('\n');
      assert.equal(lines[0], `## ${c.want.md.doc}`);
      assert.equal(lines[2], `| Layer | ${c.want.md.workload} (saas) |`);
      assert.doesNotMatch(out, /<|>/);
    });

    it(`${c.name}: html`, () => {
      const out = run('hostile.srm.yaml', 'html');
      assert.equal(out, expected('html', run('plain.srm.yaml', 'html'), W));
      assert.ok(out.includes(`<h2>${c.want.html.doc}</h2>`));
      assert.ok(out.includes(`<span class="wl-name">${c.want.html.workload}</span>`));
      assert.ok(out.includes(`<th class="wl" scope="col" title="${c.want.html.workload} (saas)">`));
      assert.doesNotMatch(out, /<script|<img|onerror=alert\(3\)>/);
    });

    it(`${c.name}: json`, () => {
      const out = run('hostile.srm.yaml', 'json');
      assert.equal(out, expected('json', run('plain.srm.yaml', 'json'), W));
      const m = JSON.parse(out);
      // The data is exact: JSON is for programs; only its text avoids < > &.
      assert.equal(m.documents[0].workloads[0].name, JSON.parse(c.workload));
      assert.equal(m.documents[0].name, c.doc.startsWith('"') ? JSON.parse(c.doc) : c.doc);
      assert.doesNotMatch(out, /[<>&]/);
    });
  }

  it('the same through --stdin', () => {
    const r = srm(['matrix', '--stdin', '--format', 'csv'], { input: file('x', FORMULA) });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split('\r\n')[0], `layer,"'=HYPERLINK(""http://evil.example"",""x"") (saas)"`);
  });
});
