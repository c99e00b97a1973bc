// `srm report` (spec/workspace.md, "srm report: the auditor's view"): over a tree with a config that lists a team
// registry and a custom baseline, files with findings and suppressions with and without a reason: every section with
// the right numbers in Markdown and JSON, a self-contained HTML page that escapes what files say, the same findings
// as `srm lint --format json`, exit 0 whatever the findings and 2 when a file cannot be read.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CONTRACT_BASELINE, asNobody, json, rm, srm, tree } from './helpers';
import { RULE_DOCS_URL } from '../../shared/protocol';

const cleanups: string[] = [];
after(() => cleanups.forEach(rm));

const LAYERS_2026 = ['information-and-data', 'configurations-and-settings', 'accounts-and-identities', 'devices', 'applications', 'network-controls', 'operating-system', 'physical-hosts', 'physical-network', 'physical-datacenter'];

const FILES: Record<string, string> = {
  'srm.config.yaml': 'teams: ["teams/*.yaml"]\nbaselines: ["baselines/*.srm.yaml"]\n',
  'teams/contoso.yaml': [
    'apiVersion: srm/v1',
    'kind: TeamRegistry',
    'metadata:',
    '  name: contoso-teams',
    'teams:',
    '  - id: secops',
    '    name: Security Operations',
    '    contact: secops@contoso.example',
    '  - id: platform',
    '    name: Cloud Platform',
    '',
  ].join('\n'),
  'baselines/contract.srm.yaml': CONTRACT_BASELINE,
  // Under the custom baseline: teams from the registry, evidence, a suppression with a reason.
  'apps/mail.srm.yaml': [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  name: mail',
    '  owner: platform',
    '  baseline: contoso-contract',
    'workloads:',
    '  - name: exchange',
    '    model: saas',
    '    responsibilities:',
    '      information-and-data:',
    '        owner: customer',
    '        team: secops',
    '        evidence: https://contoso.example/wiki/retention',
    '      configurations-and-settings: customer',
    '      accounts-and-identities: { owner: customer, team: secops }',
    '      devices: customer',
    '      applications: shared',
    '      # srm-disable-next-line model-mismatch -- contract C-17 moves network controls to us',
    '      network-controls: customer',
    '      operating-system: microsoft',
    '      physical-hosts: microsoft',
    '      physical-network: microsoft',
    '      physical-datacenter: microsoft',
    '',
  ].join('\n'),
  // The default baseline: an error, an unknown team, a hostile workload name, a suppression without a reason.
  'apps/vm.srm.yaml': [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  name: vms',
    'workloads:',
    '  - name: "<script>alert(1)</script>"',
    '    model: iaas',
    '    responsibilities:',
    '      information-and-data: microsoft',
    '      devices: customer',
    '      accounts-and-identities: { owner: customer, team: sec-ops }',
    '      identity-and-directory-infrastructure: customer',
    '      applications: customer',
    '      network-controls: customer',
    '      # srm-disable-next-line model-mismatch',
    '      operating-system: microsoft',
    '      physical-hosts: microsoft',
    '      physical-network: microsoft',
    '      physical-datacenter: microsoft',
    '  - name: jump',
    '    model: iaas',
    '    responsibilities:',
    '      information-and-data: customer',
    '      devices: customer',
    '      accounts-and-identities: customer',
    '      identity-and-directory-infrastructure: customer',
    '      applications:',
    '        owner: customer',
    '        team: platform',
    '        evidence: "javascript:alert(2)"',
    '      network-controls: customer',
    '      operating-system: customer',
    '      physical-hosts: microsoft',
    '      physical-network: microsoft',
    '',
  ].join('\n'),
};

function report(dir: string, args: string[] = []) {
  return srm(['report', ...args], { cwd: dir });
}

