// GitHub Actions workflow commands (`::error file=...::message`): annotations on the pull request diff.
import type { Severity } from '../../service';
import { lineCol, type FileResult } from '../lint';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escaping from the runner's toolkit: data escapes % CR LF; properties also : and ,. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const s = lineCol(r.lines, f.start);
      const e = lineCol(r.lines, f.end);
      const props = [
        `file=${escapeProperty(r.displayPath)}`,
        `line=${s.line}`,
        `col=${s.column}`,
        `endLine=${e.line}`,
        ...(e.line === s.line ? [`endColumn=${e.column}`] : []),
        `title=${escapeProperty(`srm ${f.code}`)}`,
      ];
      out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(`${f.message} (${f.code})`)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
