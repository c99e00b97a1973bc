// The steps on the editor across files (the workspace index): go to definition from a team reference to the
// registry in another file, rename a team across the registry and two files, an inlay hint of the expected owner,
// and "SRM: Check Workspace" listing a finding of a file that was never opened. Their files (scenarios.acrossFiles)
// are written into the workspace copy by the first of these steps that runs (each can run alone with --only); the
// examples are left as they are.
import fs from 'node:fs';
import path from 'node:path';
import { log, ms } from './common';
import { anchorPosition, scenarios } from './scenarios';
import { writeTree } from '../temp-tree';
import { fileIn, problemsOf, show, where } from './step-helpers';
import type { Step } from './step-runner';
import type { Session } from './session';
import { FatalSignal, type Problem } from './workbench';

const W = scenarios.acrossFiles;
const rel = (f: string): string => path.join(W.folder, f);

/** Writes the files of scenarios.acrossFiles that are not in the workspace copy yet; one an earlier step wrote (and
 * maybe renamed in) stays as it is. */
function writeFiles(s: Session): void {
  writeTree(fileIn(s, W.folder), Object.fromEntries(Object.entries(W.files).filter(([f]) => !fs.existsSync(fileIn(s, rel(f))))));
}

/** The text of the active editor's rendered lines (spaces as the editor draws them, U+00A0, made plain). */
async function renderedLines(s: Session): Promise<string[]> {
  return s.wb.page.$$eval('.editor-group-container.active .monaco-editor .view-lines .view-line', (ls) => ls.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')));
}

export const definitionAcrossFilesStep: Step = {
  name: 'definition-across-files',
  async run(s, shot) {
    const { wb } = s;
    writeFiles(s);
    const d = W.definition;
    await wb.command('View: Close All Editors');
    await wb.openFile(fileIn(s, rel(d.file)));
    const at = where(s, rel(d.file), d.at);
    const target = where(s, rel(d.target), d.targetAt);
    await wb.goto(at.line, at.column);
    let pressed = 0;
    await wb.wait(`Go to Definition (F12) on ${d.file}:${at.line} to open ${d.target} at line ${target.line}`, async () => {
      // F12 again when nothing happened (pressed before the server knew the file).
      if (Date.now() - pressed > 3000) {
        await wb.page.keyboard.press('F12');
        pressed = Date.now();
      }
      const active = await wb.page.$(`.tabs-container .tab.active[data-resource-name="${d.target}"]`);
      return active !== null && (await wb.cursor())?.line === target.line;
    }, ms(45_000));
    await shot();
    log(`definition: ${d.file}:${at.line} -> ${d.target}:${target.line}`);
  },
};

export const renameAcrossFilesStep: Step = {
  name: 'rename-across-files',
  async run(s, shot) {
    const { wb } = s;
    const r = W.rename;
    writeFiles(s);
    await wb.command('View: Close All Editors');
    await wb.openFile(fileIn(s, rel(r.file)));
    const at = where(s, rel(r.file), r.at);
    await wb.goto(at.line, at.column);
    // The rename edits what the server's workspace index knows of: files written moments ago (by the step before, or
    // by writeFiles) reach it through the file watcher, later than the editor sees them. Before F2, the references
    // of the id (the sites the rename edits) must be in every file that names it; otherwise the edit would leave a
    // file out, and no wait afterwards could bring it in.
    const t0 = Date.now();
    const listed = await wb.referencesIn(r.changed, ms(45_000));
    log(`references of ${r.oldName} before the rename (after ${((Date.now() - t0) / 1000).toFixed(1)} s): ${listed.join(', ')}`);
    await wb.goto(at.line, at.column);
    const box = '.monaco-editor .rename-box input, .monaco-editor .rename-box textarea';
    // The widget stays in the page once shown (hidden between renames): visible is what counts.
    const boxVisible = () => wb.page.locator(box).first().isVisible().catch(() => false);
    let pressed = 0;
    await wb.wait('the rename box (F2)', async () => {
      if (Date.now() - pressed > 3000) {
        await wb.page.keyboard.press('F2');
        pressed = Date.now();
      }
      return boxVisible();
    }, ms(30_000));
    // The box holds the old name, selected (the server's prepareRename placeholder): type over it.
    let value = '';
    let since = 0;
    await wb.wait(`the rename box to hold ${r.oldName} (for half a second: prepareRename has answered)`, async () => {
      value = await wb.page.$eval(box, (e) => (e as HTMLInputElement).value || e.textContent || '').catch(() => '');
      if (value !== r.oldName) since = 0;
      else if (since === 0) since = Date.now();
      return since > 0 && Date.now() - since >= 500;
    }, ms(10_000)).catch(() => {
      throw new Error(`the rename box holds ${JSON.stringify(value)}, expected ${r.oldName}`);
    });
    // Into the box (not the editor behind it; the box is filled again when prepareRename answers, which would eat
    // keystrokes typed meanwhile): set its text once it holds the old name, and check it holds the new one.
    const boxValue = () => wb.page.$eval(box, (e) => (e as HTMLInputElement).value || e.textContent || '').catch(() => '');
    await wb.wait(`the rename box to hold ${r.newName}`, async () => {
      if ((await boxValue()) !== r.newName) await wb.page.locator(box).first().fill(r.newName);
      return (await boxValue()) === r.newName;
    }, ms(10_000));
    await shot('box');
    await wb.page.keyboard.press('Enter');
    const renamed = r.at.text.replace(r.oldName, r.newName);
    await wb.wait(`the rename to be applied (the editor shows "${renamed}", the box gone)`, async () => !(await boxVisible()) && (await renderedLines(s)).some((l) => l.includes(renamed)), ms(30_000));
    await wb.waitEditorFocused();
    // The files were edited without being opened in an editor. VS Code saves what a refactoring changed itself
    // (files.refactoring.autoSave, on by default); without that, "File: Save All". Then the disk is read.
    const texts = () => r.changed.map((f) => fs.readFileSync(fileIn(s, rel(f)), 'utf8'));
    const notRenamed = () =>
      r.changed.filter((f) => {
        const t = fs.readFileSync(fileIn(s, rel(f)), 'utf8');
        return !t.includes(r.newName) || t.includes(r.oldName);
      });
    const saved = await wb.wait('the renamed files to be saved', async () => notRenamed().length === 0, ms(5_000)).then(() => true, () => false);
    if (!saved) await wb.command('File: Save All');
    await wb.wait(`every file (${r.changed.join(', ')}) to name ${r.newName} and none ${r.oldName}`, async () => notRenamed().length === 0, ms(30_000)).catch((e: unknown) => {
      throw new Error(`${(e as Error).message}; not renamed on disk: ${notRenamed().join(', ')}\n${r.changed.map((f, i) => `--- ${f}\n${texts()[i]}`).join('\n')}`);
    });
    // The tab shows the save a moment after the disk has it; one that stays modified got a keystroke meant elsewhere.
    await wb.wait(`${r.file} to show as saved`, async () => !(await wb.activeTabDirty()), ms(10_000)).catch((e: unknown) => {
      if (e instanceof FatalSignal) throw e;
      throw new Error(`${r.file} is modified after the rename was saved: a keystroke went to the editor`);
    });
    // The renamed team still resolves: no unknown-team anywhere in these files.
    // (One file after the other: problemsOf may run a command, and keystrokes of commands run at once would land
    // in the Problems panel and the editor.)
    let last: Problem[] = [];
    await wb.wait('no unknown-team after the rename', async () => {
      last = [];
      for (const f of r.changed) last.push(...(await problemsOf(wb, f)));
      return !last.some((p) => p.code === 'unknown-team');
    }, ms(30_000)).catch(() => {
      throw new Error(`unknown-team listed after the rename:\n${show(last)}`);
    });
    await shot();
    log(`renamed ${r.oldName} to ${r.newName} in ${r.changed.join(', ')}`);
  },
};

export const inlayHintStep: Step = {
  name: 'inlay-hint',
  async run(s, shot) {
    const { wb } = s;
    const h = W.inlayHint;
    writeFiles(s);
    await wb.openFile(fileIn(s, rel(h.file)));
    let lines: string[] = [];
    await wb.wait(`the inlay hint "${h.label}" in ${h.file}`, async () => {
      lines = await renderedLines(s);
      return lines.some((l) => l.includes(h.label));
    }, ms(45_000)).catch(() => {
      throw new Error(`no inlay hint "${h.label}" in ${h.file}; rendered lines:\n${lines.join('\n')}`);
    });
    log(`inlay hint: ${lines.find((l) => l.includes(h.label))?.trim()}`);
    await shot();
  },
};

export const checkWorkspaceStep: Step = {
  name: 'check-workspace',
  async run(s, shot) {
    const { wb } = s;
    const c = W.check;
    writeFiles(s);
    // Written now and never opened: only the workspace check can know of its finding.
    fs.writeFileSync(fileIn(s, rel(c.file)), c.text);
    const line = anchorPosition(c.text, c.at).line + 1;
    await wb.command('View: Close All Editors');
    await wb.command('SRM: Check Workspace');
    await wb.showProblems();
    let last: Problem[] = [];
    await wb.wait(`the Problems panel to list ${c.code} of the unopened ${c.file} at line ${line}`, async () => {
      last = await problemsOf(wb, c.file);
      return last.some((p) => p.code === c.code && p.line === line);
    }, ms(45_000)).catch(() => {
      throw new Error(`${c.file} (never opened): ${c.code} at line ${line} not listed; listed:\n${show(last)}`);
    });
    if (await wb.page.$(`.tabs-container .tab[data-resource-name="${c.file}"]`)) throw new Error(`${c.file} was opened in an editor`);
    await shot();
    log(`check workspace: ${show(last).trim()}`);
  },
};
