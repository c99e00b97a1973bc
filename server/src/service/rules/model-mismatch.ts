// model-mismatch: a layer assigned to another party than the model gives it under the workload's service model.
// Under on-premises there is no provider to hand anything to, so it is an error there.
import { expectedOwner } from '../../model';
import type { RawFinding } from '../raw';
import { setOwnerFix, workloadLabel, type LayerCheck } from './common';

export function modelMismatch({ a, model, w }: LayerCheck): RawFinding | undefined {
  const expected = expectedOwner(a.layer, model);
  if (!expected || a.owner === expected) return undefined;
  const onPrem = model === 'on-premises';
  return {
    code: 'model-mismatch',
    severity: onPrem ? 'error' : 'warning',
    message: onPrem
      ? `Layer "${a.layer}" is the customer's under on-premises (there is no provider to hand it to), ` +
        `but ${workloadLabel(w)} assigns it to ${a.owner}.`
      : `Under ${model} the model gives layer "${a.layer}" to ${expected}, but ${workloadLabel(w)} assigns it to ${a.owner}.`,
    start: a.ownerSpan.start,
    end: a.ownerSpan.end,
    fixes: setOwnerFix(a, expected),
    workload: w.name,
    layer: a.layer,
  };
}
