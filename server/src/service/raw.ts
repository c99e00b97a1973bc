// Findings as rules produce them (default severity, offsets relative to a chunk), and shifting them to the file.
import type { Finding, FindingCode, Fix, Severity } from './types';

export interface RawFinding {
  code: FindingCode;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
  workload?: string;
  layer?: string;
}

export function shiftFix(f: Fix, by: number): Fix {
  if (by === 0) return f;
  return { ...f, edits: f.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) };
}

export function shift(f: RawFinding, by: number, document: number): Finding {
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fixes: by === 0 ? f.fixes : f.fixes.map((x) => shiftFix(x, by)),
    document,
  };
}
