// Applying text edits, and `fixAll`: one consistent set of safe fixes, re-checked before it is kept (the CLI's
// --fix, the editor's "Fix all", source.fixAll.srm).
import type { DiagnoseOptions, Finding, FindingCode, Fix, TextEdit } from './types';
import { diagnose } from './check/diagnose';
import { parseFile, type BaselineOptions } from './parse/parseFile';

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

/** A safe fix that `fixAll` left out because applying it would have added a finding. */
export interface RejectedFix {
  /** The fix's title, e.g. `Change the layer to "operating-system"`. */
  title: string;
  /** The finding it would repair (offsets into the returned text). */
  code: FindingCode;
  start: number;
  end: number;
  /** The rule ids of the findings it would add, e.g. ["duplicate-key"]. */
  adds: FindingCode[];
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all rounds. */
  applied: number;
  /** Safe fixes still on offer in the returned text that were not applied (each would add a finding). */
  rejected: RejectedFix[];
}

interface Candidate {
  finding: Finding;
  fix: Fix;
}

/**
 * What a finding is about, without its position or wording (both move when another fix is applied): the rule, the
 * document, the workload and the layer. A fix is kept only when no such key is reported more often afterwards.
 */
function keyOf(f: Finding): string {
  return `${f.code}\u0000${f.document}\u0000${f.workload ?? ''}\u0000${f.layer ?? ''}`;
}

function counts(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(keyOf(f), (m.get(keyOf(f)) ?? 0) + 1);
  return m;
}

/** The rule ids of the findings in `after` beyond those in `before` (as multisets of keys). */
function added(before: Map<string, number>, after: readonly Finding[]): FindingCode[] {
  const left = new Map(before);
  const out = new Set<FindingCode>();
  for (const f of after) {
    const k = keyOf(f);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.add(f.code);
  }
  return [...out];
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((e) => b.some((t) => (e.start < t.end && t.start < e.end) || e.start === t.start));
}

/**
 * Applies the safe fixes, re-checking between rounds, until none is left that can be applied (at most `maxRounds`).
 *
 * Each round takes the first safe fix of every finding, drops those whose edits overlap one already taken (they
 * come back in the next round, computed on the new text), applies the rest together and checks the result. A
 * result with a finding the text did not have (a duplicate key from two renames to one layer, a rename that
 * reveals a wrong owner, a syntax error) is not kept: the set is halved until every fix that adds a finding is
 * singled out and left out, and those are returned in `rejected`. So the text returned never has a finding the
 * input did not have, and fixing it again changes nothing.
 *
 * A document with a YAML syntax error is never touched (`srm lint --fix` leaves such a file whole).
 */
export function fixAll(text: string, options: DiagnoseOptions = {}, maxRounds = 20, baselines?: BaselineOptions): FixAllResult {
  // yaml-syntax counts whatever its configured severity: a fix must never break the YAML, even where it is 'off'.
  const severities = { ...options.severities, 'yaml-syntax': 'error' as const };
  const check = (t: string): Finding[] => diagnose(parseFile(t, undefined, { baselines, once: true }), { ...options, severities, includeSuppressed: false });
  let findings = check(text);
  // A document that does not parse is left as it is (even its suppression comments): fixes computed on a
  // half-parsed tree could lose the user's text. The file's other documents are still fixed.
  const broken = new Set(findings.filter((f) => f.code === 'yaml-syntax').map((f) => f.document));
  let applied = 0;
  let rejected: RejectedFix[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const candidates: Candidate[] = [];
    const taken: TextEdit[] = [];
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safe);
      if (!fix || fix.edits.length === 0 || broken.has(f.document) || overlaps(fix.edits, taken)) continue;
      taken.push(...fix.edits);
      candidates.push({ finding: f, fix });
    }
    rejected = [];
    if (candidates.length === 0) break;
    const before = counts(findings);
    const trial = (set: readonly Candidate[]): { text: string; findings: Finding[] } => {
      const t = applyEdits(text, set.flatMap((c) => c.fix.edits));
      return { text: t, findings: check(t) };
    };
    // The fixes of `cands` that, applied with `kept`, add no finding: all of them, else each half in turn (greedy).
    let best: { text: string; findings: Finding[] } | undefined;
    const select = (kept: Candidate[], cands: Candidate[]): Candidate[] => {
      if (cands.length === 0) return [];
      const t = trial([...kept, ...cands]);
      const adds = added(before, t.findings);
      if (adds.length === 0) {
        best = t;
        return cands;
      }
      if (cands.length === 1) {
        const c = cands[0] as Candidate;
        rejected.push({ title: c.fix.title, code: c.finding.code, start: c.finding.start, end: c.finding.end, adds });
        return [];
      }
      const mid = cands.length >> 1;
      const a = select(kept, cands.slice(0, mid));
      const b = select([...kept, ...a], cands.slice(mid));
      return [...a, ...b];
    };
    const chosen = select([], candidates);
    if (chosen.length === 0 || !best) break;
    // `best` is the last trial that added nothing: the one with every chosen fix (the halving tries in order).
    text = best.text;
    findings = best.findings;
    applied += chosen.length;
  }
  return { text, applied, rejected };
}
