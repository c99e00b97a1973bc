// yaml-syntax: the YAML does not parse; the range is where the parser stopped. The document gets no other finding.
import type { Document } from 'yaml';
import { MAX_ALIAS_COUNT } from '../check/facts';
import type { RawFinding } from '../check/findings';
import type { Rule } from './rule';

function syntaxFindings(doc: Document, base: number, len: number): RawFinding[] {
  // Nesting so deep that the parser ran out of stack: one clear finding, not the cascade of errors that follows.
  const deep = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message));
  if (deep) {
    const message = 'YAML syntax: the document is nested too deeply to check (too many levels of [ ], { } or indentation).';
    return [{ code: 'yaml-syntax', severity: 'error', message, start: base + Math.min(deep.pos[0], len), end: base + Math.min(len, Math.max(deep.pos[0], Math.min(deep.pos[1], deep.pos[0] + 1))), fixes: [] }];
  }
  // The parser may point one past the end of the text (an unterminated flow or quote): clamp into the document.
  const clamp = (o: number) => Math.max(0, Math.min(o, len));
  return doc.errors.map((e) => ({
    code: 'yaml-syntax' as const,
    severity: 'error' as const,
    message: yamlMessage(e.message),
    start: base + clamp(e.pos[0]),
    end: base + clamp(Math.max(e.pos[1], e.pos[0])),
    fixes: [],
  }));
}

/** The parser's message without its code excerpt (the editor shows the place). */
function yamlMessage(m: string): string {
  const first = m.split('\n')[0] ?? m;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`.replace(/\.?$/, '.');
}

/** The finding's message for a parser that gave up (too deep, too many aliases) instead of reporting an error. */
export function limitMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError || /call stack/i.test(m)) return 'YAML syntax: the document is nested too deeply to check (too many levels of [ ], { } or indentation).';
  if (/alias/i.test(m)) return `YAML syntax: ${m.replace(/\.?$/, '')} (aliases are expanded at most ${MAX_ALIAS_COUNT} times).`;
  return `YAML syntax: ${m}`;
}

export const rule: Rule<(doc: Document, base: number, len: number) => RawFinding[]> = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  summary: 'The YAML does not parse; the range is where the parser stopped.',
  why: 'A document that does not parse cannot be checked; other rules are skipped for it.',
  fix: 'Repair the YAML at the marked position (indentation, an unclosed quote or bracket, a tab).',
  scope: 'document',
  suppressible: false,
  check: syntaxFindings,
};
