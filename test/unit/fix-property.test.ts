// Property test of fix-all (the CLI's --fix, the editor's "Fix all", source.fixAll.srm): on generated files full of
// typos, synonyms, missing layers and wrong owners (under the default, the built-in baselines, custom baselines
// defined in the file, a broken one and an unknown name), and on fuzzed examples, it never adds a finding, never writes a
// duplicate key, keeps the YAML parsing, and a second run changes nothing. Seed fixed; SRM_FC_RUNS / SRM_FC_SEED override.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BUILTIN_BASELINES, LAYER_IDS } from '../../server/src/model';
import { diagnose, fixAll, parseFile, type DiagnoseOptions, type Finding } from '../../server/src/service';

const SEED = Number(process.env.SRM_FC_SEED ?? '20261201');
const RUNS = Number(process.env.SRM_FC_RUNS ?? '1') || 1;
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * RUNS)) });

/** What a finding is about, independent of where it moved and how its message now reads. */
const about = (f: Finding) => `${f.code} doc ${f.document} workload ${f.workload ?? '-'} layer ${f.layer ?? '-'}`;

function tally(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(about(f), (m.get(about(f)) ?? 0) + 1);
  return m;
}

/** The fix-all contract on one text. */
function checkFixAll(text: string, options: DiagnoseOptions = {}): void {
  const before = diagnose(parseFile(text), options);
  const once = fixAll(text, options);
  const after = diagnose(parseFile(once.text), options);
  const b = tally(before);
  const show = () => `--- before\n${text}\n--- after\n${once.text}`;
  for (const [k, n] of tally(after)) {
    assert.ok(n <= (b.get(k) ?? 0), `fix-all added a finding: ${k} (${n} after, ${b.get(k) ?? 0} before)\n${show()}`);
  }
  const count = (fs: Finding[], code: string) => fs.filter((f) => f.code === code).length;
  assert.ok(count(after, 'duplicate-key') <= count(before, 'duplicate-key'), `fix-all wrote a duplicate key\n${show()}`);
  if (count(before, 'yaml-syntax') === 0) assert.equal(count(after, 'yaml-syntax'), 0, `fix-all broke the YAML\n${show()}`);
  else if (text.split(/\r?\n---\r?\n/).length === 1) assert.equal(once.text, text, `a document with a syntax error is not touched\n${show()}`);
  assert.ok(after.length <= before.length, show());
  const twice = fixAll(once.text, options);
  assert.equal(twice.text, once.text, `a second fix-all changed the text\n--- first\n${once.text}\n--- second\n${twice.text}`);
  assert.equal(twice.applied, 0);
}

/** Misspellings of a layer id as people type them: a dropped or doubled letter, two letters swapped, case, spaces. */
const typoOf = (id: string) =>
  fc.integer({ min: 0, max: id.length - 2 }).chain((i) =>
    fc.constantFrom(
      id.slice(0, i) + id.slice(i + 1),
      id.slice(0, i) + id[i] + id.slice(i),
      id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2),
      id.toUpperCase(),
      id.replace(/-/g, ' '),
      id.replace(/-/g, '_'),
    ),
  );
const SYNONYMS = ['endpoints', 'data center security', 'Physical security', 'identity', 'network', 'os', 'data', 'apps'];

/**
 * Baseline documents a generated file may carry in front, and what its documents select: the built-ins, a custom
 * baseline extending microsoft-2026 (an override, a new layer, a remove), a full aws-style one with its own provider
 * and a column that is not a cloud column, a broken one (a cell naming no party) and a name nothing defines.
 */
const CUSTOM_BASELINES = {
  contract:
    'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: contract\nextends: microsoft-2026\nlayers:\n' +
    '  - id: devices\n    owners: { saas: customer }\n    reason: C-17\n' +
    '  - id: backup-and-recovery\n    label: Backup and recovery\n    after: information-and-data\n    owners: { on-premises: customer, iaas: customer, paas: shared, saas: depends }\n' +
    'remove: [physical-network]\n',
  aws:
    'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: aws\nprovider: { id: aws, label: AWS }\nmodels:\n' +
    '  - { id: infrastructure, label: Infrastructure }\n  - { id: abstracted, label: Abstracted }\n  - { id: outposts, label: Outposts, cloud: false }\nlayers:\n' +
    '  - { id: customer-data, label: Customer data, owners: { infrastructure: customer, abstracted: customer, outposts: customer } }\n' +
    '  - { id: operating-system, label: Operating system, owners: { infrastructure: customer, abstracted: aws, outposts: customer } }\n' +
    '  - { id: physical-hosts, label: Hosts, owners: { infrastructure: aws, abstracted: aws, outposts: customer } }\n',
  broken:
    'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: broken\nextends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: nobody }\n    reason: x\n',
} as const;
const BASELINE_LAYERS = [...new Set([...BUILTIN_BASELINES.flatMap((b) => b.layerIds), 'backup-and-recovery', 'customer-data'])];

