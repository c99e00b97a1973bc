// The catalogue of rules: id, default severity and documentation. Feeds the README table, SARIF, `srm explain`
// and hovers on rule ids in suppression comments. The logic of each rule lives in its own file beside this one.
import type { RuleId, Severity } from '../types';

export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line: what it catches (README table, SARIF shortDescription). */
  summary: string;
  /** Why it matters. */
  why: string;
  /** How to fix it. */
  fix: string;
}

export const RULES: readonly RuleMeta[] = [
  {
    id: 'schema',
    defaultSeverity: 'error',
    summary: 'The document does not match the srm/v1 format: wrong type, missing or unknown key, bad value.',
    why: 'Every other check and every tool reading the file relies on its shape.',
    fix: 'Follow the message: it names the allowed keys or values and suggests the closest one.',
  },
  {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    summary: 'The YAML does not parse; the range is where the parser stopped.',
    why: 'A document that does not parse cannot be checked; other rules are skipped for it.',
    fix: 'Repair the YAML at the marked position (indentation, an unclosed quote or bracket, a tab).',
  },
  {
    id: 'duplicate-key',
    defaultSeverity: 'error',
    summary: 'A mapping repeats a key; reported on each repeat after the first.',
    why: 'YAML tools disagree on which value wins, so the file means different things to different readers.',
    fix: 'Keep one of the entries and delete the other.',
  },
  {
    id: 'customer-only-duty',
    defaultSeverity: 'error',
    summary:
      'A layer the customer always keeps (information and data, devices, accounts and identities) is given to microsoft (error) or shared (warning).',
    why: 'Under every service model the customer remains accountable for its data, its devices and its accounts.',
    fix: 'Assign the layer to customer.',
  },
  {
    id: 'provider-only-duty',
    defaultSeverity: 'error',
    summary:
      'A physical layer (hosts, network, datacenter) is given to customer or shared under iaas, paas or saas.',
    why: 'In the cloud the customer has no access to Microsoft’s hardware or buildings and cannot carry that duty.',
    fix: 'Assign the layer to microsoft, or set the workload’s model to on-premises if it really runs in your datacenter.',
  },
  {
    id: 'model-mismatch',
    defaultSeverity: 'warning',
    summary:
      'A layer is given to a party other than the one the model names for the workload’s service model (error under on-premises).',
    why: 'The assignment contradicts the shared responsibility model: a duty may fall between the parties.',
    fix: 'Assign the owner the model expects, or suppress the finding with a reason if your contract says otherwise.',
  },
  {
    id: 'unassigned-layer',
    defaultSeverity: 'warning',
    summary: 'A workload leaves layers out; one finding per workload lists every missing layer.',
    why: 'A layer nobody owns is the gap attackers use and auditors ask about.',
    fix: 'Add the missing layers (the quick fix adds them with the owners the model expects).',
  },
  {
    id: 'unknown-team',
    defaultSeverity: 'error',
    summary: 'A team (or metadata.owner) names no team in teams.',
    why: 'A duty assigned to a team that does not exist has no one to carry it.',
    fix: 'Use an id from teams, or add the team to teams.',
  },
  {
    id: 'duplicate-name',
    defaultSeverity: 'error',
    summary: 'Two workloads share a name, or two teams share an id; reported on each repeat after the first.',
    why: 'Reports, references and the matrix identify workloads and teams by name.',
    fix: 'Rename one of them.',
  },
  {
    id: 'unused-suppression',
    defaultSeverity: 'hint',
    summary: 'A suppression comment silences nothing.',
    why: 'Stale suppressions hide future findings on that line.',
    fix: 'Delete the comment, or the rule id that no longer fires.',
  },
  {
    id: 'unknown-rule',
    defaultSeverity: 'warning',
    summary: 'A suppression comment names a rule id that does not exist.',
    why: 'A misspelt rule id silences nothing.',
    fix: 'Use one of the rule ids in the rule table.',
  },
  {
    id: 'suppression-reason',
    defaultSeverity: 'warning',
    summary: 'A suppression gives no reason after ` -- ` (only with `--require-reason` / `srm.requireSuppressionReason`).',
    why: 'Governance teams need to know why a finding was waived, and by whose exception.',
    fix: 'Add ` -- ` and the reason (an exception id, a ticket) at the end of the comment.',
  },
];

const byId = new Map<string, RuleMeta>(RULES.map((r) => [r.id, r]));

export function getRule(id: string): RuleMeta | undefined {
  return byId.get(id);
}

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}
