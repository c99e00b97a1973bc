// model-mismatch: a layer assigned to another party than the model gives it under the workload's service model.
// Under on-premises there is no provider to hand anything to, so it is an error there.
import { DEFAULT_BASELINE, DEPENDS } from '../../model';
import type { RawFinding } from '../check/findings';
import { matrixName, setOwnerFix, workloadLabel, type LayerCheck } from './common';
import type { Rule } from './rule';

export function modelMismatch({ a, model, w, b }: LayerCheck): RawFinding | undefined {
  const expected = b.cell(a.layer, model);
  if (!expected || expected === DEPENDS || a.owner === expected) return undefined;
  const onPrem = !b.isCloud(model);
  return {
    code: 'model-mismatch',
    severity: onPrem ? 'error' : 'warning',
    message: onPrem
      ? model === 'on-premises' && expected === 'customer'
        ? `Layer "${a.layer}" is the customer's under on-premises (there is no provider to hand it to), ` +
          `but ${workloadLabel(w)} assigns it to ${a.owner}.`
        : `Under ${model} (not a cloud column) ${matrixName(b)} gives layer "${a.layer}" to ${expected}, ` +
          `but ${workloadLabel(w)} assigns it to ${a.owner}.`
      : `Under ${model}${b.id === DEFAULT_BASELINE ? "" : ","} ${matrixName(b)} gives layer "${a.layer}" to ${expected}, but ${workloadLabel(w)} assigns it to ${a.owner}.`,
    start: a.ownerSpan.start,
    end: a.ownerSpan.end,
    fixes: setOwnerFix(a, expected),
    workload: w.name,
    layer: a.layer,
  };
}

export const rule: Rule<(c: LayerCheck) => RawFinding | undefined> = {
  id: 'model-mismatch',
  defaultSeverity: 'warning',
  summary:
    'A layer is given to a party other than the one the model names for the workload’s service model (error under on-premises).',
  why: 'The assignment contradicts the shared responsibility model: a duty may fall between the parties.',
  fix: 'Assign the owner the model expects, or suppress the finding with a reason if your contract says otherwise.',
  scope: 'assignment',
  suppressible: true,
  check: modelMismatch,
};
