// duplicate-name: two workloads share a name, or two teams share an id, or a baseline document gives a layer or a
// model id twice (each repeat after the first).
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import type { Rule } from './rule';

export interface Named {
  name: string;
  span: Span;
}

const MESSAGE: Record<'workload' | 'team' | 'layer' | 'model' | 'baseline', (name: string) => string> = {
  baseline: (n) => `Another baseline document in this file is already named "${n}"; documents select the first one.`,
  workload: (n) => `Another workload is already named "${n}"; workload names must be unique in the document.`,
  team: (n) => `Another team already has the id "${n}"; team ids must be unique in the document.`,
  layer: (n) => `Layer "${n}" is already given in this baseline; each layer id may appear once.`,
  model: (n) => `Model "${n}" is already a column of this baseline; each model id may appear once.`,
};

export function duplicateNames(items: readonly Named[], what: 'workload' | 'team' | 'layer' | 'model' | 'baseline'): RawFinding[] {
  const first = new Map<string, number>();
  const out: RawFinding[] = [];
  items.forEach((it, i) => {
    const seen = first.get(it.name);
    if (seen === undefined) {
      first.set(it.name, i);
      return;
    }
    out.push({
      code: 'duplicate-name',
      severity: 'error',
      message: MESSAGE[what](it.name),
      start: it.span.start,
      end: it.span.end,
      fixes: [],
      workload: what === 'workload' ? it.name : undefined,
    });
  });
  return out;
}

export const rule: Rule<typeof duplicateNames> = {
  id: 'duplicate-name',
  defaultSeverity: 'error',
  summary:
    'Two workloads share a name, two teams share an id, or a baseline gives a layer or model id twice; reported on each repeat after the first.',
  why: 'Reports, references and the matrix identify workloads and teams by name.',
  fix: 'Rename one of them.',
  scope: 'document',
  suppressible: true,
  check: duplicateNames,
};
