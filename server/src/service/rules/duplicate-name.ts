// duplicate-name: two workloads share a name, or two teams share an id (each repeat after the first).
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import type { Rule } from './rule';

export interface Named {
  name: string;
  span: Span;
}

export function duplicateNames(items: readonly Named[], what: 'workload' | 'team'): RawFinding[] {
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
      message:
        what === 'workload'
          ? `Another workload is already named "${it.name}"; workload names must be unique in the document.`
          : `Another team already has the id "${it.name}"; team ids must be unique in the document.`,
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
  summary: 'Two workloads share a name, or two teams share an id; reported on each repeat after the first.',
  why: 'Reports, references and the matrix identify workloads and teams by name.',
  fix: 'Rename one of them.',
  scope: 'document',
  suppressible: true,
  check: duplicateNames,
};
