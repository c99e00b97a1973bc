// The repository as one policy (issue 14): a deterministic repository of 2,000 files (a team registry, a custom
// baseline, configs, 5–40 workloads each; team "shared-ops" named by 500 files) checked by the language server's
// workspace index, against `srm lint --jobs 1` of the same tree and the floor (a bare parse + schema validation of
// every file). Measured, in one run: the first full index (to the first workspace/diagnostic answer) and the peak RSS
// with the workspace indexed; definition, references and workspace symbols p95; a rename of shared-ops over the 500
// files; a registry edited on disk to an open dependent re-diagnosed. Run by bench/run.ts; alone:
// node --import tsx bench/workspace.ts
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { stats } from './common';
import { floorCheck, makeFloor } from './floor';
import { f1, median } from './format';
import { generate } from './generate';
import { root, work } from './options';

const FILES = 2000;
const SHARED = 'shared-ops';

const REGISTRY = (extra: string[]) =>
  [
    'apiVersion: srm/v1',
    'kind: TeamRegistry',
    'metadata:',
    '  name: bench-teams',
    'teams:',
    `  - id: ${SHARED}`,
    '    name: Shared operations',
    ...Array.from({ length: 40 }, (_, i) => `  - id: team-${i + 1}\n    name: Team ${i + 1}`),
    ...extra,
    '',
  ].join('\n');

const BASELINE = `apiVersion: srm/v1
kind: ResponsibilityBaseline
metadata:
  name: bench-contract
extends: microsoft-diagram
layers:
  - id: operating-system
    owners: { iaas: shared }
    reason: The provider patches guest images (bench)
`;

/** The generated file without its own teams (they come from the registry); every 4th names shared-ops as owner. */
function file(i: number): string {
  let text = generate(5 + (i % 36), { seed: 5000 + i, mistakes: 0.02, teams: 3 });
  text = text.replace(/\nteams:\n(?: {2}- id: .*\n(?: {4}.*\n)*)*/, '\n');
  if (i % 4 === 0) text = text.replace(/\n {2}owner: team-1\n/, `\n  owner: ${SHARED}\n`);
  return text;
}

interface Tree {
  dir: string;
  files: string[];
  bytes: number;
}

function makeRepo(): Tree {
  const dir = path.join(work, 'repo');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'registry'), { recursive: true });
  mkdirSync(path.join(dir, 'baselines'), { recursive: true });
  writeFileSync(path.join(dir, 'srm.config.yaml'), 'teams: ["registry/*.srm.yaml"]\nbaselines: ["baselines/*.srm.yaml"]\n');
  writeFileSync(path.join(dir, 'registry', 'teams.srm.yaml'), REGISTRY([]));
  writeFileSync(path.join(dir, 'baselines', 'contract.srm.yaml'), BASELINE);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(dir, 'apps', `unit-${i % 20}`);
    mkdirSync(sub, { recursive: true });
    const p = path.join(sub, `app-${i}.srm.yaml`);
    const text = file(i);
    bytes += text.length;
    writeFileSync(p, text);
    files.push(p);
  }
  return { dir, files, bytes };
}

function rssOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Position (0-based) of the first occurrence of `needle` in `text`, plus `delta` characters. */
function pos(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

export async function workspaceBench(): Promise<string> {
  const repo = makeRepo();
  const cli = path.join(root, 'dist/cli.js');
  // srm lint, one thread, the same tree (median of 3).
  const lintRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [cli, 'lint', '--jobs', '1', '-f', 'json', '-o', path.join(work, 'repo-lint.json')], { cwd: repo.dir });
    lintRuns.push(performance.now() - t);
  }
  const lintMs = median(lintRuns);
  // The floor: parse + schema validation of every file, in process.
  const floor = makeFloor(JSON.parse(readFileSync(path.join(root, 'schemas/baselines/microsoft-diagram.schema.json'), 'utf8')));
  const texts = repo.files.map((f) => readFileSync(f, 'utf8'));
  const tf = performance.now();
  for (const t of texts) floorCheck(floor, t);
  const floorMs = performance.now() - tf;

  const proc = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr?.on('data', () => undefined);
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const folder = pathToFileURL(repo.dir).href;
  const published = new Map<string, Array<{ code?: unknown }>>();
  let onPublish: (() => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code?: unknown }> }) => {
    published.set(p.uri, p.diagnostics);
    onPublish?.();
  });
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ maxFileSize: 100_000_000 })));
  conn.onRequest('workspace/workspaceFolders', () => [{ uri: folder, name: 'repo' }]);
  conn.onRequest(() => null);
  conn.listen();
  const capabilities = {
    workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: false } },
    textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true }, rename: { prepareSupport: true } },
  };
  const lines: string[] = [];
  try {
    const t0 = performance.now();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: folder, capabilities, workspaceFolders: [{ uri: folder, name: 'repo' }] });
    await conn.sendNotification('initialized', {});
    // The first full index: workspace/diagnostic answers once every file is read and checked.
    const report = (await conn.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: unknown[] };
    const indexMs = performance.now() - t0;
    const rss = rssOf(proc.pid as number);

    const a = repo.files[0] as string;
    const aText = readFileSync(a, 'utf8');
    const aUri = pathToFileURL(a).href;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: aUri, languageId: 'srm', version: 1, text: aText } });
    await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: aUri } });
    const at = pos(aText, `owner: ${SHARED}`, 'owner: '.length + 2);
    const timed = async (n: number, f: () => Promise<unknown>): Promise<{ p95: number; last: unknown }> => {
      const xs: number[] = [];
      let last: unknown;
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        last = await f();
        xs.push(performance.now() - t);
      }
      return { p95: stats(xs).p95, last };
    };
    const def = await timed(20, () => conn.sendRequest('textDocument/definition', { textDocument: { uri: aUri }, position: at }));
    const refs = await timed(20, () => conn.sendRequest('textDocument/references', { textDocument: { uri: aUri }, position: at, context: { includeDeclaration: true } }));
    const syms = await timed(20, () => conn.sendRequest('workspace/symbol', { query: 'payroll-api' }));
    const refCount = Array.isArray(refs.last) ? refs.last.length : 0;
    const symCount = Array.isArray(syms.last) ? syms.last.length : 0;
    const tr = performance.now();
    const edit = (await conn.sendRequest('textDocument/rename', { textDocument: { uri: aUri }, position: at, newName: 'shared-operations' })) as {
      changes?: Record<string, unknown[]>;
      documentChanges?: unknown[];
    } | null;
    const renameMs = performance.now() - tr;
    const renamed = edit ? Object.keys(edit.changes ?? {}).length + (edit.documentChanges?.length ?? 0) : 0;

    // The registry edited on disk (shared-ops removed): the open dependent is re-diagnosed with unknown-team.
    const reg = path.join(repo.dir, 'registry', 'teams.srm.yaml');
    writeFileSync(reg, REGISTRY([]).replace(`  - id: ${SHARED}\n    name: Shared operations\n`, ''));
    published.delete(aUri);
    const tw = performance.now();
    const pulled = new Promise<void>((resolve) => {
      const check = async (): Promise<void> => {
        const r = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: aUri } })) as { items?: Array<{ code?: unknown }> };
        if (r.items?.some((d) => d.code === 'unknown-team')) resolve();
        else setTimeout(() => void check(), 5);
      };
      void check();
    });
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(reg).href, type: 2 }] });
    await pulled;
    const watchMs = performance.now() - tw;

    const ok = (v: boolean) => (v ? 'yes' : '**no**');
    lines.push(
      `## A repository as one policy: ${FILES} files, the server's workspace index`,
      '',
      `${FILES} generated files (${(repo.bytes / 1024 / 1024).toFixed(1)} MB; 5–40 workloads each; their teams from one registry; a custom baseline listed by the config; "${SHARED}" named by ${FILES / 4} files). Pull client; one run.`,
      '',
      '| figure | measured | reference | ratio | target | holds |',
      '| --- | ---: | ---: | ---: | --- | --- |',
      `| first full index (to the first workspace/diagnostic, ${report.items.length} reports) | ${f1(indexMs)} ms | srm lint --jobs 1: ${f1(lintMs)} ms | ${(indexMs / lintMs).toFixed(2)}× | ≤ 1.5× | ${ok(indexMs <= 1.5 * lintMs)} |`,
      `| peak RSS, workspace indexed | ${f1(rss)} MB | | | ≤ 500 MB | ${ok(rss <= 500)} |`,
      `| definition p95 (team → registry) | ${f1(def.p95)} ms | | | ≤ 50 ms | ${ok(def.p95 <= 50)} |`,
      `| references p95 (${refCount} locations) | ${f1(refs.p95)} ms | | | ≤ 50 ms | ${ok(refs.p95 <= 50)} |`,
      `| workspace symbols p95 (${symCount} results) | ${f1(syms.p95)} ms | | | ≤ 50 ms | ${ok(syms.p95 <= 50)} |`,
      `| rename "${SHARED}" (${renamed} files edited) | ${f1(renameMs)} ms | | | ≤ 1,000 ms | ${ok(renameMs <= 1000 && renamed >= FILES / 4)} |`,
      `| registry edited on disk → open dependent re-diagnosed | ${f1(watchMs)} ms | | | ≤ 300 ms | ${ok(watchMs <= 300)} |`,
      `| floor: parse + schema validation of every file, in process | ${f1(floorMs)} ms | srm lint --jobs 1: ${f1(lintMs)} ms | lint / floor ${(lintMs / floorMs).toFixed(2)}× | | |`,
      '',
    );
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } finally {
    proc.kill();
    conn.dispose();
  }
  return lines.join('\n');
}

if (import.meta.filename === process.argv[1]) void workspaceBench().then((s) => process.stdout.write(`${s}\n`));
