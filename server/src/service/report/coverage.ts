// The report's coverage: per baseline, every layer over every workload checked against it, by party.
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
    // A party by its place in the list, not by a property lookup: an owner named like one of Object.prototype's
    // (toString, __proto__) is no party, and comparing a few short strings is cheaper than hashing each cell's owner.
    const parties = c.parties;
    const byParty = new Array<number>(parties.length);
    g.rows.forEach((r, k) => {
      const l = c.layers[k]!;
      byParty.fill(0);
      for (const cell of r.cells) {
        if (cell.status === 'unassigned') {
          l.unassigned++;
          continue;
        }
        l.assigned++;
        const p = cell.owner === null ? -1 : parties.indexOf(cell.owner);
        if (p >= 0) byParty[p]!++;
        else l.other++;
        if (cell.status === 'mismatch') l.differs++;
      }
      parties.forEach((party, i) => {
        l.byParty[party]! += byParty[i]!;
      });
    });
  }
  return coverage;
}
