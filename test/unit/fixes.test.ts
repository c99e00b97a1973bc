// Fix payloads: the edits each kind of finding carries, the text they produce, and that the finding goes away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYERS, expectedOwner } from '../../server/src/model';
import { applyEdits, diagnose, fixAll, parseFile, type Finding } from '../../server/src/service';
import { assignments } from './model-documents';

const HEAD = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: fixes\n';
/** Every layer of the model, as it expects under saas. */
const FULL_SAAS = assignments('saas');
function doc(model: string, layers: string[], extra = ''): string {
  return `${HEAD}${extra}workloads:\n  - name: w\n    model: ${model}\n    responsibilities:\n${layers.map((l) => `      ${l}\n`).join('')}`;
}

function only(text: string, code: string): Finding {
  const fs = diagnose(parseFile(text)).filter((f) => f.code === code);
  assert.equal(fs.length, 1, `one ${code} in ${JSON.stringify(diagnose(parseFile(text)).map((f) => f.code))}`);
  return fs[0]!;
}

function applyPreferred(text: string, f: Finding): string {
  const fix = f.fixes.find((x) => x.isPreferred) ?? f.fixes[0];
  assert.ok(fix, `a fix for ${f.code}`);
  return applyEdits(text, fix.edits);
}

test('customer-only-duty: set the owner the model expects, long form keeps the rest', () => {
  const layers = assignments('saas', { 'information-and-data': 'information-and-data:\n        owner: microsoft   # keep me\n        notes: kept' });
  const before = doc('saas', layers);
  const after = applyPreferred(before, only(before, 'customer-only-duty'));
  assert.equal(after, before.replace('owner: microsoft   # keep me', 'owner: customer   # keep me'));
  assert.deepEqual(diagnose(parseFile(after)), []);
});

test('model-mismatch and provider-only-duty: the fix assigns the expected owner', () => {
  const layers = assignments('saas', { 'operating-system': 'operating-system: customer', 'physical-hosts': 'physical-hosts: shared' });
  const before = doc('saas', layers);
  let text = applyPreferred(before, only(before, 'model-mismatch'));
  text = applyPreferred(text, only(text, 'provider-only-duty'));
  assert.equal(text, doc('saas', FULL_SAAS));
});

test('schema: a synonym or typo is replaced by the id; a service model is lowercased', () => {
  const layers = assignments('saas', { devices: 'endpoints: customer', applications: 'applications: microsft' });
  const before = doc('SaaS', layers);
  const { text, applied } = fixAll(before);
  assert.equal(text, doc('saas', FULL_SAAS));
  assert.equal(applied, 3);
  assert.deepEqual(diagnose(parseFile(text)), []);
});

test('unassigned-layer: add the missing layers with the model owners, block, empty and flow forms', () => {
  const block = doc('paas', ['information-and-data: customer  # a comment', 'devices: customer']);
  const fixed = applyPreferred(block, only(block, 'unassigned-layer'));
  // The first missing layer (in model order) follows the last one written; the model's last layer ends the block.
  const missing = assignments('paas', { 'information-and-data': null, devices: null });
  assert.ok(fixed.includes(`information-and-data: customer  # a comment\n      devices: customer\n      ${missing[0]}\n`));
  const last = LAYERS[LAYERS.length - 1]!.id;
  assert.ok(fixed.endsWith(`      ${last}: ${expectedOwner(last, 'paas')}\n`));
  assert.deepEqual(diagnose(parseFile(fixed)), []);

  const empty = `${HEAD}workloads:\n  - name: w\n    model: iaas\n    responsibilities:\n  - name: v\n    model: saas\n    responsibilities: {}\n`;
  const all = fixAll(empty);
  assert.deepEqual(diagnose(parseFile(all.text)), [], all.text);
  assert.ok(all.text.includes(`    responsibilities:\n      ${assignments('iaas')[0]}\n`), all.text);
  assert.ok(all.text.includes(`responsibilities: { ${assignments('saas')[0]}, `), all.text);

  const crlf = block.replace(/\n/g, '\r\n');
  const fixedCrlf = applyPreferred(crlf, only(crlf, 'unassigned-layer'));
  assert.ok(!/[^\r]\n/.test(fixedCrlf), 'keeps CRLF line endings');
});

test('every rule finding offers "suppress on this line", and it silences the finding', () => {
  const layers = assignments('saas', { 'operating-system': 'operating-system: customer' });
  const before = doc('saas', layers);
  const f = only(before, 'model-mismatch');
  const sup = f.fixes.find((x) => x.title.startsWith('Suppress'));
  assert.ok(sup && !sup.safe);
  const after = applyEdits(before, sup.edits);
  assert.ok(after.includes('      # srm-disable-next-line model-mismatch\n      operating-system: customer'));
  assert.deepEqual(diagnose(parseFile(after)), []);
});

test('unknown-team and unused-suppression fixes', () => {
  const layers = assignments('saas', {
    'information-and-data': 'information-and-data:\n        owner: customer\n        team: sec-ops',
    'accounts-and-identities': '# srm-disable-next-line customer-only-duty\n      accounts-and-identities: customer',
  });
  const before = doc('saas', layers, 'teams:\n  - id: secops\n');
  const { text } = fixAll(before);
  assert.ok(text.includes('team: secops'));
  assert.ok(!text.includes('srm-disable'));
  assert.deepEqual(diagnose(parseFile(text)), []);
});

test('fixAll never touches a document with a syntax error, and a second run has nothing to fix', () => {
  const broken = `${doc('SaaS', FULL_SAAS)}---\n${doc('SaaS', FULL_SAAS).replace('name: w', 'name: [w')}`;
  const once = fixAll(broken);
  const [first, second] = once.text.split('---\n');
  assert.equal(first, doc('saas', FULL_SAAS));
  assert.equal(second, doc('SaaS', FULL_SAAS).replace('name: w', 'name: [w'));
  assert.equal(fixAll(once.text).applied, 0);
});
