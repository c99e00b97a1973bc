// Helpers shared by the layer rules: the "set the owner the model expects" fix and the finding's subject.
import type { AssignmentFacts, WorkloadFacts } from '../check/facts';
import type { Fix } from '../types';
import { DEFAULT_BASELINE, type Baseline } from '../../model';

export function setOwnerFix(a: AssignmentFacts, to: string): Fix[] {
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

/** "the model" under the default baseline (today's messages), else "baseline X". */
export function matrixName(b: Baseline): string {
  return b.id === DEFAULT_BASELINE ? 'the model' : `baseline ${b.id}`;
}

/** The context every layer rule receives: the assignment, the workload's model (a column of `b`), the baseline. */
export interface LayerCheck {
  a: AssignmentFacts & { owner: string; ownerSpan: NonNullable<AssignmentFacts['ownerSpan']> };
  model: string;
  w: WorkloadFacts;
  b: Baseline;
}
