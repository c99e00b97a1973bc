// `srm report`'s pure part (server/src/service/report): the content built from parses and findings (summary, teams,
// cells with no team, matrices, coverage, waivers, files), the text read off the facts' spans (team names, evidence),
// the renderings (Markdown, JSON, HTML) and their escaping, and the quick matrix drawing against the matrix view's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { buildReport, diagnose, documentView, parseFile, registriesFromSources, reportToHtml, reportToJson, reportToMarkdown, type ReportFileInput, type TeamContext } from '../../server/src/service';
import { renderHtml } from '../../server/src/service/matrix/html';
import { matrixTable, matrixTableReference, newMatrixCellCache, renderView } from '../../server/src/service/report/html';
import { generate } from '../../bench/generate';
import { ownersDocument } from './model-documents';

const examples = path.join(__dirname, '..', '..', 'examples');
const DOC_URL = (id: string) => `https://example.test/rules/${id}.md`;
const OPTS = { version: '9.9.9', ruleDocUrl: DOC_URL };

function input(file: string, text: string, teams?: TeamContext): ReportFileInput {
  const parsed = parseFile(text);
  const findings = diagnose(parsed, { includeSuppressed: true, ...(teams ? { teams } : {}) });
  return { path: file, parsed, findings, ...(teams ? { teams } : {}) };
}

const REGISTRY = registriesFromSources([
  {
    source: 'teams.yaml',
    text: 'apiVersion: srm/v1\nkind: TeamRegistry\nmetadata:\n  name: contoso-teams\nteams:\n  - id: secops\n    name: Security Operations\n    contact: secops@contoso.example\n  - id: idle\n    name: Nobody Named\n',
  },
]).context;

const APP = [
  'apiVersion: srm/v1',
  'kind: ResponsibilityAssignment',
  'metadata:',
  '  name: app',
  '  owner: platform',
  'teams:',
  '  - id: platform',
  '    name: "Cloud Platform" # the name is quoted',
  '    contact: platform@contoso.example',
  'workloads:',
  '  - name: web',
  '    model: paas',
  '    responsibilities:',
  '      information-and-data:',
  '        owner: customer',
  '        team: secops',
  '        evidence: https://contoso.example/wiki/keys # a comment',
  '      devices: { owner: customer, team: platform, evidence: "https://contoso.example/devices" }',
  '      accounts-and-identities: customer',
  '      identity-and-directory-infrastructure: shared',
  '      applications:',
  '        owner: shared',
  '        team: platform',
  '        notes: |',
  '          evidence: not this line (it is text)',
  '      # srm-disable-next-line model-mismatch -- private endpoint, exception SEC-142',
  '      network-controls: customer',
  '      operating-system: microsoft',
  '      physical-hosts: microsoft',
  '      physical-network: microsoft',
  '      physical-datacenter: microsoft',
  '  - name: vm',
  '    model: iaas',
  '    responsibilities:',
  '      information-and-data: microsoft',
  '      # srm-disable-next-line',
  '      devices: customer',
  '      accounts-and-identities: customer',
  '      identity-and-directory-infrastructure: customer',
  '      applications: customer',
  '      network-controls: customer',
  '      operating-system: customer',
  '      physical-hosts: microsoft',
  '      physical-network: microsoft',
  '',
].join('\n');

