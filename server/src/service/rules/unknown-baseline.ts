// unknown-baseline: a document selects a baseline (metadata.baseline, srm.config.yaml, --baseline) that no built-in
// id nor any baseline document in reach names. The document then gets only this finding besides yaml-syntax and
// duplicate-key: rules run against a missing matrix would mislead.
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { closest, didYouMean } from '../suggest';
import type { Fix } from '../types';
import type { Rule } from './rule';

/** `at`: the metadata.baseline value, or the document's first line when the id came from the config or CLI. */
export function unknownBaseline(id: string, at: Span, known: readonly string[], from: 'document' | 'config' | 'cli'): RawFinding {
  const s = closest(id, known);
  const fixes: Fix[] =
    from === 'document'
      ? s.map((x, i) => ({
          title: `Change the baseline to "${x.value}"`,
          edits: [{ start: at.start, end: at.end, newText: x.value }],
          isPreferred: i === 0 && s.length === 1,
          safe: s.length === 1,
        }))
      : [];
  const where = from === 'document' ? '' : from === 'config' ? ' (selected by srm.config.yaml)' : ' (selected by --baseline)';
  return {
    code: 'unknown-baseline',
    severity: 'error',
    message:
      `No baseline is named "${id}"${where}.${didYouMean(s)} Known baselines: ${known.join(', ')}. ` +
      'Only YAML syntax and duplicate keys are checked until it resolves.',
    start: at.start,
    end: at.end,
    fixes,
  };
}

export const rule: Rule<typeof unknownBaseline> = {
  id: 'unknown-baseline',
  defaultSeverity: 'error',
  summary: 'The baseline a document selects is neither built in nor defined in the file or a file srm.config.yaml lists.',
  why: 'Without its matrix the document cannot be checked: every other rule would compare against the wrong cells.',
  fix: 'Use a built-in id (microsoft-diagram, microsoft-2026, microsoft-ai) or the name of a baseline document the config lists under baselines:.',
  scope: 'document',
  suppressible: false,
  check: unknownBaseline,
};
