// The responsibility matrix: the pure function from a parsed file to rows, columns and cells (owner, expected,
// status, rule ids, gaps, offsets), the wire answer of srm/matrix, and the HTML and Markdown exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { LAYERS, GROUPS, SERVICE_MODELS } from '../../server/src/model';
import { diagnose, parseFile } from '../../server/src/service';
import { matrixFromParsed, matrixReference, matrixToMarkdown, type ResponsibilityMatrix } from '../../server/src/service/matrix/build';
import { escapeHtml, matrixMarkdown, matrixToHtml, renderHtml } from '../../server/src/service/matrix/html';
import { matrixResult } from '../../server/src/lsp/matrix';
import type { MatrixResult, MatrixViewNode } from '../../shared/matrix';
import { documentText, header, missingLayers, ownersDocument } from './model-documents';

const examples = path.join(__dirname, '..', '..', 'examples');
const read = (f: string) => readFileSync(path.join(examples, f), 'utf8');

function matrixOf(text: string, whole = false): ResponsibilityMatrix {
  const parsed = parseFile(text, undefined, { whole });
  return matrixFromParsed(parsed, diagnose(parsed));
}

const MISTAKES = read('with-mistakes.srm.yaml');
/** Per workload of with-mistakes.srm.yaml, the layers of the model it leaves out (read with the yaml package). */
const MISTAKES_GAPS: string[][] = (parseDocument(MISTAKES).toJS() as { workloads: Array<{ responsibilities: object }> }).workloads.map((w) =>
  missingLayers(Object.keys(w.responsibilities)),
);

test('rows are every layer in model order, with its group; columns are the workloads with their model', () => {
  const m = matrixOf(MISTAKES);
  assert.equal(m.documents.length, 1);
  const d = m.documents[0]!;
  assert.equal(d.name, 'contoso-mistakes');
  assert.equal(d.syntaxError, false);
  assert.deepEqual(d.rows.map((r) => r.layer), LAYERS.map((l) => l.id));
  assert.deepEqual(d.rows.map((r) => r.group), LAYERS.map((l) => l.group));
  assert.deepEqual(
    d.workloads.map((w) => [w.name, w.model, w.modelText]),
    [
      ['legacy-vm', 'iaas', undefined],
      ['intranet', null, 'PaaS'],
      ['legacy-vm', 'saas', undefined],
    ],
  );
  for (const r of d.rows) assert.equal(r.cells.length, 3);
});

