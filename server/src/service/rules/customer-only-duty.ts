// customer-only-duty: information and data, devices, accounts and identities stay with the customer under every model.
import { CUSTOMER, DEFAULT_BASELINE } from '../../model';
import type { RawFinding } from '../check/findings';
import { setOwnerFix, workloadLabel, type LayerCheck } from './common';
import type { Rule } from './rule';

export function customerOnlyDuty({ a, model, w, b }: LayerCheck): RawFinding | undefined {
  if (b.kindOf(a.layer) !== 'customer-always' || a.owner === CUSTOMER) return undefined;
  const under = b.id === DEFAULT_BASELINE ? '' : ` (baseline ${b.id})`;
  return {
    code: 'customer-only-duty',
    severity: a.owner === 'shared' ? 'warning' : 'error',
    message:
      `Layer "${a.layer}" is always the customer's duty, under ${model} as under every model${under}, ` +
      `but ${workloadLabel(w)} assigns it to ${a.owner}.`,
    start: a.ownerSpan.start,
    end: a.ownerSpan.end,
    fixes: setOwnerFix(a, CUSTOMER),
    workload: w.name,
    layer: a.layer,
  };
}

export const rule: Rule<(c: LayerCheck) => RawFinding | undefined> = {
  id: 'customer-only-duty',
  defaultSeverity: 'error',
  summary:
    'A layer the customer always keeps (information and data, devices, accounts and identities; under any baseline, a layer that is the customer’s in every column) is given to the provider (error) or shared (warning).',
  why: 'Under every service model the customer remains accountable for its data, its devices and its accounts.',
  fix: 'Assign the layer to customer.',
  scope: 'assignment',
  suppressible: true,
  check: customerOnlyDuty,
};
