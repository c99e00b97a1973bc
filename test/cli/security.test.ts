// Security: the bundles reach no network or process module except the transport code named below, and at run time
// the server and the CLI open no socket, spawn nothing and write no file (the CLI only with --fix / --output).
//
// The honest account of `net` and `child_process` in the bundles (checked statically below, section by section):
// - dist/server.js: `net` comes from vscode-jsonrpc's node transports (pipe/socket, used only when the server is
//   started with --pipe/--socket; VS Code and this project start it with IPC or --stdio), and `child_process` from
//   vscode-languageserver's `Files` helpers (global module path resolution), which the server never calls. The run
//   below proves neither is used: the server works a full session over stdio with every socket, spawn and write
//   trapped.
// - dist/client.js: vscode-languageclient forks the language server (`dist/server.js` of the extension itself, over
//   IPC: client/src/extension.ts) and kills it on Windows with taskkill; `net` is again the transport code. The
//   client never runs anything from the workspace: the server module path is fixed, not read from a setting.
// - dist/cli.js: none of them, except `worker_threads` in server/src/cli/pool.ts: `srm lint`'s pool of worker threads,
//   which runs dist/cli.js itself (the bundle's own file, never a path from the command line or the workspace).
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const BUNDLES = [
  { file: 'server.js', entry: 'server/src/lsp/main.ts' },
  { file: 'client.js', entry: 'client/src/extension.ts' },
  { file: 'cli.js', entry: 'server/src/cli/main.ts' },
] as const;

const FORBIDDEN = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'child_process', 'cluster', 'worker_threads', 'inspector'];
/** Exactly where each bundle may require a forbidden module (the module section of the bundle, by its path). */
const ALLOWED: Record<string, Array<{ module: string; in: RegExp }>> = {
  'server.js': [
    { module: 'net', in: /node_modules\/(?:.*\/)?vscode-jsonrpc\/lib\/node\/main\.js$/ },
    { module: 'child_process', in: /node_modules\/vscode-languageserver\/lib\/node\/files\.js$/ },
  ],
  'client.js': [
    { module: 'net', in: /node_modules\/(?:.*\/)?vscode-jsonrpc\/lib\/node\/main\.js$/ },
    { module: 'child_process', in: /node_modules\/vscode-languageclient\/lib\/node\/(?:main|processes)\.js$/ },
  ],
  'cli.js': [{ module: 'worker_threads', in: /^server\/src\/cli\/pool\.ts$/ }],
};

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The bundles must reflect the sources: build when one is missing or older than the newest source. */
function ensureBuilt(): void {
  const sources = Math.max(...['server/src', 'client/src', 'shared'].filter((d) => existsSync(join(ROOT, d))).map((d) => newestSource(join(ROOT, d))));
  const stale = BUNDLES.some((b) => existsSync(join(ROOT, b.entry)) && (!existsSync(join(DIST, b.file)) || statSync(join(DIST, b.file)).mtimeMs < sources));
  if (stale) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/** Splits an unminified esbuild bundle into its module sections (`// node_modules/x/y.js` markers). */
function sections(code: string): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const marker = /^\/\/ ((?:node_modules|server|client|shared)\/[^\n]+)$/gm;
  let last = { name: '(bundle prelude)', at: 0 };
  for (let m = marker.exec(code); m; m = marker.exec(code)) {
    out.push({ name: last.name, text: code.slice(last.at, m.index) });
    last = { name: m[1] as string, at: m.index };
  }
  out.push({ name: last.name, text: code.slice(last.at) });
  return out;
}

