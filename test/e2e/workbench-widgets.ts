// What the e2e runner reads off the page of the editor's widgets (hover, suggest widget, quick-fix menu, the
// references peek) and of the notifications. Plain reads, no keystrokes: Workbench (workbench.ts) presses the keys
// and polls these.
import type { Page } from 'playwright-core';

/** The hover on screen: its Markdown parts and the problems it shows, as rendered text. */
export function readHover(page: Page): Promise<{ markdown: string; problems: string[] }> {
  return page.evaluate(() => {
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
}

/** True when the last line of the hover on screen is inside its box (a long hover scrolls within it). */
export function hoverShowsLastLine(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const h = document.querySelector('.monaco-hover:not(.hidden)');
    const last = [...(h?.querySelectorAll('.rendered-markdown > *') ?? [])].pop();
    return !!h && !!last && last.getBoundingClientRect().bottom <= h.getBoundingClientRect().bottom + 1;
  });
}

/** The labels the suggest widget lists now (none when it is closed). */
export function suggestLabels(page: Page): Promise<string[]> {
  return page.$$eval('.editor-widget.suggest-widget.visible .monaco-list-row', (rows) =>
    rows.map((r) => (r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? '').trim()),
  );
}

/** The titles the quick-fix menu offers now (none when it is closed). */
export function quickFixTitles(page: Page): Promise<string[]> {
  return page.$$eval('.action-widget .monaco-list-row.action', (rows) =>
    rows.map((r) => (r.querySelector('.title')?.textContent ?? r.getAttribute('aria-label') ?? r.textContent ?? '').trim()),
  );
}

/** The file names the references peek (Shift+F12) lists, one per file with a reference; none when it is closed. */
export function referenceFiles(page: Page): Promise<string[]> {
  return page
    .$$eval('.ref-tree .reference-file', (els) =>
      els.map((e) => (e.querySelector('.label-name')?.textContent ?? e.querySelector('.monaco-icon-label')?.textContent ?? '').trim()),
    )
    .catch(() => []);
}

/** "message (source)" of each notification in the toasts on screen (`toasts`) or in the Notification Center. */
export function notificationItems(page: Page, where: 'toasts' | 'center'): Promise<string[]> {
  return page
    .$$eval(`.notifications-${where} .notification-list-item`, (els) =>
      els.map((e) => {
        const msg = e.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '';
        const src = e.querySelector('.notification-list-item-source')?.textContent?.trim() ?? '';
        return src ? `${msg} (${src})` : msg;
      }),
    )
    .catch(() => []);
}

/** True when the status bar's bell says there are unread notifications (their toast may be gone already). */
export async function hasUnreadNotifications(page: Page): Promise<boolean> {
  return (await page.$('[id="status.notifications"] .codicon-bell-dot')) !== null;
}
