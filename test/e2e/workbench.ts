// Drives the VS Code workbench in Chromium the way a user does (keyboard, Problems panel, hover,
// suggest widget, quick-fix menu, notifications) and reads what is on screen. Every wait is a
// condition polled until a deadline; nothing sleeps for a fixed time.
import type { Page } from 'playwright-core';
import { FatalSignal, waitFor } from './wait';

export { FatalSignal, WaitTimeout, waitFor } from './wait';

// Deadlines for the workbench to react; generous because CI machines are slow and busy (a deadline only
// costs time when something is wrong). SRM_E2E_TIMEOUT_SCALE multiplies them.
const SCALE = Number(process.env.SRM_E2E_TIMEOUT_SCALE ?? '1') || 1;
const t = (n: number): number => Math.round(n * SCALE);

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Problem {
  file: string | null;
  line: number | null;
  column: number | null;
  severity: Severity | string | null;
  message: string;
  source: string | null;
  code: string | null;
}

const SEVERITY_BY_NUMBER: Record<number, Severity> = { 8: 'error', 4: 'warning', 2: 'info', 1: 'hint' };

export class Workbench {
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

  // ---------- Problems panel ----------

  async showProblems(): Promise<void> {
    if (!(await this.page.$('.markers-panel:visible'))) {
      await this.command('View: Focus Problems (Errors, Warnings, Infos)').catch(async (e: unknown) => {
        if (e instanceof FatalSignal) throw e;
        await this.page.keyboard.press('Control+Shift+M');
      });
    }
    await this.page.waitForSelector('.markers-panel', { state: 'visible', timeout: t(30_000) });
  }

  /** The rows the Problems panel renders (it is virtualised; the suite's files have few problems, all visible). */
  async problems(): Promise<Problem[]> {
    const rows = await this.page.$$eval('.markers-panel .monaco-list-row', (els) =>
      els
        .filter((e) => !e.closest('.monaco-tree-sticky-container'))
        .map((e) => {
          const q = (s: string): string | null => e.querySelector(s)?.textContent?.trim() ?? null;
          const icon = e.querySelector('.marker-icon');
          return {
            index: Number(e.getAttribute('data-index')),
            level: Number(e.getAttribute('aria-level')),
            resource: e.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? null,
            severity: icon ? ([...icon.classList].find((c) => c !== 'marker-icon' && !c.startsWith('codicon')) ?? null) : null,
            iconClasses: icon ? [...icon.classList].join(' ') : '',
            message: q('.marker-message') ?? '',
            source: q('.marker-source'),
            code: q('.marker-code'),
            where: q('.marker-line'),
          };
        }),
    );
    const out: Problem[] = [];
    let file: string | null = null;
    for (const r of rows.sort((a, b) => a.index - b.index)) {
      if (r.level === 1) {
        file = r.resource;
        continue;
      }
      const m = /\[Ln (\d+), Col (\d+)\]/.exec(r.where ?? '');
      const sev = /error/.test(r.iconClasses) ? 'error' : /warning/.test(r.iconClasses) ? 'warning' : /info/.test(r.iconClasses) ? 'info' : r.severity;
      let code = r.code;
      // Newer workbenches render "source(code)" in one element.
      if (code) code = code.replace(/^\(|\)$/g, '');
      out.push({ file, line: m ? Number(m[1]) : null, column: m ? Number(m[2]) : null, severity: sev, message: r.message, source: r.source, code });
    }
    return out;
  }

  /** The count on the Problems tab's badge (all files), or null when there is no badge. */
  async problemsBadge(): Promise<number | null> {
    const t = await this.page
      .$eval('.part.panel .badge[aria-label^="Problems"] .badge-content', (e) => e.textContent ?? '')
      .catch(() => '');
    return /^\d+$/.test(t.trim()) ? Number(t.trim()) : null;
  }

