// Runs steps one after another in a session: one ok/FAIL line and screenshots per step; the first failure stops the run.
import path from 'node:path';
import { ROOT } from './code-server';
import { OUT, ServerFailed } from './common';
import type { Session } from './session';
import { FatalSignal } from './workbench';

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  error?: string;
  screenshot?: string;
}

export type Step = { name: string; run: (s: Session, shot: (suffix?: string) => Promise<string>) => Promise<void> };

export async function runSteps(s: Session, selected: Step[], results: StepResult[], expectFailure = false): Promise<void> {
  let n = results.length;
  for (const step of selected) {
    n++;
    const t = Date.now();
    const shots: string[] = [];
    const shot = async (suffix?: string): Promise<string> => {
      const f = path.join(OUT, `${String(n).padStart(2, '0')}-${step.name}${suffix ? `-${suffix}` : ''}.png`);
      await s.wb.screenshot(f);
      shots.push(path.relative(ROOT, f));
      return f;
    };
    try {
      await step.run(s, shot);
      const r = { name: step.name, ok: true, seconds: (Date.now() - t) / 1000, screenshot: shots.join(' ') };
      results.push(r);
      console.log(`ok    ${step.name} (${r.seconds.toFixed(1)}s) ${r.screenshot}`);
    } catch (e) {
      await shot('failed').catch(() => '');
      const err = e instanceof Error ? e : new Error(String(e));
      const r = { name: step.name, ok: false, seconds: (Date.now() - t) / 1000, error: err.message, screenshot: shots.join(' ') };
      results.push(r);
      console.log(`${expectFailure ? 'xfail' : 'FAIL '} ${step.name} (${r.seconds.toFixed(1)}s): ${err.message}`);
      if (err instanceof ServerFailed || err instanceof FatalSignal) throw new ServerFailed(err.message);
      // One failed step can leave the editor in any state: stop here rather than report follow-on failures.
      throw err;
    }
  }
}
