// The Red Hat YAML extension's engine (yaml-language-server, a devDependency) with the committed
// schemas/srm.schema.json, given by file URI in `yaml.schemas`: it must be exact under each built-in baseline, for
// baseline documents, and open for custom baselines (spec/baselines.md, "The JSON Schemas"). Offline: the schema
// store and the Kubernetes CRD store are off, so the only schema it loads is ours.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { CLEAN, EXAMPLES, MISTAKES, ROOT } from './harness';

const SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA_URI = pathToFileURL(path.join(ROOT, 'schemas', 'srm.schema.json')).href;
const DEADLINE_MS = 20_000 * (Number(process.env.SRM_TEST_TIME_SCALE ?? '1') || 1);

const YAML_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  schemas: { [SCHEMA_URI]: ['*.srm.yaml'] },
  schemaStore: { enable: false, url: '' },
  kubernetesCRDStore: { enable: false },
  yamlVersion: '1.2',
};

interface YamlLs {
  child: ChildProcess;
  rpc: MessageConnection;
  dir: string;
  stderr: string;
  logs: string[];
  /** Every section the server asked for with workspace/configuration. */
  asked: string[];
  publishes: Map<string, PublishDiagnosticsParams[]>;
  waiters: Map<string, Array<(p: PublishDiagnosticsParams) => void>>;
}

let ls: YamlLs;
let version = 1;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}\nstderr: ${ls?.stderr}\nlogs: ${ls?.logs.join('\n')}`)), DEADLINE_MS);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-yaml-ls-'));
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  ls = { child, rpc, dir, stderr: '', logs: [], asked: [], publishes: new Map(), waiters: new Map() };
  child.stderr?.on('data', (d: Buffer) => {
    if (ls.stderr.length < 100_000) ls.stderr += d.toString();
  });
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    ls.publishes.set(p.uri, [...(ls.publishes.get(p.uri) ?? []), p]);
    const ws = ls.waiters.get(p.uri) ?? [];
    ls.waiters.delete(p.uri);
    for (const w of ws) w(p);
  });
  rpc.onNotification('window/logMessage', (p: { message: string }) => {
    ls.logs.push(p.message);
  });
  rpc.onNotification(() => undefined);
  rpc.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
    p.items.map((i) => {
      ls.asked.push(i.section ?? '');
      return i.section === 'yaml' ? YAML_SETTINGS : i.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {};
    }),
  );
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onRequest('client/unregisterCapability', () => null);
  rpc.onRequest('window/workDoneProgress/create', () => null);
  rpc.onRequest('workspace/codeLens/refresh', () => null);
  rpc.listen();
  const rootUri = pathToFileURL(dir).href;
  await withTimeout(
    rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'srm' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false } },
        },
      },
    }),
    'initialize',
  );
  await rpc.sendNotification('initialized', {});
  // The server pulls its settings after `initialized`; documents are opened only once it has them (a settings
  // change revalidates open documents anyway, but then a first publish could come from before the schema was set).
  const end = Date.now() + DEADLINE_MS;
  while (!ls.asked.includes('yaml')) {
    if (Date.now() > end) throw new Error(`yaml-language-server never asked for its settings\n${ls.stderr}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 100));
});

after(async () => {
  if (!ls) return;
  try {
    await Promise.race([ls.rpc.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await ls.rpc.sendNotification('exit').catch(() => undefined);
  } catch {
    // already gone
  }
  ls.rpc.dispose();
  setTimeout(() => {
    if (ls.child.exitCode === null) ls.child.kill('SIGKILL');
  }, 1000).unref();
  fs.rmSync(ls.dir, { recursive: true, force: true });
});

/** Opens `text` as `<name>.srm.yaml` and resolves with yaml-language-server's diagnostics for it. */
async function diagnose(name: string, text: string): Promise<Diagnostic[]> {
  const uri = pathToFileURL(path.join(ls.dir, `${name}.srm.yaml`)).href;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    ls.waiters.set(uri, [...(ls.waiters.get(uri) ?? []), resolve]);
  });
  await ls.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: version++, text } });
  const p = await withTimeout(published, `diagnostics for ${name}`);
  // The document was validated against our schema, loaded from its file URI.
  const schemas = (await ls.rpc.sendRequest('yaml/get/jsonSchema', uri)) as Array<{ uri: string }>;
  assert.deepEqual(
    schemas.map((s) => s.uri),
    [SCHEMA_URI],
    `${name}: the schema yaml-language-server used`,
  );
  await ls.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return p.diagnostics;
}

