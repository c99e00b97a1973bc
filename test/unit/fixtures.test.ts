// The fixture loader (fixtures.ts) and the document builders (model-documents.ts): what `# @rest: expected` and
// `assignments` stand for, so that the rule fixtures and the unit tests can leave the layer list to the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYERS, MICROSOFT_2026, MICROSOFT_AI, SERVICE_MODELS } from '../../server/src/model';
import { diagnose, parseFile } from '../../server/src/service';
import { checkFindings, expandFixture, readFixture } from './fixtures';
import { assignments, documentText, header, missingLayers } from './model-documents';

const HEAD = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: f\nworkloads:\n';
const rows = (model: (typeof SERVICE_MODELS)[number], pad = '      ') => LAYERS.map((l) => `${pad}${l.id}: ${l.owners[model]}`);

test('@rest: expected stands for every layer the block does not write, with the owner of its cell, in model order, in place', () => {
  for (const model of SERVICE_MODELS) {
    const text = expandFixture(`${HEAD}  - name: w\n    model: ${model}\n    responsibilities:\n      # @rest: expected\n`);
    assert.equal(text, `${HEAD}  - name: w\n    model: ${model}\n    responsibilities:\n${rows(model).join('\n')}\n`);
    assert.deepEqual(diagnose(parseFile(text)), [], model);
  }
  // Written layers stay as they are, where they are, long forms included; the model line may come after the block.
  const raw = `${HEAD}  - name: w\n    responsibilities:\n      devices:\n        owner: microsoft\n      # @rest: expected\n      physical-hosts: customer\n    model: iaas\n`;
  const rest = rows('iaas').filter((l) => !/^ {6}(devices|physical-hosts):/.test(l));
  assert.equal(expandFixture(raw), raw.replace('      # @rest: expected\n', `${rest.join('\n')}\n`));
  // A dash line holding the model, CRLF line endings.
  const crlf = `${HEAD}  - model: saas\n    responsibilities:\n      # @rest: expected\n`.replace(/\n/g, '\r\n');
  assert.equal(expandFixture(crlf), `${HEAD}  - model: saas\n    responsibilities:\n${rows('saas').join('\n')}\n`.replace(/\n/g, '\r\n'));
});

test('@rest: expected except and under', () => {
  const text = expandFixture(`${HEAD}  - name: w\n    model: PaaS\n    responsibilities:\n      # @rest: expected under paas except devices, operating-system\n`);
  const want = rows('paas').filter((l) => !/^ {6}(devices|operating-system):/.test(l));
  assert.equal(text, `${HEAD}  - name: w\n    model: PaaS\n    responsibilities:\n${want.join('\n')}\n`);
});

test('annotations keep pointing at their lines: markers are expanded first', () => {
  const raw = [
    HEAD + '  - name: w',
    '    model: saas',
    '    responsibilities:',
    '      # @rest: expected',
    '      information-and-data: microsoft',
    '#                           ^^^^^^^^^ error customer-only-duty',
    '',
  ].join('\n');
  const { text, expected } = readFixture(raw);
  const line = text.split('\n').indexOf('      information-and-data: microsoft');
  assert.ok(line > 8);
  assert.deepEqual(expected, [{ line, start: 28, end: 37, severity: 'error', code: 'customer-only-duty' }]);
});

test('a marker that cannot be expanded is an error, not a silent guess', () => {
  const w = (model: string, body: string) => `${HEAD}  - name: w\n    model: ${model}\n    responsibilities:\n${body}`;
  for (const [raw, why] of [
    [w('saas', '      # @rest: everything\n'), /write "# @rest: expected"/],
    [w('PaaS', '      # @rest: expected\n'), /add "under MODEL"/],
    [w('saas', '      # @rest: expected under paas\n'), /model is saas, not paas/],
    [w('saas', '      # @rest: expected except endpoints\n'), /endpoints is not a layer id/],
    [w('saas', '      devices: customer\n      # @rest: expected except devices\n'), /devices is written/],
    [w('saas', '      # @rest: expected\n#     ^^^^ error schema\n'), /cannot point into an expansion/],
    [w('saas', '      # @rest: expected\n      devices: customer\n      # @rest: expected\n'), /one @rest marker per block/],
    [`${HEAD}  - name: w\n    # @rest: expected\n    model: saas\n`, /block responsibilities mapping/],
  ] as const) {
    assert.throws(() => expandFixture(raw), why);
  }
});

