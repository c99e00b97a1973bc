// The CLI and the language server give the same findings for the same files: both BUILT artifacts, as processes
// (dist/cli.js --format json, dist/server.js --stdio with pull diagnostics), on the examples and fixture trees.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT, copyFixture, copyFixtureTo, fixtureText, json, rm, srm, tree } from './helpers';

const SERVER = path.join(ROOT, 'dist', 'server.js');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  message: string;
  tags?: number[];
}

let proc: ChildProcess | undefined;
let conn: MessageConnection | undefined;
const cleanups: string[] = [];

async function startServer(rootDir: string): Promise<MessageConnection> {
  proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: rootDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const c = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  // Default settings: the CLI has no VS Code settings, only srm.config.yaml, which both read.
  c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  c.onRequest('client/registerCapability', () => null);
  c.onRequest('window/workDoneProgress/create', () => null);
  c.onRequest('workspace/diagnostic/refresh', () => null);
  c.onNotification(() => undefined);
  c.listen();
  await c.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(rootDir).href,
    workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'root' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: false } },
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
    },
  });
  await c.sendNotification('initialized', {});
  return c;
}

async function serverFindings(c: MessageConnection, file: string, text: string): Promise<string[]> {
  const uri = pathToFileURL(file).href;
  await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'srm', version: 1, text } });
  const report = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: LspDiagnostic[] };
  await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return report.items
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`)
    .sort();
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) out.push(full);
  }
  return out;
}

describe('CLI findings equal language server findings', { skip: !fs.existsSync(SERVER) && 'dist/server.js not built' }, () => {
  let dir = '';

  before(async () => {
    // One tree: the examples, the fixture trees (with their srm.config.yaml files), and a suppression sample.
    dir = copyFixture('mixed');
    cleanups.push(dir);
    fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    for (const t of ['config', 'fix']) copyFixtureTo(t, path.join(dir, t));
    fs.writeFileSync(
      path.join(dir, 'suppressed.srm.yaml'),
      fixtureText('mixed/a.srm.yaml').replace(
        '      operating-system: microsoft',
        '      # srm-disable-next-line model-mismatch, no-such-rule\n      operating-system: microsoft',
      ),
    );
    conn = await startServer(dir);
  });

  after(async () => {
    try {
      await conn?.sendRequest('shutdown');
      await conn?.sendNotification('exit');
    } catch {
      // Already gone.
    }
    conn?.dispose();
    proc?.kill();
    cleanups.forEach(rm);
  });

  it('for every file the CLI checks, the same positions, severities, rule ids and messages', async () => {
    const report = json(srm(['lint', '-f', 'json'], { cwd: dir }));
    assert.ok(report.files.length >= 10, `only ${report.files.length} files`);
    let compared = 0;
    for (const f of report.files) {
      const file = path.join(dir, f.path);
      const cli = f.findings
        .map((x) => `${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.severity} ${x.ruleId} ${x.message}`)
        .sort();
      const lsp = await serverFindings(conn!, file, fs.readFileSync(file, 'utf8'));
      assert.deepEqual(lsp, cli, f.path);
      compared += cli.length;
    }
    assert.ok(compared >= 15, `only ${compared} findings compared`);
  });

  it('files the CLI skips (ignored, not responsibility files) get no diagnostics from the server either', async () => {
    const checked = new Set(json(srm(['lint', '-f', 'json'], { cwd: dir })).files.map((f) => path.join(dir, f.path)));
    const skipped = walk(dir).filter((f) => /\.ya?ml$/.test(f) && !checked.has(f) && !f.endsWith('srm.config.yaml'));
    assert.ok(skipped.length >= 3, skipped.join(', '));
    for (const file of skipped) {
      assert.deepEqual(await serverFindings(conn!, file, fs.readFileSync(file, 'utf8')), [], path.relative(dir, file));
    }
  });
});

void tree;
