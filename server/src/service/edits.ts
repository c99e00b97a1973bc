// Applying text edits, and `fixAll`: the safe fixes applied until nothing is left (shared by the CLI's --fix).
import type { DiagnoseOptions, TextEdit } from './types';
import { diagnose } from './diagnose';
import { parseFile } from './parse';

/** Applies non-overlapping edits (any order) to text. Overlapping edits after the first are dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.start > e.end || e.end > text.length) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Applies every safe fix, re-checking between rounds, until none is left (at most `maxRounds`).
 * A document with a YAML syntax error is never touched: fixes are computed only for documents that parse.
 */
export function fixAll(
  text: string,
  options: DiagnoseOptions = {},
  maxRounds = 10,
): { text: string; applied: number } {
  let applied = 0;
  for (let round = 0; round < maxRounds; round++) {
    const findings = diagnose(parseFile(text), { ...options, includeSuppressed: false });
    const edits: TextEdit[] = [];
    const taken: Array<[number, number]> = [];
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safe);
      if (!fix) continue;
      const overlaps = fix.edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end || e.start === s));
      if (overlaps) continue;
      for (const e of fix.edits) {
        edits.push(e);
        taken.push([e.start, Math.max(e.end, e.start)]);
      }
      applied++;
    }
    if (edits.length === 0) break;
    text = applyEdits(text, edits);
  }
  return { text, applied };
}
