// `srm lint` with baselines, run as the built CLI (dist/cli.js) on temporary trees: which baseline a document is
// checked against (its metadata.baseline > --baseline > srm.config.yaml's baseline: > microsoft-diagram), custom
// baselines that srm.config.yaml lists under `baselines:` (selected by name from another file, nearest config only),
// bad config input (a glob matching nothing, a listed file without a baseline document, extends chains 100 and 300
// deep, 1,000 layers), and --fix adding missing layers with a custom baseline's owners.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { MICROSOFT_2026 } from '../../server/src/model';
import { json, removedAfterAll, srm, tree, type JsonFinding } from './helpers';

const temp = removedAfterAll();

const baselineDoc = (name: string, body: string) => `apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: ${name}\n${body}`;
const assignmentDoc = (name: string, baseline: string | undefined, workloads: string) =>
  `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: ${name}\n${baseline ? `  baseline: ${baseline}\n` : ''}workloads:\n${workloads}`;

/** Microsoft 2026's cells under saas, as rows, with `devices` (and any other layer) replaced as given. */
const rows2026 = (model: 'saas' | 'iaas', change: Record<string, string> = {}) =>
  MICROSOFT_2026.layers.map((l) => `      ${l.id}: ${change[l.id] ?? l.owners[model]}\n`).join('');

/**
 * A probe whose one finding tells which baseline checked it: `devices: microsoft` under saas is a customer-only-duty
 * error under microsoft-diagram, a model-mismatch warning under microsoft-2026, a schema error (unknown layer) under
 * microsoft-ai and a customer-only-duty error "(baseline contoso)" under the custom contoso (devices customer).
 */
const probe = (name: string, baseline?: string) =>
  assignmentDoc(name, baseline, `  - name: w\n    model: saas\n    responsibilities:\n      devices: microsoft\n`);
const CONTOSO = baselineDoc(
  'contoso',
  'extends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: customer }\n    reason: Contract C-17 keeps endpoint protection with Contoso\n',
);

/** The findings of one file of a JSON report as `rule:severity`, the unassigned-layer ones left out. */
function findingsOf(report: ReturnType<typeof json>, file: string): JsonFinding[] {
  const f = report.files.find((x) => x.path === file);
  assert.ok(f, `${file} not in the report: ${report.files.map((x) => x.path).join(', ')}`);
  return f.findings.filter((x) => x.ruleId !== 'unassigned-layer');
}
const brief = (fs: JsonFinding[]) => fs.map((f) => `${f.ruleId}:${f.severity}`);

/** What the probe's finding says about the baseline that checked it. */
function baselineOfProbe(fs: JsonFinding[]): string {
  assert.equal(fs.length, 1, JSON.stringify(fs));
  const f = fs[0]!;
  if (f.ruleId === 'customer-only-duty') return /\(baseline ([a-z0-9-]+)\)/.exec(f.message)?.[1] ?? 'microsoft-diagram';
  if (f.ruleId === 'model-mismatch') return /baseline ([a-z0-9-]+) gives/.exec(f.message)?.[1] ?? '?';
  if (f.ruleId === 'schema' && /not of microsoft-ai/.test(f.message)) return 'microsoft-ai';
  return `${f.ruleId}: ${f.message}`;
}

