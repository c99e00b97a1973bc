// The CLI and the language server agree on custom baselines: a generated tree (fixed seed; SRM_PARITY_SEED overrides)
// of baseline files that srm.config.yaml lists (extending built-ins with overrides, new layers and removes, a chain,
// a full aws-style baseline with its own provider and a column that is not a cloud column, a broken one), a folder
// whose own config selects a baseline with `baseline:`, and ~30 assignment files selecting them or the built-ins,
// with random mistakes. Both BUILT artifacts as processes (dist/cli.js --format json, dist/server.js --stdio with pull
// diagnostics): the same positions, severities, rule ids and messages for every file the CLI checks.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DEPENDS, builtinBaseline, type Baseline } from '../../server/src/model';
import { scopeFromSources } from '../../server/src/service';
import { prng } from '../prng';
import { rm, tree } from './helpers';
import { PARITY_SUITE, compareWithCli, startServer, type ParityServer } from './parity-harness';

const SEED = Number(process.env.SRM_PARITY_SEED ?? '20261202');

// ---- the generated tree ----------------------------------------------------------------------------------------

const baselineDoc = (name: string, body: string) => `apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: ${name}\n${body}`;

/** The baseline files: fixed shapes, the cells and reasons drawn from the seed. */
function baselineFiles(rand: () => number): Record<string, string> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const party = () => pick(['customer', 'microsoft', 'shared']);
  const reason = () => (rand() < 0.8 ? `    reason: Contract C-${Math.floor(rand() * 90) + 10}\n` : ''); // sometimes none: a warning
  const contract =
    'extends: microsoft-2026\nlayers:\n' +
    `  - id: devices\n    owners: { saas: ${party()} }\n${reason()}` +
    `  - id: operating-system\n    owners: { iaas: ${party()}, paas: ${party()} }\n${reason()}` +
    `  - id: backup-and-recovery\n    label: Backup and recovery\n    after: ${pick(['information-and-data', 'devices', 'physical-hosts'])}\n` +
    `    owners: { on-premises: customer, iaas: ${party()}, paas: ${party()}, saas: ${party()} }\n` +
    `remove: [${pick(['physical-network', 'network-controls', 'physical-datacenter'])}]\n`;
  const contract2 = `extends: contoso-contract\nlayers:\n  - id: applications\n    owners: { saas: ${party()} }\n    reason: Amendment 2\n  - id: key-management\n    label: Key management\n    owners: { on-premises: customer, iaas: customer, paas: ${party()}, saas: ${pick(['shared', 'depends'])} }\n`;
  const ai = `extends: microsoft-ai\nlayers:\n  - id: model-tuning\n    owners: { paas: ${party()} }\n    reason: We tune our own deployments\n  - id: ai-compute-infrastructure\n    owners: { iaas: microsoft }\n${reason()}`;
  const cell = () => pick(['customer', 'aws', 'shared', 'depends']);
  const awsLayers = ['customer-data', 'identity-and-access', 'operating-system', 'platform', 'global-infrastructure']
    .map((id, i) => {
      const hw = i === 4;
      const owners = hw ? '{ infrastructure: aws, container: aws, abstracted: aws, outposts: customer }' : i === 0 ? '{ infrastructure: customer, container: customer, abstracted: customer, outposts: customer }' : `{ infrastructure: ${cell()}, container: ${cell()}, abstracted: ${cell()}, outposts: customer }`;
      return `  - id: ${id}\n    label: ${id.replace(/-/g, ' ')}\n${i === 0 ? '    group: Always the customer\'s\n' : ''}    owners: ${owners}\n`;
    })
    .join('');
  const aws =
    'provider: { id: aws, label: Amazon Web Services }\nmodels:\n' +
    '  - { id: infrastructure, label: "Infrastructure services (EC2, EBS, VPC)" }\n' +
    '  - { id: container, label: "Container services (RDS)" }\n' +
    '  - { id: abstracted, label: "Abstracted services (S3, DynamoDB)" }\n' +
    '  - { id: outposts, label: On our premises, cloud: false }\n' +
    `layers:\n${awsLayers}`;
  const broken =
    `${baselineDoc('broken-cycle-a', 'extends: broken-cycle-b\nlayers: []\n')}---\n${baselineDoc('broken-cycle-b', 'extends: broken-cycle-a\nlayers: []\n')}---\n` +
    baselineDoc('broken-cells', `extends: microsoft-diagram\nlayers:\n  - id: devices\n    owners: { saas: ${pick(['nobody', 'aws', 'custmer'])}, cloud: customer }\n    reason: x\n  - id: new-layer\n    owners: { saas: customer }\n`) +
    `---\n${baselineDoc('broken-extends', 'extends: microsoft-2025\nlayers: []\n')}`;
  return {
    'baselines/contoso-contract.yaml': `# The contract: the 2026 table amended.\n${baselineDoc('contoso-contract', contract)}`,
    'baselines/contracts/amendment.baseline.yaml': baselineDoc('contoso-contract-2', contract2),
    'baselines/ai.yaml': baselineDoc('ai-contract', ai),
    'baselines/aws.yaml': baselineDoc('aws-service-classes', aws),
    'baselines/broken.yaml': broken,
    'team/team.baseline.srm.yaml': baselineDoc('team-baseline', `extends: microsoft-diagram\nlayers:\n  - id: applications\n    owners: { saas: ${party()} }\n    reason: The team runs its own SaaS add-ins\n`),
  };
}

