// The default human report: findings grouped by file, one `file:line:col severity message rule-id` line each.
import type { Severity } from '../../service';
import { lineCol, type FileResult } from '../lint';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, s: string): string => (on ? `${ESC}${code}m${s}${ESC}0m` : s);
const SEVERITY_COLOUR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };

export function formatStylish(results: readonly FileResult[], colour: boolean): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const rows = r.findings.map((f) => {
      const { line, column } = lineCol(r.lines, f.start);
      counts[f.severity]++;
      if (f.fixes.some((x) => x.safe)) fixable++;
      return { loc: `${r.displayPath}:${line}:${column}`, f };
    });
    const locWidth = Math.max(...rows.map((x) => x.loc.length));
    for (const { loc, f } of rows) {
      const sev = f.severity.padEnd(7);
      const message = f.message.replace(/\r?\n/g, ' ');
      lines.push(
        `${paint(colour, '4', loc)}${' '.repeat(locWidth - loc.length)}  ${paint(colour, SEVERITY_COLOUR[f.severity], sev)}  ${message}  ${paint(colour, '2', f.code)}`,
      );
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary =
    `${total === 1 ? '1 problem' : `${total} problems`} (${plural(counts.error, 'error')}, ` +
    `${plural(counts.warning, 'warning')}, ${counts.info} info, ${plural(counts.hint, 'hint')})`;
  lines.push(paint(colour, counts.error > 0 ? '1;31' : '1;33', `✖ ${summary}`));
  if (fixable > 0) lines.push(`  ${fixable} fixable with \`srm lint --fix\``);
  return `${lines.join('\n')}\n`;
}
