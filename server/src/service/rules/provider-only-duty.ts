// provider-only-duty: the physical layers belong to Microsoft under iaas, paas and saas.
import { expectedOwner, getLayer, isCloudModel } from '../../model';
import type { RawFinding } from '../raw';
import { setOwnerFix, workloadLabel, type LayerCheck } from './common';

export function providerOnlyDuty({ a, model, w }: LayerCheck): RawFinding | undefined {
  const layer = getLayer(a.layer);
  const expected = expectedOwner(a.layer, model);
  if (!layer || layer.group !== 'provider-in-cloud' || !isCloudModel(model) || !expected || a.owner === expected) {
    return undefined;
  }
  return {
    code: 'provider-only-duty',
    severity: 'error',
    message:
      `Layer "${a.layer}" belongs to ${expected} under ${model}: the customer has no access to the provider's ` +
      `hardware or buildings, but ${workloadLabel(w)} assigns it to ${a.owner}.`,
    start: a.ownerSpan.start,
    end: a.ownerSpan.end,
    fixes: setOwnerFix(a, expected),
    workload: w.name,
    layer: a.layer,
  };
}
