// Drives the VS Code workbench in Chromium the way a user does (keyboard, Problems panel, hover, suggest widget,
// quick-fix menu, references, settings, notifications) and reads what is on screen. The frame (waits, commands,
// opening files, the cursor) is WorkbenchCore (workbench-core.ts); the reads of the panel and of the widgets are in
// workbench-problems.ts and workbench-widgets.ts. Every wait is a condition polled until a deadline.
import { FatalSignal } from './wait';
import { WorkbenchCore, scaled as t } from './workbench-core';
import { copiedProblems, problemsBadge, renderedProblems, type Problem } from './workbench-problems';
import { hasUnreadNotifications, hoverShowsLastLine, notificationItems, quickFixTitles, readHover, referenceFiles, suggestLabels } from './workbench-widgets';

export { FatalSignal, WaitTimeout, waitFor } from './wait';
export type { Problem, Severity } from './workbench-problems';

export class Workbench extends WorkbenchCore {
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
  problems(): Promise<Problem[]> {
    return renderedProblems(this.page);
  }

  /** The count on the Problems tab's badge (all files), or null when there is no badge. */
  problemsBadge(): Promise<number | null> {
    return problemsBadge(this.page);
  }

  /** Every entry of the Problems panel exactly as it holds them (Select All + Copy; moves focus to the panel: used
   * only for debugging). */
  copyProblems(): Promise<Problem[]> {
    return copiedProblems(this.page);
  }

  // ---------- hover ----------

  /** Shows the hover at the cursor (editor.action.showHover: Ctrl+K Ctrl+I) and returns its text once stable. */
  async hoverAtCursor(): Promise<{ markdown: string; problems: string[] }> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    let last = '';
    let since = 0;
    return this.wait('a hover with content', async () => {
      const h = await readHover(this.page);
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
      return hoverShowsLastLine(this.page);
    });
  }

  // ---------- completion ----------

  /** Triggers suggestions (Ctrl+Space) until the suggest widget lists labels that satisfy `ok`; returns the
   * last labels seen. Asks again (Escape, Ctrl+Space) every 3 s: a list opened before the server answered
   * (or filled by another provider) is not refreshed by itself. */
  async suggestions(ok: (labels: string[]) => boolean, timeoutMs = 20_000): Promise<{ labels: string[]; ok: boolean }> {
    let pressed = 0;
    let labels: string[] = [];
    const done = await this.wait('the suggest widget to list the expected items', async () => {
      if (Date.now() - pressed > 3000) {
        if (pressed) await this.page.keyboard.press('Escape');
        await this.page.keyboard.press('Control+Space');
        pressed = Date.now();
      }
      const now = await suggestLabels(this.page);
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
      const titles = await quickFixTitles(this.page);
      return titles.length ? titles : null;
    });
  }

  async applyQuickFix(title: string): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await row.hover();
    await row.click();
    await this.page.waitForSelector('.action-widget', { state: 'hidden', timeout: t(30_000) }).catch(() => {});
  }

  // ---------- references ----------

  /** Find All References at the cursor (Shift+F12) until the peek lists a reference in each of `files` (base names);
   * returns the files it lists then, and closes the peek (Escape). Asks again every 3 s: the answer of a server that
   * had not yet indexed a file is not refreshed by itself. */
  async referencesIn(files: readonly string[], timeoutMs = t(45_000)): Promise<string[]> {
    let pressed = 0;
    let listed: string[] = [];
    try {
      await this.wait(`the references peek (Shift+F12) to list ${files.join(', ')}`, async () => {
        if (Date.now() - pressed > 3000) {
          if (pressed) await this.page.keyboard.press('Escape');
          await this.page.keyboard.press('Shift+F12');
          pressed = Date.now();
        }
        listed = await referenceFiles(this.page);
        return files.every((f) => listed.includes(f));
      }, timeoutMs);
    } catch (e) {
      if (e instanceof FatalSignal) throw e;
      throw new Error(`${(e as Error).message}; the peek lists: ${listed.join(', ') || '(nothing)'}`);
    } finally {
      await this.page.keyboard.press('Escape');
    }
    await this.wait('the references peek to close', async () => (await referenceFiles(this.page)).length === 0, t(10_000));
    return listed;
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
  toasts(): Promise<string[]> {
    return notificationItems(this.page, 'toasts');
  }

  /** True when the status bar's bell says there are unread notifications (their toast may be gone already). */
  unreadNotifications(): Promise<boolean> {
    return hasUnreadNotifications(this.page);
  }

  /** Everything the Notification Center holds (toasts time out; the center keeps them). */
  async allNotifications(): Promise<string[]> {
    const seen = new Set(await this.toasts());
    await this.command('Notifications: Show Notifications').catch(() => {});
    for (const c of await notificationItems(this.page, 'center')) seen.add(c);
    await this.command('Notifications: Hide Notifications').catch(() => this.page.keyboard.press('Escape'));
    return [...seen].filter(Boolean);
  }
}
