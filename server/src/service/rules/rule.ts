// What every rule file exports: its metadata (what the README table, SARIF, `srm explain`, the settings schema and
// hovers show), the scope it checks, whether a comment can silence it, and its check.
import type { RuleId, Severity } from '../types';

/** What a rule's check looks at: one assignment, one workload, a whole document, or the suppression comments. */
export type RuleScope = 'assignment' | 'workload' | 'document' | 'suppression';

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line: what it catches (README table, SARIF shortDescription, the srm.rules setting). */
  summary: string;
  /** Why it matters. */
  why: string;
  /** How to fix it. */
  fix: string;
  scope: RuleScope;
  /** Whether `# srm-disable...` comments can silence it (and "Suppress on this line" is offered). */
  suppressible: boolean;
}

/** A rule: its metadata and its check (the signature depends on the stage of the pipeline that runs it). */
export interface Rule<Check extends (...args: never[]) => unknown> extends RuleMeta {
  check: Check;
}
