// Runs a real VS Code (code-server from npm) for the e2e suite and `npm start`: install, a fresh
// profile, --install-extension, start on 127.0.0.1 in its own process group, stop the whole group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE =
  process.env.SRM_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'srm-e2e');

export interface InstalledEnv {
  node: string;
  entry: string;
  chromium: string;
  codeServerVersion: string;
}

/**
 * This process's environment as a plain shell has it: without what `npm test`/`npm start` export to their scripts
 * (npm_config_*, npm_package_*, npm_lifecycle_*, INIT_CWD, node_modules/.bin on PATH). An npm started with the
 * inherited npm_config_user_agent reports the outer Node version to install scripts (code-server's refuses Node 20).
 * The settings that say how to reach the registry are kept. test/e2e/install.sh does the same for itself.
 */
export function plainShellEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|cafile|proxy|https_proxy|noproxy|strict_ssl)$/;
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'INIT_CWD' || k === 'NODE') continue;
    out[k] = v;
  }
  if (out.PATH) {
    out.PATH = out.PATH.split(path.delimiter).filter((d) => !/[\\/]node_modules[\\/]\.bin$|[\\/]node-gyp-bin$/.test(d)).join(path.delimiter);
  }
  return out;
}

/** test/e2e/install.sh failed: `log` is the file with the whole output. */
export class InstallError extends Error {
  constructor(message: string, readonly log: string) {
    super(message);
  }
}

/** Runs test/e2e/install.sh (idempotent; seconds when the cache is warm) and reads what it installed. */
export function install(log: (s: string) => void = () => {}): InstalledEnv {
  const t0 = Date.now();
  fs.mkdirSync(CACHE, { recursive: true });
  const logFile = path.join(CACHE, 'install.log');
  // The installer's output goes to the terminal and, whole, to a log the failure message names.
  const r = spawnSync('bash', ['-c', 'set -o pipefail; bash "$0" 2>&1 | tee "$1" >&2', path.join(ROOT, 'test', 'e2e', 'install.sh'), logFile], {
    env: { ...plainShellEnv(), SRM_E2E_CACHE: CACHE },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new InstallError(`test/e2e/install.sh failed (exit ${r.status ?? r.signal}); log: ${logFile}`, logFile);
  log(`installer done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return JSON.parse(fs.readFileSync(path.join(CACHE, 'env.json'), 'utf8')) as InstalledEnv;
}

/** User settings for a quiet, deterministic workbench (no tips, telemetry, auto-save or update checks). */
export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  // (not extensions.autoUpdate: the workbench migrates `false` to "off" by editing settings.json, which
  // collides with the suite's own edit of that file: "Unable to write into user settings ...")
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  // settings.json and others open as ordinary tabs, not in the modal editor (1.13x default "some").
  'workbench.editor.useModal': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
};

export interface RunDirs {
  run: string;
  userData: string;
  extensions: string;
  settingsFile: string;
  logFile: string;
  env: NodeJS.ProcessEnv;
  baseArgs: string[];
}

/** A fresh run directory: user-data-dir, extensions-dir, XDG dirs and TMPDIR of its own. */
export function makeRunDirs(prefix: string, settings: Record<string, unknown> = {}): RunDirs {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userData = path.join(run, 'user-data');
  const extensions = path.join(run, 'extensions');
  for (const d of [path.join(userData, 'User'), extensions, path.join(run, 'xdg'), path.join(run, 'tmp')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const settingsFile = path.join(userData, 'User', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(path.join(run, 'config.yaml'), '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(run, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(run, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(run, 'xdg', 'cache'),
    // The server puts its vscode-ipc-*.sock files there; keep them inside the run dir.
    TMPDIR: path.join(run, 'tmp'),
  };
  const baseArgs = ['--config', path.join(run, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];
  return { run, userData, extensions, settingsFile, logFile: path.join(run, 'code-server.log'), env, baseArgs };
}

/** `code-server --install-extension x.vsix`; throws with code-server's output unless it says it succeeded. */
export function installVsix(cs: InstalledEnv, dirs: RunDirs, vsix: string): void {
  const r = spawnSync(cs.node, [cs.entry, ...dirs.baseArgs, '--install-extension', vsix, '--force'], {
    env: dirs.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal}):\n${out}`);
  }
}

/** Lists the extensions code-server sees (id@version), to check the install. */
export function listExtensions(cs: InstalledEnv, dirs: RunDirs): string[] {
  const r = spawnSync(cs.node, [cs.entry, ...dirs.baseArgs, '--list-extensions', '--show-versions'], {
    env: dirs.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return (r.stdout ?? '').split('\n').map((s) => s.trim()).filter((s) => /^[\w-]+\.[\w-]+@/.test(s));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** SIGTERM to the whole process group (server, extension hosts, language servers), SIGKILL after 8 s. */
  stop(): Promise<void>;
}

/** Starts code-server detached (its own process group) on 127.0.0.1 and waits for /healthz. */
export async function startCodeServer(
  cs: InstalledEnv,
  dirs: RunDirs,
  opts: { port?: number; extraEnv?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const log = fs.openSync(dirs.logFile, 'w');
  const child = spawn(
    cs.node,
    [
      cs.entry,
      ...dirs.baseArgs,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env: { ...dirs.env, ...opts.extraEnv }, detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  const stop = async (): Promise<void> => {
    const alive = (): boolean => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (!alive()) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {}
    const deadline = Date.now() + 8000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}):\n${fs.readFileSync(dirs.logFile, 'utf8')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz in time:\n${fs.readFileSync(dirs.logFile, 'utf8')}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid, child, stop };
}

/** PIDs of all processes in a process group whose command line matches `re` (read from /proc). */
export function processesInGroup(pgid: number, re: RegExp): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may contain spaces, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (re.test(cmd)) out.push({ pid: Number(name), cmd });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** The tail of the extension host logs and the srm output channel, for failure messages. */
export function logTails(dirs: RunDirs, lines = 30): string {
  const walk = (d: string): string[] => {
    try {
      return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    } catch {
      return [];
    }
  };
  const files = walk(path.join(dirs.userData, 'logs')).filter((f) => /exthost\d*\/(remoteexthost\.log$|.*srm)/i.test(f));
  const parts: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).slice(-lines).join('\n');
    if (!text) continue;
    parts.push(`----- ${path.relative(dirs.userData, f)} (last ${lines} lines) -----\n${text}`);
  }
  return parts.join('\n');
}

/** The .vsix to test: the given path, or `npm run package` and the newest srm-*.vsix in the repository root. */
export function packageVsix(log: (s: string) => void = () => {}): string {
  const pj = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    scripts?: Record<string, string>;
  };
  if (!pj.scripts?.package) throw new Error('package.json has no "package" script: cannot build the .vsix (or pass --vsix FILE)');
  const t0 = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', env: { ...plainShellEnv(), npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  // vsce prints "Packaged: /path/x.vsix (N files, S KB)"
  const m = /Packaged:\s+(\S+\.vsix)/.exec(`${r.stdout}\n${r.stderr}`);
  let vsix = m?.[1] ? path.resolve(ROOT, m[1]) : '';
  if (!vsix || !fs.existsSync(vsix)) {
    const expected = path.join(ROOT, `${pj.name}-${pj.version}.vsix`);
    const candidates = fs.readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => path.join(ROOT, f));
    candidates.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    vsix = fs.existsSync(expected) ? expected : (candidates[0] ?? '');
  }
  if (!vsix) throw new Error(`npm run package printed no .vsix path:\n${r.stdout}\n${r.stderr}`);
  log(`packaged ${path.relative(ROOT, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return vsix;
}
