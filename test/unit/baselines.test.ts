// Baselines in the engine: the fixtures of test/fixtures/baselines (each built-in's cells, the rules derived from a
// custom baseline's cells, overrides, a custom provider, depends cells through extends), exact sets chunked and
// whole as in rules.test.ts; then generated inputs: long extends chains, a baseline of 1,000 layers, config-listed
// baselines (a BaselineScope from sources) and what a file's own baseline documents shadow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnose, fixAll, parseFile, scopeFromSources, type Finding } from '../../server/src/service';
import { MICROSOFT_2026 } from '../../server/src/model';
import { checkFindings, readFixture } from './fixtures';

const dir = path.join(__dirname, '..', 'fixtures', 'baselines');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

for (const f of files) {
  test(`fixture ${f}`, () => {
    const { text, expected, options } = readFixture(readFileSync(path.join(dir, f), 'utf8'));
    for (const whole of [false, true]) {
      checkFindings(text, diagnose(parseFile(text, undefined, { whole }), options), expected, `${f} (${whole ? 'whole' : 'chunked'})`);
    }
  });
}

// ---- generated inputs -------------------------------------------------------------------------------------------

const baselineDoc = (name: string, body: string) => `apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: ${name}\n${body}`;
const assignmentDoc = (name: string, baseline: string | undefined, workloads: string) =>
  `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: ${name}\n${baseline ? `  baseline: ${baseline}\n` : ''}workloads:\n${workloads}`;
/** A chain: link-0 extends microsoft-2026, link-k extends link-(k-1); link-k overrides devices' saas cell. */
const chain = (n: number) =>
  Array.from({ length: n }, (_, k) =>
    baselineDoc(`link-${k}`, `extends: ${k === 0 ? 'microsoft-2026' : `link-${k - 1}`}\nlayers:\n  - id: devices\n    owners: { saas: ${k % 2 === 0 ? 'customer' : 'shared'} }\n    reason: link ${k}\n`),
  );
