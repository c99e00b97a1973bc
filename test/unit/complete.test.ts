// Completion unit tests: fixtures with a `$0` cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYER_IDS } from '../../server/src/model';
import { complete } from '../../server/src/service';
import { at, replace } from './cursor-fixture';
import { assignments } from './model-documents';

const c = (fixture: string) => {
  const { file, offset, text } = at(fixture);
  const r = complete(file, offset);
  return { ...r, text, labels: r.items.map((i) => i.label), sorted: [...r.items].sort((a, b) => a.sortText.localeCompare(b.sortText)) };
};

test('top-level keys on an empty line, without those already there', () => {
  const r = c('apiVersion: srm/v1\n$0\nworkloads: []\n');
  assert.deepEqual(r.labels.sort(), ['kind', 'metadata', 'teams']);
  assert.equal(r.replaceStart, r.replaceEnd);
  const k = r.items.find((i) => i.label === 'kind');
  assert.equal(k?.insertText, 'kind: ResponsibilityAssignment');
});

test('apiVersion and kind values, mid-word: the replace range is the whole word', () => {
  const r = c('apiVersion: srm$0/v\n');
  assert.deepEqual(r.labels, ['srm/v1']);
  assert.equal(r.text.slice(r.replaceStart, r.replaceEnd), 'srm/v');
  // Both kinds: an assignment (first) and a baseline document.
  assert.deepEqual(c('kind: $0\n').labels, ['ResponsibilityAssignment', 'ResponsibilityBaseline']);
});

test('workload keys: the missing ones, typed mid-word', () => {
  const r = c(replace('    service: Azure App Service\n', '    se$0rv\n'));
  assert.ok(r.labels.includes('service'));
  assert.ok(!r.labels.includes('name') && !r.labels.includes('model'));
  assert.equal(r.text.slice(r.replaceStart, r.replaceEnd), 'serv');
});

test('layer ids not yet assigned come first, each documented with its owners; the expected owner is the first choice', () => {
  const r = c(replace('      devices: customer\n', '      devices: customer\n      $0\n'));
  // The workload assigns information-and-data, devices and operating-system: every other layer of the model is
  // offered first, led by the first of them in model order (accounts-and-identities, in the diagram's edition).
  const assigned = ['information-and-data', 'devices', 'operating-system'];
  const first = r.sorted[0];
  assert.equal(first?.label, LAYER_IDS.find((id) => !assigned.includes(id)));
  const unassigned = r.items.filter((i) => i.sortText.startsWith('0')).map((i) => i.label);
  assert.ok(!unassigned.includes('devices') && !unassigned.includes('operating-system'));
  assert.deepEqual([...unassigned].sort(), LAYER_IDS.filter((id) => !assigned.includes(id)).sort());
  const apps = r.items.find((i) => i.label === 'applications');
  assert.match(apps?.documentation ?? '', /\| saas \| microsoft \|/);
  assert.match(apps?.insertText ?? '', /^applications: \$\{1\|shared,customer,microsoft\|\}$/);
  assert.match(apps?.detail ?? '', /shared under paas/);
});

test('layer ids mid-word: the whole key is replaced', () => {
  const r = c(replace('      devices: customer\n', '      devices: customer\n      phys$0\n'));
  assert.equal(r.text.slice(r.replaceStart, r.replaceEnd), 'phys');
  assert.ok(r.labels.includes('physical-network'));
});

test('parties ranked for the workload\'s model, the expected owner first and marked', () => {
  const r = c(replace('      devices: customer', '      network-controls: $0'));
  assert.equal(r.sorted[0]?.label, 'shared');
  assert.equal(r.sorted[0]?.detail, 'expected under paas');
  const o = c(replace('        owner: microsoft', '        owner: cu$0'));
  assert.equal(o.sorted[0]?.label, 'microsoft');
  assert.equal(o.text.slice(o.replaceStart, o.replaceEnd), 'cu');
});

test('service models and team ids', () => {
  assert.deepEqual(c(replace('model: saas', 'model: $0')).labels, ['on-premises', 'iaas', 'paas', 'saas']);
  assert.deepEqual(c(replace('team: platform', 'team: $0')).labels, ['secops', 'platform']);
  assert.deepEqual(c(replace('  owner: secops', '  owner: s$0')).labels, ['secops', 'platform']);
});

