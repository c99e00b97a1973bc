// The steps on the editor's language features: hover, grammar colours, completion, quick fix.
import fs from 'node:fs';
import { debug, log, ms } from './common';
import { scenarios } from './scenarios';
import { fileIn, problemsOf, undoAll, where } from './step-helpers';
import type { Step } from './step-runner';
import type { Problem } from './workbench';

const S = scenarios;

export const hoverLayerStep: Step = {
  name: 'hover-layer',
  async run(s, shot) {
    const { wb } = s;
    const rel = S.hover.file;
    await wb.openFile(fileIn(s, rel));
    const at = where(s, rel, S.hover.at);
    await wb.goto(at.line, at.column);
    const hover = await wb.hoverAtCursor();
    const failed = S.hover.expect.filter((re) => !re.test(hover.markdown));
    await shot();
    await wb.page.keyboard.press('Escape');
    if (failed.length) throw new Error(`hover at ${rel}:${at.line}:${at.column} does not match ${failed.join(', ')}:\n${hover.markdown}`);
    log(`hover: ${JSON.stringify(hover.markdown.slice(0, 200))}`);
  },
};

export const grammarColoursStep: Step = {
  name: 'grammar-colours',
  async run(s, shot) {
    const { wb } = s;
    const g = S.grammar;
    await wb.openFile(fileIn(s, g.file));
    const rendered = (text: string): Promise<string[]> =>
      wb.wait(`the token "${text}" to be rendered`, async () => {
        const c = await wb.tokenClasses(text);
        return c.length ? c : null;
      });
    const report: string[] = [];
    for (const { token, like } of g.pairs) {
      const at = where(s, g.file, { text: token });
      await wb.goto(at.line, at.column);
      const a = [...new Set(await rendered(token))];
      const b = [...new Set(await rendered(like))];
      if (a.some((c) => b.includes(c))) throw new Error(`"${token}" is drawn like "${like}" (${a.join('/')}): the srm grammar does not colour it`);
      report.push(`${token}=${a.join('/')} vs ${like}=${b.join('/')}`);
    }
    log(`token colours: ${report.join(', ')}`);
    await shot();
  },
};

export const completionLayerStep: Step = {
  name: 'completion-layer',
  async run(s, shot) {
    const { wb } = s;
    const c = S.completion;
    const text = fs.readFileSync(fileIn(s, c.file), 'utf8');
    const at = where(s, c.file, c.after);
    const lineText = text.split('\n')[at.line - 1] ?? '';
    const indent = /^\s*/.exec(lineText)?.[0] ?? '';
    debug('completion: open');
    await wb.openFile(fileIn(s, c.file));
    debug('completion: goto');
    await wb.goto(at.line, lineText.replace(/\r$/, '').length + 1);
    debug('completion: type');
    await wb.page.keyboard.press('Enter');
    // Replace whatever indentation the editor inserted with the sibling keys' indentation.
    await wb.page.keyboard.press('Shift+Home');
    await wb.page.keyboard.type(indent + c.type);
    const { labels, ok } = await wb.suggestions((ls) => c.expectLabels.every((l) => ls.includes(l)), ms(45_000));
    if (!ok) throw new Error(`typing "${c.type}" on a new line after ${c.file}:${at.line} offers [${labels.join(', ')}], expected ${c.expectLabels.join(', ')}`);
    const rejected = c.rejectLabels.filter((l) => labels.includes(l));
    debug('completion: listed');
    await shot();
    await wb.page.keyboard.press('Escape');
    await undoAll(wb);
    if (rejected.length) throw new Error(`completions should not offer ${rejected.join(', ')}: [${labels.join(', ')}]`);
    log(`completions: ${labels.join(', ')}`);
  },
};

export const quickFixStep: Step = {
  name: 'quick-fix',
  async run(s, shot) {
    const { wb } = s;
    const q = S.quickFix;
    await wb.openFile(fileIn(s, q.file));
    const at = where(s, q.file, q.at);
    const here = (p: Problem): boolean => p.code === q.code && p.line === at.line;
    const target = await wb.wait(`${q.code} at ${q.file}:${at.line}`, async () => (await problemsOf(wb, q.file)).find(here), ms(45_000));
    const before = (await problemsOf(wb, q.file)).length;
    // Ctrl+. offers the fixes of the diagnostics under the cursor: go to where the problem starts.
    await wb.goto(target.line ?? at.line, target.column ?? at.column);
    const titles = await wb.quickFixes();
    const title = titles.find((t) => q.title.test(t));
    await shot('menu');
    if (!title) {
      await wb.page.keyboard.press('Escape');
      throw new Error(`no quick fix matching ${q.title} at ${q.file}:${at.line}; offered: ${titles.join(' | ')}`);
    }
    log(`applying quick fix "${title}"`);
    await wb.applyQuickFix(title);
    await wb.wait(`${q.code} at line ${at.line} to go away after the quick fix`, async () => {
      const ps = await problemsOf(wb, q.file);
      return !ps.some(here) && ps.length < before;
    }, ms(45_000));
    await shot();
    await undoAll(wb);
    await wb.wait(`${q.code} back after undoing the fix`, async () => (await problemsOf(wb, q.file)).some(here), ms(45_000));
  },
};
