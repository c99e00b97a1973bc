// `srm matrix` and the matrix data structure it renders, built from the engine's parse (also the webview's data).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LAYERS } from '../../server/src/model';
import { diagnose, parseFile } from '../../server/src/service';
import { matrixFromParsed, matrixToCsv, type ResponsibilityMatrix } from '../../server/src/service/matrix/build';
import { ROOT, fixtureText, srm, tree, removedAfterAll } from './helpers';

/** The index of a layer's row in the matrix (model order). */
const row = (id: string): number => LAYERS.findIndex((l) => l.id === id);

const temp = removedAfterAll();

const TWO = `apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: two-workloads
teams:
  - id: secops
workloads:
  - name: web
    model: paas
    responsibilities:
      information-and-data: customer
      devices: microsoft
      # srm-disable-next-line model-mismatch -- contract C-7
      operating-system: customer
      applications:
        owner: shared
        team: secops
  - name: vm
    model: iaas
    responsibilities:
      information-and-data: customer
      physical-hosts: vendor
`;

/** The matrix of a text, as `srm matrix` builds it: from the engine's parse. */
const buildMatrix = (text: string, findings: Parameters<typeof matrixFromParsed>[1] = []) => matrixFromParsed(parseFile(text), findings);

describe('the matrix', () => {
  const findings = diagnose(parseFile(TWO), { includeSuppressed: true });
  const m = buildMatrix(TWO, findings);

  it('layers in model order as rows, workloads as columns with their model', () => {
    assert.equal(m.documents.length, 1);
    const d = m.documents[0]!;
    assert.equal(d.name, 'two-workloads');
    assert.equal(d.syntaxError, false);
    assert.deepEqual(
      d.workloads.map((w) => [w.name, w.model]),
      [
        ['web', 'paas'],
        ['vm', 'iaas'],
      ],
    );
    assert.deepEqual(
      d.rows.map((r) => r.layer),
      LAYERS.map((l) => l.id),
    );
    for (const r of d.rows) assert.equal(r.cells.length, 2);
  });

  it('each cell: owner, expected owner, status and the findings located in it', () => {
    const d = m.documents[0]!;
    const cell = (layer: string, col: number) => d.rows.find((r) => r.layer === layer)!.cells[col]!;
    assert.deepEqual(
      { ...cell('information-and-data', 0), start: undefined, end: undefined },
      { owner: 'customer', expected: 'customer', status: 'match', findings: [], start: undefined, end: undefined },
    );
    const devices = cell('devices', 0);
    assert.equal(devices.status, 'mismatch');
    assert.equal(devices.expected, 'customer');
    assert.deepEqual(devices.findings.map((f) => f.code), ['customer-only-duty']);
    assert.equal(TWO.slice(devices.findings[0]!.start, devices.findings[0]!.end), 'microsoft');
    const os = cell('operating-system', 0);
    assert.equal(os.status, 'mismatch');
    assert.deepEqual(os.findings.map((f) => [f.code, f.suppressed]), [['model-mismatch', { reason: 'contract C-7' }]]);
    const apps = cell('applications', 0);
    assert.deepEqual([apps.owner, apps.team, apps.status], ['shared', 'secops', 'match']);
    const hosts = cell('physical-hosts', 1);
    assert.deepEqual([hosts.owner, hosts.status, hosts.expected], ['vendor', 'invalid', 'microsoft']);
    assert.deepEqual(hosts.findings.map((f) => f.code), ['schema']);
    const unassigned = cell('network-controls', 1);
    assert.deepEqual([unassigned.owner, unassigned.status, unassigned.expected], [null, 'unassigned', 'customer']);
    assert.deepEqual(unassigned.findings.map((f) => f.code), ['unassigned-layer']);
  });

  it('never throws: broken YAML, wrong shapes, several documents', () => {
    const inputs = ['', '[', 'workloads: 3', 'workloads:\n  - 1\n  - {name: x, model: cloud, responsibilities: [a]}\n', '\u0000', `${TWO}---\n${TWO}`];
    for (const s of inputs) {
      const r = buildMatrix(s, diagnose(parseFile(s)));
      assert.ok(Array.isArray(r.documents), JSON.stringify(s));
    }
    const bad = buildMatrix('workloads:\n  - {name: x, model: cloud, responsibilities: {devices: customer}}\n');
    const c = bad.documents[0]!.rows.find((r) => r.layer === 'devices')!.cells[0]!;
    assert.deepEqual([bad.documents[0]!.workloads[0]!.modelText, c.status, c.expected], ['cloud', 'unknown-model', null]);
    assert.equal(buildMatrix(`${TWO}---\n${TWO}`).documents.length, 2);
  });

  it('CSV quotes per RFC 4180', () => {
    const s = TWO.replace('name: web', 'name: "web, \\"front\\""');
    const csv = matrixToCsv(buildMatrix(s));
    assert.ok(csv.startsWith('layer,"web, ""front"" (paas)",vm (iaas)\r\n'));
  });
});

