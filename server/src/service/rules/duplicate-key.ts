// duplicate-key: a mapping repeats a key; reported on each repeat after the first.
import type { Span } from '../facts';
import type { RawFinding } from '../raw';
import { truncate } from '../validate';

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
