// The report's summary: the counts gathered file by file (documents, workloads, findings per rule, baselines used),
// and the summary they make with the report's teams and waivers.
import type { Baseline } from '../../model';
import { RULE_IDS, type Finding, type Severity } from '../types';
import type { ReportSummary, ReportWaiver, SeverityCounts } from './shape';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0, hint: 0, suppressed: 0 });

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class ReportCounts {
  readonly docs = { total: 0, assignments: 0, baselines: 0, registries: 0, syntaxErrors: 0 };
  workloads = 0;
  unteamedCells = 0;
  private readonly byRule = new Map<string, SeverityCounts>();
  private readonly baselines = new Map<string, { id: string; title: string; documents: number; workloads: number }>();
  private readonly unresolved = new Map<string, number>();

  /** A finding of the report (suppressed ones counted apart). */
  finding(f: Finding): void {
    let counts = this.byRule.get(f.code);
    if (!counts) this.byRule.set(f.code, (counts = zero()));
    if (f.suppression) counts.suppressed++;
    else counts[f.severity]++;
  }

  /** An assignment document checked against baseline `b`. */
  baselineUsed(b: Baseline, workloads: number): void {
    let used = this.baselines.get(b.id);
    if (!used) this.baselines.set(b.id, (used = { id: b.id, title: b.def.title, documents: 0, workloads: 0 }));
    used.documents++;
    used.workloads += workloads;
  }

  /** An assignment document whose baseline does not resolve. */
  baselineUnresolved(id: string): void {
    this.unresolved.set(id, (this.unresolved.get(id) ?? 0) + 1);
  }

  summary(files: number, teams: number, waivers: readonly ReportWaiver[], ruleDocUrl: (ruleId: string) => string, inlineSuppressions: boolean): ReportSummary {
    const byRule = this.rules(ruleDocUrl);
    const totals = zero();
    for (const r of byRule) {
      for (const s of SEVERITIES) totals[s] += r[s];
      totals.suppressed += r.suppressed;
    }
    const withReason = waivers.filter((w) => w.reason !== undefined).length;
    return {
      files,
      documents: { ...this.docs },
      workloads: this.workloads,
      baselines: [...this.baselines.values()].sort(byId),
      unresolvedBaselines: [...this.unresolved.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, documents]) => ({ id, documents })),
      findings: { total: totals.error + totals.warning + totals.info + totals.hint, ...totals, byRule },
      teams,
      unteamedCustomerCells: this.unteamedCells,
      waivers: {
        total: waivers.length,
        withReason,
        withoutReason: waivers.length - withReason,
        silenced: waivers.reduce((n, w) => n + w.silenced, 0),
      },
      inlineSuppressions,
    };
  }

  /** Per rule, in the rule registry's order (then by id), only rules with findings. */
  private rules(ruleDocUrl: (ruleId: string) => string): ReportSummary['findings']['byRule'] {
    const order = (id: string): number => {
      const i = (RULE_IDS as readonly string[]).indexOf(id);
      return i < 0 ? RULE_IDS.length : i;
    };
    return [...this.byRule.entries()]
      .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([ruleId, c]) => ({ ruleId, docUrl: ruleDocUrl(ruleId), total: c.error + c.warning + c.info + c.hint, ...c }));
  }
}
