// JUnit XML: one testsuite per file, one failing testcase per finding, one passing testcase for a clean file.
import { lineCol, type FileResult } from '../lint';

/** Escapes text for XML and drops characters XML 1.0 cannot hold. */
export function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(results: readonly FileResult[]): string {
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const cases: string[] = [];
    for (const f of r.findings) {
      const { line, column } = lineCol(r.lines, f.start);
      const where = `${r.displayPath}:${line}:${column}`;
      cases.push(
        `    <testcase classname="${xml(r.displayPath)}" name="${xml(`${f.code} ${line}:${column}`)}">\n` +
          `      <failure type="${xml(f.severity)}" message="${xml(f.message)}">${xml(`${where} ${f.severity} ${f.message} ${f.code}`)}</failure>\n` +
          `    </testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(r.displayPath)}" name="srm"/>`);
    const n = Math.max(1, r.findings.length);
    tests += n;
    failures += r.findings.length;
    suites.push(
      `  <testsuite name="${xml(r.displayPath)}" tests="${n}" failures="${r.findings.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="srm" tests="${tests}" failures="${failures}" errors="0">\n` +
    (suites.length ? `${suites.join('\n')}\n` : '') +
    `</testsuites>\n`
  );
}