/** A preload that traps every socket, spawn, fetch and file write, logging it to SRM_TRAP_LOG (and throwing). */
const PRELOAD = String.raw`
'use strict';
const fs = require('fs');
const path = require('path');
const log = process.env.SRM_TRAP_LOG;
const allow = (process.env.SRM_ALLOW_WRITE_UNDER || '').split(path.delimiter).filter(Boolean).map((p) => path.resolve(p));
// The log is opened once, before anything is patched (appendFileSync itself goes through fs.writeFileSync).
const logFd = log ? fs.openSync(log, 'a') : -1;
const writeSync = fs.writeSync;
function trap(what) {
  try { writeSync(logFd, what + '\n'); } catch {}
  throw new Error('srm security test: ' + what + ' is not allowed');
}
function wrap(obj, name, label, check) {
  const orig = obj && obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = function (...args) {
    if (!check || check(args)) trap(label + '.' + name + '(' + String(args[0]).slice(0, 200) + ')');
    return orig.apply(this, args);
  };
}
for (const m of ['child_process']) {
  const cp = require(m);
  for (const n of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']) wrap(cp, n, m);
}
const net = require('net');
for (const n of ['connect', 'createConnection', 'createServer']) wrap(net, n, 'net');
wrap(net.Socket.prototype, 'connect', 'net.Socket.prototype');
wrap(net.Server.prototype, 'listen', 'net.Server.prototype');
wrap(require('tls'), 'connect', 'tls');
wrap(require('dgram'), 'createSocket', 'dgram');
for (const m of ['http', 'https']) { const h = require(m); wrap(h, 'request', m); wrap(h, 'get', m); }
wrap(require('http2'), 'connect', 'http2');
if (typeof globalThis.fetch === 'function') wrap(globalThis, 'fetch', 'globalThis');
const outside = (p) => { const a = path.resolve(String(p)); return !allow.some((d) => a === d || a.startsWith(d + path.sep)); };
function writeFlags(f) {
  if (f === undefined || f === null) return false;
  if (typeof f === 'number') return (f & 3) !== 0 || (f & 64) !== 0; // O_WRONLY/O_RDWR, O_CREAT
  return !/^(r|rs|sr)$/.test(String(f));
}
for (const n of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'truncate', 'truncateSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'chmod', 'chmodSync', 'utimes', 'utimesSync']) {
  wrap(fs, n, 'fs', (a) => outside(a[0]));
  wrap(fs.promises, n, 'fs.promises', (a) => outside(a[0]));
}
for (const n of ['rename', 'renameSync']) wrap(fs, n, 'fs', (a) => outside(a[0]) || outside(a[1]));
wrap(fs.promises, 'rename', 'fs.promises', (a) => outside(a[0]) || outside(a[1]));
wrap(fs, 'open', 'fs', (a) => writeFlags(a[1]) && outside(a[0]));
wrap(fs, 'openSync', 'fs', (a) => writeFlags(a[1]) && outside(a[0]));
wrap(fs.promises, 'open', 'fs.promises', (a) => writeFlags(a[1]) && outside(a[0]));
`;

