// The report's coverage: per baseline, every layer over every workload checked against it, by party.
import { own } from '../../model';
import type { OrderedGroups } from './matrices';
import type { ReportCoverage } from './shape';

/** One entry a shown baseline id, in the groups' order; the groups of one baseline add up. */
export function coverageOf({ groups, shownId }: OrderedGroups): ReportCoverage[] {
  const coverage: ReportCoverage[] = [];
  for (const g of groups) {
    const id = shownId(g);
    let c = coverage.find((x) => x.baseline === id);
    if (!c) {
      c = {
        baseline: id,
        title: g.baseline.def.title,
        parties: [...g.baseline.parties],
        workloads: 0,
        layers: g.rows.map((r) => ({
          layer: r.layer,
          label: r.label,
          assigned: 0,
          byParty: Object.fromEntries(g.baseline.parties.map((p) => [p, 0])),
          other: 0,
          unassigned: 0,
          differs: 0,
        })),
      };
      coverage.push(c);
    }
    c.workloads += g.columns.length;
    g.rows.forEach((r, k) => {
      const l = c.layers[k]!;
      for (const cell of r.cells) {
        if (cell.status === 'unassigned') {
          l.unassigned++;
          continue;
        }
        l.assigned++;
        // byParty has every party as a key of its own: an owner named like a property of Object.prototype is none.
        if (cell.owner !== null && own(l.byParty, cell.owner) !== undefined) l.byParty[cell.owner]!++;
        else l.other++;
        if (cell.status === 'mismatch') l.differs++;
      }
    });
  }
  return coverage;
}
