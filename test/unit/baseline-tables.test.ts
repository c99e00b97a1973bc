// The pure renderers of server/src/service/baselines/tables.ts: the list, one baseline as Markdown, JSON and CSV, and
// the diff of two baselines; on the built-ins and on custom baselines built with `new Baseline(...)`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Baseline, MICROSOFT_2026, MICROSOFT_AI, MICROSOFT_DIAGRAM, type BaselineDef } from '../../server/src/model';
import {
  baselineCsv,
  baselineDiffJson,
  baselineDiffMarkdown,
  baselineJson,
  baselineListJson,
  baselineListRow,
  baselineListText,
  baselineMarkdown,
  baselineObject,
  diffBaselines,
  diffIsEmpty,
} from '../../server/src/service';
import { parseCsv } from './export-readers';

/** A custom baseline over microsoft-2026, as the resolver would build it: two overrides, one added layer, one removed. */
function contract(): Baseline {
  const base = MICROSOFT_2026.def;
  const layers = base.layers
    .filter((l) => l.id !== 'physical-network')
    .map((l) => {
      if (l.id === 'operating-system') {
        return { ...l, owners: { ...l.owners, paas: 'customer' }, overrides: [{ column: 'paas', was: 'microsoft' }], reason: 'We run our own images (contract C-17)' };
      }
      if (l.id === 'devices') {
        return { ...l, owners: { ...l.owners, saas: 'customer' }, overrides: [{ column: 'saas', was: 'shared', reason: 'Endpoint protection is ours' }] };
      }
      return l;
    });
  const i = layers.findIndex((l) => l.id === 'information-and-data');
  layers.splice(i + 1, 0, {
    id: 'backup-and-recovery',
    label: 'Backup, "restore" and recovery',
    owners: { 'on-premises': 'customer', iaas: 'customer', paas: 'customer', saas: 'shared' },
    added: true,
  });
  const def: BaselineDef = {
    ...base,
    id: 'contoso-contract',
    title: 'Microsoft’s 2026 matrix under our MSP contract',
    description: undefined,
    source: 'https://contoso.example/contracts/c-17',
    builtin: false,
    extends: 'microsoft-2026',
    removed: ['physical-network'],
    layers,
    definedAt: { source: '/repo/contract.baseline.srm.yaml', start: 0, end: 10 },
  };
  return new Baseline(def);
}

/** A full definition with its own provider and models, and labels that need escaping. */
function aws(): Baseline {
  return new Baseline({
    id: 'aws-service-classes',
    title: 'AWS, by service class',
    provider: { id: 'aws', label: 'Amazon Web Services' },
    columns: [
      { id: 'infrastructure', label: 'Infrastructure services (EC2, EBS, VPC)', cloud: true },
      { id: 'abstracted', label: 'Abstracted services (S3, "DynamoDB")', cloud: true },
    ],
    layers: [
      { id: 'customer-data', label: 'Customer data, "all of it"', owners: { infrastructure: 'customer', abstracted: 'customer' } },
      { id: 'guest-os', label: 'Guest OS | patches', group: 'Our own', owners: { infrastructure: 'customer', abstracted: 'aws' } },
      { id: 'hardware', label: '=cmd|calc', owners: { infrastructure: 'aws', abstracted: 'aws' } },
    ],
    builtin: false,
  });
}

describe('the list', () => {
  it('one row per baseline: id, provider, columns, number of rows, source, where', () => {
    const rows = [MICROSOFT_DIAGRAM, MICROSOFT_2026, MICROSOFT_AI].map((b) => baselineListRow(b));
    assert.deepEqual(
      rows.map((r) => [r.id, r.provider, r.columns.join(','), r.rows, r.where]),
      [
        ['microsoft-diagram', 'microsoft', 'on-premises,iaas,paas,saas', 10, 'built-in'],
        ['microsoft-2026', 'microsoft', 'on-premises,iaas,paas,saas', 10, 'built-in'],
        ['microsoft-ai', 'microsoft', 'iaas,paas,saas', 14, 'built-in'],
      ],
    );
    assert.ok(rows.every((r) => r.source?.startsWith('Microsoft Learn')));
  });

  it('a custom baseline is listed with its file; one that failed with its first error', () => {
    const custom = baselineListRow({ id: 'contoso-contract', baseline: contract(), where: 'contract.baseline.srm.yaml', errors: [] });
    assert.equal(custom.where, 'contract.baseline.srm.yaml');
    assert.equal(custom.rows, 10);
    assert.equal(baselineListRow(contract()).where, '/repo/contract.baseline.srm.yaml');
    const broken = baselineListRow({ id: 'broken', where: 'b.srm.yaml', errors: ['extends names no baseline "microsoft-2025"', 'second'] });
    assert.deepEqual([broken.provider, broken.rows, broken.error], [null, null, 'extends names no baseline "microsoft-2025"']);
    const text = baselineListText([baselineListRow(MICROSOFT_DIAGRAM), custom, broken]);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^ID +PROVIDER +COLUMNS +ROWS +WHERE +SOURCE$/);
    // Aligned: every column starts at the same offset on every line.
    const at = lines[0]!.indexOf('WHERE');
    assert.ok(lines.every((l) => l.slice(at).match(/^(WHERE|built-in|contract\.baseline|b\.srm)/)), text);
    assert.match(lines[3]!, /error: extends names no baseline "microsoft-2025"$/);
    const json = JSON.parse(baselineListJson([custom, broken])) as { baselines: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(json.baselines[0]!), ['id', 'provider', 'columns', 'rows', 'source', 'where']);
    assert.equal(json.baselines[1]!.error, 'extends names no baseline "microsoft-2025"');
  });
});