const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...LAYER_IDS) },
  { weight: 3, arbitrary: fc.constantFrom(...LAYER_IDS).chain(typoOf) },
  { weight: 1, arbitrary: fc.constantFrom(...SYNONYMS) },
  { weight: 2, arbitrary: fc.constantFrom(...BASELINE_LAYERS) },
);
const party = fc.constantFrom('customer', 'microsoft', 'shared', 'Microsoft', 'CUSTOMER', 'cust', 'msft', 'provider', 'aws');
const assignment = fc.record({ key, party, long: fc.boolean(), comment: fc.constantFrom('', '', ' # keep'), above: fc.constantFrom('', '', '', '# srm-disable-next-line model-mismatch') });
const workload = fc.record({
  name: fc.constantFrom('web', 'db', 'web', 'Web App'),
  model: fc.constantFrom('iaas', 'paas', 'saas', 'on-premises', 'PaaS', 'IaaS', 'abstracted', 'outposts'),
  flow: fc.boolean(),
  items: fc.array(assignment, { maxLength: 14 }),
});
const doc = fc.record({
  crlf: fc.boolean(),
  workloads: fc.array(workload, { minLength: 1, maxLength: 3 }),
  docs: fc.integer({ min: 1, max: 2 }),
  // Most files select no baseline (the default), as before baselines.
  baseline: fc.constantFrom(undefined, undefined, undefined, undefined, 'microsoft-2026', 'microsoft-ai', 'contract', 'aws', 'broken', 'contrat'),
  /** The custom baseline documents in front of the file (the selected one when custom, and maybe another). */
  defines: fc.subarray(Object.keys(CUSTOM_BASELINES) as Array<keyof typeof CUSTOM_BASELINES>, { maxLength: 2 }),
});

type Doc = typeof doc extends fc.Arbitrary<infer T> ? T : never;

function render(d: Doc): string {
  const eol = d.crlf ? '\r\n' : '\n';
  const one = (n: number): string[] => {
    const lines = ['apiVersion: srm/v1', 'kind: ResponsibilityAssignment', 'metadata:', `  name: generated-${n}`];
    if (d.baseline) lines.push(`  baseline: ${d.baseline}`);
    lines.push('workloads:');
    for (const w of d.workloads) {
      lines.push(`  - name: ${w.name}`, `    model: ${w.model}`);
      if (w.flow) {
        lines.push(`    responsibilities: {${w.items.map((a) => `${a.key}: ${a.long ? `{owner: ${a.party}}` : a.party}`).join(', ')}}`);
        continue;
      }
      lines.push('    responsibilities:');
      for (const a of w.items) {
        if (a.above) lines.push(`      ${a.above}`);
        if (a.long) lines.push(`      ${a.key}:${a.comment}`, `        owner: ${a.party}`);
        else lines.push(`      ${a.key}: ${a.party}${a.comment}`);
      }
    }
    return lines;
  };
  const docs: string[] = [];
  const defines = new Set<string>(d.defines);
  if (d.baseline && d.baseline in CUSTOM_BASELINES) defines.add(d.baseline);
  for (const b of defines) docs.push(CUSTOM_BASELINES[b as keyof typeof CUSTOM_BASELINES].trimEnd().replace(/\n/g, eol));
  for (let n = 0; n < d.docs; n++) docs.push(one(n).join(eol));
  return docs.join(`${eol}---${eol}`) + eol;
}

const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join(EXAMPLES_DIR, f), 'utf8'));

/** A fuzzed example: lines dropped, duplicated, or with a layer key or an owner changed. */
const mutation = fc.record({
  line: fc.nat(),
  how: fc.constantFrom('drop', 'duplicate', 'typo-key', 'owner'),
  typo: fc.constantFrom(...LAYER_IDS).chain(typoOf),
  party,
});

function mutate(text: string, muts: Array<{ line: number; how: string; typo: string; party: string }>): string {
  const lines = text.split('\n');
  for (const m of muts) {
    const i = m.line % lines.length;
    const l = lines[i] as string;
    const pair = /^(\s+)([\w-]+):(\s*)(\S.*)?$/.exec(l);
    if (m.how === 'drop') lines.splice(i, 1);
    else if (m.how === 'duplicate') lines.splice(i, 0, l);
    else if (pair && m.how === 'typo-key' && LAYER_IDS.includes(pair[2] as string)) lines[i] = `${pair[1]}${m.typo}:${pair[3]}${pair[4] ?? ''}`;
    else if (pair && m.how === 'owner' && pair[4] && /^(customer|microsoft|shared)\b/.test(pair[4])) lines[i] = `${pair[1]}${pair[2]}: ${m.party}`;
  }
  return lines.join('\n');
}

describe('fix-all composes its fixes', () => {
  it('generated files with typos, synonyms, missing layers and wrong owners: never adds a finding, idempotent', () => {
    fc.assert(fc.property(doc, (d) => checkFixAll(render(d))), runs(250));
  });

  it('the same with every rule at error and suppressions off', () => {
    const options: DiagnoseOptions = { severities: { 'model-mismatch': 'error', 'unassigned-layer': 'error' }, inlineSuppressions: false };
    fc.assert(fc.property(doc, (d) => checkFixAll(render(d), options)), runs(80));
  });

  it('fuzzed examples: never adds a finding, idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, muts) => checkFixAll(mutate(text, muts))),
      runs(200),
    );
  });

  it('the case from the report: a layer typo plus missing layers gives one operating-system key', () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'fix', 'typo-and-missing-layers.srm.yaml'), 'utf8');
    const r = fixAll(text);
    assert.equal(r.text.match(/operating-system:/g)?.length, 1, r.text);
    assert.deepEqual(diagnose(parseFile(r.text)), []);
    assert.deepEqual(r.rejected, []);
    checkFixAll(text);
  });
});
