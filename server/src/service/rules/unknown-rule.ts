// unknown-rule: a suppression comment names a rule id that does not exist, so it silences nothing for it; the fix
// is the closest rule id (applied by --fix when there is exactly one).
import type { Directive } from '../check/directives';
import { closest, didYouMean } from '../suggest';
import { isRuleId, RULE_IDS, type Finding } from '../types';
import type { Rule } from './rule';

function unknownRules(d: Directive): Finding[] {
  const name = d.kind === 'next-line' ? 'srm-disable-next-line' : 'srm-disable';
  const out: Finding[] = [];
  for (const t of d.rules) {
    if (isRuleId(t.rule)) continue;
    const s = closest(t.rule, RULE_IDS);
    out.push({
      code: 'unknown-rule',
      severity: 'warning',
      message: `"${t.rule}" is not an srm rule id, so this ${name} silences nothing for it.${didYouMean(s)}`,
      start: t.start,
      end: t.end,
      fixes: s.map((x, i) => ({ title: `Change to "${x.value}"`, edits: [{ start: t.start, end: t.end, newText: x.value }], isPreferred: i === 0, safe: s.length === 1 })),
      document: d.document,
    });
  }
  return out;
}

export const rule: Rule<typeof unknownRules> = {
  id: 'unknown-rule',
  defaultSeverity: 'warning',
  summary: 'A suppression comment names a rule id that does not exist.',
  why: 'A misspelt rule id silences nothing.',
  fix: 'Use one of the rule ids in the rule table.',
  scope: 'suppression',
  suppressible: false,
  check: unknownRules,
};