test('the content: summary, teams with evidence, cells with no team, matrices, coverage, waivers, files', () => {
  const r = buildReport([input('apps/app.srm.yaml', APP, REGISTRY)], OPTS).json;
  assert.equal(r.tool, 'srm');
  assert.equal(r.report, 1);
  assert.equal(r.version, '9.9.9');
  const s = r.summary;
  assert.equal(s.files, 1);
  assert.deepEqual(s.documents, { total: 1, assignments: 1, baselines: 0, registries: 0, syntaxErrors: 0 });
  assert.equal(s.workloads, 2);
  assert.deepEqual(s.baselines, [{ id: 'microsoft-diagram', title: s.baselines[0]!.title, documents: 1, workloads: 2 }]);
  // vm: customer-only-duty (information-and-data: microsoft), unassigned-layer (physical-datacenter); web: a suppressed model-mismatch.
  assert.deepEqual(
    s.findings.byRule.map((x) => [x.ruleId, x.total, x.error, x.warning, x.suppressed, x.docUrl]),
    [
      ['customer-only-duty', 1, 1, 0, 0, DOC_URL('customer-only-duty')],
      ['model-mismatch', 0, 0, 0, 1, DOC_URL('model-mismatch')],
      ['unassigned-layer', 1, 0, 1, 0, DOC_URL('unassigned-layer')],
      // The comment without rules on devices: customer silences nothing.
      ['unused-suppression', 1, 0, 0, 0, DOC_URL('unused-suppression')],
    ],
  );
  assert.equal(s.findings.total, 3);
  assert.equal(s.findings.suppressed, 1);
  assert.deepEqual(s.waivers, { total: 2, withReason: 1, withoutReason: 1, silenced: 1 });

  // Teams: registry ones (with name and contact) and the document's own; a named but idle registry team is listed.
  assert.deepEqual(r.teams.map((t) => t.id), ['idle', 'platform', 'secops']);
  const platform = r.teams.find((t) => t.id === 'platform')!;
  assert.equal(platform.name, 'Cloud Platform');
  assert.equal(platform.contact, 'platform@contoso.example');
  assert.deepEqual(platform.definedIn, [{ kind: 'document', file: 'apps/app.srm.yaml', line: 7 }]);
  assert.deepEqual(platform.owns, [{ file: 'apps/app.srm.yaml', line: 5, document: 0, documentName: 'app' }]);
  assert.deepEqual(
    platform.assignments.map((a) => [a.workload, a.layer, a.owner, a.line, a.evidence]),
    [
      ['web', 'devices', 'customer', 18, ['https://contoso.example/devices']],
      ['web', 'applications', 'shared', 21, []],
    ],
  );
  const secops = r.teams.find((t) => t.id === 'secops')!;
  assert.equal(secops.name, 'Security Operations');
  assert.deepEqual(secops.definedIn, [{ kind: 'registry', registry: 'contoso-teams', file: 'teams.yaml' }]);
  assert.deepEqual(secops.assignments.map((a) => [a.layer, a.evidence]), [['information-and-data', ['https://contoso.example/wiki/keys']]]);
  assert.deepEqual(r.teams.find((t) => t.id === 'idle')!.assignments, []);

  // Customer cells with no team, per workload, with the document's owner.
  assert.deepEqual(
    r.unteamed.map((w) => [w.workload, w.line, w.documentOwner, w.cells.map((c) => c.layer)]),
    [
      ['web', 11, 'platform', ['accounts-and-identities', 'network-controls']],
      ['vm', 32, 'platform', ['devices', 'accounts-and-identities', 'identity-and-directory-infrastructure', 'applications', 'network-controls', 'operating-system']],
    ],
  );
  assert.equal(s.unteamedCustomerCells, 8);

  // Matrices: one per (baseline, model), in the baseline's column order.
  assert.deepEqual(r.matrices.map((m) => [m.baseline, m.model, m.workloads.map((w) => w.name)]), [
    ['microsoft-diagram', 'iaas', ['vm']],
    ['microsoft-diagram', 'paas', ['web']],
  ]);
  const iaas = r.matrices[0]!;
  const row = (layer: string) => iaas.rows.find((x) => x.layer === layer)!;
  assert.deepEqual(row('information-and-data').cells[0], { owner: 'microsoft', status: 'mismatch', rules: ['customer-only-duty'] });
  assert.deepEqual(row('physical-datacenter').cells[0], { owner: null, status: 'unassigned', rules: ['unassigned-layer'] });
  assert.equal(row('physical-hosts').expected, 'microsoft');
  const paas = r.matrices[1]!;
  assert.deepEqual(paas.rows.find((x) => x.layer === 'network-controls')!.cells[0], { owner: 'customer', status: 'mismatch', suppressed: ['model-mismatch'] });
  assert.deepEqual(paas.rows.find((x) => x.layer === 'devices')!.cells[0], { owner: 'customer', team: 'platform', status: 'match' });

  // Coverage: per layer, over both workloads.
  const cov = r.coverage[0]!;
  assert.equal(cov.workloads, 2);
  assert.deepEqual(cov.parties, ['customer', 'microsoft', 'shared']);
  const layer = (id: string) => cov.layers.find((l) => l.layer === id)!;
  assert.deepEqual(layer('information-and-data'), { layer: 'information-and-data', label: layer('information-and-data').label, assigned: 2, byParty: { customer: 1, microsoft: 1, shared: 0 }, other: 0, unassigned: 0, differs: 1 });
  assert.deepEqual([layer('physical-datacenter').assigned, layer('physical-datacenter').unassigned], [1, 1]);
  assert.equal(layer('network-controls').differs, 1);

  // The waiver register: every comment, with and without a reason, and what each silences.
  assert.deepEqual(r.waivers, [
    { file: 'apps/app.srm.yaml', line: 26, kind: 'next-line', rules: ['model-mismatch'], silenced: 1, misplaced: false, reason: 'private endpoint, exception SEC-142' },
    { file: 'apps/app.srm.yaml', line: 36, kind: 'next-line', rules: [], silenced: 0, misplaced: false },
  ]);

  // Per file: the findings as srm lint --format json has them, with the rule's page.
  const f = r.files[0]!;
  assert.deepEqual([f.path, f.documents, f.workloads], ['apps/app.srm.yaml', 1, 2]);
  assert.deepEqual(f.findings.map((x) => [x.ruleId, x.line, x.docUrl]), [
    ['unassigned-layer', 34, DOC_URL('unassigned-layer')],
    ['customer-only-duty', 35, DOC_URL('customer-only-duty')],
    ['unused-suppression', 36, DOC_URL('unused-suppression')],
  ]);
  assert.deepEqual(f.suppressed.map((x) => [x.ruleId, x.line, x.suppression]), [['model-mismatch', 27, { kind: 'next-line', reason: 'private endpoint, exception SEC-142' }]]);
});

