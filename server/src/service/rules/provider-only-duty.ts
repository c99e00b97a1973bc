// provider-only-duty: the physical layers belong to Microsoft under iaas, paas and saas.
import { DEFAULT_BASELINE } from '../../model';
import type { RawFinding } from '../check/findings';
import { setOwnerFix, workloadLabel, type LayerCheck } from './common';
import type { Rule } from './rule';

export function providerOnlyDuty({ a, model, w, b }: LayerCheck): RawFinding | undefined {
  const expected = b.provider.id;
  if (b.kindOf(a.layer) !== 'provider-in-cloud' || !b.isCloud(model) || a.owner === expected) return undefined;
  const why =
    b.id === DEFAULT_BASELINE
      ? "the customer has no access to the provider's hardware or buildings"
      : `baseline ${b.id} gives it to the provider in every cloud column`;
  return {
    code: 'provider-only-duty',
    severity: 'error',
    message: `Layer "${a.layer}" belongs to ${expected} under ${model}: ${why}, but ${workloadLabel(w)} assigns it to ${a.owner}.`,
    start: a.ownerSpan.start,
    end: a.ownerSpan.end,
    fixes: setOwnerFix(a, expected),
    workload: w.name,
    layer: a.layer,
  };
}

export const rule: Rule<(c: LayerCheck) => RawFinding | undefined> = {
  id: 'provider-only-duty',
  defaultSeverity: 'error',
  summary:
    'A physical layer (hosts, network, datacenter) is given to customer or shared under iaas, paas or saas.',
  why: 'In the cloud the customer has no access to Microsoft’s hardware or buildings and cannot carry that duty.',
  fix: 'Assign the layer to microsoft, or set the workload’s model to on-premises if it really runs in your datacenter.',
  scope: 'assignment',
  suppressible: true,
  check: providerOnlyDuty,
};
