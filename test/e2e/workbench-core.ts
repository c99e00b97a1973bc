// The frame of the e2e runner's workbench driver: polled waits with a deadline (and the guard every wait calls),
// commands through the palette, opening a file, the cursor and focus, what the status bar and the editor's tokens
// say. Workbench (workbench.ts) adds the panels and widgets on top. Nothing sleeps for a fixed time.
import type { Page } from 'playwright-core';
import { waitFor } from './wait';

// Deadlines for the workbench to react; generous because CI machines are slow and busy (a deadline only
// costs time when something is wrong). SRM_E2E_TIMEOUT_SCALE multiplies them.
const SCALE = Number(process.env.SRM_E2E_TIMEOUT_SCALE ?? '1') || 1;
export const scaled = (n: number): number => Math.round(n * SCALE);
const t = scaled; // short: every wait below has one

export class WorkbenchCore {
  /** Called during every wait: throws FatalSignal when something went fatally wrong (a failure notification). */
  guard: () => Promise<void> = async () => {};

  constructor(readonly page: Page) {}

  async wait<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = t(30_000)): Promise<T> {
    return waitFor(
      what,
      async () => {
        await this.guard();
        return probe();
      },
      { timeoutMs },
    );
  }

  async open(url: string): Promise<void> {
    // tsx/esbuild wrap named functions in __name(...) (keepNames); the functions this file sends to
    // the page for evaluation need that helper there too.
    await this.page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await this.page.goto(url);
    await this.page.waitForSelector('.monaco-workbench .part.editor', { timeout: t(120_000) });
    // The workbench is interactive once the status bar and activity bar are there.
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: t(60_000) });
  }

  /** Runs a command through the command palette (F1), matched by its label. */
  async command(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = await this.page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: t(30_000) });
    await input.fill(`>${label}`);
    await this.wait(`command "${label}" in the palette`, async () =>
      (await this.page.$$eval('.quick-input-list .monaco-list-row', (rows, l) => rows.some((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').includes(l)), label)),
    );
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: t(30_000) });
  }

  /** Opens a file with Quick Open (Ctrl+P accepts an absolute path) and waits for its tab to be active. */
  async openFile(absPath: string): Promise<void> {
    const base = absPath.split('/').pop() ?? absPath;
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press('Control+P');
      const input = await this.page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: t(30_000) });
      await input.fill(absPath);
      // Enter only once the focused (first) pick is the file: the list re-renders as results arrive, and an
      // Enter in between opens nothing.
      const row = await this.page
        .waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${base}"]`, { timeout: t(30_000) })
        .then(() => true, () => false);
      await this.page.keyboard.press(row ? 'Enter' : 'Escape');
      const opened = await this.page
        .waitForSelector(`.tabs-container .tab.active[data-resource-name="${base}"]`, { timeout: t(30_000) })
        .then(() => true, () => false);
      if (opened) break;
      if (process.env.SRM_E2E_DEBUG) {
        console.error(`[e2e debug] Quick Open attempt ${attempt + 1} for ${base}: row ${row}, tabs ${JSON.stringify(await this.page.$$eval('.tabs-container .tab', (ts) => ts.map((x) => `${x.getAttribute('data-resource-name')}${x.classList.contains('active') ? '*' : ''}`)))}`);
        await this.page.screenshot({ path: `/tmp/srm-e2e-quickopen-${attempt}.png` });
      }
      if (attempt >= 2) throw new Error(`could not open ${absPath} with Quick Open`);
    }
    await this.page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines', { timeout: t(30_000) });
    await this.waitEditorFocused();
  }

  async activeTabDirty(): Promise<boolean> {
    return (await this.page.$('.tabs-container .tab.active.dirty')) !== null;
  }

  /** The "Ln L, Col C" of the status bar, 1-based. */
  async cursor(): Promise<{ line: number; column: number } | null> {
    const text = await this.page
      .$eval('[id="status.editor.selection"]', (e) => e.textContent ?? '')
      .catch(() => '');
    const m = /Ln (\d+), Col (\d+)/.exec(text);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
  }

  /** Focuses the active editor. */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.command('View: Focus Active Editor Group');
  }

  /** Moves the cursor with Go to Line (Ctrl+G, "L:C"; 1-based) and waits for the status bar to show it. */
  async goto(line: number, column: number): Promise<void> {
    await this.page.click('.editor-group-container.active .monaco-editor .view-lines');
    await this.page.keyboard.press('Control+G');
    const input = await this.page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: t(30_000) });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.wait(`cursor at Ln ${line}, Col ${column}`, async () => {
      const c = await this.cursor();
      return c && c.line === line && c.column === column;
    });
    await this.waitEditorFocused();
  }

  /** Waits until the keyboard goes to the active editor (Go to Line and Quick Open hand it back asynchronously). */
  async waitEditorFocused(): Promise<void> {
    await this.wait('the editor to have keyboard focus', async () =>
      this.page.evaluate(() => {
        const a = document.activeElement;
        return !!a && !!a.closest('.editor-group-container.active .monaco-editor') && !document.querySelector('.quick-input-widget:not([style*="display: none"]) input:focus');
      }),
    );
  }

  /** The editor's language as the status bar names it. */
  async languageMode(): Promise<string | null> {
    return this.page.$eval('[id="status.editor.mode"]', (e) => (e.textContent ?? '').trim()).catch(() => null);
  }

  /** The CSS classes (mtkN = a colour) of the editor's rendered tokens whose text is exactly `text`. */
  async tokenClasses(text: string): Promise<string[]> {
    return this.page.$$eval(
      '.editor-group-container.active .monaco-editor .view-line span span',
      // Monaco draws spaces as U+00A0.
      (spans, t) => spans.filter((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').trim() === t).map((e) => e.className),
      text,
    );
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}
