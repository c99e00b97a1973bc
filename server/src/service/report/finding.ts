// A finding as JSON: the one shape of `srm lint --format json` (cli/format/json.ts) and of the report's findings
// (build.ts adds the rule's page). Stable, documented in docs/cli.md; positions are 1-based lines and UTF-16 columns.
import type { LineIndex } from '../lines';
import type { Finding, Severity } from '../types';

export interface FindingJson {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based line and UTF-16 column of the start and end. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** UTF-16 offsets into the file. */
  start: number;
  end: number;
  /** 0-based index of the YAML document. */
  document: number;
  workload?: string;
  layer?: string;
  /** True when a safe fix exists (applied by --fix). */
  fixable: boolean;
  /** Only on entries of `suppressed`: the comment's kind and reason. */
  suppression?: { kind: string; reason?: string };
}

/**
 * The JSON object of finding `f` of the file whose lines are `lines`. The keys of `extra` (the report's `docUrl`)
 * come right after `fixable`, before the optional keys: the key order is part of the output.
 */
export function findingToJson<E extends object = Record<never, never>>(lines: LineIndex, f: Finding, extra?: E): FindingJson & E {
  const s = lines.positionAt(f.start);
  const e = lines.positionAt(f.end);
  const out = {
    ruleId: f.code,
    severity: f.severity,
    message: f.message,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    start: f.start,
    end: f.end,
    document: f.document,
    fixable: f.fixes.some((x) => x.safe),
    ...extra,
  } as FindingJson & E;
  if (f.workload !== undefined) out.workload = f.workload;
  if (f.layer !== undefined) out.layer = f.layer;
  if (f.suppression) {
    out.suppression = { kind: f.suppression.kind };
    if (f.suppression.reason !== undefined) out.suppression.reason = f.suppression.reason;
  }
  return out;
}