describe('srm matrix', () => {
  const dir = temp(tree({ 'two.srm.yaml': TWO }));

  it('md (default): a table per document, mismatches marked with the expected owner and the rule', () => {
    const r = srm(['matrix', 'two.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '## two-workloads');
    assert.equal(lines[2], '| Layer | web (paas) | vm (iaas) |');
    assert.equal(lines[3], '| --- | --- | --- |');
    assert.equal(lines[4 + row('information-and-data')], '| Information and data | customer | customer |');
    assert.equal(lines[4 + row('devices')], '| Devices (Mobile and PCs) | microsoft ✗ expected customer (customer-only-duty) | (unassigned; expected customer) (unassigned-layer) |');
    assert.ok(lines.includes('| Operating system | customer ✗ expected microsoft (model-mismatch suppressed: contract C-7) | (unassigned; expected customer) (unassigned-layer) |'));
    assert.ok(lines.includes('| Applications | shared [secops] | (unassigned; expected customer) (unassigned-layer) |'));
    assert.equal(lines.filter((l) => l.startsWith('| ')).length, 2 + LAYERS.length);
  });

  it('csv and json', () => {
    const csv = srm(['matrix', 'two.srm.yaml', '--format', 'csv'], { cwd: dir });
    assert.equal(csv.code, 0);
    const rows = csv.stdout.split('\r\n');
    assert.equal(rows[0], 'layer,web (paas),vm (iaas)');
    assert.equal(rows[1 + row('devices')], 'devices,microsoft ✗ expected customer,(unassigned; expected customer)');
    assert.equal(rows.length, LAYERS.length + 2);
    const j = srm(['matrix', 'two.srm.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(j.code, 0);
    const parsed = JSON.parse(j.stdout);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(buildMatrix(TWO, diagnose(parseFile(TWO), { includeSuppressed: true })))));
  });

  it('json offsets: a workload from its first key, a cell from its layer key to the end of its value (notes and evidence too)', () => {
    const file = path.join(ROOT, 'examples', 'paas-web-app.srm.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const m = JSON.parse(srm(['matrix', file, '--format', 'json']).stdout) as ResponsibilityMatrix;
    const d = m.documents[0]!;
    for (const w of d.workloads) assert.ok(text.slice(w.start, w.end).startsWith(`name: ${w.name}`), w.name);
    const db = d.rows.find((r) => r.layer === 'information-and-data')!.cells[1]!;
    const written = text.slice(db.start, db.end);
    assert.match(written, /^information-and-data:\n\s+owner: customer\n\s+notes: .*\n\s+evidence: https:\/\/\S+\n?$/);
  });

  it('a missing file or a bad format is exit 2', () => {
    assert.equal(srm(['matrix', 'none.srm.yaml'], { cwd: dir }).code, 2);
    const f = srm(['matrix', 'two.srm.yaml', '-f', 'pdf'], { cwd: dir });
    assert.equal(f.code, 2);
    assert.match(f.stderr, /--format for matrix must be one of md, csv, json/);
    assert.equal(srm(['matrix'], { cwd: dir }).code, 2);
  });

  it('--stdin with --stdin-filepath, and --output', () => {
    const r = srm(['matrix', '--stdin', '--stdin-filepath', 'two.srm.yaml', '-f', 'csv'], { cwd: dir, input: TWO });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, srm(['matrix', 'two.srm.yaml', '-f', 'csv'], { cwd: dir }).stdout);
    const o = srm(['matrix', 'two.srm.yaml', '-o', 'm.md'], { cwd: dir });
    assert.equal(o.stdout, '');
    assert.match(require('node:fs').readFileSync(require('node:path').join(dir, 'm.md'), 'utf8'), /^## two-workloads\n/);
  });

  it('works on the examples', () => {
    const r = srm(['matrix', 'examples/with-mistakes.srm.yaml']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /✗ expected/);
    void fixtureText;
  });
});
