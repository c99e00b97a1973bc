// Annotated YAML fixtures: a comment line of carets under a line marks the expected finding there:
//   `      devices: microsoft`
//   `#              ^^^^^^^^^ error customer-only-duty`
// The carets' columns are the finding's range on the line above (the nearest line that is not an annotation).
// `# @START-END severity rule` marks columns by number (for ranges starting in column 0 or 1).
// A `# fixture-options: {...}` line gives diagnose options as JSON.
import type { DiagnoseOptions, Finding } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/lines';

export interface Expected {
  line: number;
  start: number;
  end: number;
  severity: string;
  code: string;
}

const ANNOTATION = /^(\s*#\s*)(\^+)\s+(error|warning|info|hint)\s+([a-z-]+)\s*$/;
/** For ranges that start in column 0 or 1, where carets cannot sit under a comment's '#': `# @0-9 error rule`. */
const NUMERIC = /^\s*#\s*@(\d+)-(\d+)\s+(error|warning|info|hint)\s+([a-z-]+)\s*$/;

export function readFixture(text: string): { expected: Expected[]; options: DiagnoseOptions } {
  const lines = text.split(/\r?\n/);
  const expected: Expected[] = [];
  let options: DiagnoseOptions = {};
  let target = -1;
  lines.forEach((l, i) => {
    const o = /^#\s*fixture-options:\s*(\{.*\})\s*$/.exec(l);
    if (o) options = JSON.parse(o[1] as string) as DiagnoseOptions;
    const m = ANNOTATION.exec(l);
    const n = NUMERIC.exec(l);
    if (n) {
      expected.push({ line: target, start: Number(n[1]), end: Number(n[2]), severity: n[3] as string, code: n[4] as string });
    } else if (m) {
      const start = l.indexOf('^');
      expected.push({ line: target, start, end: start + (m[2] as string).length, severity: m[3] as string, code: m[4] as string });
    } else target = i;
  });
  return { expected, options };
}

export function describeFindings(text: string, findings: readonly Finding[]): Expected[] {
  const idx = new LineIndex(text);
  return findings.map((f) => {
    const s = idx.positionAt(f.start);
    const e = idx.positionAt(f.end);
    return { line: s.line, start: s.character, end: e.line === s.line ? e.character : -1, severity: f.severity, code: f.code };
  });
}

export function sortExpected(xs: Expected[]): Expected[] {
  return [...xs].sort((a, b) => a.line - b.line || a.start - b.start || a.code.localeCompare(b.code));
}