test('coverage: an owner that is not a party counts as other, whatever its name (a name Object.prototype has included)', () => {
  const r = buildReport([input('odd.srm.yaml', ownersDocument(['toString', '__proto__', 'constructor', 'customer', 'hasOwnProperty']))], OPTS).json;
  const l = r.coverage[0]!.layers.find((x) => x.layer === 'information-and-data')!;
  assert.deepEqual({ ...l, label: '' }, { layer: 'information-and-data', label: '', assigned: 5, byParty: { customer: 1, microsoft: 0, shared: 0 }, other: 4, unassigned: 0, differs: 0 });
  assert.deepEqual(Object.keys(l.byParty), ['customer', 'microsoft', 'shared']);
  assert.ok(reportToJson(r).includes('"other": 4'));
});

test('baseline documents and registries are counted, a syntax error is only its findings, an unresolved baseline is left out of the matrices', () => {
  const baseline = 'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: contoso-extra\nextends: microsoft-2026\nlayers: []\n';
  const uses = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: m\n  baseline: contoso-extra\nworkloads:\n  - name: a\n    model: saas\n    responsibilities: { information-and-data: customer }\n';
  const unknown = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: u\n  baseline: nosuch\nworkloads:\n  - name: b\n    model: saas\n    responsibilities: {}\n';
  const registry = 'apiVersion: srm/v1\nkind: TeamRegistry\nmetadata:\n  name: r\nteams:\n  - id: ops\n    name: Operations\n';
  const broken = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nworkloads: [\n';
  const r = buildReport(
    [input('a.srm.yaml', `${baseline}---\n${uses}`), input('b.srm.yaml', unknown), input('r.yaml', registry), input('x.srm.yaml', broken)],
    OPTS,
  ).json;
  assert.deepEqual(r.summary.documents, { total: 5, assignments: 2, baselines: 1, registries: 1, syntaxErrors: 1 });
  assert.deepEqual(r.summary.baselines.map((b) => [b.id, b.documents, b.workloads]), [['contoso-extra', 1, 1]]);
  assert.deepEqual(r.summary.unresolvedBaselines, [{ id: 'nosuch', documents: 1 }]);
  assert.deepEqual(r.matrices.map((m) => [m.baseline, m.model]), [['contoso-extra', 'saas']]);
  assert.deepEqual(r.coverage.map((c) => [c.baseline, c.workloads, c.layers.length]), [['contoso-extra', 1, 10]]);
  assert.deepEqual(r.teams.map((t) => [t.id, t.name, t.definedIn]), [['ops', 'Operations', [{ kind: 'registry', registry: 'r', file: 'r.yaml', line: 6 }]]]);
  assert.ok(r.files.find((f) => f.path === 'x.srm.yaml')!.findings.some((f) => f.ruleId === 'yaml-syntax'));
});

test('team names and evidence: the line scan reads what the YAML parser reads, in every style', () => {
  const styles: Array<[string, string[]]> = [
    ['        owner: customer\n        evidence: https://a.example/x', ['https://a.example/x']],
    ['        owner: customer\n        evidence: "https://a.example/q" # c', ['https://a.example/q']],
    ["        owner: customer\n        evidence: 'https://a.example/s'", ['https://a.example/s']],
    ['        owner: customer\n        notes: |\n          evidence: inside a block\n        evidence: https://a.example/after', ['https://a.example/after']],
    ['        owner: customer\n        evidence:\n          https://a.example/next-line', ['https://a.example/next-line']],
    ['        owner: customer\n        evidence: https://a.example/long\n          continued', ['https://a.example/long continued']],
    ['        owner: customer\n        evidence: [https://a.example/1, https://a.example/2]', ['https://a.example/1', 'https://a.example/2']],
    ['        owner: customer\n        notes: evidence is elsewhere', []],
  ];
  for (const [body, want] of styles) {
    const text = `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: e\nteams:\n  - id: t\n    name: Team T\nworkloads:\n  - name: w\n    model: paas\n    responsibilities:\n      information-and-data:\n${body}\n        team: t\n`;
    const r = buildReport([input('e.srm.yaml', text)], OPTS).json;
    const a = r.teams.find((t) => t.id === 't')!.assignments[0]!;
    assert.deepEqual(a.evidence, want, body);
    // The parser's reading of the same assignment, for the record.
    const parsed = (parseDocument(text).toJS() as { workloads: Array<{ responsibilities: Record<string, { evidence?: unknown }> }> }).workloads[0]!.responsibilities['information-and-data']!.evidence;
    assert.deepEqual(parsed === undefined ? [] : ([] as unknown[]).concat(parsed), want, body);
    assert.equal(r.teams.find((t) => t.id === 't')!.name, 'Team T');
  }
  const flowTeams = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: f\nteams: [{ id: a, name: "Team, A", contact: a@x.example }, { id: b }]\nworkloads:\n  - name: w\n    model: saas\n    responsibilities: {}\n';
  const r = buildReport([input('f.srm.yaml', flowTeams)], OPTS).json;
  assert.deepEqual(r.teams.map((t) => [t.id, t.name, t.contact]), [['a', 'Team, A', 'a@x.example'], ['b', undefined, undefined]]);
});

const HOSTILE = [
  'apiVersion: srm/v1',
  'kind: ResponsibilityAssignment',
  'metadata:',
  '  name: "<script>alert(1)</script>"',
  '  owner: evil',
  'teams:',
  '  - id: evil',
  '    name: "<img src=x onerror=alert(1)> | [link](javascript:alert(1))"',
  'workloads:',
  '  - name: "<b>w</b> | `code` ]]>"',
  '    model: paas',
  '    responsibilities:',
  '      information-and-data:',
  '        owner: customer',
  '        team: evil',
  '        evidence: "javascript:alert(1)"',
  '      devices:',
  '        owner: customer',
  '        team: evil',
  '        evidence: "https://ok.example/a?b=<c>&d=\\"e\\""',
  '      # srm-disable-next-line model-mismatch -- <i>reason</i> & "quotes"',
  '      network-controls: customer',
  '',
].join('\n');

test('every text from a file is escaped: HTML (no tag, no script link), Markdown (no tag, no link, no table break), JSON', () => {
  const rep = buildReport([input('<evil>.srm.yaml', HOSTILE)], OPTS);
  const html = reportToHtml(rep.json, rep.matrixDocuments, { source: '<src>' });
  assert.doesNotMatch(html, /<script|<img|<b>w|<i>|href="javascript:/i);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('&lt;evil&gt;.srm.yaml'));
  assert.ok(html.includes('&lt;i&gt;reason&lt;/i&gt; &amp; &quot;quotes&quot;'));
  // The one safe evidence URL is a link (as the URL parser writes it); the javascript: one is text.
  assert.ok(html.includes('href="https://ok.example/a?b=%3Cc%3E&amp;d=%22e%22"'));
  // The javascript: evidence is shown as text, never as a link.
  assert.ok(html.includes('<td>javascript:alert(1)</td>'));
  const md = reportToMarkdown(rep.json, { source: '<src>' });
  assert.doesNotMatch(md, /<script|<img|<b>w|<i>|(?<!\\)\]\(javascript:/i);
  assert.ok(md.includes('&lt;script&gt;'));
  assert.ok(md.includes('\\| \\[link\\](javascript:alert(1))'));
  for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
    // Every table row keeps its cells: no unescaped | from a name.
    const cells = line.replace(/\\\|/g, '').split('|').length;
    assert.ok(cells >= 3, line);
  }
  const json = reportToJson(rep.json);
  assert.doesNotMatch(json, /[<>&]/);
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(rep.json)));
});

