// duplicate-key: a mapping repeats a key; reported on each repeat after the first.
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { truncate } from '../check/schemaValidation';
import type { Rule } from './rule';

export function duplicateKey(key: string, at: Span, fix?: { start: number; end: number }): RawFinding {
  return {
    code: 'duplicate-key',
    severity: 'error',
    message: `The key "${truncate(key)}" appears more than once in this mapping; YAML tools disagree on which value wins, so keep one.`,
    start: at.start,
    end: at.end,
    fixes: fix ? [{ title: `Delete this "${truncate(key)}" entry`, edits: [{ ...fix, newText: '' }], safe: false }] : [],
  };
}

export const rule: Rule<typeof duplicateKey> = {
  id: 'duplicate-key',
  defaultSeverity: 'error',
  summary: 'A mapping repeats a key; reported on each repeat after the first.',
  why: 'YAML tools disagree on which value wins, so the file means different things to different readers.',
  fix: 'Keep one of the entries and delete the other.',
  scope: 'document',
  suppressible: true,
  check: duplicateKey,
};