function snapshot(dir: string): Map<string, { mtimeMs: number; text: string }> {
  const out = new Map<string, { mtimeMs: number; text: string }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), { mtimeMs: statSync(p).mtimeMs, text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

describe('security', () => {
  let work = '';
  let preload = '';
  let trapLog = '';

  before(() => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'srm-security-'));
    preload = join(work, 'preload.cjs');
    trapLog = join(work, 'trap.log');
    writeFileSync(preload, PRELOAD);
    writeFileSync(trapLog, '');
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  for (const b of BUNDLES) {
    it(`${b.file} requires no network or process module outside the allowed transport code, and never fetch()`, (t) => {
      if (!existsSync(join(ROOT, b.entry))) {
        t.skip(`${b.entry} does not exist yet`);
        return;
      }
      const code = readFileSync(join(DIST, b.file), 'utf8');
      const secs = sections(code);
      assert.ok(secs.length > 10, `${b.file} has no module markers (a minified build?): build with npm run build`);
      const found: string[] = [];
      for (const s of secs) {
        const re = /require\("(?:node:)?([a-z_0-9]+)"\)/g;
        for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
          const mod = m[1] as string;
          if (!FORBIDDEN.includes(mod)) continue;
          const ok = (ALLOWED[b.file] ?? []).some((a) => a.module === mod && a.in.test(s.name));
          if (!ok) found.push(`require("${mod}") in ${s.name}`);
        }
        if (/\bfetch\(|XMLHttpRequest|new WebSocket\b/.test(s.text)) found.push(`fetch/XMLHttpRequest/WebSocket in ${s.name}`);
        // Our own code never imports them, allowed or not.
        if (!s.name.startsWith('node_modules/') && /require\("(?:node:)?(?:http|https|http2|net|tls|dgram|child_process)"\)/.test(s.text)) {
          found.push(`our own ${s.name} requires a network or process module`);
        }
      }
      assert.deepEqual(found, []);
    });
  }

  it('the client starts only its own bundled server, over IPC (nothing from the workspace)', () => {
    const src = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(src, /context\.asAbsolutePath\(path\.join\('dist', 'server\.js'\)\)/);
    assert.match(src, /transport: TransportKind\.ipc/);
    assert.doesNotMatch(src, /command:\s*[^'"]/, 'the server must not be started from a configurable command');
  });

  it('the trap itself works: a write, a spawn, a socket and a fetch are each caught', () => {
    for (const code of [
      `require('fs').writeFileSync(${JSON.stringify(join(work, 'x.txt'))}, 'x')`,
      `require('fs').openSync(${JSON.stringify(join(work, 'y.txt'))}, 'w')`,
      `require('child_process').spawnSync('true')`,
      `require('net').connect(9, '127.0.0.1')`,
      `fetch('http://127.0.0.1:9/')`,
      `require('https').get('https://127.0.0.1:9/')`,
    ]) {
      writeFileSync(trapLog, '');
      spawnSync(process.execPath, ['--require', preload, '-e', code], { env: { ...process.env, SRM_TRAP_LOG: trapLog }, encoding: 'utf8' });
      assert.notEqual(readFileSync(trapLog, 'utf8'), '', `not trapped: ${code}`);
    }
    assert.ok(!existsSync(join(work, 'x.txt')) && !existsSync(join(work, 'y.txt')));
    // Reading is fine.
    writeFileSync(trapLog, '');
    spawnSync(process.execPath, ['--require', preload, '-e', `require('fs').readFileSync(${JSON.stringify(preload)})`], { env: { ...process.env, SRM_TRAP_LOG: trapLog } });
    assert.equal(readFileSync(trapLog, 'utf8'), '');
  });

  it('the server over stdio opens no socket, spawns nothing and writes no file during a full session', async () => {
    const dir = join(work, 'server-ws');
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
    writeFileSync(join(dir, 'srm.config.yaml'), 'rules:\n  model-mismatch: warning\n');
    const before = snapshot(dir);
    writeFileSync(trapLog, '');
    const child = spawn(process.execPath, ['--require', preload, join(DIST, 'server.js'), '--stdio'], {
      cwd: dir,
      env: { ...process.env, SRM_TRAP_LOG: trapLog, SRM_ALLOW_WRITE_UNDER: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited: number | null | undefined;
    child.on('exit', (c) => (exited = c));
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const logs: string[] = [];
    rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    rpc.onRequest('client/registerCapability', () => null);
    rpc.onRequest('workspace/diagnostic/refresh', () => null);
    rpc.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
    rpc.onNotification(() => undefined);
    rpc.listen();
    try {
      const init = (await rpc.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
        capabilities: {
          workspace: { configuration: true, diagnostics: { refreshSupport: true } },
          textDocument: { diagnostic: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
        },
      })) as { capabilities: object };
      assert.ok(init.capabilities);
      await rpc.sendNotification('initialized', {});
      let n = 0;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.srm.yaml'))) {
        const uri = pathToFileURL(join(dir, f)).href;
        const text = readFileSync(join(dir, f), 'utf8');
        await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'srm', version: 1, text } });
        const td = { textDocument: { uri } };
        const rep = (await rpc.sendRequest('textDocument/diagnostic', td)) as { items: Array<{ range: unknown }> };
        await rpc.sendRequest('textDocument/hover', { ...td, position: { line: 12, character: 8 } });
        await rpc.sendRequest('textDocument/completion', { ...td, position: { line: 12, character: 8 } });
        await rpc.sendRequest('textDocument/documentSymbol', td);
        await rpc.sendRequest('textDocument/foldingRange', td);
        for (const d of rep.items) {
          await rpc.sendRequest('textDocument/codeAction', { ...td, range: d.range, context: { diagnostics: [d] } });
        }
        await rpc.sendRequest('textDocument/codeAction', {
          ...td,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.srm'] },
        });
        await rpc.sendRequest('srm/matrix', { uri }).catch(() => undefined);
        await rpc.sendRequest('srm/matrixExport', { uri, format: 'html' }).catch(() => undefined);
        await rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + '\n# edited\n' }] });
        await rpc.sendRequest('textDocument/diagnostic', td);
        n++;
      }
      assert.ok(n >= 4);
      await rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'srm.config.yaml')).href, type: 2 }] });
      await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await rpc.sendRequest('shutdown');
    } finally {
      rpc.dispose();
      child.kill();
    }
    assert.equal(exited ?? null, null, `the server exited during the session: ${stderr}`);
    assert.equal(readFileSync(trapLog, 'utf8'), '', `the server used a forbidden API:\n${stderr.slice(0, 2000)}`);
    assert.ok(!logs.some((l) => /srm security test/.test(l)), logs.join('\n'));
    assert.deepEqual(snapshot(dir), before, 'the server changed files');
  });

  /** Runs the built CLI under the trap; `allowWrites` lists the paths it may write under. */
  function cli(args: string[], cwd: string, allowWrites: string[] = []): { status: number | null; stdout: string; stderr: string; trapped: string } {
    writeFileSync(trapLog, '');
    const r = spawnSync(process.execPath, ['--require', preload, join(DIST, 'cli.js'), ...args], {
      cwd,
      env: { ...process.env, SRM_TRAP_LOG: trapLog, SRM_ALLOW_WRITE_UNDER: allowWrites.join(':'), NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, trapped: readFileSync(trapLog, 'utf8') };
  }

  it('the CLI without --fix/--output writes nothing, spawns nothing, opens no socket', () => {
    const dir = join(work, 'cli-ro');
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
    const before = snapshot(dir);
    for (const args of [['lint', '.'], ['lint', '--format', 'json', '.'], ['lint', '--format', 'sarif', '.'], ['lint', '--fix-dry-run', '.']]) {
      const r = cli(args, dir);
      assert.equal(r.trapped, '', `srm ${args.join(' ')}: ${r.trapped}\n${r.stderr}`);
      assert.ok(r.status === 0 || r.status === 1, `srm ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
    }
    assert.deepEqual(snapshot(dir), before, 'the CLI changed files without --fix');
  });

  it('the CLI never loses a byte: --fix leaves invalid UTF-8 untouched, keeps the BOM and CRLF; FIFOs, directories and symlink loops neither hang nor crash it', () => {
    const dir = join(work, 'cli-bytes');
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
    const mistakes = readFileSync(join(ROOT, 'examples', 'with-mistakes.srm.yaml'));
    const bad = Buffer.concat([mistakes, Buffer.from('# bad bytes \xff\xfe\xc3 here\n', 'latin1')]);
    writeFileSync(join(dir, 'bad-utf8.srm.yaml'), bad);
    writeFileSync(join(dir, 'bom.srm.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), mistakes]));
    writeFileSync(join(dir, 'crlf.srm.yaml'), mistakes.toString('utf8').replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'garbage.srm.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    mkdirSync(join(dir, 'dir.srm.yaml'));
    symlinkSync('loop-b.srm.yaml', join(dir, 'loop-a.srm.yaml'));
    symlinkSync('loop-a.srm.yaml', join(dir, 'loop-b.srm.yaml'));
    const fifo = spawnSync('mkfifo', [join(dir, 'fifo.srm.yaml')]).status === 0;
    const r = cli(['lint', '--fix', '.'], dir, [dir]);
    assert.equal(r.trapped, '', r.trapped);
    assert.notEqual(r.status, null, 'the CLI hung (killed by the timeout)');
    assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
    // Invalid UTF-8 cannot round-trip through text: the file is left exactly as it was.
    assert.deepEqual(readFileSync(join(dir, 'bad-utf8.srm.yaml')), bad, 'a file with invalid UTF-8 was rewritten');
    const bom = readFileSync(join(dir, 'bom.srm.yaml'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM was dropped');
    const crlf = readFileSync(join(dir, 'crlf.srm.yaml'), 'utf8');
    assert.ok(!/[^\r]\n/.test(crlf), 'a bare LF appeared in a CRLF file');
    assert.notEqual(crlf, mistakes.toString('utf8').replace(/\n/g, '\r\n'), 'fixes were not applied');
    assert.ok(fifo ? existsSync(join(dir, 'fifo.srm.yaml')) : true);
  });

  it('the CLI writes only the report with --output, and only the fixed files with --fix (atomically, no temp left)', () => {
    const dir = join(work, 'cli-rw');
    cpSync(join(ROOT, 'examples'), dir, { recursive: true });
    const before = snapshot(dir);
    const out = join(work, 'report.json');
    const r = cli(['lint', '--format', 'json', '--output', out, '.'], dir, [out, work]);
    assert.equal(r.trapped, '', r.trapped);
    assert.ok(existsSync(out));
    assert.doesNotThrow(() => JSON.parse(readFileSync(out, 'utf8')));
    assert.deepEqual(snapshot(dir), before, '--output changed the checked files');

    // --fix writes under the checked directory only; files without safe fixes keep their mtime.
    const f = cli(['lint', '--fix', '.'], dir, [dir]);
    assert.equal(f.trapped, '', f.trapped);
    const after = snapshot(dir);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'files appeared or vanished (a temp file left?)');
    let changed = 0;
    for (const [p, b] of before) {
      const a = after.get(p)!;
      if (a.text === b.text) assert.equal(a.mtimeMs, b.mtimeMs, `${p} was rewritten with the same content`);
      else changed++;
    }
    assert.ok(changed >= 1, 'with-mistakes has safe fixes: --fix should change it');
  });
});