const SELECTIONS = [
  undefined, // the default (or, under team/, the team config's baseline:)
  'microsoft-diagram',
  'microsoft-2026',
  'microsoft-ai',
  'contoso-contract',
  'contoso-contract-2',
  'ai-contract',
  'aws-service-classes',
  'aws-service-classes',
  'broken-cells',
  'broken-cycle-a',
  'contoso-contrat', // unknown: did you mean
];

/** One assignment file: 1-3 documents, each selecting a baseline, its workloads complete but for random mistakes. */
function assignmentFile(rand: () => number, n: number, resolve: (id: string | undefined) => Baseline, inTeam: boolean): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const docs: string[] = [];
  const count = rand() < 0.2 ? 2 : 1;
  for (let d = 0; d < count; d++) {
    const sel = pick(SELECTIONS);
    const b = resolve(sel ?? (inTeam ? 'team-baseline' : undefined));
    const lines = ['apiVersion: srm/v1', 'kind: ResponsibilityAssignment', 'metadata:', `  name: generated-${n}-${d}`];
    if (sel) lines.push(`  baseline: ${sel}`);
    lines.push('teams:', '  - id: secops', 'workloads:');
    const workloads = 1 + Math.floor(rand() * 2);
    for (let w = 0; w < workloads; w++) {
      const model = rand() < 0.08 ? pick(['on-premises', 'iaas', 'cloud', 'outposts']) : pick(b.columnIds);
      lines.push(`  - name: w${w}`, `    model: ${model}`);
      const flow = rand() < 0.15;
      const entries: string[] = [];
      for (const l of b.layers) {
        const r = rand();
        if (r < 0.06) continue; // left out
        let key = l.id;
        let owner = b.cell(l.id, model) ?? pick(b.parties);
        if (owner === DEPENDS) owner = pick(b.parties);
        if (r < 0.16) owner = pick([...b.parties, 'microsoft', 'aws', 'Customer']); // maybe wrong, maybe another provider
        else if (r < 0.19) key = `${l.id.slice(0, -1)}`; // a typo
        else if (r < 0.21) key = pick(['identity-and-directory-infrastructure', 'configurations-and-settings', 'devices', 'data-governance']); // another baseline's layer
        const long = !flow && rand() < 0.15;
        entries.push(long ? `${key}:\n        owner: ${owner}\n        team: ${pick(['secops', 'secops', 'secops', 'secops', 'nobody'])}` : `${key}: ${owner}`);
      }
      if (rand() < 0.05 && entries.length > 0) entries.push(entries[0]!.split('\n')[0]!.replace(/:.*$/, ': customer')); // a duplicate key
      if (flow) lines.push(`    responsibilities: { ${entries.filter((e) => !e.includes('\n')).join(', ')} }`);
      else lines.push('    responsibilities:', ...entries.map((e) => `      ${e}`));
      if (rand() < 0.1) lines.splice(lines.length - 1, 0, '      # srm-disable-next-line model-mismatch -- generated');
    }
    docs.push(lines.join('\n') + '\n');
  }
  return docs.join('---\n');
}

