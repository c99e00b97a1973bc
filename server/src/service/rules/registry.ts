// The rule registry: every rule file beside this one (rules/all.ts, generated), in the order of the README table.
// Everything that lists rules (the README table, SARIF, `srm explain`, package.json's srm.rules, the config schema,
// hovers on suppression comments) reads RULES; the engine runs each rule's check from RULE.
import { RULE } from './all';
import type { LayerCheck } from './common';
import type { Rule, RuleMeta } from './rule';
import type { RawFinding } from '../check/findings';
import type { RuleId } from '../types';

export type { RuleMeta, RuleScope } from './rule';

/** Each rule by id, with its check (typed per rule): rules/all.ts, generated from the rule files. */
export { RULE };
/** Every id has its rule (the compiler checks it). */
const BY_ID: Record<RuleId, RuleMeta> = RULE;

/** Every rule's metadata, in the README table's order. */
export const RULES: readonly RuleMeta[] = Object.values(BY_ID);

/** A rule that looks at one assignment (a layer's owner under the workload's model). */
export type AssignmentRule = Rule<(c: LayerCheck) => RawFinding | undefined>;

/**
 * The assignment rules, in registry order, which is their precedence: the first that reports on a value wins (one
 * value gets one rule). A new rule of scope 'assignment' runs without further wiring.
 */
export const ASSIGNMENT_RULES: readonly AssignmentRule[] = Object.values(RULE).filter(
  (r): r is (typeof RULE)['customer-only-duty'] => r.scope === 'assignment',
);

const byId = new Map<string, RuleMeta>(RULES.map((r) => [r.id, r]));

export function getRule(id: string): RuleMeta | undefined {
  return byId.get(id);
}

/**
 * Whether a comment can silence findings of `code` (and "Suppress on this line" is offered): the rule says so;
 * internal errors and the size-limit notice are not rules and cannot be silenced.
 */
export function canSuppress(code: string): boolean {
  return byId.get(code)?.suppressible === true;
}