test('cells: owner, expected owner, status and the rule ids that fall in them', () => {
  const d = matrixOf(MISTAKES).documents[0]!;
  const cell = (layer: string, col: number) => d.rows.find((r) => r.layer === layer)!.cells[col]!;
  const codes = (layer: string, col: number) => cell(layer, col).findings.map((f) => f.code);

  const data = cell('information-and-data', 0);
  assert.deepEqual([data.owner, data.expected, data.status], ['microsoft', 'customer', 'mismatch']);
  assert.deepEqual(codes('information-and-data', 0), ['customer-only-duty']);
  assert.match(data.findings[0]!.message, /always the customer's duty/);

  assert.deepEqual(codes('operating-system', 0), ['model-mismatch']);
  assert.deepEqual(codes('physical-hosts', 0), ['provider-only-duty']);
  const ok = cell('devices', 0);
  assert.deepEqual([ok.owner, ok.expected, ok.status, ok.findings], ['customer', 'customer', 'match', []]);

  // Long form: the team is kept; an unknown team is reported in the cell.
  const acc = cell('accounts-and-identities', 1);
  assert.deepEqual([acc.owner, acc.team, acc.status], ['customer', 'sec-ops', 'unknown-model']);
  assert.deepEqual(codes('accounts-and-identities', 1), ['unknown-team']);

  // An owner that is not a party.
  const app = cell('applications', 2);
  assert.deepEqual([app.owner, app.expected, app.status], ['microsft', 'microsoft', 'invalid']);
  assert.ok(app.findings.length > 0);
});

test('unassigned layers are gaps with no offsets; the unassigned-layer finding is on each gap', () => {
  const d = matrixOf(MISTAKES).documents[0]!;
  const gaps = d.rows.filter((r) => r.cells[1]!.status === 'unassigned').map((r) => r.layer);
  // intranet assigns information-and-data, accounts-and-identities and operating-system (and misspells devices).
  assert.deepEqual(gaps, missingLayers(['information-and-data', 'accounts-and-identities', 'operating-system']));
  assert.deepEqual(gaps, MISTAKES_GAPS[1]);
  for (const r of d.rows) {
    const c = r.cells[1]!;
    if (c.status !== 'unassigned') continue;
    assert.equal(c.owner, null);
    assert.equal(c.start, undefined);
    assert.deepEqual(c.findings.map((f) => f.code), ['unassigned-layer']);
  }
  // The unknown-model workload's own problems (its model) are on the workload, not in a cell.
  assert.ok(d.workloads[1]!.findings.some((f) => f.code === 'schema'));
});

test("a cell's offsets cover its layer key and value (click-to-reveal lands on the line)", () => {
  const d = matrixOf(MISTAKES).documents[0]!;
  for (const r of d.rows) {
    for (const c of r.cells) {
      if (c.start === undefined || c.end === undefined) continue;
      const text = MISTAKES.slice(c.start, c.end);
      assert.ok(text.startsWith(r.layer), `${r.layer}: ${JSON.stringify(text)}`);
      if (c.owner) assert.ok(text.includes(c.owner), `${r.layer}: ${JSON.stringify(text)}`);
    }
  }
  const w = d.workloads[2]!;
  assert.match(MISTAKES.slice(w.start, w.end), /^(\s*- )?name: legacy-vm\n\s+model: saas/);
});

test('the same matrix (offsets aside) from a chunked and a whole parse, on every example', () => {
  const strip = (m: ResponsibilityMatrix) => JSON.parse(JSON.stringify(m, (k, v) => (k === 'start' || k === 'end' ? undefined : v)));
  // Baseline documents have no workloads (their matrix is the baseline's own, drawn by srm baselines show).
  for (const f of readdirSync(examples).filter((x) => x.endsWith('.srm.yaml') && !x.endsWith('.baseline.srm.yaml'))) {
    const text = read(f);
    const findings = diagnose(parseFile(text));
    const chunked = strip(matrixFromParsed(parseFile(text), findings));
    assert.deepEqual(strip(matrixFromParsed(parseFile(text, undefined, { whole: true }), findings)), chunked, f);
    assert.ok(chunked.documents.length > 0 && chunked.documents.every((d: { workloads: unknown[] }) => d.workloads.length > 0), f);
  }
});

test('several documents, quoted metadata names, a syntax error, an empty file', () => {
  const text = [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  owner: x',
    '  name: "a | b"  # comment',
    'workloads:',
    '  - name: w',
    '    model: saas',
    '    responsibilities:',
    '      devices: customer',
    '---',
    'apiVersion: srm/v1',
    'metadata:',
    "  name: 'it''s'",
    'workloads: [ {',
    '',
  ].join('\n');
  const m = matrixOf(text);
  assert.equal(m.documents.length, 2);
  assert.equal(m.documents[0]!.name, 'a | b');
  assert.equal(m.documents[1]!.name, "it's");
  assert.equal(m.documents[1]!.syntaxError, true);
  assert.deepEqual(m.documents[1]!.workloads, []);
  assert.equal(m.documents[0]!.rows.find((r) => r.layer === 'devices')!.cells[0]!.status, 'match');
  assert.equal(m.documents[0]!.rows.find((r) => r.layer === 'applications')!.cells[0]!.status, 'unassigned');
  assert.deepEqual(matrixOf('').documents, []);
  assert.doesNotThrow(() => matrixOf('\u0000: [\n- :'));
});

test('the reference: every layer under every service model, groups in model order', () => {
  const ref = matrixReference();
  assert.deepEqual(ref.models.map((x) => x.id), [...SERVICE_MODELS]);
  assert.deepEqual(ref.groups.map((g) => g.id), GROUPS.map((g) => g.id));
  assert.deepEqual(ref.rows.map((r) => r.layer), LAYERS.map((l) => l.id));
  const os = ref.rows.find((r) => r.layer === 'operating-system')!;
  assert.deepEqual(os.owners, { 'on-premises': 'customer', iaas: 'customer', paas: 'microsoft', saas: 'microsoft' });
});

test('srm/matrix answer: version, matrix and reference, as the shared wire type', () => {
  const parsed = parseFile(MISTAKES);
  const r: MatrixResult = matrixResult('file:///x/with-mistakes.srm.yaml', { version: 7, parsed, findings: diagnose(parsed) });
  assert.equal(r.version, 7);
  assert.equal(r.uri, 'file:///x/with-mistakes.srm.yaml');
  assert.equal(r.reference.rows.length, LAYERS.length);
  // It crosses JSON-RPC: nothing is lost in JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

test('the live view and the HTML export draw one picture: the view the server sends is what the page renders', () => {
  const parsed = parseFile(MISTAKES);
  const findings = diagnose(parsed);
  const r = matrixResult('file:///x/with-mistakes.srm.yaml', { version: 1, parsed, findings });
  const html = matrixToHtml(matrixFromParsed(parsed, findings));
  assert.equal(r.view.documents.length, r.matrix.documents.length);
  for (const v of r.view.documents) assert.ok(html.includes(renderHtml(v)), 'the page holds each document as sent to the view');
  assert.ok(html.includes(renderHtml(r.view.legend)));
  // What only the live view uses: every cell and workload header can be clicked, inside the text; cells are found
  // by layer and workload; the static page has no data-* attributes.
  const cells: MatrixViewNode[] = [];
  const walk = (n: MatrixViewNode | string): void => {
    if (typeof n === 'string') return;
    if (n.tag === 'td' && n.cls?.startsWith('cell ')) cells.push(n);
    if (n.tag === 'th' && n.cls?.startsWith('wl')) assert.ok(n.reveal && n.data?.workload !== undefined);
    n.children?.forEach(walk);
  };
  r.view.documents.forEach(walk);
  const d = r.matrix.documents[0]!;
  assert.equal(cells.length, d.rows.length * d.workloads.length);
  for (const c of cells) {
    assert.ok(c.data?.layer && c.data.workload !== undefined && c.reveal, JSON.stringify(c));
    assert.ok(c.reveal.start >= 0 && c.reveal.end <= MISTAKES.length && c.reveal.start <= c.reveal.end);
  }
  assert.doesNotMatch(html, /data-/);
});

test('HTML export: a standalone page, no script, no remote content, violations outlined with rule id and message', () => {
  const html = matrixToHtml(matrixOf(MISTAKES), { source: 'examples/with-mistakes.srm.yaml' });
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  assert.doesNotMatch(html, /@import|url\(/i);
  assert.match(html, /<title>Responsibility matrix: contoso-mistakes<\/title>/);
  // One table, grouped rows in model order, workloads and the reference columns.
  assert.equal((html.match(/<table class="matrix">/g) ?? []).length, 1);
  assert.equal((html.match(/<tr class="group">/g) ?? []).length, 3);
  // Rows go by group (in the model's group order), each group's layers in model order.
  const order = GROUPS.flatMap((g) => LAYERS.filter((l) => l.group === g.id)).map((l) => html.indexOf(`<code>${l.id}</code>`));
  assert.equal(order.length, LAYERS.length);
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.ok(order.every((i) => i > 0));
  for (const label of ['On-premises', 'IaaS', 'PaaS', 'SaaS']) assert.ok(html.includes(`<span class="wl-name">${label}</span>`));
  // The customer-only-duty cell: outlined, letter M, rule id in the cell, rule id and message in the title.
  const cell = /<td class="cell s-mismatch p-microsoft violation" title="([^"]*)"><span class="badge">M<\/span><span class="owner">microsoft<\/span><span class="expected">expected customer<\/span><span class="rule">customer-only-duty<\/span><\/td>/.exec(html);
  assert.ok(cell, 'the outlined information-and-data cell');
  assert.match(cell[1]!, /customer-only-duty: Layer &quot;information-and-data&quot; is always the customer&#39;s duty/);
  // Gaps and the legend.
  assert.equal((html.match(/<td class="cell s-unassigned gap/g) ?? []).length, MISTAKES_GAPS.flat().length);
  for (const l of ['Customer', 'Microsoft', 'Shared', 'Unassigned (gap)']) assert.ok(html.includes(`</span>${l}</li>`), l);
});

test('HTML export escapes names, owners, teams and messages', () => {
  const text = [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  name: "<b>x</b>"',
    'workloads:',
    '  - name: "<img src=x onerror=alert(1)> & \\"q\\" \'s"',
    '    model: saas',
    '    responsibilities:',
    '      devices: "<script>alert(1)</script>"',
    '      applications:',
    '        owner: microsoft',
    '        team: "</td><td>"',
    '',
  ].join('\n');
  const html = matrixToHtml(matrixOf(text), { source: '<src>' });
  assert.doesNotMatch(html, /<img|<script|<b>|<\/td><td>"|<src>/);
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;s'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('<title>Responsibility matrix: &lt;b&gt;x&lt;/b&gt;</title>'));
  assert.equal(escapeHtml(`<>&"'`), '&lt;&gt;&amp;&quot;&#39;');
});

test("an owner named like a property of Object.prototype is no party: drawn invalid, with the '?' mark", () => {
  const owners = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
  const text = ownersDocument(owners);
  const html = matrixToHtml(matrixOf(text), { source: 'odd' });
  for (const o of owners) assert.ok(!html.includes(`p-${o}`), o);
  assert.doesNotMatch(html, /undefined|native code|function /);
  // Every workload's information-and-data cell: invalid, marked '?', its owner's text shown.
  const cells = [...html.matchAll(/<td class="cell s-invalid p-invalid[^"]*"[^>]*><span class="badge">([^<]*)<\/span><span class="owner">([^<]*)</g)];
  assert.deepEqual(cells.map((m) => [m[1], m[2]]), owners.map((o) => ['?', o]));
});

test('Markdown export: the CLI tables, pipes in names escaped', () => {
  const m = matrixOf(MISTAKES);
  const md = matrixMarkdown(m);
  assert.equal(md, matrixToMarkdown(m));
  assert.match(md, /^## contoso-mistakes\n/);
  assert.match(md, /\| Information and data \| microsoft ✗ expected customer \(customer-only-duty\) \|/);
  const piped = matrixMarkdown(matrixOf('apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: x\nworkloads:\n  - name: "a|b"\n    model: iaas\n    responsibilities: {}\n'));
  assert.ok(piped.includes('a\\|b (iaas)'));
});

test('a cell that differs from the model but is not reported (suppressed) is marked, not outlined as a violation', () => {
  // Two complete PaaS workloads (as in examples/paas-web-app.srm.yaml); payroll-db's network controls are the
  // customer's, against the model, with the finding suppressed.
  const text = documentText(header('contoso-payroll'), [
    { name: 'payroll-web', model: 'paas', service: 'Azure App Service' },
    {
      name: 'payroll-db',
      model: 'paas',
      service: 'Azure SQL Database',
      changes: { 'network-controls': '# srm-disable-next-line model-mismatch -- private endpoint only; exception SEC-142\n      network-controls: customer' },
    },
  ]);
  const parsed = parseFile(text);
  // As the editor has it (suppressed findings left out) and as the CLI has it (kept, marked suppressed).
  for (const includeSuppressed of [false, true]) {
    const d = matrixFromParsed(parsed, diagnose(parsed, { includeSuppressed })).documents[0]!;
    const col = d.workloads.findIndex((w) => w.name === 'payroll-db');
    const c = d.rows.find((r) => r.layer === 'network-controls')!.cells[col]!;
    assert.deepEqual([c.owner, c.expected, c.status], ['customer', 'shared', 'mismatch']);
    assert.equal(c.findings.length, includeSuppressed ? 1 : 0);
    const html = matrixToHtml({ documents: [d] });
    assert.match(html, /<td class="cell s-mismatch p-customer suppressed" title="[^"]*No rule reports it here/);
    assert.doesNotMatch(html, /class="cell [^"]*violation/);
  }
});