function jsonReport(dir: string) {
  const r = report(dir, ['--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('srm report', () => {
  const dir = tree(FILES);
  cleanups.push(dir);

  it('JSON: every section, with the numbers of the tree', () => {
    const r = jsonReport(dir);
    assert.equal(r.tool, 'srm');
    assert.equal(r.report, 1);
    const s = r.summary;
    assert.equal(s.files, 4);
    assert.deepEqual(s.documents, { total: 4, assignments: 2, baselines: 1, registries: 1, syntaxErrors: 0 });
    assert.equal(s.workloads, 3);
    assert.deepEqual(
      s.baselines.map((b: { id: string; documents: number; workloads: number }) => [b.id, b.documents, b.workloads]),
      [['contoso-contract', 1, 1], ['microsoft-diagram', 1, 2]],
    );
    const rule = (id: string) => s.findings.byRule.find((x: { ruleId: string }) => x.ruleId === id);
    assert.deepEqual([rule('customer-only-duty').error, rule('unknown-team').error, rule('unassigned-layer').warning], [1, 1, 1]);
    assert.equal(rule('model-mismatch').suppressed, 2);
    assert.equal(rule('customer-only-duty').docUrl, `${RULE_DOCS_URL}customer-only-duty.md`);
    assert.equal(s.findings.suppressed, 2);
    assert.deepEqual(s.waivers, { total: 2, withReason: 1, withoutReason: 1, silenced: 2 });

    // Teams: the registry's, with where they are defined and every cell they are named for.
    const team = (id: string) => r.teams.find((t: { id: string }) => t.id === id);
    assert.deepEqual(r.teams.map((t: { id: string }) => t.id), ['platform', 'sec-ops', 'secops']);
    assert.deepEqual(team('secops').definedIn, [{ kind: 'registry', registry: 'contoso-teams', file: 'teams/contoso.yaml', line: 6 }]);
    assert.equal(team('secops').contact, 'secops@contoso.example');
    assert.deepEqual(
      team('secops').assignments.map((a: { file: string; line: number; layer: string; evidence: string[] }) => [a.file, a.line, a.layer, a.evidence]),
      [
        ['apps/mail.srm.yaml', 11, 'information-and-data', ['https://contoso.example/wiki/retention']],
        ['apps/mail.srm.yaml', 16, 'accounts-and-identities', []],
      ],
    );
    assert.deepEqual(team('platform').owns, [{ file: 'apps/mail.srm.yaml', line: 5, document: 0, documentName: 'mail' }]);
    assert.deepEqual(team('platform').assignments.map((a: { workload: string; evidence: string[] }) => [a.workload, a.evidence]), [['jump', ['javascript:alert(2)']]]);
    assert.deepEqual(team('sec-ops').definedIn, []);
    // Customer cells with no team: 3 in mail (its owner is platform), 4 + 6 in the two VMs.
    assert.equal(s.unteamedCustomerCells, 13);
    assert.deepEqual(
      r.unteamed.map((w: { file: string; workload: string; documentOwner?: string; cells: unknown[] }) => [w.file, w.workload, w.documentOwner, w.cells.length]),
      [
        ['apps/mail.srm.yaml', 'exchange', 'platform', 3],
        ['apps/vm.srm.yaml', '<script>alert(1)</script>', undefined, 4],
        ['apps/vm.srm.yaml', 'jump', undefined, 6],
      ],
    );

    // Matrices per (baseline, model); coverage per baseline.
    assert.deepEqual(r.matrices.map((m: { baseline: string; model: string; workloads: unknown[] }) => [m.baseline, m.model, m.workloads.length]), [
      ['contoso-contract', 'saas', 1],
      ['microsoft-diagram', 'iaas', 2],
    ]);
    assert.deepEqual(r.matrices[0].rows.map((x: { layer: string }) => x.layer), LAYERS_2026);
    assert.equal(r.matrices[0].rows.find((x: { layer: string }) => x.layer === 'devices').expected, 'customer');
    const cov = r.coverage.find((c: { baseline: string }) => c.baseline === 'microsoft-diagram');
    assert.equal(cov.workloads, 2);
    const dc = cov.layers.find((l: { layer: string }) => l.layer === 'physical-datacenter');
    assert.deepEqual([dc.assigned, dc.unassigned, dc.byParty.microsoft], [1, 1, 1]);
    const data = cov.layers.find((l: { layer: string }) => l.layer === 'information-and-data');
    assert.deepEqual([data.assigned, data.byParty.customer, data.byParty.microsoft, data.differs], [2, 1, 1, 1]);

    // The waiver register.
    assert.deepEqual(
      r.waivers.map((w: { file: string; line: number; rules: string[]; reason?: string; silenced: number }) => [w.file, w.line, w.rules, w.reason, w.silenced]),
      [
        ['apps/mail.srm.yaml', 19, ['model-mismatch'], 'contract C-17 moves network controls to us', 1],
        ['apps/vm.srm.yaml', 15, ['model-mismatch'], undefined, 1],
      ],
    );
    assert.deepEqual(r.files.map((f: { path: string }) => f.path), ['apps/mail.srm.yaml', 'apps/vm.srm.yaml', 'baselines/contract.srm.yaml', 'teams/contoso.yaml']);
  });

  it('the same findings as srm lint --format json, suppressed ones included', () => {
    const lint = json(srm(['lint', '--format', 'json'], { cwd: dir }));
    const r = jsonReport(dir);
    const strip = (fs_: Array<Record<string, unknown>>) => fs_.map(({ docUrl: _d, ...f }) => f);
    assert.deepEqual(
      r.files.map((f: { path: string; findings: Array<Record<string, unknown>>; suppressed: Array<Record<string, unknown>> }) => ({ path: f.path, findings: strip(f.findings), suppressed: strip(f.suppressed) })),
      lint.files.map((f) => ({ path: f.path, findings: f.findings, suppressed: f.suppressed })),
    );
    assert.ok(lint.files.some((f) => f.findings.length > 0));
  });

  it('Markdown (the default on standard output): every section, the same numbers, links to the rules’ pages, escaped', () => {
    const r = report(dir);
    assert.equal(r.code, 0, r.stderr);
    const md = r.stdout;
    for (const h of ['# Shared responsibility report', '## Summary', '### Baselines used', '### Findings by rule', '## Teams', '### secops: Security Operations', '### sec-ops', '### Customer-owned cells with no team', '## Matrices by baseline and service model', '### contoso-contract · SaaS (1 workload)', '### microsoft-diagram · IaaS (2 workloads)', '## Coverage', '### contoso-contract (1 workload)', '## Waiver register', '### Without a reason', '## Findings per file', '### apps/vm.srm.yaml']) {
      assert.ok(md.includes(`\n${h}\n`) || md.startsWith(`${h}\n`), h);
    }
    assert.ok(md.includes('| Files | 4 |'));
    assert.ok(md.includes('| Workloads | 3 |'));
    assert.ok(md.includes('| Customer-owned cells with no team | 13 |'));
    assert.ok(md.includes('| Suppression comments | 2 (1 without a reason), silencing 2 findings |'));
    assert.ok(md.includes('| contoso-contract | '));
    assert.ok(md.includes(`[customer-only-duty](${RULE_DOCS_URL}customer-only-duty.md)`));
    assert.ok(md.includes('| apps/mail.srm.yaml:19 | next-line | model-mismatch | contract C-17 moves network controls to us | 1 |'));
    assert.ok(md.includes('| apps/vm.srm.yaml:15 | next-line | model-mismatch | 1 |'));
    assert.ok(md.includes('[https://contoso.example/wiki/retention](https://contoso.example/wiki/retention)'));
    assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.doesNotMatch(md, /<script|\]\(javascript:/);
  });

  it('HTML (to --output FILE): self-contained, the matrix view’s picture, every text escaped', () => {
    const out = path.join(dir, 'out', 'report.html');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const r = report(dir, ['--output', 'out/report.html']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`));
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    // Nothing is loaded from elsewhere; the only links out are the evidence and the rules' pages.
    assert.doesNotMatch(html, /\ssrc=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(hrefs.includes('https://contoso.example/wiki/retention'));
    assert.ok(hrefs.includes(`${RULE_DOCS_URL}customer-only-duty.md`));
    for (const h of hrefs) assert.ok(h.startsWith('#') || h.startsWith(RULE_DOCS_URL) || h === 'https://contoso.example/wiki/retention', h);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('javascript:alert(2)'), 'the unsafe evidence is shown as text');
    assert.doesNotMatch(html, /href="javascript:/);
    assert.match(html, /@media \(prefers-color-scheme:dark\)/);
    assert.match(html, /@media print\{/);
    assert.match(html, /<ul class="legend"/);
    assert.match(html, /class="cell s-mismatch p-microsoft violation" title="[^"]*customer-only-duty: /);
    for (const id of ['summary', 'teams', 'matrices', 'coverage', 'waivers', 'files']) assert.ok(html.includes(`id="${id}"`), id);
    // The format follows --output's extension; --format wins.
    assert.equal(report(dir, ['-o', 'out/r.json']).code, 0);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out/r.json'), 'utf8')).report, 1);
    assert.equal(report(dir, ['-o', 'out/r.md']).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'out/r.md'), 'utf8'), /^# Shared responsibility report\n/);
    assert.equal(report(dir, ['-o', 'out/r.txt', '--format', 'md']).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'out/r.txt'), 'utf8'), /^# Shared responsibility report\n/);
  });

  it('paths and globs as srm lint takes them; exit 0 whatever the findings, 2 for usage errors', () => {
    const one = JSON.parse(report(dir, ['-f', 'json', 'apps/vm.srm.yaml']).stdout);
    assert.deepEqual(one.files.map((f: { path: string }) => f.path), ['apps/vm.srm.yaml']);
    // A registry team named in a file reached through the config, even when the registry file is not reported on.
    assert.equal(one.teams.find((t: { id: string }) => t.id === 'platform').name, 'Cloud Platform');
    const glob = JSON.parse(report(dir, ['-f', 'json', 'apps/*.srm.yaml']).stdout);
    assert.equal(glob.summary.files, 2);
    assert.equal(srm(['lint', 'apps'], { cwd: dir }).code, 1, 'lint fails on these findings');
    assert.equal(report(dir, ['apps']).code, 0, 'a report does not');
    const bad = report(dir, ['--format', 'pdf']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format for report must be one of html, md, json/);
    assert.equal(report(dir, ['nosuch']).code, 2);
    assert.equal(report(dir, ['--stdin']).code, 2);
    assert.match(srm(['--help']).stdout, /srm report \[PATH\|GLOB\.\.\.\] \[--format html\|md\|json\] \[--output FILE\]/);
  });

  it('a file that cannot be read: exit 2, nothing written', () => {
    const d = tree(FILES);
    cleanups.push(d);
    fs.chmodSync(path.join(d, 'apps/vm.srm.yaml'), 0);
    // Root reads every file whatever its mode: as root, run a copy of the bundled CLI as the user nobody.
    const nobody = asNobody();
    if (nobody.dir) {
      cleanups.push(nobody.dir);
      for (const sub of ['', 'apps', 'teams', 'baselines']) fs.chmodSync(path.join(d, sub), 0o755);
    }
    const r = srm(['report', '--format', 'json'], { cwd: d, ...nobody.opts });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /cannot read .*vm\.srm\.yaml: EACCES/);
  });
});
