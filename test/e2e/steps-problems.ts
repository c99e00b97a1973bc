// The steps on the Problems panel: the example's mistakes listed exactly, none on the clean file, a severity setting applied.
import fs from 'node:fs';
import { log, ms, ServerFailed } from './common';
import { scenarios, type SeverityName } from './scenarios';
import { breakCleanFile, compareProblems, fileIn, problemsOf, show, undoAll } from './step-helpers';
import type { Step } from './step-runner';
import { FatalSignal, waitFor, type Problem } from './workbench';

const S = scenarios;

export const mistakesListedStep: Step = {
  name: 'mistakes-listed',
  async run(s, shot) {
    const { wb } = s;
    const rel = S.mistakes.file;
    await wb.openFile(fileIn(s, rel));
    await wb.showProblems();
    let last: Problem[] = [];
    await wb
      .wait(
        `the Problems panel to list exactly the expected problems of ${rel}`,
        async () => {
          last = await problemsOf(wb, rel);
          const { missing, extra } = compareProblems(s, rel, S.mistakes.problems, last);
          return missing.length === 0 && extra.length === 0;
        },
        ms(90_000),
      )
      .catch((e: unknown) => {
        if (e instanceof FatalSignal) throw new ServerFailed(e.message);
        const { missing, extra } = compareProblems(s, rel, S.mistakes.problems, last);
        const msg =
          last.length === 0
            ? `no problems listed for ${rel}: the srm language server failed or never answered (no diagnostics within ${ms(90)} s)`
            : `the Problems panel of ${rel} differs from the expectation`;
        throw new (last.length === 0 ? ServerFailed : Error)(
          `${msg}\nlisted:\n${show(last)}\nmissing:\n${missing.map((m) => `  ${m.severity} (${m.code}) ${m.message}`).join('\n') || '  (none)'}\nunexpected:\n${show(extra)}`,
        );
      });
    // The list is virtualised: check that it rendered every entry the Problems badge counts.
    const copied = await problemsOf(wb, rel);
    // (The badge follows the panel with a delay; a missing badge is not a failure, a different count is.)
    const badge = await waitFor('the Problems badge', async () => {
      const b = await wb.problemsBadge();
      return b === copied.length ? b : null;
    }, { timeoutMs: ms(10_000) }).catch(() => wb.problemsBadge());
    if (badge !== null && badge !== copied.length) throw new Error(`the Problems badge says ${badge}, ${copied.length} rows are rendered: enlarge the viewport`);
    for (const p of copied) if (p.source !== 'srm') throw new Error(`problem without source "srm": ${show([p])}`);
    const mode = await wb.languageMode();
    if (!mode || !S.languageName.test(mode)) throw new Error(`status bar language is ${JSON.stringify(mode)}, expected ${S.languageName}`);
    log(`listed ${copied.length} problems (badge: ${badge ?? "none"}); language mode "${mode}"`);
    await shot();
  },
};

export const cleanHasNoneStep: Step = {
  name: 'clean-has-none',
  async run(s, shot) {
    const { wb } = s;
    const rel = S.clean.file;
    // The server answers for this file: the mistake made on purpose is listed...
    await breakCleanFile(s, 'after breaking it on purpose');
    await shot('probe');
    // ...and once undone, nothing is.
    await undoAll(wb);
    let last: Problem[] = [];
    await wb
      .wait(`no problems for ${rel}`, async () => {
        last = await problemsOf(wb, rel);
        return last.length === 0;
      }, ms(45_000))
      .catch((e: unknown) => {
        if (e instanceof FatalSignal) throw e;
        throw new Error(`${rel} should have no problems, the panel lists:\n${show(last)}`);
      });
    await shot();
  },
};

export const severitySettingStep: Step = {
  name: 'severity-setting',
  async run(s, shot) {
    const { wb } = s;
    const c = S.setting;
    await wb.openFile(fileIn(s, c.file));
    const has = (sev: SeverityName | null) => async (): Promise<boolean> => {
      const ps = (await problemsOf(wb, c.file)).filter((p) => p.code === c.code);
      return sev === null ? ps.length === 0 && (await problemsOf(wb, c.file)).length > 0 : ps.length > 0 && ps.every((p) => p.severity === sev);
    };
    await wb.wait(`${c.code} listed as ${c.before}`, has(c.before), ms(45_000));
    const original = fs.readFileSync(s.dirs.settingsFile, 'utf8');
    const settings = JSON.parse(original) as Record<string, unknown>;
    await wb.writeUserSettings(JSON.stringify({ ...settings, [c.key]: c.value }, null, 2));
    await wb.openFile(fileIn(s, c.file));
    await wb.wait(`${c.code} listed as ${c.after ?? 'nothing'} after setting ${c.key} = ${JSON.stringify(c.value)}`, has(c.after), ms(45_000)).catch(async (e: unknown) => {
      if (e instanceof FatalSignal) throw e;
      throw new Error(`${(e as Error).message}\nlisted:\n${show(await problemsOf(wb, c.file))}`);
    });
    await shot();
    await wb.writeUserSettings(original);
    await wb.openFile(fileIn(s, c.file));
    await wb.wait(`${c.code} back to ${c.before} after removing the setting`, has(c.before), ms(45_000));
  },
};
