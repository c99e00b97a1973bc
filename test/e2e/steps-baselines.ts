// The steps on baselines (docs/baselines.md): a document under microsoft-2026 gets that edition's findings and a hover
// that names both editions; completion under microsoft-ai offers the AI layers. (The matrix of a document under a
// custom baseline: matrixBaselineStep in matrix.e2e.ts.)
import fs from 'node:fs';
import { log, ms } from './common';
import { scenarios } from './scenarios';
import { compareProblems, fileIn, problemsOf, show, undoAll, where } from './step-helpers';
import type { Step } from './step-runner';
import { FatalSignal, type Problem } from './workbench';

const B = scenarios.baselines;

export const baselineEditionStep: Step = {
  name: 'baseline-2026',
  async run(s, shot) {
    const { wb } = s;
    const e = B.edition;
    const rel = e.file;
    // Only this file's problems in the panel (the earlier steps' files are closed, their problems cleared).
    await wb.command('View: Close All Editors');
    await wb.openFile(fileIn(s, rel));
    await wb.showProblems();
    // The file as it is has no findings (the server has seen it once the edit below is listed).
    const at = where(s, rel, e.edit.at);
    await wb.goto(at.line, at.column);
    for (let i = 0; i < e.edit.length; i++) await wb.page.keyboard.press('Shift+ArrowRight');
    await wb.page.keyboard.type(e.edit.replacement);
    let last: Problem[] = [];
    await wb
      .wait(`the Problems panel to list exactly the expected problems of ${rel} after the edit`, async () => {
        last = await problemsOf(wb, rel);
        const { missing, extra } = compareProblems(s, rel, e.problems, last);
        return missing.length === 0 && extra.length === 0;
      }, ms(45_000))
      .catch((err: unknown) => {
        if (err instanceof FatalSignal) throw err;
        const { missing, extra } = compareProblems(s, rel, e.problems, last);
        throw new Error(
          `the Problems panel of ${rel} differs from the expectation\nlisted:\n${show(last)}\nmissing:\n${missing.map((m) => `  ${m.severity} (${m.code}) ${m.message}`).join('\n') || '  (none)'}\nunexpected:\n${show(extra)}`,
        );
      });
    // On the value itself, and not the customer-only-duty of microsoft-diagram.
    const bad = last.filter((p) => p.code === 'customer-only-duty');
    if (bad.length) throw new Error(`customer-only-duty listed under microsoft-2026:\n${show(bad)}`);
    const mismatch = last.find((p) => p.code === 'model-mismatch');
    if (mismatch?.column !== at.column) throw new Error(`model-mismatch should start at the value (column ${at.column}):\n${show(last)}`);
    log(`${rel}: ${show(last).trim()}`);
    // Typing opened the suggest widget: close it for the picture.
    await wb.page.keyboard.press('Escape');
    await wb.page.mouse.move(0, 0);
    await shot('problems');

    // The hover on the layer key: this document's baseline, and where the other editions differ.
    const h = where(s, rel, e.hover.at);
    await wb.goto(h.line, h.column);
    const hover = await wb.hoverAtCursor();
    const failed = e.hover.expect.filter((re) => !re.test(hover.markdown));
    // The picture shows the end of the hover: the baseline and the other editions.
    if (!failed.length) await wb.scrollHoverToEnd();
    await shot('hover');
    await wb.page.keyboard.press('Escape');
    if (failed.length) throw new Error(`hover at ${rel}:${h.line}:${h.column} does not match ${failed.join(', ')}:\n${hover.markdown}`);
    log(`hover: ${JSON.stringify(hover.markdown.slice(-200))}`);

    await undoAll(wb);
    await wb.wait(`no problems for ${rel} after undoing the edit`, async () => (await problemsOf(wb, rel)).length === 0, ms(45_000));
  },
};

export const baselineCompletionStep: Step = {
  name: 'baseline-ai-completion',
  async run(s, shot) {
    const { wb } = s;
    const c = B.completion;
    const text = fs.readFileSync(fileIn(s, c.file), 'utf8');
    const from = where(s, c.file, c.clear);
    const lines = text.split('\n');
    const indent = /^\s*/.exec(lines[from.line - 1] ?? '')?.[0] ?? '';
    const lastLine = (lines[from.line + c.lines - 2] ?? '').replace(/\r$/, '');
    await wb.openFile(fileIn(s, c.file));
    // Select the lines (from the first's start to the last's end) and type the indentation over them.
    await wb.goto(from.line, 1);
    for (let i = 1; i < c.lines; i++) await wb.page.keyboard.press('Shift+ArrowDown');
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type(indent);
    await wb.wait(`the cursor on the emptied line ${from.line}`, async () => {
      const cur = await wb.cursor();
      return cur?.line === from.line && cur.column === indent.length + 1;
    });
    const { labels, ok } = await wb.suggestions((ls) => c.expectLabels.every((l) => ls.includes(l)), ms(45_000));
    await shot();
    await wb.page.keyboard.press('Escape');
    await undoAll(wb);
    if (!ok) throw new Error(`completion on the emptied line ${c.file}:${from.line} (${JSON.stringify(lastLine.trim())} and the lines above removed) offers [${labels.join(', ')}], expected ${c.expectLabels.join(', ')}`);
    const rejected = c.rejectLabels.filter((l) => labels.includes(l));
    if (rejected.length) throw new Error(`completion under the file's baseline should not offer ${rejected.join(', ')}: [${labels.join(', ')}]`);
    log(`completions: ${labels.join(', ')}`);
  },
};
