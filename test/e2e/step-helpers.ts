// Helpers the steps share, on the session's workspace copy: where an anchor is, the Problems of one file, compare, undo, break the clean file.
import fs from 'node:fs';
import path from 'node:path';
import { debug, ms } from './common';
import { anchorPosition, scenarios, type Anchor, type ExpectedProblem } from './scenarios';
import type { Session } from './session';
import { waitFor, type Problem, type Workbench } from './workbench';

const S = scenarios;

/** Opens the clean example, makes its planned mistake (S.clean.probe) by typing, and waits for the server to list it. */
export async function breakCleanFile(s: Session, why: string): Promise<void> {
  const { wb } = s;
  const rel = S.clean.file;
  const probe = S.clean.probe;
  await wb.openFile(fileIn(s, rel));
  const at = where(s, rel, probe.at);
  await wb.goto(at.line, at.column);
  for (let i = 0; i < probe.length; i++) await wb.page.keyboard.press('Shift+ArrowRight');
  await wb.page.keyboard.type(probe.replacement);
  await wb.wait(`${probe.code} on ${rel}:${at.line} ${why}`, async () => (await problemsOf(wb, rel)).some((p) => p.code === probe.code && p.line === at.line), ms(45_000));
}

export function fileIn(s: Session, rel: string): string {
  return path.join(s.workspace, rel);
}
/** 1-based line and column of an anchor, as Go to Line and the Problems panel count. */
export function where(s: Session, rel: string, a: Anchor): { line: number; column: number } {
  const p = anchorPosition(fs.readFileSync(fileIn(s, rel), 'utf8'), a, rel);
  return { line: p.line + 1, column: p.character + 1 };
}
export const inFile = (rel: string) => (p: Problem): boolean => {
  const base = path.basename(rel);
  return p.file !== null && (p.file === base || p.file.endsWith(`/${base}`) || p.file.startsWith(`${base} `) || p.file.includes(base));
};
export const show = (ps: Problem[]): string =>
  ps.length ? ps.map((p) => `  ${p.severity} ${p.line}:${p.column} ${p.source ?? ''}(${p.code ?? ''}) ${p.message}`).join('\n') : '  (none)';

/** Pairs expected with actual problems; returns what is missing and what is extra. */
export function compareProblems(s: Session, rel: string, expected: ExpectedProblem[], actual: Problem[]): { missing: ExpectedProblem[]; extra: Problem[] } {
  const left = [...actual];
  const missing: ExpectedProblem[] = [];
  for (const e of expected) {
    const line = e.at ? where(s, rel, e.at).line : null;
    const i = left.findIndex((p) => p.code === e.code && p.severity === e.severity && e.message.test(p.message) && (line === null || p.line === line));
    if (i < 0) missing.push(e);
    else left.splice(i, 1);
  }
  return { missing, extra: left };
}

/** Undo until the active tab is no longer dirty (the file is as on disk again). Undo at the bottom of the
 * stack is a no-op, so an extra Ctrl+Z cannot overshoot: the suite never saves. */
export async function undoAll(wb: Workbench): Promise<void> {
  debug('undo until clean');
  for (let i = 0; i < 10 && (await wb.activeTabDirty()); i++) {
    debug(`undo ${i + 1}`);
    await wb.page.keyboard.press('Control+Z');
    await waitFor('the undo to make the file clean', async () => !(await wb.activeTabDirty()), { timeoutMs: 1000 }).catch(() => {});
  }
  await wb.wait('the file to be unmodified after undo', async () => !(await wb.activeTabDirty()), ms(10_000));
}

export async function problemsOf(wb: Workbench, rel: string): Promise<Problem[]> {
  await wb.showProblems(); // a no-op when the panel is open; steps run alone (--only) need it
  return (await wb.problems()).filter(inFile(rel));
}