const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.code}:${f.severity}`);
/** CPU time of this process, so a busy machine does not fail a bound; SRM_TEST_TIME_SCALE stretches it. */
const SCALE = Number(process.env.SRM_TEST_TIME_SCALE ?? '1') || 1;
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

test('an extends chain 100 deep resolves (in the file and config-listed); the last override wins', () => {
  const links = chain(100);
  // link-99 overrides devices' saas cell to shared (99 is odd): devices: customer under saas is a mismatch there.
  const doc = assignmentDoc('deep', 'link-99', '  - name: w\n    model: saas\n    responsibilities:\n      devices: customer\n');
  const inFile = [...links, doc].join('---\n');
  const fs = diagnose(parseFile(inFile));
  assert.deepEqual(
    fs.filter((f) => f.code !== 'unassigned-layer').map((f) => [f.code, f.message]),
    [['model-mismatch', 'Under saas, baseline link-99 gives layer "devices" to shared, but workload "w" assigns it to customer.']],
  );
  const scope = scopeFromSources([{ source: '/repo/chain.srm.yaml', text: links.join('---\n') }]);
  const r = scope.resolve('link-99');
  assert.ok(r.ok, r.ok ? '' : r.message);
  assert.equal(r.baseline.cell('devices', 'saas'), 'shared');
  assert.equal(r.baseline.layer('devices')?.overrides?.length, 100);
  assert.deepEqual(codes(diagnose(parseFile(doc, undefined, { baselines: { scope } }))).filter((c) => !c.startsWith('unassigned')), ['model-mismatch:warning']);
});

test('an extends chain 300 deep: invalid-baseline "more than 256 deep", never a stack overflow', () => {
  const links = chain(300);
  const doc = assignmentDoc('too-deep', 'link-299', '  - name: w\n    model: saas\n    responsibilities:\n      devices: customer\n');
  const text = [...links, doc].join('---\n');
  for (const whole of [false, true]) {
    const fs = diagnose(parseFile(text, undefined, { whole }));
    const deep = fs.filter((f) => f.code === 'invalid-baseline' && f.document !== 300 && /more than 256 baselines deep/.test(f.message));
    // The links whose chain is longer than 256: link-257 … link-299, each on its extends value.
    assert.deepEqual(deep.map((f) => f.document), Array.from({ length: 43 }, (_, i) => 257 + i));
    for (const f of deep) assert.equal(text.slice(f.start, f.end), `link-${(f.document as number) - 1}`);
    const sel = fs.filter((f) => f.document === 300);
    assert.deepEqual(codes(sel), ['invalid-baseline:error']);
    assert.match(sel[0]!.message, /^Baseline "link-299" has errors: this file:\d+:10: The extends chain is more than 256 baselines deep\./);
    assert.equal(fs.length, deep.length + 1, fs.filter((f) => !deep.includes(f) && f.document !== 300).map((f) => f.message).join('\n'));
  }
  const scope = scopeFromSources([{ source: '/repo/chain.srm.yaml', text: links.join('---\n') }]);
  assert.ok(scope.resolve('link-256').ok);
  const r = scope.resolve('link-257');
  assert.ok(!r.ok && r.kind === 'invalid' && /^Baseline "link-257" has errors: \/repo\/chain\.srm\.yaml:\d+:10: The extends chain is more than 256/.test(r.message), JSON.stringify(r));
});

/** A custom baseline of `n` layers (a third customer-only, a third provider-only, a third varying) and a document
 *  assigning all of them but the last as the cells say, except three wrong ones: one per derived kind. */
function bigBaseline(name: string, n: number): { base: string; doc: string } {
  const layers = Array.from({ length: n }, (_, i) => {
    const owners = i % 3 === 0 ? 'customer, iaas: customer, paas: customer' : i % 3 === 1 ? 'customer, iaas: big, paas: big' : 'customer, iaas: customer, paas: shared';
    return `  - id: layer-${i}\n    label: Layer ${i}\n    owners: { on-site: ${owners} }\n`;
  }).join('');
  const base = baselineDoc(name, `provider: { id: big, label: Big Cloud }\nmodels:\n  - { id: on-site, label: On site, cloud: false }\n  - { id: iaas, label: IaaS }\n  - { id: paas, label: PaaS }\nlayers:\n${layers}`);
  const wrong: Record<number, string> = { 3: 'big', 4: 'customer', 5: 'customer' };
  const rows = Array.from({ length: n - 1 }, (_, i) => `      layer-${i}: ${wrong[i] ?? (i % 3 === 0 ? 'customer' : i % 3 === 1 ? 'big' : 'shared')}\n`).join('');
  return { base, doc: assignmentDoc('all', name, `  - name: w\n    model: paas\n    responsibilities:\n${rows}`) };
}
const BIG_FINDINGS = [
  ['unassigned-layer', 'Workload "w" (paas) leaves a layer without an owner: "layer-999".'],
  ['customer-only-duty', 'layer-3'],
  ['provider-only-duty', 'layer-4'],
  ['model-mismatch', 'layer-5'],
];

test('a custom baseline of 1,000 layers: the derived rules, chunked and whole, in the file and config-listed; the fix adds the missing layer', () => {
  const { base, doc } = bigBaseline('big', 1000);
  const text = `${base}---\n${doc}`;
  for (const whole of [false, true]) {
    assert.deepEqual(diagnose(parseFile(text, undefined, { whole })).map((f) => [f.code, f.layer ?? f.message]), BIG_FINDINGS);
  }
  const scope = scopeFromSources([{ source: '/repo/big.srm.yaml', text: base }]);
  assert.deepEqual(diagnose(parseFile(doc, undefined, { baselines: { scope } })).map((f) => [f.code, f.layer ?? f.message]), BIG_FINDINGS);
  const fixed = fixAll(doc, {}, undefined, { scope }).text;
  assert.ok(fixed.endsWith('      layer-998: shared\n      layer-999: customer\n'), fixed.slice(-200));
});

test(
  'a custom baseline of 1,000 layers is checked in under 2 s of CPU, the first time (its exact schema compiled included)',
  () => {
    const { base, doc } = bigBaseline('big-timed', 1000);
    diagnose(parseFile(assignmentDoc('warm', undefined, '  - name: w\n    model: paas\n    responsibilities: {}\n'))); // the modules and the default schema
    const t0 = cpuMs();
    const fs = diagnose(parseFile(`${base}---\n${doc}`));
    const ms = cpuMs() - t0;
    assert.equal(fs.length, BIG_FINDINGS.length);
    assert.ok(ms < 2000 * SCALE, `${ms.toFixed(0)} ms of CPU`);
  },
);

test('config-listed baselines: selected by name; a file\'s own baseline document of the same name shadows it', () => {
  const listed = baselineDoc('contoso', 'extends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: customer }\n    reason: listed\n');
  const scope = scopeFromSources([
    { source: '/repo/baselines/contoso.srm.yaml', text: listed },
    { source: '/repo/baselines/other.srm.yaml', text: baselineDoc('contoso', 'extends: microsoft-diagram\nlayers: []\n') },
  ]);
  const doc = assignmentDoc('a', 'contoso', '  - name: w\n    model: saas\n    responsibilities:\n      devices: shared\n');
  const got = (text: string) => diagnose(parseFile(text, undefined, { baselines: { scope } })).filter((f) => f.code !== 'unassigned-layer');
  // The first file listed wins a name: devices is customer-only in the listed contoso.
  assert.deepEqual(got(doc).map((f) => [f.code, f.severity]), [['customer-only-duty', 'warning']]);
  assert.match(got(doc)[0]!.message, /\(baseline contoso\)/);
  // Without the scope, the name is unknown.
  assert.deepEqual(codes(diagnose(parseFile(doc))), ['unknown-baseline:error']);
  // The file's own `contoso` (devices shared under saas, as in microsoft-2026) shadows the listed one.
  const local = baselineDoc('contoso', 'extends: microsoft-2026\nlayers: []\n');
  assert.deepEqual(got(`${doc}---\n${local}`), []);
});

test('a broken config-listed baseline: the selecting document\'s one finding names its file, line and column', () => {
  const broken = baselineDoc('contoso', 'extends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: nobody }\n    reason: x\n');
  const scope = scopeFromSources([{ source: '/repo/baselines/contoso.srm.yaml', text: broken }]);
  const doc = assignmentDoc('a', 'contoso', '  - name: w\n    model: saas\n    model: iaas\n    responsibilities:\n      devices: microsoft\n');
  const fs = diagnose(parseFile(doc, undefined, { baselines: { scope } }));
  assert.deepEqual(codes(fs), ['invalid-baseline:error', 'duplicate-key:error']);
  assert.equal(doc.slice(fs[0]!.start, fs[0]!.end), 'contoso');
  assert.match(fs[0]!.message, /^Baseline "contoso" has errors: \/repo\/baselines\/contoso\.srm\.yaml:8:21: "nobody" is not a party of this baseline\./);
});

test('the fallback (--baseline, then the config\'s baseline:) applies below metadata.baseline; unresolved, it is reported on the first line', () => {
  const scope = scopeFromSources([]);
  const none = assignmentDoc('a', undefined, '  - name: w\n    model: saas\n    responsibilities:\n      devices: microsoft\n      configurations-and-settings: customer\n');
  const own = assignmentDoc('b', 'microsoft-diagram', '  - name: w\n    model: saas\n    responsibilities:\n      devices: microsoft\n');
  const run = (text: string, id: string, from: 'cli' | 'config') =>
    diagnose(parseFile(text, undefined, { baselines: { scope, fallback: { id, from } } })).filter((f) => f.code !== 'unassigned-layer');
  // Under microsoft-2026 devices: microsoft is a mismatch and configurations-and-settings a layer.
  assert.deepEqual(codes(run(none, 'microsoft-2026', 'cli')), ['model-mismatch:warning']);
  assert.deepEqual(codes(run(none, 'microsoft-2026', 'config')), ['model-mismatch:warning']);
  // The document's own baseline wins.
  assert.deepEqual(codes(run(own, 'microsoft-2026', 'cli')), ['customer-only-duty:error']);
  for (const [from, where] of [['cli', '(selected by --baseline)'], ['config', '(selected by srm.config.yaml)']] as const) {
    const fs = run(none, 'microsoft-2052', from);
    assert.deepEqual(codes(fs), ['unknown-baseline:error']);
    assert.equal(none.slice(fs[0]!.start, fs[0]!.end), 'apiVersion: srm/v1');
    assert.ok(fs[0]!.message.includes(`No baseline is named "microsoft-2052" ${where}. Did you mean "microsoft-2026"?`), fs[0]!.message);
    assert.deepEqual(fs[0]!.fixes.filter((x) => x.title.startsWith('Change the baseline')), [], 'no edit for an id the file does not hold');
  }
  // CRLF: the first line's range stops before the CR.
  const crlf = none.replace(/\n/g, '\r\n');
  const f = run(crlf, 'nope', 'cli')[0]!;
  assert.equal(crlf.slice(f.start, f.end), 'apiVersion: srm/v1');
});

test('unknown-baseline in a document: the did-you-mean fix replaces the value', () => {
  const rows = MICROSOFT_2026.layers.map((l) => `      ${l.id}: ${l.owners.saas}\n`).join('');
  const doc = assignmentDoc('a', 'microsoft-2025', `  - name: w\n    model: saas\n    responsibilities:\n${rows}`);
  const f = diagnose(parseFile(doc)).find((x) => x.code === 'unknown-baseline')!;
  const fix = f.fixes.find((x) => x.title === 'Change the baseline to "microsoft-2026"');
  assert.ok(fix && fix.isPreferred && fix.safe, JSON.stringify(f.fixes));
  const fixed = fixAll(doc).text;
  assert.equal(fixed, doc.replace('  baseline: microsoft-2025\n', '  baseline: microsoft-2026\n'));
  assert.deepEqual(diagnose(parseFile(fixed)), []);
  // Where the new baseline would bring findings (here: every layer unassigned), fix-all leaves the choice to the user.
  const empty = assignmentDoc('b', 'microsoft-2025', '  - name: w\n    model: saas\n    responsibilities: {}\n');
  assert.equal(fixAll(empty).text, empty);
});

test('fixAll on a file selecting a custom baseline adds the missing layers with that baseline\'s owners (depends as customer)', () => {
  const base = baselineDoc('acme', 'provider: { id: acme, label: Acme }\nmodels:\n  - { id: hosted, label: Hosted }\nlayers:\n  - { id: data, label: Data, owners: { hosted: customer } }\n  - { id: racks, label: Racks, owners: { hosted: acme } }\n  - { id: tools, label: Tools, owners: { hosted: depends } }\n  - { id: ops, label: Ops, owners: { hosted: shared } }\n');
  const doc = assignmentDoc('a', 'acme', '  - name: w\n    model: hosted\n    responsibilities:\n      racks: acme\n');
  const r = fixAll(`${base}---\n${doc}`);
  assert.ok(r.text.endsWith('      racks: acme\n      data: customer\n      tools: customer\n      ops: shared\n'), r.text);
  assert.deepEqual(diagnose(parseFile(r.text)), []);
});

test('extends naming no baseline: the did-you-mean chooses from the custom names in reach too', () => {
  const text = `${baselineDoc('contoso-contract', 'extends: microsoft-2026\nlayers: []\n')}---\n${baselineDoc('derived', 'extends: contoso-contrat\nlayers: []\n')}`;
  const f = diagnose(parseFile(text)).find((x) => x.code === 'invalid-baseline')!;
  assert.match(f.message, /Did you mean "contoso-contract"\?/);
});

test('a baseline document\'s shape errors are schema findings, and they keep its meaning from being checked', () => {
  const text = baselineDoc('shape', 'extends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: 42, cloud: nobody }\n    reason: x\n');
  const fs = diagnose(parseFile(text));
  assert.deepEqual(fs.map((f) => [f.code, text.slice(f.start, f.end), f.message]), [['schema', '42', 'the cell "saas" must be a string, not the number 42.']]);
});

// ---- edge cases of after and remove ----------------------------------------------------------------------------

const meaning = (text: string) => diagnose(parseFile(text)).filter((f) => f.code === 'invalid-baseline').map((f) => [text.slice(f.start, f.end), f.message]);

test('after naming the layer itself is not reported as naming no layer (nor answered with a did-you-mean of itself)', () => {
  const text = baselineDoc('p', 'extends: microsoft-2026\nlayers:\n  - id: devices\n    after: devices\n    owners: { saas: customer }\n    reason: r\n');
  for (const [, message] of meaning(text)) {
    assert.doesNotMatch(message as string, /names no layer|Did you mean "devices"/, message as string);
  }
});

test('after may name a new layer of the same baseline given further down (the order of the list does not matter)', () => {
  const cells = '{ on-premises: customer, iaas: customer, paas: customer, saas: customer }';
  const text = baselineDoc('p', `extends: microsoft-2026\nlayers:\n  - id: new-a\n    label: A\n    after: new-b\n    owners: ${cells}\n  - id: new-b\n    label: B\n    owners: ${cells}\n`);
  assert.deepEqual(meaning(text), []);
  const r = scopeFromSources([{ source: 's', text }]).resolve('p');
  assert.ok(r.ok);
  assert.deepEqual(r.baseline.layerIds.slice(-2), ['new-b', 'new-a']);
});

test('remove naming a base layer twice: the repeat is not "no layer of the base"', () => {
  const text = baselineDoc('p', 'extends: microsoft-2026\nlayers: []\nremove: [physical-network, physical-network]\n');
  for (const [, message] of meaning(text)) assert.doesNotMatch(message as string, /remove names no layer of "microsoft-2026"/, message as string);
});

test('remove naming a layer the baseline itself adds (not a layer of the base) is invalid-baseline on that name', () => {
  const text = baselineDoc('p', 'extends: microsoft-2026\nlayers:\n  - id: backup\n    label: Backup\n    owners: { on-premises: customer, iaas: customer, paas: customer, saas: customer }\nremove: [backup]\n');
  const fs = diagnose(parseFile(text)).filter((f) => f.code === 'invalid-baseline');
  assert.deepEqual(fs.map((f) => [f.start, f.end, f.severity]), [[text.lastIndexOf('backup'), text.lastIndexOf('backup') + 6, 'error']]);
});

test('a custom baseline whose provider, columns and layers are named like properties of Object.prototype (constructor, valueof)', () => {
  const base = (cells: string) =>
    baselineDoc(
      'proto-base',
      'provider: { id: constructor, label: Proto }\nmodels:\n  - { id: constructor, label: C }\n  - { id: valueof, label: V }\n' +
        `layers:\n  - id: constructor\n    label: Data\n    owners: { ${cells} }\n  - id: hasownproperty\n    label: Other\n    owners: { constructor: constructor, valueof: shared }\n`,
    );
  const app = assignmentDoc(
    'app',
    'proto-base',
    '  - name: w\n    model: constructor\n    responsibilities:\n      constructor: customer\n      hasownproperty: customer\n  - name: v\n    model: valueof\n    responsibilities:\n      constructor: customer\n',
  );
  // A layer without a cell for the column `constructor` lacks it (the cell is not Object.prototype's constructor).
  const broken = `${base('valueof: customer')}---\n${app}`;
  const bf = diagnose(parseFile(broken));
  assert.deepEqual(codes(bf), ['invalid-baseline:error', 'invalid-baseline:error']);
  assert.match(bf[0]!.message, /^Layer "constructor" needs a cell for constructor\.$/);
  // Complete, the rules read its cells: customer where the provider was expected, the gap under valueof.
  const whole = `${base('constructor: constructor, valueof: customer')}---\n${app}`;
  const fs = diagnose(parseFile(whole));
  assert.deepEqual(codes(fs), ['model-mismatch:warning', 'model-mismatch:warning', 'unassigned-layer:warning']);
  for (const f of fs) assert.doesNotMatch(f.message, /function|native code|undefined|\[object/, f.message);
  assert.match(fs[0]!.message, /gives layer "constructor" to constructor, but workload "w" assigns it to customer/);
});
