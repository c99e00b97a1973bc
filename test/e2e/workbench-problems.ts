// The Problems panel as the e2e runner reads it off the page: the rows it renders, the count on its tab's badge, and
// (for debugging) every entry it holds, copied with Select All + Copy. Workbench (workbench.ts) calls these.
import type { Page } from 'playwright-core';
import { waitFor } from './wait';

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

/** The rows the Problems panel renders (it is virtualised; the suite's files have few problems, all visible). */
export async function renderedProblems(page: Page): Promise<Problem[]> {
  const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) =>
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
export async function problemsBadge(page: Page): Promise<number | null> {
  const t = await page
    .$eval('.part.panel .badge[aria-label^="Problems"] .badge-content', (e) => e.textContent ?? '')
    .catch(() => '');
  return /^\d+$/.test(t.trim()) ? Number(t.trim()) : null;
}

/** Every entry of the Problems panel exactly as it holds them (Select All + Copy, parsed; moves focus to the panel,
 * and can upset the panel's tree when entries change while selected: used only for debugging). */
export async function copiedProblems(page: Page): Promise<Problem[]> {
  await page.focus('.markers-panel .monaco-list');
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const text = await waitFor('the Problems panel copy on the clipboard', () => page.evaluate(() => navigator.clipboard.readText()), { timeoutMs: 5000 });
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
