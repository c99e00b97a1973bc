// The JSON report: stable, documented in docs/cli.md; each finding in the shape of service/report/finding.ts.
import { findingToJson } from '../../service';
import type { FileResult } from '../lint';

export function formatJson(results: readonly FileResult[], version: string): string {
  const summary = { files: results.length, error: 0, warning: 0, info: 0, hint: 0, suppressed: 0, fixable: 0 };
  const files = results.map((r) => {
    for (const f of r.findings) {
      summary[f.severity]++;
      if (f.fixes.some((x) => x.safe)) summary.fixable++;
    }
    summary.suppressed += r.suppressed.length;
    return {
      path: r.displayPath,
      findings: r.findings.map((f) => findingToJson(r.lines, f)),
      suppressed: r.suppressed.map((f) => findingToJson(r.lines, f)),
    };
  });
  return `${JSON.stringify({ tool: 'srm', version, files, summary }, null, 2)}\n`;
}
