// customer-only-duty: information and data, devices, accounts and identities stay with the customer under every model.
import { expectedOwner, getLayer } from '../../model';
import type { RawFinding } from '../check/findings';
import { setOwnerFix, workloadLabel, type LayerCheck } from './common';
import type { Rule } from './rule';

export function customerOnlyDuty({ a, model, w }: LayerCheck): RawFinding | undefined {
  const layer = getLayer(a.layer);
  const expected = expectedOwner(a.layer, model);
  if (!layer || layer.group !== 'customer-always' || !expected || a.owner === expected) return undefined;
  return {
    code: 'customer-only-duty',
    severity: a.owner === 'shared' ? 'warning' : 'error',
    message:
      `Layer "${a.layer}" is always the customer's duty, under ${model} as under every model, ` +
      `but ${workloadLabel(w)} assigns it to ${a.owner}.`,
    start: a.ownerSpan.start,
    end: a.ownerSpan.end,
    fixes: setOwnerFix(a, expected),
    workload: w.name,
    layer: a.layer,
  };
}

export const rule: Rule<(c: LayerCheck) => RawFinding | undefined> = {
  id: 'customer-only-duty',
  defaultSeverity: 'error',
  summary:
    'A layer the customer always keeps (information and data, devices, accounts and identities) is given to microsoft (error) or shared (warning).',
  why: 'Under every service model the customer remains accountable for its data, its devices and its accounts.',
  fix: 'Assign the layer to customer.',
  scope: 'assignment',
  suppressible: true,
  check: customerOnlyDuty,
};
