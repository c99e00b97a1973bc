// Quick fixes and findings that come with baselines: removing a layer of another edition, two baseline documents of
// one file with one name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, diagnose, parseFile } from '../../server/src/service';

const DOC_2026 = [
  'apiVersion: srm/v1',
  'kind: ResponsibilityAssignment',
  'metadata:',
  '  name: m365',
  '  baseline: microsoft-2026',
  'workloads:',
  '  - name: mail',
  '    model: saas',
  '    responsibilities:',
  '      information-and-data: customer',
  '      identity-and-directory-infrastructure:',
  '        owner: shared',
  '        notes: kept by the tenant',
  '      devices: shared',
  '',
].join('\n');

test('a layer of another edition: the schema finding says where it is, and offers (not as safe) to remove its lines', () => {
  for (const whole of [false, true]) {
    const f = diagnose(parseFile(DOC_2026, undefined, { whole })).find((x) => x.code === 'schema');
    assert.ok(f, 'a schema finding');
    assert.match(f.message, /is a layer of microsoft-diagram, not of microsoft-2026/);
    const fix = f.fixes.find((x) => x.title.startsWith('Remove layer'));
    assert.ok(fix && !fix.safe, JSON.stringify(f.fixes.map((x) => x.title)));
    const out = applyEdits(DOC_2026, fix.edits);
    assert.equal(out, DOC_2026.replace('      identity-and-directory-infrastructure:\n        owner: shared\n        notes: kept by the tenant\n', ''));
  }
});

test('two baseline documents of one file with one name: the second is a duplicate-name on its name', () => {
  const b = (reason: string) =>
    `apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: twice\nextends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: customer }\n    reason: ${reason}\n`;
  const text = `${b('first')}---\n${b('second')}`;
  const fs = diagnose(parseFile(text));
  assert.deepEqual(
    fs.map((f) => [f.code, f.document, text.slice(f.start, f.end)]),
    [['duplicate-name', 1, 'twice']],
  );
});

test('services in a baseline document: a model that is not a column is invalid-baseline, a name or alias given twice duplicate-name', () => {
  const text = [
    'apiVersion: srm/v1',
    'kind: ResponsibilityBaseline',
    'metadata:',
    '  name: svc',
    'extends: microsoft-2026',
    'layers: []',
    'services:',
    '  - name: Contoso Hosting',
    '    aliases: [C-Host]',
    '    models: [iaas, cloudy]',
    '  - name: c-host',
    '    models: [paas]',
    '',
  ].join('\n');
  const fs = diagnose(parseFile(text));
  assert.deepEqual(
    fs.map((f) => [f.code, text.slice(f.start, f.end)]),
    [
      ['invalid-baseline', 'cloudy'],
      ['duplicate-name', 'c-host'],
    ],
  );
});

test('a service that is a number, a list or 100,000 characters: a schema finding or nothing, never a crash', () => {
  const doc = (service: string) =>
    `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: s\nworkloads:\n  - name: w\n    model: paas\n    service: ${service}\n    responsibilities: {}\n`;
  const codes = (s: string) => diagnose(parseFile(doc(s))).map((f) => f.code).filter((c) => c !== 'unassigned-layer');
  assert.deepEqual(codes('42'), ['schema']);
  assert.deepEqual(codes('[Azure Virtual Machines]'), ['schema']);
  assert.deepEqual(codes('x'.repeat(100_000)), []);
  assert.deepEqual(codes(`"${'Azure Virtual Machines '.repeat(5000)}"`), []);
});

test('an alias clash between a custom entry and a base entry: the finding names both entries', () => {
  const text = [
    'apiVersion: srm/v1',
    'kind: ResponsibilityBaseline',
    'metadata:',
    '  name: clash',
    'extends: microsoft-2026',
    'layers: []',
    'services:',
    '  - name: Contoso Functions',
    '    aliases: [Functions]',
    '    models: [iaas]',
    '---',
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  name: a',
    '  baseline: clash',
    'workloads:',
    '  - name: w',
    '    model: saas',
    '    service: functions',
    '    responsibilities: {}',
    '',
  ].join('\n');
  const f = diagnose(parseFile(text)).find((x) => x.code === 'service-model-mismatch');
  assert.ok(f);
  assert.match(f.message, /runs under paas or iaas/);
  assert.match(f.message, /names 2 catalogue entries: Azure Functions, Contoso Functions/);
  assert.deepEqual(f.fixes.filter((x) => x.title.startsWith('Set model')), [], 'two models: no fix');
});
