// invalid-baseline: a baseline document's meaning is wrong (an extends that names nothing or closes a cycle, a cell
// for a party or column the baseline lacks, a new layer without label or cells, remove/after naming no layer, a
// built-in id as name; an override without a reason is a warning), or a document selects a baseline that has such
// errors (one finding on its baseline value, naming where).
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import type { Fix, Severity } from '../types';
import type { Rule } from './rule';

export function invalidBaseline(at: Span, message: string, severity: Severity = 'error', fixes: Fix[] = []): RawFinding {
  return { code: 'invalid-baseline', severity, message, start: at.start, end: at.end, fixes };
}

export const rule: Rule<typeof invalidBaseline> = {
  id: 'invalid-baseline',
  defaultSeverity: 'error',
  summary:
    'A baseline document does not make sense (unknown extends or a cycle, a cell for a missing party or column, a new layer without label or cells, remove/after of a missing layer, a built-in id as name; an override without reason is a warning), or a document selects such a baseline.',
  why: 'A broken matrix would check every document that selects it against the wrong cells.',
  fix: 'Follow the message: it names the place in the baseline document and what is missing or unknown.',
  scope: 'document',
  suppressible: true,
  check: invalidBaseline,
};
