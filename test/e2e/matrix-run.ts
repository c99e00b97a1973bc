// Runs the matrix view's e2e scenario (matrix.e2e.ts) on its own, and takes one screenshot of the view per
// example: node --import tsx test/e2e/matrix-run.ts [--vsix FILE] [--shots-only] [--theme "Default Dark Modern"]
// Without --vsix, the repository itself is loaded as an unpacked extension (run `npm run build` first).
// Output: test-results/matrix/ (matrix-view*.png, matrix-<example>.png). Exit 0 passed, 1 failed, 2 setup.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CACHE, ROOT, install, installVsix, logTails, makeRunDirs, startCodeServer, type InstalledEnv, type RunningServer } from './code-server';
import { matrixReloadStep, matrixScreenshots, matrixStep } from './matrix.e2e';
import { Workbench } from './workbench';

const OUT = path.join(ROOT, 'test-results', 'matrix');
const args = process.argv.slice(2);
const vsixArg = args.includes('--vsix') ? path.resolve(args[args.indexOf('--vsix') + 1] ?? '') : undefined;
const shotsOnly = args.includes('--shots-only');
const theme = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : undefined;
const suffix = theme ? `-${theme.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : '';
const log = (s: string): void => console.error(`[matrix-e2e] ${s}`);

async function main(): Promise<number> {
  fs.mkdirSync(OUT, { recursive: true });
  let cs: InstalledEnv;
  try {
    cs = process.env.SRM_E2E_SKIP_INSTALL ? (JSON.parse(fs.readFileSync(path.join(CACHE, 'env.json'), 'utf8')) as InstalledEnv) : install(log);
  } catch (e) {
    console.log(`FAIL  setup: ${(e as Error).message}`);
    return 2;
  }
  const dirs = makeRunDirs('srm-e2e-matrix.', theme ? { 'workbench.colorTheme': theme } : {});
  const workspace = path.join(dirs.run, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  if (vsixArg) installVsix(cs, dirs, vsixArg);
  else {
    const pj = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    fs.symlinkSync(ROOT, path.join(dirs.extensions, `${pj.publisher}.${pj.name}-${pj.version}`));
  }
  let server: RunningServer | undefined;
  let ctx: BrowserContext | undefined;
  let code = 0;
  try {
    server = await startCodeServer(cs, dirs, { timeoutMs: 90_000 });
    log(`code-server on ${server.url}, run dir ${dirs.run}`);
    ctx = await chromium.launchPersistentContext(path.join(dirs.run, 'chromium-profile'), {
      executablePath: cs.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
      viewport: { width: 1600, height: 1000 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const wb = new Workbench(page);
    await wb.open(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const s = { wb, workspace };
    if (!shotsOnly) {
      for (const step of [matrixStep, matrixReloadStep]) {
        if (code !== 0) break;
        const t = Date.now();
        const shot = async (suffix?: string): Promise<string> => {
          const f = path.join(OUT, `${step.name}${suffix ? `-${suffix}` : ''}.png`);
          await wb.screenshot(f);
          return f;
        };
        try {
          await step.run(s, shot);
          console.log(`ok    ${step.name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
        } catch (e) {
          await shot('failed').catch(() => '');
          console.log(`FAIL  ${step.name}: ${(e as Error).message}`);
          code = 1;
        }
      }
    }
    if (code === 0) {
      const files = await matrixScreenshots(s, OUT, suffix);
      console.log(`ok    screenshots: ${files.map((f) => path.relative(ROOT, f)).join(' ')}`);
    }
  } catch (e) {
    console.log(`FAIL  ${(e as Error).stack ?? String(e)}`);
    console.error(logTails(dirs));
    code = 1;
  } finally {
    if (ctx) await ctx.close().catch(() => undefined);
    if (server) await server.stop();
    if (code === 0) fs.rmSync(dirs.run, { recursive: true, force: true });
    else log(`run dir kept: ${dirs.run}`);
  }
  return code;
}

main().then((c) => process.exit(c));