describe('one baseline', () => {
  it('Markdown: a row per layer with its group and a cell per column; depends shown as depends; source and its note', () => {
    const md = baselineMarkdown(MICROSOFT_AI);
    assert.match(md, /^## `microsoft-ai`: /);
    assert.ok(md.includes('| layer id | label | group | IaaS (bring your own model), `iaas` | PaaS (Azure AI), `paas` | SaaS (Copilot), `saas` |'), md);
    assert.ok(md.includes('| `model-tuning` | Model tuning | AI platform | customer | depends | microsoft |'), md);
    assert.ok(md.includes('| `ai-compute-infrastructure` | AI compute infrastructure | AI platform | shared | microsoft | microsoft |'));
    assert.match(md, /\nSource: Microsoft Learn, /);
    assert.match(md, /\nNote: The diagram exists only as an image/);
    const classic = baselineMarkdown(MICROSOFT_2026, { heading: false });
    assert.ok(!classic.includes('## '));
    assert.ok(classic.includes('| layer id | label | group | On-premises | IaaS | PaaS | SaaS |'));
    assert.ok(classic.includes('| `devices` | Client devices | Varies by service model | customer | customer | customer | shared |'));
    assert.ok(!classic.includes('Note:') && !classic.includes('depends'));
  });

  it('Markdown of a custom baseline: overridden cells marked, added layer marked, the reasons and removals listed', () => {
    const md = baselineMarkdown(contract());
    assert.ok(md.includes('Extends `microsoft-2026`.'), md);
    assert.ok(md.includes('| `operating-system` | Operating system | Varies by service model | customer | customer | **customer** (was microsoft) | microsoft |'), md);
    assert.ok(md.includes('| `devices` | Client devices | Always the customer’s | customer | customer | customer | **customer** (was shared) |'), md);
    assert.ok(md.includes('| `backup-and-recovery` (added) | Backup, "restore" and recovery |'), md);
    assert.ok(md.includes('- `operating-system` under `paas`: customer (was microsoft): We run our own images (contract C-17)'), md);
    assert.ok(md.includes('- `devices` under `saas`: customer (was shared): Endpoint protection is ours'), md);
    assert.ok(md.includes('- `backup-and-recovery` added'));
    assert.ok(md.includes('- `physical-network` removed'));
    assert.ok(md.includes('Source: [https://contoso.example/contracts/c-17](https://contoso.example/contracts/c-17)'), md);
    // The built-ins have no changes section.
    assert.ok(!baselineMarkdown(MICROSOFT_2026).includes('Changes from'));
  });

  it('Markdown escapes a custom baseline’s text (a | in a label stays in its cell)', () => {
    const md = baselineMarkdown(aws());
    assert.ok(md.includes('| `guest-os` | Guest OS \\| patches | Our own | customer | aws |'), md);
    assert.ok(md.includes('Provider: Amazon Web Services (`aws`).'));
  });

  it('JSON: a stable object with every key, the layers with owners, group, kind and overrides', () => {
    const o = JSON.parse(baselineJson(MICROSOFT_2026));
    assert.deepEqual(Object.keys(o), ['id', 'title', 'description', 'source', 'sourceNote', 'builtin', 'extends', 'removed', 'provider', 'columns', 'layers', 'services']);
    assert.equal(o.sourceNote, null);
    // The service catalogue (spec/services.md): AKS runs under two models.
    assert.deepEqual(
      o.services.find((e: { name: string }) => e.name === 'Azure Kubernetes Service'),
      { name: 'Azure Kubernetes Service', aliases: ['AKS'], models: ['iaas', 'paas'], source: o.services.find((e: { name: string }) => e.name === 'Azure Kubernetes Service').source, confidence: 'stated' },
    );
    assert.deepEqual(o.columns.map((c: { id: string }) => c.id), ['on-premises', 'iaas', 'paas', 'saas']);
    assert.deepEqual(o.columns[0], { id: 'on-premises', label: 'On-premises', cloud: false });
    const devices = o.layers.find((l: { id: string }) => l.id === 'devices');
    assert.deepEqual(
      { ...devices, doc: undefined },
      {
        id: 'devices',
        label: 'Client devices',
        group: 'Varies by service model',
        kind: 'varies',
        owners: { 'on-premises': 'customer', iaas: 'customer', paas: 'customer', saas: 'shared' },
        doc: undefined,
        added: false,
        reason: null,
        overrides: [],
      },
    );
    assert.equal(o.layers[0].kind, 'customer-always');
    assert.equal(o.layers.at(-1).kind, 'provider-in-cloud');
    const c = baselineObject(contract());
    const os = c.layers.find((l) => l.id === 'operating-system')!;
    assert.deepEqual(os.overrides, [{ column: 'paas', was: 'microsoft', reason: 'We run our own images (contract C-17)' }]);
    assert.equal(os.owners.paas, 'customer');
    assert.deepEqual(Object.keys(os.owners), ['on-premises', 'iaas', 'paas', 'saas']);
    assert.equal(c.layers.find((l) => l.id === 'backup-and-recovery')!.added, true);
    assert.deepEqual([c.builtin, c.extends, c.removed], [false, 'microsoft-2026', ['physical-network']]);
    assert.equal(JSON.parse(baselineJson(MICROSOFT_AI)).layers.find((l: { id: string }) => l.id === 'model-tuning').owners.paas, 'depends');
  });

  it('CSV: a header of column ids, a row per layer, labels with commas and quotes escaped, formulas neutralised', () => {
    const rows = parseCsv(baselineCsv(aws()));
    assert.deepEqual(rows, [
      ['layer', 'label', 'group', 'infrastructure', 'abstracted'],
      ['customer-data', 'Customer data, "all of it"', 'Always the customer’s', 'customer', 'customer'],
      ['guest-os', 'Guest OS | patches', 'Our own', 'customer', 'aws'],
      ['hardware', "'=cmd|calc", 'Moves to the provider in the cloud', 'aws', 'aws'],
    ]);
    assert.ok(baselineCsv(aws()).includes('"Customer data, ""all of it"""'));
    const ai = parseCsv(baselineCsv(MICROSOFT_AI));
    assert.deepEqual(ai[2], ['usage-policy-and-admin-controls', 'Usage policy, admin controls', 'AI usage', 'customer', 'customer', 'customer']);
    assert.equal(ai.length, 15);
  });

  it('CSV of a custom baseline: a changes column with what each cell was and why', () => {
    const rows = parseCsv(baselineCsv(contract()));
    assert.equal(rows[0]!.at(-1), 'changes');
    const os = rows.find((r) => r[0] === 'operating-system')!;
    assert.deepEqual(os.slice(3), ['customer', 'customer', 'customer', 'microsoft', 'paas was microsoft: We run our own images (contract C-17)']);
    assert.equal(rows.find((r) => r[0] === 'backup-and-recovery')!.at(-1), 'added');
    assert.equal(rows.find((r) => r[0] === 'physical-hosts')!.at(-1), '');
  });
});

describe('the diff', () => {
  it('microsoft-diagram → microsoft-2026: a row only in each, two cells; the labels do not count', () => {
    const d = diffBaselines(MICROSOFT_DIAGRAM, MICROSOFT_2026);
    assert.deepEqual(d.layers.onlyInA.map((l) => l.id), ['identity-and-directory-infrastructure']);
    assert.deepEqual(d.layers.onlyInB.map((l) => l.id), ['configurations-and-settings']);
    assert.deepEqual(d.columns, { onlyInA: [], onlyInB: [] });
    assert.deepEqual(d.cells, [
      { layer: 'devices', column: 'saas', a: 'customer', b: 'shared' },
      { layer: 'applications', column: 'saas', a: 'microsoft', b: 'shared' },
    ]);
    assert.equal(d.providers, undefined);
    const md = baselineDiffMarkdown(d);
    assert.ok(md.includes('| `devices` | `saas` | customer | shared |'), md);
    assert.ok(md.includes('- `identity-and-directory-infrastructure` (Identity and directory infrastructure)'));
    assert.ok(!md.includes('Customer data'), 'labels are not compared');
    assert.deepEqual(JSON.parse(baselineDiffJson(d)).cells, d.cells);
  });

  it('columns are compared by id; a column only one has is listed; the same baseline has no differences', () => {
    const d = diffBaselines(MICROSOFT_2026, MICROSOFT_AI);
    assert.deepEqual(d.columns.onlyInA.map((c) => c.id), ['on-premises']);
    assert.deepEqual(d.columns.onlyInB, []);
    assert.equal(d.cells.length, 0, 'no layer in common');
    assert.match(baselineDiffMarkdown(d), /Columns only in `microsoft-2026`:\n\n- `on-premises` \(On-premises\)/);
    const same = diffBaselines(MICROSOFT_AI, MICROSOFT_AI);
    assert.ok(diffIsEmpty(same));
    assert.match(baselineDiffMarkdown(same), /No differences/);
    const custom = diffBaselines(MICROSOFT_2026, contract());
    assert.deepEqual(custom.layers.onlyInA.map((l) => l.id), ['physical-network']);
    assert.deepEqual(custom.layers.onlyInB.map((l) => l.id), ['backup-and-recovery']);
    assert.deepEqual(custom.cells.map((c) => `${c.layer}/${c.column}: ${c.a} -> ${c.b}`), [
      'devices/saas: shared -> customer',
      'operating-system/paas: microsoft -> customer',
    ]);
    const other = diffBaselines(MICROSOFT_2026, aws());
    assert.deepEqual(other.providers, { a: 'microsoft', b: 'aws' });
    assert.equal(other.columns.onlyInB.length, 2);
  });
});
