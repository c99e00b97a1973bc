// suppression-reason: a suppression comment gives no reason after ` -- ` (checked only with --require-reason or
// srm.requireSuppressionReason): governance wants every waiver explained.
import type { Directive } from '../check/directives';
import type { Finding } from '../types';
import type { Rule } from './rule';

function missingReason(d: Directive): Finding[] {
  if (d.reason) return [];
  const name = d.kind === 'next-line' ? 'srm-disable-next-line' : 'srm-disable';
  return [
    {
      code: 'suppression-reason',
      severity: 'warning',
      message: `This ${name} gives no reason: add " -- " and why the finding is accepted (for example an exception id).`,
      start: d.start,
      end: d.end,
      fixes: [],
      document: d.document,
    },
  ];
}

export const rule: Rule<typeof missingReason> = {
  id: 'suppression-reason',
  defaultSeverity: 'warning',
  summary: 'A suppression gives no reason after ` -- ` (only with `--require-reason` / `srm.requireSuppressionReason`).',
  why: 'Governance teams need to know why a finding was waived, and by whose exception.',
  fix: 'Add ` -- ` and the reason (an exception id, a ticket) at the end of the comment.',
  scope: 'suppression',
  suppressible: false,
  check: missingReason,
};
