#!/usr/bin/env node
// `npm start`: builds the extension, lints examples/ with the CLI, then opens examples/with-mistakes.srm.yaml with it in a real editor. Desktop VS Code in
// extension-development mode when `code` is on PATH; otherwise code-server (VS Code in the browser,
// installed into a cache by test/e2e/install.sh) on 127.0.0.1 with the extension installed, printing
// the URL to open. Ctrl-C stops everything it started.
//
// Options: --code-server  use code-server even when `code` is on PATH
//          --vsix         install the packaged .vsix (npm run package) instead of this folder as it is built
//          --port N       code-server port (default: $PORT, else 8080, else a free one)
//          --watch        keep rebuilding on change (esbuild --watch); reload the window to pick changes up
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const valueOf = (f) => {
  const i = args.indexOf(f);
  return i >= 0 ? args[i + 1] : undefined;
};
const log = (s) => console.error(`[srm start] ${s}`);
const children = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const stop of children.reverse()) {
    try {
      await stop();
    } catch {}
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

// TypeScript helpers shared with the e2e suite (`npm start` runs node with --import tsx).
const cs = await import('../test/e2e/code-server.ts');

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: cs.plainShellEnv() });
  if (r.status !== 0) {
    log(`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => {
    try {
      fs.accessSync(path.join(d, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

log('building (npm run build)');
run('npm', ['run', '--silent', 'build']);
// Validate the bundled examples with the CLI (the same engine as the editor) before opening them.
// with-mistakes.srm.yaml has findings on purpose, so the exit code is reported, not fatal.
{
  log('srm lint examples/ (with-mistakes.srm.yaml has findings on purpose):');
  const r = spawnSync(process.execPath, ['dist/cli.js', 'lint', 'examples'], { cwd: ROOT, stdio: 'inherit' });
  log(`srm lint exited ${r.status ?? r.signal} (0: clean, 1: findings at error level, 2: usage/config/I/O error)`);
  if (r.status !== 0 && r.status !== 1) process.exit(1);
}
if (flag('--watch')) {
  const w = spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: ROOT, stdio: 'inherit', detached: true });
  children.push(async () => {
    try {
      process.kill(-w.pid, 'SIGTERM');
    } catch {}
  });
  log('rebuilding on change (esbuild --watch); run "Developer: Reload Window" to load a new build');
}
const examples = path.join(ROOT, 'examples');
const mistakes = path.join(examples, 'with-mistakes.srm.yaml');

/** Stops what was started and exits with one clear line: no stack trace for a user to decode. */
function fail(what, e) {
  const msg = e instanceof Error ? e.message : String(e);
  log(`${what}: ${msg.split('\n')[0]}`);
  void stopAll(1);
}

if (onPath('code') && !flag('--code-server')) {
  // Desktop VS Code: --wait keeps this process until the window closes, so Ctrl-C here ends it too.
  log(`opening ${examples} in VS Code with the extension under development (${ROOT})`);
  const code = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, examples, mistakes], { stdio: 'inherit', detached: true });
  children.push(async () => {
    try {
      process.kill(-code.pid, 'SIGTERM');
    } catch {}
  });
  code.on('error', (e) => fail('could not start VS Code', e));
  code.on('exit', (c) => void stopAll(c ?? 0));
} else {
  log(`installing code-server into ${cs.CACHE} if needed (the first time: about 2 minutes and 800 MB)`);
  let env;
  try {
    env = cs.install(log);
  } catch (e) {
    // The message names the installer's whole log.
    fail('could not install the editor', e);
  }
  if (env) await openInCodeServer(env).catch((e) => fail('could not start the editor', e));
}

async function openInCodeServer(env) {
  const pj = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const dirs = cs.makeRunDirs('srm-start.');
  children.push(async () => fs.rmSync(dirs.run, { recursive: true, force: true }));
  if (flag('--vsix')) {
    const vsix = cs.packageVsix(log);
    cs.installVsix(env, dirs, vsix);
    log(`installed ${path.relative(ROOT, vsix)}`);
  } else {
    // This folder as an installed extension: a rebuild plus "Reload Window" picks up changes.
    fs.symlinkSync(ROOT, path.join(dirs.extensions, `${pj.publisher}.${pj.name}-${pj.version}`));
  }
  let port = Number(valueOf('--port') ?? process.env.PORT ?? 0);
  if (!port) port = (await portFree(8080)) ? 8080 : await cs.freePort();
  let server;
  try {
    server = await cs.startCodeServer(env, dirs, { port });
  } catch (e) {
    throw new Error(`${(e instanceof Error ? e.message : String(e)).split('\n')[0]} (log: ${dirs.logFile})`);
  }
  children.push(() => server.stop());
  server.child.on('exit', (c) => {
    if (!stopping) log(`code-server exited (${c}); log: ${dirs.logFile}`);
    void stopAll(c ?? 1);
  });
  // The workspace payload's openFile: the workbench opens that file in the folder (VS Code for the web).
  const payload = JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${mistakes}`]]);
  const url = `${server.url}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(payload)}`;
  console.log(
    `\nVS Code (code-server ${env.codeServerVersion}) with the srm extension, examples/with-mistakes.srm.yaml open:\n\n  ${url}\n\n` +
      `It listens on 127.0.0.1 only. From another machine, forward the port first:\n` +
      `  ssh -L ${port}:127.0.0.1:${port} ${os.userInfo().username}@${os.hostname()}\n` +
      `then open the same URL there. Ctrl-C stops it.\n`,
  );
}