test('the HTML page is self-contained: no script, nothing loaded from elsewhere, a CSP that allows only inline style', () => {
  const inputs = readdirSync(examples)
    .filter((f) => f.endsWith('.srm.yaml'))
    .map((f) => input(f, readFileSync(path.join(examples, f), 'utf8')));
  const rep = buildReport(inputs, OPTS);
  const html = reportToHtml(rep.json, rep.matrixDocuments);
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|<object|@import|url\(/i);
  assert.doesNotMatch(html, /\ssrc=/i);
  for (const m of html.matchAll(/href="([^"]*)"/g)) {
    const href = m[1]!;
    assert.ok(href.startsWith('#') || href.startsWith('https://example.test/rules/') || href.startsWith('https://contoso.example/'), href);
  }
  // Light, dark, high contrast and print; the matrix view's picture (legend, party classes, letters).
  assert.match(html, /@media \(prefers-color-scheme:dark\)/);
  assert.match(html, /@media print\{/);
  assert.match(html, /@media \(forced-colors:active\)/);
  assert.match(html, /<ul class="legend"/);
  assert.match(html, /<td class="cell s-match p-customer"><span class="badge">C<\/span><span class="owner">customer<\/span><\/td>/);
  assert.match(html, /class="cell s-mismatch p-microsoft violation" title="[^"]*customer-only-duty: /);
  for (const id of ['summary', 'teams', 'matrices', 'coverage', 'waivers', 'files']) assert.ok(html.includes(`<section class="part" id="${id}">`), id);
});