  /** Every entry of the Problems panel exactly as it holds them (Select All + Copy; moves focus to the panel,
   * and can upset the panel's tree when entries change while selected: used only for debugging). : select all + Copy, parsed. Moves focus to the panel. */
  async copyProblems(): Promise<Problem[]> {
    await this.page.focus('.markers-panel .monaco-list');
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    const text = await waitFor('the Problems panel copy on the clipboard', () => this.page.evaluate(() => navigator.clipboard.readText()), { timeoutMs: 5000 });
    const arr = JSON.parse(text.trim().startsWith('[') ? text : `[${text}]`) as Array<{
      resource: string;
      startLineNumber: number;
      startColumn: number;
      severity: number;
      message: string;
      source?: string;
      code?: string | { value: string };
    }>;
    return arr.map((m) => ({
      file: m.resource,
      line: m.startLineNumber,
      column: m.startColumn,
      severity: SEVERITY_BY_NUMBER[m.severity] ?? String(m.severity),
      message: m.message,
      source: m.source ?? null,
      code: typeof m.code === 'object' && m.code ? m.code.value : (m.code ?? null),
    }));
  }

  // ---------- hover ----------

  /** Shows the hover at the cursor (editor.action.showHover: Ctrl+K Ctrl+I) and returns its text once stable. */
  async hoverAtCursor(): Promise<{ markdown: string; problems: string[] }> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const read = () =>
      this.page.evaluate(() => {
        const md: string[] = [];
        const problems: string[] = [];
        for (const h of document.querySelectorAll('.monaco-hover:not(.hidden)')) {
          for (const row of h.querySelectorAll('.hover-row')) {
            if (row.classList.contains('status-bar')) continue;
            const marker = row.querySelector('.marker');
            if (marker) {
              problems.push((marker as HTMLElement).innerText.trim());
              continue;
            }
            const parts = [...row.querySelectorAll('.rendered-markdown')].map((m) => (m as HTMLElement).innerText.trim()).filter(Boolean);
            md.push(...parts);
          }
        }
        return { markdown: md.join('\n'), problems };
      });
    let last = '';
    let since = 0;
    return this.wait('a hover with content', async () => {
      const h = await read();
      if (!h.markdown || /^Loading/.test(h.markdown)) return null;
      const key = JSON.stringify(h);
      if (key !== last) {
        last = key;
        since = Date.now();
        return null;
      }
      return Date.now() - since >= 300 ? h : null; // the same content on consecutive polls: rendering is done
    });
  }

  /** Scrolls the hover on screen to its end with the mouse wheel (a long hover scrolls within its box) and waits
   * until its last line is inside the box. */
  async scrollHoverToEnd(): Promise<void> {
    const box = await this.page.locator('.monaco-hover:not(.hidden)').first().boundingBox();
    if (!box) throw new Error('no hover on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.wait('the hover to show its last line', async () => {
      await this.page.mouse.wheel(0, 400);
      return this.page.evaluate(() => {
        const h = document.querySelector('.monaco-hover:not(.hidden)');
        const last = [...(h?.querySelectorAll('.rendered-markdown > *') ?? [])].pop();
        return !!h && !!last && last.getBoundingClientRect().bottom <= h.getBoundingClientRect().bottom + 1;
      });
    });
  }

  // ---------- completion ----------

  /** Triggers suggestions (Ctrl+Space) until the suggest widget lists labels that satisfy `ok`; returns the
   * last labels seen. Asks again (Escape, Ctrl+Space) every 3 s: a list opened before the server answered
   * (or filled by another provider) is not refreshed by itself. */
  async suggestions(ok: (labels: string[]) => boolean, timeoutMs = 20_000): Promise<{ labels: string[]; ok: boolean }> {
    let pressed = 0;
    let labels: string[] = [];
    const read = (): Promise<string[]> =>
      this.page.$$eval('.editor-widget.suggest-widget.visible .monaco-list-row', (rows) =>
        rows.map((r) => (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').trim()),
      );
    const done = await this.wait('the suggest widget to list the expected items', async () => {
      if (Date.now() - pressed > 3000) {
        if (pressed) await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+Space');
        pressed = Date.now();
      }
      const now = await read();
      if (process.env.SRM_E2E_DEBUG && JSON.stringify(now) !== JSON.stringify(labels)) console.error(`[e2e debug] suggest widget: ${JSON.stringify(now)}`);
      labels = now;
      return labels.length > 0 && ok(labels);
    }, timeoutMs).catch((e: unknown) => {
      if (e instanceof FatalSignal) throw e;
      return false;
    });
    return { labels, ok: done };
  }

  // ---------- quick fix ----------

  /** Opens the quick-fix menu at the cursor (Ctrl+.) and returns the titles it offers. */
  async quickFixes(): Promise<string[]> {
    let pressed = 0;
    return this.wait('the quick-fix menu', async () => {
      // Ctrl+. again when the menu did not open (pressed before the code actions were known).
      if (Date.now() - pressed > 3000) {
        await this.page.keyboard.press('Control+.');
        pressed = Date.now();
      }
      const titles = await this.page.$$eval('.action-widget .monaco-list-row.action', (rows) =>
        rows.map((r) => (r.querySelector('.title')?.textContent ?? r.getAttribute('aria-label') ?? r.textContent ?? '').trim()),
      );
      return titles.length ? titles : null;
    });
  }

  async applyQuickFix(title: string): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await row.hover();
    await row.click();
    await this.page.waitForSelector('.action-widget', { state: 'hidden', timeout: t(30_000) }).catch(() => {});
  }

  // ---------- settings ----------

  /** Replaces the user settings the way a user does: "Open User Settings (JSON)", paste, save, close. */
  async writeUserSettings(json: string): Promise<void> {
    await this.command('Preferences: Open User Settings (JSON)');
    await this.page.waitForSelector('.tabs-container .tab.active[data-resource-name="settings.json"]', { timeout: t(30_000) });
    await this.page.click('.editor-group-container.active .monaco-editor .view-lines');
    // Pasted, not typed: typing would auto-close brackets and quotes.
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), json);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+V');
    await this.wait('settings.json to be edited', async () => this.activeTabDirty());
    await this.page.keyboard.press('Control+S');
    await this.wait('settings.json to be saved', async () => !(await this.activeTabDirty()));
    await this.page.keyboard.press('Control+W');
    await this.wait('settings.json to close', async () => (await this.page.$('.tabs-container .tab.active[data-resource-name="settings.json"]')) === null);
  }

  // ---------- notifications ----------

  /** Messages of the notification toasts on screen now. */
  async toasts(): Promise<string[]> {
    return this.page
      .$$eval('.notifications-toasts .notification-list-item', (els) =>
        els.map((e) => {
          const msg = e.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '';
          const src = e.querySelector('.notification-list-item-source')?.textContent?.trim() ?? '';
          return src ? `${msg} (${src})` : msg;
        }),
      )
      .catch(() => []);
  }

  /** True when the status bar's bell says there are unread notifications (their toast may be gone already). */
  async unreadNotifications(): Promise<boolean> {
    return (await this.page.$('[id="status.notifications"] .codicon-bell-dot')) !== null;
  }

  /** Everything the Notification Center holds (toasts time out; the center keeps them). */
  async allNotifications(): Promise<string[]> {
    const seen = new Set(await this.toasts());
    await this.command('Notifications: Show Notifications').catch(() => {});
    const center = await this.page
      .$$eval('.notifications-center .notification-list-item', (els) =>
        els.map((e) => {
          const msg = e.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '';
          const src = e.querySelector('.notification-list-item-source')?.textContent?.trim() ?? '';
          return src ? `${msg} (${src})` : msg;
        }),
      )
      .catch(() => []);
    for (const c of center) seen.add(c);
    await this.command('Notifications: Hide Notifications').catch(() => this.page.keyboard.press('Escape'));
    return [...seen].filter(Boolean);
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}