test('assignments and documentText: every layer of the model with the owner it expects, changes by layer id', () => {
  for (const model of SERVICE_MODELS) {
    assert.deepEqual(assignments(model), rows(model, ''));
    assert.deepEqual(diagnose(parseFile(documentText(header('d'), [{ name: 'w', model }]))), [], model);
  }
  const changed = assignments('saas', { devices: 'endpoints: customer', 'operating-system': null });
  assert.deepEqual(changed, rows('saas', '').map((l) => (l.startsWith('devices:') ? 'endpoints: customer' : l)).filter((l) => !l.startsWith('operating-system:')));
  assert.throws(() => assignments('saas', { endpoints: 'x' }), /not a layer id/);
  assert.deepEqual(missingLayers(['devices', 'endpoints']), LAYERS.map((l) => l.id).filter((id) => id !== 'devices'));
});

test('@rest: expected takes the cells of the document\'s baseline: a built-in, a baseline document of the fixture; depends as customer', () => {
  const head = (baseline: string) => `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: f\n  baseline: ${baseline}\nworkloads:\n`;
  const body = (model: string, marker = '# @rest: expected') => `  - name: w\n    model: ${model}\n    responsibilities:\n      ${marker}\n`;
  const y2026 = MICROSOFT_2026.layers.map((l) => `      ${l.id}: ${l.owners.saas}`).join('\n');
  assert.equal(expandFixture(head('microsoft-2026') + body('saas')), `${head('microsoft-2026')}  - name: w\n    model: saas\n    responsibilities:\n${y2026}\n`);
  const ai = MICROSOFT_AI.layers.map((l) => `      ${l.id}: ${l.owners.paas === 'depends' ? 'customer' : l.owners.paas}`).join('\n');
  assert.equal(expandFixture(head('microsoft-ai') + body('paas')), `${head('microsoft-ai')}  - name: w\n    model: paas\n    responsibilities:\n${ai}\n`);
  // Another document of the file without metadata.baseline: the default, whatever the first said.
  const two = `${head('microsoft-ai') + body('saas')}---\n${HEAD}${body('saas')}`;
  assert.ok(expandFixture(two).endsWith(`${rows('saas').join('\n')}\n`));
  // A custom baseline defined in the fixture (before or after the document).
  const custom =
    'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: acme\nprovider: { id: acme, label: Acme }\nmodels:\n  - { id: hosted, label: Hosted }\n' +
    'layers:\n  - { id: data, label: Data, owners: { hosted: customer } }\n  - { id: racks, label: Racks, owners: { hosted: acme } }\n';
  const text = expandFixture(`${head('acme') + body('hosted')}---\n${custom}`);
  assert.ok(text.includes('    responsibilities:\n      data: customer\n      racks: acme\n---\n'), text);
  assert.deepEqual(diagnose(parseFile(text)), []);
  // under and except are checked against that baseline; a baseline that does not resolve is an error.
  assert.throws(() => expandFixture(head('microsoft-ai') + body('on-premises')), /"on-premises"|add "under MODEL"/);
  assert.throws(() => expandFixture(head('microsoft-ai') + body('paas', '# @rest: expected under saas')), /model is paas, not saas/);
  assert.throws(() => expandFixture(head('microsoft-ai') + body('PaaS', '# @rest: expected under on-premises')), /"on-premises" is not a service model of baseline microsoft-ai/);
  assert.throws(() => expandFixture(head('microsoft-ai') + body('saas', '# @rest: expected except devices')), /devices is not a layer id of baseline microsoft-ai/);
  assert.throws(() => expandFixture(head('nowhere') + body('saas')), /baseline "nowhere" does not resolve/);
});

test('an annotation\'s quoted text must be in the finding\'s message', () => {
  const raw = `${HEAD}  - name: w\n    model: saas\n    responsibilities:\n      information-and-data: microsoft\n#                           ^^^^^^^^^ error customer-only-duty "assigns it to microsoft"\n      # @rest: expected\n`;
  const { text, expected } = readFixture(raw);
  assert.equal(expected[0]!.contains, 'assigns it to microsoft');
  checkFindings(text, diagnose(parseFile(text)), expected, 'fixture');
  const wrong = readFixture(raw.replace('"assigns it to microsoft"', '"assigns it to shared"'));
  assert.throws(() => checkFindings(wrong.text, diagnose(parseFile(wrong.text)), wrong.expected, 'fixture'), /no message contains "assigns it to shared"/);
  // Positions still count exactly.
  const moved = readFixture(raw.replace('#                           ^', '#                            ^'));
  assert.throws(() => checkFindings(moved.text, diagnose(parseFile(moved.text)), moved.expected, 'fixture'));
});
