// The JSON report: stable, documented in docs/cli.md; positions are 1-based lines and UTF-16 columns.
import type { Finding } from '../../service';
import { lineCol, type FileResult } from '../lint';

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** UTF-16 offsets into the file. */
  start: number;
  end: number;
  document: number;
  workload?: string;
  layer?: string;
  /** True when a safe fix exists (applied by --fix). */
  fixable: boolean;
  /** Only on entries of `suppressed`. */
  suppression?: { kind: string; reason?: string };
}

export function toJsonFinding(r: FileResult, f: Finding): JsonFinding {
  const s = lineCol(r.lines, f.start);
  const e = lineCol(r.lines, f.end);
  const out: JsonFinding = {
    ruleId: f.code,
    severity: f.severity,
    message: f.message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    start: f.start,
    end: f.end,
    document: f.document,
    fixable: f.fixes.some((x) => x.safe),
  };
  if (f.workload !== undefined) out.workload = f.workload;
  if (f.layer !== undefined) out.layer = f.layer;
  if (f.suppression) {
    out.suppression = { kind: f.suppression.kind };
    if (f.suppression.reason !== undefined) out.suppression.reason = f.suppression.reason;
  }
  return out;
}

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
      findings: r.findings.map((f) => toJsonFinding(r, f)),
      suppressed: r.suppressed.map((f) => toJsonFinding(r, f)),
    };
  });
  return `${JSON.stringify({ tool: 'srm', version, files, summary }, null, 2)}\n`;
}
