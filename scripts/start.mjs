#!/usr/bin/env node
// `npm start`: builds the extension, lints examples/ with the CLI, then opens examples/ with it in a real editor. Desktop VS Code in
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

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
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

if (onPath('code') && !flag('--code-server')) {
  // Desktop VS Code: --wait keeps this process until the window closes, so Ctrl-C here ends it too.
  log(`opening ${examples} in VS Code with the extension under development (${ROOT})`);
  const code = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit', detached: true });
  children.push(async () => {
    try {
      process.kill(-code.pid, 'SIGTERM');
    } catch {}
  });
  code.on('exit', (c) => void stopAll(c ?? 0));
} else {
  // TypeScript helpers shared with the e2e suite; `npm start` runs node with --import tsx.
  const cs = await import('../test/e2e/code-server.ts');
  log(`installing code-server into ${cs.CACHE} if needed (first time: a few minutes)`);
  const env = cs.install(log);
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
  const server = await cs.startCodeServer(env, dirs, { port });
  children.push(() => server.stop());
  server.child.on('exit', (c) => {
    if (!stopping) log(`code-server exited (${c}); log: ${dirs.logFile}`);
    void stopAll(c ?? 1);
  });
  const url = `${server.url}/?folder=${encodeURIComponent(examples)}`;
  console.log(`\nVS Code (code-server ${env.codeServerVersion}) with the srm extension, examples/ open:\n\n  ${url}\n\nOpen with-mistakes.srm.yaml to see the diagnostics. Ctrl-C stops it.\n`);
}
