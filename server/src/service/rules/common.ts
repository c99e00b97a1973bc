// Helpers shared by the layer rules: the "set the owner the model expects" fix and the finding's subject.
import type { AssignmentFacts, WorkloadFacts } from '../check/facts';
import type { Fix } from '../types';
import type { Party, ServiceModel } from '../../model';

export function setOwnerFix(a: AssignmentFacts, to: Party): Fix[] {
  if (!a.ownerSpan) return [];
  return [
    {
      title: `Assign ${a.layer} to ${to}`,
      edits: [{ start: a.ownerSpan.start, end: a.ownerSpan.end, newText: to }],
      isPreferred: true,
      safe: true,
    },
  ];
}

export function workloadLabel(w: WorkloadFacts): string {
  return w.name !== undefined ? `workload "${w.name}"` : 'this workload';
}

/** The context every layer rule receives. */
export interface LayerCheck {
  a: AssignmentFacts & { owner: Party; ownerSpan: NonNullable<AssignmentFacts['ownerSpan']> };
  model: ServiceModel;
  w: WorkloadFacts;
}