describe('which baseline a document is checked against', () => {
  it('metadata.baseline > --baseline > srm.config.yaml baseline: > microsoft-diagram', () => {
    const files = {
      'own.srm.yaml': probe('own', 'microsoft-diagram'),
      'own-custom.srm.yaml': probe('own-custom', 'contoso'),
      'none.srm.yaml': probe('none'),
      'contoso.baseline.srm.yaml': CONTOSO,
    };
    const cases: Array<[string, string | undefined, string[], Record<string, string>]> = [
      // config's baseline:, --baseline, then what each file is checked against
      ['no config', undefined, [], { 'own.srm.yaml': 'microsoft-diagram', 'own-custom.srm.yaml': 'contoso', 'none.srm.yaml': 'microsoft-diagram' }],
      ['config', 'microsoft-2026', [], { 'own.srm.yaml': 'microsoft-diagram', 'own-custom.srm.yaml': 'contoso', 'none.srm.yaml': 'microsoft-2026' }],
      ['--baseline over config', 'microsoft-2026', ['--baseline', 'microsoft-ai'], { 'own.srm.yaml': 'microsoft-diagram', 'own-custom.srm.yaml': 'contoso', 'none.srm.yaml': 'microsoft-ai' }],
      ['--baseline alone', undefined, ['--baseline', 'microsoft-2026'], { 'own.srm.yaml': 'microsoft-diagram', 'none.srm.yaml': 'microsoft-2026' }],
      ['--baseline naming a listed custom baseline', 'microsoft-ai', ['--baseline', 'contoso'], { 'own.srm.yaml': 'microsoft-diagram', 'none.srm.yaml': 'contoso' }],
      ['config naming a listed custom baseline', 'contoso', [], { 'own.srm.yaml': 'microsoft-diagram', 'none.srm.yaml': 'contoso' }],
    ];
    for (const [label, configBaseline, flags, want] of cases) {
      const config = `baselines: ["*.baseline.srm.yaml"]\n${configBaseline ? `baseline: ${configBaseline}\n` : ''}`;
      const dir = temp(tree({ ...files, 'srm.config.yaml': config }));
      const r = srm(['lint', '-f', 'json', ...flags], { cwd: dir });
      assert.equal(r.stderr, '', `${label}: ${r.stderr}`);
      const report = json(r);
      for (const [file, baseline] of Object.entries(want)) assert.equal(baselineOfProbe(findingsOf(report, file)), baseline, `${label}: ${file}`);
      assert.deepEqual(findingsOf(report, 'contoso.baseline.srm.yaml'), [], `${label}: the baseline file itself`);
    }
  });

  it('an unknown --baseline or config baseline: one unknown-baseline error on the first line, saying where it came from', () => {
    const dir = temp(tree({ 'srm.config.yaml': 'baseline: microsoft-2025\n', 'a.srm.yaml': probe('a'), 'b.srm.yaml': probe('b', 'microsoft-2026') }));
    for (const [flags, where] of [[[], 'selected by srm.config.yaml'], [['--baseline', 'microsoft-2052'], 'selected by --baseline']] as const) {
      const r = srm(['lint', '-f', 'json', ...flags], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      const report = json(r);
      const fs = findingsOf(report, 'a.srm.yaml');
      assert.deepEqual(brief(fs), ['unknown-baseline:error']);
      assert.deepEqual([fs[0]!.line, fs[0]!.column, fs[0]!.endLine, fs[0]!.endColumn], [1, 1, 1, 19]);
      assert.match(fs[0]!.message, new RegExp(`\\(${where}\\)\\. Did you mean "microsoft-2026"\\?`));
      assert.equal(baselineOfProbe(findingsOf(report, 'b.srm.yaml')), 'microsoft-2026', 'the document\'s own baseline is unaffected');
    }
  });

  it('a custom baseline listed from another folder, selected by name; the nearest config decides what is in reach', () => {
    const dir = temp(
      tree({
        'srm.config.yaml': 'baselines:\n  - shared/baselines/**/*.yaml\n',
        'shared/baselines/contracts/contoso.yaml': CONTOSO,
        'teams/app.srm.yaml': probe('app', 'contoso'),
        // A nearer config that lists nothing: contoso is not in reach there.
        'isolated/srm.config.yaml': 'rules: {}\n',
        'isolated/app.srm.yaml': probe('isolated', 'contoso'),
      }),
    );
    const r = srm(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(r.stderr, '');
    const report = json(r);
    assert.equal(baselineOfProbe(findingsOf(report, 'teams/app.srm.yaml')), 'contoso');
    const iso = findingsOf(report, 'isolated/app.srm.yaml');
    assert.deepEqual(brief(iso), ['unknown-baseline:error']);
    assert.match(iso[0]!.message, /No baseline is named "contoso"\. Known baselines: microsoft-diagram, microsoft-2026, microsoft-ai\./);
    // Linting one file from elsewhere: its own nearest config still lists the baseline.
    const one = json(srm(['lint', '-f', 'json', path.join(dir, 'teams/app.srm.yaml')], { cwd: path.join(dir, 'shared') }));
    assert.equal(baselineOfProbe(one.files[0]!.findings.filter((f) => f.ruleId !== 'unassigned-layer')), 'contoso');
  });

  it('a broken listed baseline: the selecting document gets one invalid-baseline naming the file, line and column', () => {
    const broken = baselineDoc('contoso', 'extends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: nobody }\n    reason: x\n');
    const dir = temp(tree({ 'srm.config.yaml': 'baselines: [baselines/*.yaml]\n', 'baselines/contoso.yaml': broken, 'app.srm.yaml': probe('app', 'contoso') }));
    const r = srm(['lint', '-f', 'json', 'app.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    const fs = findingsOf(json(r), 'app.srm.yaml');
    assert.deepEqual(brief(fs), ['invalid-baseline:error']);
    assert.deepEqual([fs[0]!.line, fs[0]!.column], [5, 13]);
    assert.ok(fs[0]!.message.includes(`${path.join(dir, 'baselines', 'contoso.yaml')}:8:21: "nobody" is not a party of this baseline.`), fs[0]!.message);
  });
});

describe('bad config input', () => {
  it('a baselines: glob that matches nothing: a message on stderr naming it; the exit code is the findings\'', () => {
    const clean = assignmentDoc('clean', 'microsoft-2026', `  - name: w\n    model: saas\n    responsibilities:\n${rows2026('saas')}`);
    const dir = temp(tree({ 'srm.config.yaml': 'baselines:\n  - "nowhere/*.yaml"\n  - "*.baseline.srm.yaml"\n', 'contoso.baseline.srm.yaml': CONTOSO, 'clean.srm.yaml': clean }));
    const r = srm(['lint'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /^srm: config: srm\.config\.yaml: baselines: "nowhere\/\*\.yaml" matches no file\n$/);
    // Said once per run, whatever the number of files and the format.
    fs.writeFileSync(path.join(dir, 'clean2.srm.yaml'), clean.replace('name: clean', 'name: clean2'));
    const j = srm(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(j.code, 0);
    assert.equal(j.stderr.split('\n').filter(Boolean).length, 1, j.stderr);
    assert.equal(json(j).files.length, 3);
    // With a finding, the exit code is 1 for the finding, not for the glob.
    fs.writeFileSync(path.join(dir, 'bad.srm.yaml'), probe('bad'));
    const b = srm(['lint'], { cwd: dir });
    assert.equal(b.code, 1);
    assert.match(b.stderr, /matches no file/);
  });

  it('a listed file that holds no baseline document: a message on stderr naming it; the exit code is the findings\'', () => {
    const clean = assignmentDoc('clean', undefined, `  - name: w\n    model: saas\n    responsibilities:\n      devices: customer\n`);
    const dir = temp(
      tree({
        'srm.config.yaml': 'baselines: ["baselines/*.yaml"]\n',
        'baselines/contoso.yaml': CONTOSO,
        'baselines/notes.yaml': 'just: some yaml\n',
        'baselines/assignment.yaml': clean.replace('name: clean', 'name: listed-by-mistake'),
        'app.srm.yaml': probe('app', 'contoso'),
      }),
    );
    const r = srm(['lint', '-f', 'json', 'app.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 1, 'for the probe\'s finding');
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.deepEqual(lines.map((l) => /baselines\/([a-z]+\.yaml): listed under baselines: but holds no baseline document/.exec(l)?.[1]), ['assignment.yaml', 'notes.yaml'], r.stderr);
    assert.ok(lines.every((l) => l.startsWith('srm: config: ')), r.stderr);
    assert.equal(baselineOfProbe(findingsOf(json(r), 'app.srm.yaml')), 'contoso', 'the other listed files still count');
  });

  it('an extends chain 100 deep across listed files resolves; 300 deep is invalid-baseline "more than 256 deep"', () => {
    const link = (k: number, prefix: string) =>
      baselineDoc(`${prefix}-${k}`, `extends: ${k === 0 ? 'microsoft-2026' : `${prefix}-${k - 1}`}\nlayers:\n  - id: devices\n    owners: { saas: ${k % 2 === 0 ? 'customer' : 'shared'} }\n    reason: link ${k}\n`);
    const files: Record<string, string> = { 'srm.config.yaml': 'baselines: ["chain/**/*.yaml"]\n' };
    // 100 links, one file each (in a shuffled order of names), and 300 in one file of many documents.
    for (let k = 0; k < 100; k++) files[`chain/short/${String((k * 37) % 100).padStart(3, '0')}-${k}.yaml`] = link(k, 'short');
    files['chain/long.yaml'] = Array.from({ length: 300 }, (_, k) => link(k, 'long')).join('---\n');
    // short-99 (odd) gives devices to shared under saas: customer there is a mismatch; long-299 does not resolve.
    files['deep.srm.yaml'] = assignmentDoc('deep', 'short-99', '  - name: w\n    model: saas\n    responsibilities:\n      devices: customer\n');
    files['too-deep.srm.yaml'] = assignmentDoc('too-deep', 'long-299', '  - name: w\n    model: saas\n    responsibilities:\n      devices: customer\n');
    files['just-deep-enough.srm.yaml'] = assignmentDoc('ok', 'long-256', '  - name: w\n    model: saas\n    responsibilities:\n      devices: shared\n');
    const dir = temp(tree(files));
    const r = srm(['lint', '-f', 'json', 'deep.srm.yaml', 'too-deep.srm.yaml', 'just-deep-enough.srm.yaml'], { cwd: dir });
    assert.equal(r.stderr, '');
    const report = json(r);
    const deep = findingsOf(report, 'deep.srm.yaml');
    assert.deepEqual(brief(deep), ['model-mismatch:warning']);
    assert.match(deep[0]!.message, /baseline short-99 gives layer "devices" to shared/);
    const tooDeep = findingsOf(report, 'too-deep.srm.yaml');
    assert.deepEqual(brief(tooDeep), ['invalid-baseline:error']);
    assert.match(tooDeep[0]!.message, /^Baseline "long-299" has errors: .*long\.yaml:\d+:10: The extends chain is more than 256 baselines deep\./);
    // long-256 (even) gives devices to customer: shared there is a customer-only warning.
    assert.deepEqual(brief(findingsOf(report, 'just-deep-enough.srm.yaml')), ['customer-only-duty:warning']);
  });

  it('a listed custom baseline of 1,000 layers: the findings, and the run stays bounded', () => {
    const n = 1000;
    const layers = Array.from({ length: n }, (_, i) => `  - id: layer-${i}\n    label: Layer ${i}\n    owners: { hosted: ${i % 2 === 0 ? 'customer' : 'big'}, managed: ${i % 2 === 0 ? 'customer' : 'big'} }\n`).join('');
    const base = baselineDoc('big', `provider: { id: big, label: Big Cloud }\nmodels:\n  - { id: hosted, label: Hosted }\n  - { id: managed, label: Managed }\nlayers:\n${layers}`);
    const rows = Array.from({ length: n }, (_, i) => `      layer-${i}: ${i === 10 ? 'big' : i === 11 ? 'customer' : i % 2 === 0 ? 'customer' : 'big'}\n`).join('');
    const dir = temp(tree({ 'srm.config.yaml': 'baselines: [big.yaml]\n', 'big.yaml': base, 'app.srm.yaml': assignmentDoc('app', 'big', `  - name: w\n    model: hosted\n    responsibilities:\n${rows}`) }));
    const t0 = performance.now();
    const r = srm(['lint', '-f', 'json', 'app.srm.yaml'], { cwd: dir });
    const ms = performance.now() - t0;
    assert.equal(r.stderr, '');
    assert.deepEqual(json(r).files[0]!.findings.map((f) => `${f.ruleId}:${f.layer}`), ['customer-only-duty:layer-10', 'provider-only-duty:layer-11']);
    // A process start, the listed file read and its exact schema compiled (test/unit/baselines.test.ts holds the
    // engine to 2 s): a hang or a blow-up fails here, a slow machine does not.
    const scale = Number(process.env.SRM_TEST_TIME_SCALE ?? '1') || 1;
    assert.ok(ms < 20_000 * scale, `${ms.toFixed(0)} ms`);
  });
});

describe('--fix with a custom baseline', () => {
  it('adds the missing layers with the owners of the file\'s baseline, listed or in the file; depends as customer', () => {
    const acme = baselineDoc(
      'acme',
      'provider: { id: acme, label: Acme Cloud }\nmodels:\n  - { id: hosted, label: Hosted }\n  - { id: managed, label: Managed }\nlayers:\n' +
        '  - { id: data, label: Data, owners: { hosted: customer, managed: customer } }\n' +
        '  - { id: racks, label: Racks, owners: { hosted: acme, managed: acme } }\n' +
        '  - { id: tools, label: Tools, owners: { hosted: depends, managed: shared } }\n',
    );
    const listed = assignmentDoc('listed', 'acme', '  - name: w\n    model: hosted\n    responsibilities:\n      racks: acme\n');
    const contract = assignmentDoc('contract', 'contoso', '  - name: w\n    model: saas\n    responsibilities:\n      information-and-data: customer\n');
    const local = `${CONTOSO}---\n${contract}`;
    const dir = temp(tree({ 'srm.config.yaml': 'baselines: [acme.yaml]\n', 'acme.yaml': acme, 'listed.srm.yaml': listed, 'local.srm.yaml': local }));
    const r = srm(['lint', '--fix', '-f', 'json', 'listed.srm.yaml', 'local.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(json(r).files.map((f) => [f.path, f.findings.length]), [['listed.srm.yaml', 0], ['local.srm.yaml', 0]]);
    assert.equal(fs.readFileSync(path.join(dir, 'listed.srm.yaml'), 'utf8'), `${listed}      data: customer\n      tools: customer\n`);
    // contoso: microsoft-2026 with devices customer under saas.
    const added = MICROSOFT_2026.layers.filter((l) => l.id !== 'information-and-data').map((l) => `      ${l.id}: ${l.id === 'devices' ? 'customer' : l.owners.saas}\n`).join('');
    assert.equal(fs.readFileSync(path.join(dir, 'local.srm.yaml'), 'utf8'), `${local}${added}`);
    // A second run changes nothing.
    assert.equal(srm(['lint', '--fix', 'listed.srm.yaml', 'local.srm.yaml'], { cwd: dir }).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'listed.srm.yaml'), 'utf8'), `${listed}      data: customer\n      tools: customer\n`);
  });

  it('--fix under --baseline: the layers of that baseline', () => {
    const doc = assignmentDoc('a', undefined, '  - name: w\n    model: iaas\n    responsibilities:\n      information-and-data: customer\n');
    const dir = temp(tree({ 'a.srm.yaml': doc }));
    const r = srm(['lint', '--fix', '--baseline', 'microsoft-2026', 'a.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const want = MICROSOFT_2026.layers.filter((l) => l.id !== 'information-and-data').map((l) => `      ${l.id}: ${l.owners.iaas}\n`).join('');
    assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), `${doc}${want}`);
  });
});

