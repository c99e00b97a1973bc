// duplicate-name: two workloads share a name, or two teams share an id (each repeat after the first).
import type { Span } from '../facts';
import type { RawFinding } from '../raw';

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
