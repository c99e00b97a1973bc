// The negative check: with a server that throws at start-up (SRM_TEST_THROW_ON_START=1) the first step must fail, because the server failed.
import fs from 'node:fs';
import type { InstalledEnv } from './code-server';
import { log, ServerFailed } from './common';
import { opt } from './options';
import { cleanup, startSession, type Session } from './session';
import { runSteps, type StepResult } from './step-runner';
import { steps } from './steps';

/** Runs the check in a session of its own and adds its result to `results`; returns the exit code, 0 or 1. */
export async function negativeCheck(cs: InstalledEnv, vsix: string | null, results: StepResult[]): Promise<number> {
  let code = 0;
  // The suite must be able to fail: a server that throws at start-up has to fail the first step
  // with a message saying the server failed.
  log('negative check: SRM_TEST_THROW_ON_START=1, the first step must fail because the server failed');
  const t = Date.now();
  let s: Session | null = null;
  try {
    s = await startSession(cs, vsix, 'negative', { SRM_TEST_THROW_ON_START: '1' });
    const neg: StepResult[] = [];
    const first = steps.find((st) => st.name === 'mistakes-listed');
    if (!first) throw new Error('no mistakes-listed step');
    await runSteps(s, [{ ...first, name: 'negative-mistakes-listed' }], neg, true).then(
      () => {
        throw new Error('the suite PASSED although the server throws at start-up (is SRM_TEST_THROW_ON_START honoured in server/src/lsp/main.ts?)');
      },
      (e: unknown) => {
        if (!(e instanceof ServerFailed)) throw new Error(`the suite failed, but not because the server failed: ${(e as Error).message}`);
      },
    );
    results.push({ name: 'negative-check', ok: true, seconds: (Date.now() - t) / 1000 });
    console.log(`ok    negative-check (${((Date.now() - t) / 1000).toFixed(1)}s): with SRM_TEST_THROW_ON_START=1 the suite fails with "the srm language server failed"`);
  } catch (e) {
    code = 1;
    results.push({ name: 'negative-check', ok: false, seconds: (Date.now() - t) / 1000, error: (e as Error).message });
    console.log(`FAIL  negative-check: ${(e as Error).message}`);
  } finally {
    await cleanup();
    if (s && code === 0 && !opt.keep) fs.rmSync(s.dirs.run, { recursive: true, force: true });
  }
  return code;
}