test('renderView writes what the matrix page writes (renderHtml), for every example document', () => {
  for (const f of readdirSync(examples).filter((x) => x.endsWith('.srm.yaml'))) {
    const rep = buildReport([input(f, readFileSync(path.join(examples, f), 'utf8'))], OPTS);
    for (const d of rep.matrixDocuments) {
      const v = documentView(d, d.reference);
      assert.equal(renderView(v), renderHtml(v), f);
    }
  }
});

test('the quick matrix drawing is the matrix view’s, table by table (examples, a generated tree, a custom baseline, odd cells)', () => {
  const texts: Array<[string, string]> = readdirSync(examples)
    .filter((x) => x.endsWith('.srm.yaml'))
    .map((f) => [f, readFileSync(path.join(examples, f), 'utf8')]);
  for (let i = 0; i < 12; i++) texts.push([`gen-${i}.srm.yaml`, generate(3 + i * 4, { seed: 7 + i, mistakes: 0.3, teams: 3 })]);
  texts.push(['hostile.srm.yaml', HOSTILE]);
  texts.push(['app.srm.yaml', APP]);
  const rep = buildReport(texts.map(([f, t]) => input(f, t)), OPTS);
  assert.ok(rep.matrixDocuments.length >= 8);
  const cache = newMatrixCellCache();
  let tables = 0;
  rep.matrixDocuments.forEach((d, i) => {
    for (const size of [1, 3, 40]) {
      for (let from = 0; from < d.workloads.length; from += size) {
        assert.equal(matrixTable(d, rep.json.matrices[i]!, from, size, cache), matrixTableReference(d, rep.json.matrices[i]!, from, size), `${d.name} ${from}/${size}`);
        tables++;
      }
    }
  });
  assert.ok(tables > 100);
});

test('Markdown and JSON carry the same content: every section, the same counts', () => {
  const rep = buildReport([input('apps/app.srm.yaml', APP, REGISTRY)], OPTS);
  const md = reportToMarkdown(rep.json);
  for (const h of ['## Summary', '### Baselines used', '### Findings by rule', '## Teams', '### secops: Security Operations', '### Customer-owned cells with no team', '## Matrices by baseline and service model', '### microsoft-diagram · IaaS (1 workload)', '## Coverage', '## Waiver register', '### Without a reason', '## Findings per file', '### apps/app.srm.yaml']) {
    assert.ok(md.includes(`\n${h}\n`), h);
  }
  assert.ok(md.includes('| Suppression comments | 2 (1 without a reason), silencing 1 finding |'));
  assert.ok(md.includes('| Customer-owned cells with no team | 8 |'));
  assert.ok(md.includes('| apps/app.srm.yaml:26 | next-line | model-mismatch | private endpoint, exception SEC-142 | 1 |'));
  assert.ok(md.includes('| apps/app.srm.yaml:36 | next-line | every rule | **none** | 0 |'));
  assert.ok(md.includes(`[customer-only-duty](${DOC_URL('customer-only-duty')})`));
  assert.ok(md.includes('| apps/app.srm.yaml:14 | web | information-and-data | customer | [https://contoso.example/wiki/keys](https://contoso.example/wiki/keys) |'));
  assert.ok(md.includes('| Information and data | 2 | 1 | 1 | 0 | 0 | 0 | 1 |'));
});
