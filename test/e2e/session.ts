// One VS Code session of the e2e run: a fresh code-server with the extension installed, headless Chromium on it, and cleanup.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import {
  ROOT,
  installVsix,
  listExtensions,
  makeRunDirs,
  startCodeServer,
  type InstalledEnv,
  type RunDirs,
  type RunningServer,
} from './code-server';
import { log, ms } from './common';
import { packageHarness } from './in-host-harness';
import { opt } from './options';
import { scenarios } from './scenarios';
import { FatalSignal, Workbench } from './workbench';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

export interface Session {
  dirs: RunDirs;
  server: RunningServer;
  ctx: BrowserContext;
  wb: Workbench;
  workspace: string;
  /** Toasts seen so far (the guard records them; they time out on screen). */
  seenToasts: Set<string>;
}

let current: { server?: RunningServer; ctx?: BrowserContext } = {};
export async function cleanup(): Promise<void> {
  const { server, ctx } = current;
  current = {};
  if (ctx) await ctx.close().catch(() => {});
  if (server) await server.stop();
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

export async function startSession(
  cs: InstalledEnv,
  vsix: string | null,
  name: string,
  extraEnv: NodeJS.ProcessEnv = {},
  harnessSuite?: string,
): Promise<Session> {
  const dirs = makeRunDirs(`srm-e2e-${name}.`);
  // The workbench edits files (quick fix, typing): give it a copy, named like the original folder.
  const workspace = path.join(dirs.run, path.basename(opt.workspace));
  fs.cpSync(opt.workspace, workspace, { recursive: true });
  // The folder the steps across files write their files into (steps-workspace.ts) is there from the start, so the
  // file watcher watches it before they write: of files written at once into a folder made just before, the watcher
  // can miss some (it starts watching a new folder only once it has seen it), and the server would never index them.
  fs.mkdirSync(path.join(workspace, scenarios.acrossFiles.folder), { recursive: true });
  if (vsix) installVsix(cs, dirs, vsix);
  else if (opt.ext) {
    const epj = JSON.parse(fs.readFileSync(path.join(opt.ext, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    fs.symlinkSync(opt.ext, path.join(dirs.extensions, `${epj.publisher}.${epj.name}-${epj.version}`));
  }
  // Installed like the extension (an unlisted folder in --extensions-dir is ignored once extensions.json exists).
  if (harnessSuite) installVsix(cs, dirs, packageHarness(dirs.run, harnessSuite));
  const installed = listExtensions(cs, dirs);
  log(`extensions: ${installed.join(', ') || '(none)'}`);
  if (vsix && !installed.some((e) => e.toLowerCase().startsWith(`${EXTENSION_ID.toLowerCase()}@`))) {
    throw new Error(`${EXTENSION_ID} is not among the installed extensions after --install-extension: ${installed.join(', ')}`);
  }
  const server = await startCodeServer(cs, dirs, { extraEnv, timeoutMs: ms(60_000) });
  current.server = server;
  log(`code-server ${cs.codeServerVersion} on ${server.url} (process group ${server.pid}), run dir ${dirs.run}`);
  const ctx = await chromium.launchPersistentContext(path.join(dirs.run, 'chromium-profile'), {
    executablePath: cs.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    viewport: { width: 1400, height: 1050 }, // tall enough for the Problems panel to render all rows of with-mistakes
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  current.ctx = ctx;
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const wb = new Workbench(page);
  const seenToasts = new Set<string>();
  let inGuard = false;
  let centerChecked = 0;
  wb.guard = async () => {
    if (inGuard) return; // reading the Notification Center runs commands, whose waits call the guard
    inGuard = true;
    try {
      let notes = await wb.toasts();
      // A toast can be gone (or never shown, e.g. behind the quick input) while the bell still has its dot.
      if (Date.now() - centerChecked > 5000 && (await wb.unreadNotifications())) {
        centerChecked = Date.now();
        notes = notes.concat(await wb.allNotifications());
      }
      for (const t of notes) {
        if (seenToasts.has(t)) continue;
        seenToasts.add(t);
        log(`notification: ${t}`);
        // VS Code's own "Activating Extensions..." progress notice (slow machines) is not a failure; a failed
        // activation says "Activating extension '…' failed" or "Cannot activate".
        if (/srm|language server|server.*(crash|fail|start)|couldn.t start|activat\w*\b.*\bfail|cannot activate/i.test(t)) {
          throw new FatalSignal(`the srm language server failed: notification "${t}"`);
        }
      }
    } finally {
      inGuard = false;
    }
  };
  await wb.open(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  return { dirs, server, ctx, wb, workspace, seenToasts };
}