function generatedTree(seed: number): Record<string, string> {
  const rand = prng(seed);
  const files = baselineFiles(rand);
  files['srm.config.yaml'] = 'baselines:\n  - "baselines/*.yaml"\n  - "baselines/contracts/**/*.baseline.yaml"\n';
  files['team/srm.config.yaml'] = 'baselines: ["*.baseline.srm.yaml", "missing/*.yaml"]\nbaseline: team-baseline\nrules:\n  model-mismatch: error\n';
  const rootScope = scopeFromSources(
    Object.entries(files)
      .filter(([p]) => p.startsWith('baselines/'))
      .map(([p, text]) => ({ source: p, text })),
  );
  const teamScope = scopeFromSources([{ source: 'team', text: files['team/team.baseline.srm.yaml']! }]);
  for (let n = 0; n < 30; n++) {
    const inTeam = n % 5 === 4;
    const scope = inTeam ? teamScope : rootScope;
    const resolve = (id: string | undefined): Baseline => {
      const b = builtinBaseline(id ?? 'microsoft-diagram');
      if (b) return b;
      const r = scope.resolve(id as string);
      return r.ok ? r.baseline : (builtinBaseline('microsoft-diagram') as Baseline);
    };
    const text = assignmentFile(rand, n, resolve, inTeam);
    files[`${inTeam ? 'team/' : n % 3 === 0 ? 'apps/' : ''}generated-${String(n).padStart(2, '0')}.srm.yaml`] = text;
  }
  // Fixed cases beside the random ones: the provider-only rule of the aws-style baseline, a suppression under it.
  files['apps/aws-fixed.srm.yaml'] =
    'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: aws-fixed\n  baseline: aws-service-classes\nworkloads:\n' +
    '  - name: w\n    model: abstracted\n    responsibilities:\n      customer-data: aws\n      global-infrastructure: customer\n' +
    '      # srm-disable-next-line customer-only-duty -- generated\n      customer-data: shared\n' +
    '  - name: v\n    model: outposts\n    responsibilities: { global-infrastructure: aws, platform: microsoft }\n';
  // A file with its own baseline document, shadowing a listed name, and documents selecting it.
  files['local.srm.yaml'] =
    `${baselineDoc('contoso-contract', 'extends: microsoft-diagram\nlayers:\n  - id: devices\n    owners: { saas: shared }\n    reason: the local one wins\n')}---\n` +
    'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: local\n  baseline: contoso-contract\nworkloads:\n  - name: w\n    model: saas\n    responsibilities:\n      devices: microsoft\n';
  return files;
}

describe('CLI findings equal language server findings on generated custom-baseline files', PARITY_SUITE, () => {
  let dir = '';
  let server: ParityServer | undefined;

  before(async () => {
    dir = tree(generatedTree(SEED));
    server = await startServer(dir);
  });

  after(async () => {
    await server?.stop();
    if (dir) rm(dir);
  });

  it('the generator is deterministic', () => {
    assert.deepEqual(generatedTree(SEED), generatedTree(SEED));
    assert.notDeepEqual(generatedTree(SEED), generatedTree(SEED + 1));
  });

  /** Lints the tree with the CLI and asks the server for each file it checks; returns what both saw. */
  async function compareAll(): Promise<{ files: number; compared: number; rules: Set<string>; messages: string[]; stderr: string }> {
    const { report, stderr, compared, mismatches } = await compareWithCli(server!, dir);
    assert.deepEqual(mismatches, [], mismatches.slice(0, 3).join('\n\n'));
    const findings = report.files.flatMap((f) => f.findings);
    return { files: report.files.length, compared, rules: new Set(findings.map((x) => x.ruleId)), messages: findings.map((x) => x.message), stderr };
  }

  it('for every file the CLI checks (assignments and baseline files), the same positions, severities, rule ids and messages', async () => {
    const { files, compared, rules, stderr } = await compareAll();
    // The team config's glob that matches nothing is reported once, on stderr.
    assert.match(stderr, /team\/srm\.config\.yaml: baselines: "missing\/\*\.yaml" matches no file/);
    assert.ok(files >= 35, `only ${files} files`);
    assert.ok(compared >= 60, `only ${compared} findings compared`);
    // The generated mistakes reach the baseline rules, not just the schema.
    for (const id of ['invalid-baseline', 'unknown-baseline', 'schema', 'model-mismatch', 'customer-only-duty', 'provider-only-duty', 'unassigned-layer']) {
      assert.ok(rules.has(id), `no ${id} among ${[...rules].join(', ')}`);
    }
  });

  it('after a listed baseline file changes on disk (and the editor says so), they agree again', async () => {
    const file = path.join(dir, 'baselines', 'contoso-contract.yaml');
    // contoso-contract now extends the diagram and has a bad cell: its documents and contoso-contract-2's get an
    // invalid-baseline naming this file.
    fs.writeFileSync(
      file,
      baselineDoc('contoso-contract', 'extends: microsoft-diagram\nlayers:\n  - id: devices\n    owners: { saas: shared, paas: nobody }\n    reason: changed on disk\n'),
    );
    await server!.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    const { messages } = await compareAll();
    assert.ok(messages.some((m) => m.includes(`Baseline "contoso-contract" has errors: ${file}:8:35: "nobody" is not a party of this baseline.`)), messages.filter((m) => m.includes('contoso')).join('\n'));
  });
});
