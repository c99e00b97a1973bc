// The end-to-end suite in a real VS Code: packages the extension, installs the .vsix into code-server,
// opens a copy of examples/ in headless Chromium and checks what a user sees (scenarios.ts).
//
// Usage: node --import tsx test/e2e/run.ts [options]        (npm run test:e2e)
//   --vsix FILE       test this .vsix instead of running `npm run package`
//   --ext DIR         load an unpacked extension folder instead (symlinked; for debugging the driver)
//   --workspace DIR   open a copy of DIR instead of scenarios.workspace
//   --only a,b        run only these steps (names as printed)
//   --no-negative     skip the negative check (a server that throws at start-up must make the suite fail)
//   --negative-only   run only the negative check
//   --no-in-host      skip running the @vscode/test-electron suite (electron/suite.ts) inside code-server
//   --keep            keep the run directory (profile, logs, workspace copy) even when everything passed
// Environment: SRM_E2E_CACHE (install cache), SRM_E2E_SKIP_INSTALL=1 (use the cache as it is),
//   SRM_E2E_TIMEOUT_SCALE (multiply every deadline, e.g. 2 on a slow machine).
// Output: one line per step (ok/FAIL, seconds), screenshots and report.json in test-results/e2e/.
// Exit: 0 all passed, 1 a step failed, 2 usage or setup error.
//
// The parts: options.ts (the options above), session.ts (one code-server + Chromium session), steps.ts (the
// steps in order; steps-problems.ts, steps-editor.ts, steps-baselines.ts, steps-workspace.ts, steps-host.ts, matrix.e2e.ts), step-runner.ts,
// step-helpers.ts, in-host-harness.ts (runs electron/suite.ts inside code-server), negative.ts (the negative check).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE, ROOT, install, logTails, packageVsix, type InstalledEnv } from './code-server';
import { OUT, ServerFailed, T0, log, secs } from './common';
import { IN_HOST_RESULT } from './in-host-harness';
import { negativeCheck } from './negative';
import { opt } from './options';
import { EXTENSION_ID, cleanup, startSession, type Session } from './session';
import { runSteps, type StepResult } from './step-runner';
import { steps } from './steps';

async function main(): Promise<number> {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  let cs: InstalledEnv;
  let vsix: string | null = null;
  try {
    cs = process.env.SRM_E2E_SKIP_INSTALL
      ? (JSON.parse(fs.readFileSync(path.join(CACHE, 'env.json'), 'utf8')) as InstalledEnv)
      : install(log);
    if (!opt.ext) vsix = opt.vsix ?? packageVsix(log);
  } catch (e) {
    console.log(`FAIL  setup: ${(e as Error).message}`);
    return 2;
  }
  const results: StepResult[] = [];
  let code = 0;

  if (opt.negative !== 'only') {
    let s: Session | null = null;
    try {
      if (opt.inHost) {
        const b = spawnSync(process.execPath, [path.join(ROOT, 'test', 'e2e', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
        if (b.status !== 0) throw new Error(`test/e2e/build.mjs failed:\n${b.stdout}${b.stderr}`);
      }
      s = await startSession(cs, vsix, 'run', { SRM_E2E_INHOST_RESULT: IN_HOST_RESULT }, opt.inHost ? path.join(ROOT, 'out', 'e2e', 'suite.js') : undefined);
      const selected = steps.filter((st) => !opt.only || opt.only.has(st.name));
      await runSteps(s, selected, results);
    } catch (e) {
      code = 1;
      if (!results.some((r) => !r.ok)) console.log(`FAIL  session: ${(e as Error).message}`);
      if (s) console.error(logTails(s.dirs));
      if (e instanceof ServerFailed) console.log(`FAIL  the srm language server failed (see above)`);
    } finally {
      await cleanup();
      if (s && (code === 0 && !opt.keep)) fs.rmSync(s.dirs.run, { recursive: true, force: true });
      else if (s) log(`run dir kept: ${s.dirs.run} (code-server.log, user-data/logs)`);
    }
  }

  if (opt.negative !== 'skip' && (code === 0 || opt.negative === 'only')) {
    if (await negativeCheck(cs, vsix, results)) code = 1;
  }

  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify({ extension: EXTENSION_ID, vsix, codeServer: cs.codeServerVersion, seconds: (Date.now() - T0) / 1000, results }, null, 2));
  console.log(`${code === 0 ? 'PASS' : 'FAIL'}  e2e in ${secs()}s; screenshots and report.json in ${path.relative(ROOT, OUT)}/`);
  // The plain closing line CI reads: steps passed and failed.
  const passed = results.filter((r) => r.ok).length;
  console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
  return code;
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    console.log(`FAIL  ${(e as Error).stack ?? String(e)}`);
    await cleanup();
    process.exit(1);
  },
);
