// Hover unit tests: fixtures with a `$0` cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../server/src/service';
import { at, mark, replace } from './cursor-fixture';

const h = (fixture: string) => {
  const { file, offset } = at(fixture);
  return hover(file, offset);
};

test('a layer key: what it covers, its group, the owner under each model, what this workload expects', () => {
  const r = h(mark('operating-system:', 4));
  assert.ok(r);
  for (const re of [/Operating system/, /patching/, /Group: Varies by service model/, /\| on-premises \| customer \|/, /\| iaas \| customer \|/, /\| paas \(this workload\) \| microsoft \|/, /\| saas \| microsoft \|/, /Under `paas` the model expects: \*\*microsoft\*\*/]) {
    assert.match(r.contents, re);
  }
  const { text } = at(mark('operating-system:', 4));
  assert.equal(text.slice(r.start, r.end), 'operating-system');
});

test('a layer key in the second workload uses that workload\'s model', () => {
  const s = h(replace('  - name: crm\n    model: saas\n    responsibilities:\n      information-and-data: customer', '  - name: crm\n    model: saas\n    responsibilities:\n      applic$0ations: microsoft'));
  assert.match(s?.contents ?? '', /Under `saas` the model expects: \*\*microsoft\*\*/);
});

test('a party value: what it means, and whether the model expects it here', () => {
  const r = h(mark('owner: microsoft', 10));
  assert.match(r?.contents ?? '', /\*\*microsoft\*\* \(party\)/);
  assert.match(r?.contents ?? '', /This is the owner the model expects for `operating-system` under `paas`/);
  const s = h(mark('devices: customer', 12));
  assert.match(s?.contents ?? '', /\*\*customer\*\*/);
});

test('a service model, a team reference, metadata.owner', () => {
  assert.match(h(mark('model: paas', 8))?.contents ?? '', /Platform as a service/);
  const team = h(mark('team: platform', 8));
  assert.match(team?.contents ?? '', /\*\*platform\*\* \(team\)/);
  const owner = h(mark('owner: secops', 9));
  assert.match(owner?.contents ?? '', /Security Operations/);
  assert.match(owner?.contents ?? '', /secops@contoso\.example/);
  const missing = h(replace('team: platform', 'team: plat$0form2'));
  assert.match(missing?.contents ?? '', /No team with this id/);
});

test('a rule id in a suppression comment', () => {
  const r = h(replace('      devices: customer', '      # srm-disable-next-line model-mis$0match, schema -- legacy\n      devices: customer'));
  assert.match(r?.contents ?? '', /\*\*model-mismatch\*\* \(srm rule, default severity warning\)/);
  const u = h(replace('      devices: customer', '      # srm-disable-next-line nope$0\n      devices: customer'));
  assert.match(u?.contents ?? '', /not an srm rule id/);
});

test('field keys are documented; blank lines and unknown words give nothing', () => {
  assert.match(h(mark('service:', 2))?.contents ?? '', /Free text/);
  assert.equal(h(replace('workloads:\n', 'workloads:\n$0\n')), undefined);
  // A catalogued service: its models, the source, stated or inferred (spec/services.md).
  assert.match(h(mark('Azure App Service', 3))?.contents ?? '', /\*\*Azure App Service\*\* \(service, `paas`\)[\s\S]*Stated: /);
});

test('never throws on odd text', () => {
  for (const t of ['$0', ':$0', '- - - $0', '"a$0', "a: 'b$0", '\t$0x: y', 'workloads:\n  - $0', '#$0']) {
    const { file, offset } = at(t);
    hover(file, offset);
  }
});

test('a synonym used as a layer key says which layer id it stands for', () => {
  const r = h(replace('      devices: customer', '      endpo$0ints: customer'));
  assert.match(r?.contents ?? '', /`endpoints` is not a layer id of the model\. It stands for `devices`/);
});

test('a near-miss value says what it stands for', () => {
  assert.match(h(replace('model: saas', 'model: Sa$0aS'))?.contents ?? '', /`SaaS` is not a service model: write `saas`/);
  assert.match(h(replace('devices: customer', 'devices: clie$0nt'))?.contents ?? '', /`client` is not a party: write `customer`/);
});