test('a whole workload snippet per model, on a new item line and after a bare dash', () => {
  const r = c(replace('  - name: crm\n', '  $0\n  - name: crm\n'));
  const snips = r.items.filter((i) => i.kind === 'snippet');
  assert.equal(snips.length, 4);
  const iaas = snips.find((i) => i.label === 'workload (iaas)');
  // The snippet starts with the model's first layer, assigned as the model expects under iaas.
  assert.ok((iaas?.insertText ?? '').startsWith(`- name: \${1:workload-name}\n    model: iaas\n    responsibilities:\n      ${assignments('iaas')[0]}\n`), iaas?.insertText);
  assert.match(iaas?.insertText ?? '', /physical-hosts: microsoft/);
  const dash = c(replace('  - name: crm\n', '  - $0\n  - name: crm\n'));
  const d = dash.items.find((i) => i.label === 'workload (saas)');
  assert.match(d?.insertText ?? '', /^name: .*\n {4}model: saas\n/);
  assert.ok(dash.labels.includes('name'), 'workload keys too');
  assert.equal(dash.replaceStart, dash.replaceEnd, 'the dash is never replaced');
});

test('assignment keys in the long form', () => {
  const r = c(replace('        team: platform', '        team: platform\n        $0'));
  assert.deepEqual(r.labels.sort(), ['evidence', 'notes']);
});

test('rule ids in a suppression comment', () => {
  const r = c(replace('      devices: customer', '      # srm-disable-next-line schema, mod$0\n      devices: customer'));
  assert.ok(r.labels.includes('model-mismatch'));
  assert.equal(r.text.slice(r.replaceStart, r.replaceEnd), 'mod');
  assert.deepEqual(c(replace('      devices: customer', '      # just a comment $0\n      devices: customer')).labels, []);
});

test('never throws on odd text, and ranges stay inside the text', () => {
  for (const t of ['$0', ':$0', '- - - $0', '"a$0', "a: 'b$0", '\t$0x: y', 'workloads:\n  - $0', '#$0', 'workloads:\n- $0\n', '---\n$0\n---\n']) {
    const r = c(t);
    assert.ok(r.replaceStart <= r.replaceEnd && r.replaceEnd <= r.text.length, t);
  }
});

test('sequences at the same indentation as their key', () => {
  const r = c('workloads:\n- name: a\n  model: iaas\n  responsibilities:\n    $0\n');
  assert.deepEqual(r.items.filter((i) => i.sortText.startsWith('0')).map((i) => i.label).sort(), [...LAYER_IDS].sort());
  assert.match(r.items.find((i) => i.label === 'operating-system')?.detail ?? '', /customer under iaas/);
});

test('the source article\'s words find the layer (filterText), and an empty document offers whole documents', () => {
  const r = c(replace('      devices: customer\n', '      endp$0\n'));
  const dev = r.items.find((i) => i.label === 'devices');
  assert.match(dev?.filterText ?? '', /endpoints/);
  const empty = c('$0');
  assert.equal(empty.items.filter((i) => i.label.startsWith('srm document (')).length, 4);
  assert.match(empty.items.find((i) => i.label === 'srm document (saas)')?.insertText ?? '', /applications: microsoft/);
});

test('service values: the services of the workload’s model only first (App Service for paas), then AKS, the model in the detail', () => {
  const doc = (model: string) =>
    `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: s\nworkloads:\n  - name: w\n    model: ${model}\n    service: $0\n    responsibilities: {}\n`;
  const paas = c(doc('paas')).sorted;
  assert.equal(paas[0]?.label, 'Azure App Service');
  assert.equal(paas[0]?.preselect, true);
  assert.equal(paas[0]?.detail, 'paas');
  const aks = paas.findIndex((i) => i.label === 'Azure Kubernetes Service');
  const lastPaas = paas.map((i) => i.detail?.startsWith('paas') === true).lastIndexOf(true);
  assert.ok(aks > lastPaas, 'AKS (iaas, paas) after every paas-only service');
  assert.ok(paas.findIndex((i) => i.label === 'Azure Virtual Machines') > aks, 'iaas-only services last');
  assert.equal(c(doc('iaas')).sorted[0]?.label, 'Azure Virtual Machines');
  assert.ok(c(doc('paas')).items.find((i) => i.label === 'Azure App Service')?.filterText?.includes('Web Apps'));
});