const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const show = (ds: Diagnostic[]) => JSON.stringify(ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${message(d)}`));

/** The non-blank lines of `text`, without their common indentation. */
function dedent(text: string): string[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const indent = Math.min(...lines.map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent));
}

const assignment = (baseline: string | undefined, model: string, responsibilities: string) =>
  [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  name: yaml-ls-check',
    ...(baseline ? [`  baseline: ${baseline}`] : []),
    'workloads:',
    '  - name: app',
    `    model: ${model}`,
    '    responsibilities:',
    ...dedent(responsibilities).map((l) => `      ${l}`),
    '',
  ].join('\n');

const m2026Clean = dedent(`
  information-and-data: customer
  configurations-and-settings: customer
  accounts-and-identities: customer
  devices: shared
  applications: shared
  network-controls: microsoft
  operating-system: microsoft
  physical-hosts: microsoft
  physical-network: microsoft
  physical-datacenter: microsoft
`).join('\n');

function unknownProperty(ds: Diagnostic[], key: string): void {
  assert.equal(ds.length, 1, show(ds));
  assert.match(message(ds[0]!), new RegExp(`${key}.*not allowed`, 'i'), show(ds));
}

test('yaml-language-server: a microsoft-2026 document with devices: shared under saas and configurations-and-settings is clean', async () => {
  const ds = await diagnose('m2026-clean', assignment('microsoft-2026', 'saas', m2026Clean));
  assert.deepEqual(ds, [], show(ds));
});

test('yaml-language-server: identity-and-directory-infrastructure under microsoft-2026 is one unknown property', async () => {
  const ds = await diagnose('m2026-idi', assignment('microsoft-2026', 'saas', `${m2026Clean}\nidentity-and-directory-infrastructure: shared`));
  unknownProperty(ds, 'identity-and-directory-infrastructure');
});

test('yaml-language-server: the default baseline stays exact: configurations-and-settings is one unknown property', async () => {
  const ds = await diagnose('default-config', assignment(undefined, 'saas', 'information-and-data: customer\nconfigurations-and-settings: customer'));
  unknownProperty(ds, 'configurations-and-settings');
  const explicit = await diagnose('diagram-config', assignment('microsoft-diagram', 'paas', 'configurations-and-settings: customer'));
  unknownProperty(explicit, 'configurations-and-settings');
  const idi = await diagnose('default-idi', assignment(undefined, 'paas', 'identity-and-directory-infrastructure: shared'));
  assert.deepEqual(idi, [], show(idi));
});

test('yaml-language-server: the clean examples are clean and the one with mistakes is not (default baseline)', async () => {
  for (const f of CLEAN) {
    const ds = await diagnose(`example-${path.basename(f, '.srm.yaml')}`, fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));
    assert.deepEqual(ds, [], `${f}: ${show(ds)}`);
  }
  const ds = await diagnose('example-mistakes', fs.readFileSync(path.join(EXAMPLES, MISTAKES), 'utf8'));
  assert.ok(ds.length > 0);
});

test('yaml-language-server: a microsoft-ai document with AI layers is clean; a diagram layer or model there is not', async () => {
  const ai = dedent(`
    user-training-and-accountability: customer
    model-tuning: microsoft
    ai-compute-infrastructure:
      owner: microsoft
      notes: Azure AI runs the accelerators
  `).join('\n');
  const ds = await diagnose('ai-clean', assignment('microsoft-ai', 'paas', ai));
  assert.deepEqual(ds, [], show(ds));
  unknownProperty(await diagnose('ai-os', assignment('microsoft-ai', 'paas', `${ai}\noperating-system: microsoft`)), 'operating-system');
  const onPrem = await diagnose('ai-on-premises', assignment('microsoft-ai', 'on-premises', ai));
  assert.equal(onPrem.length, 1, show(onPrem));
});

const baselineDoc = (extra: string) =>
  `apiVersion: srm/v1
kind: ResponsibilityBaseline
metadata:
  name: contoso-contract
  description: Microsoft's 2026 matrix under our MSP contract
  source: https://contoso.example/contracts/c-17
extends: microsoft-2026
${extra}layers:
  - id: devices
    owners: { saas: customer }
    reason: Contoso runs endpoint protection itself (contract C-17)
  - id: backup-and-recovery
    label: Backup and recovery
    after: information-and-data
    owners: { on-premises: customer, iaas: customer, paas: customer, saas: customer }
remove: [physical-network]
`;

test('yaml-language-server: a baseline document with extends is clean; with extends and provider it is one problem', async () => {
  const ds = await diagnose('baseline-extends', baselineDoc(''));
  assert.deepEqual(ds, [], show(ds));
  const both = await diagnose('baseline-extends-provider', baselineDoc('provider: { id: contoso, label: Contoso }\n'));
  assert.equal(both.length, 1, show(both));
  assert.match(message(both[0]!), /provider/i, show(both));
});

test('yaml-language-server: a baseline document of its own (provider, models) is clean; without provider it is not', async () => {
  const own = `apiVersion: srm/v1
kind: ResponsibilityBaseline
metadata:
  name: aws-service-classes
provider: { id: aws, label: Amazon Web Services }
models:
  - { id: infrastructure, label: Infrastructure services }
  - { id: abstracted, label: Abstracted services, cloud: true }
layers:
  - id: customer-data
    label: Customer data
    group: Always the customer's
    owners: { infrastructure: customer, abstracted: customer }
`;
  const ds = await diagnose('baseline-own', own);
  assert.deepEqual(ds, [], show(ds));
  const missing = await diagnose('baseline-own-no-provider', own.replace(/^provider:.*\n/m, ''));
  assert.equal(missing.length, 1, show(missing));
});

test('yaml-language-server: under a custom baseline layers, parties and models are open, the shape is still closed', async () => {
  const custom = (extra = '') =>
    `${baselineDoc('')}---
${assignment('contoso-contract', 'infrastructure', 'backup-and-recovery: aws\ndevices:\n  owner: customer\n  team: ops')}${extra}`;
  const ds = await diagnose('custom-clean', custom());
  assert.deepEqual(ds, [], show(ds));
  unknownProperty(await diagnose('custom-extra-key', custom('extra: 1\n')), 'extra');
});

test('yaml-language-server: completion follows the selected baseline (microsoft-2026 layers, not the diagram\'s)', async () => {
  const text = `${assignment('microsoft-2026', 'saas', 'information-and-data: customer')}      `;
  const uri = pathToFileURL(path.join(ls.dir, 'complete-2026.srm.yaml')).href;
  await ls.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: version++, text } });
  const lines = text.split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  const r = (await withTimeout(ls.rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position }), 'completion')) as
    | { items: Array<{ label: string }> }
    | Array<{ label: string }>;
  await ls.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const labels = (Array.isArray(r) ? r : r.items).map((i) => i.label);
  assert.ok(labels.includes('configurations-and-settings'), labels.join(', '));
  assert.ok(!labels.includes('identity-and-directory-infrastructure'), labels.join(', '));
  assert.ok(!labels.includes('information-and-data'), 'a key already there is not offered again');
});
