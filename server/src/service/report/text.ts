// Words and small tables shared by the report's Markdown and HTML renderings (same content, same wording). Pure.
import type { ReportJson, ReportMatrixCell } from './shape';

export const REPORT_TITLE = 'Shared responsibility report';

export const SECTIONS = [
  { id: 'summary', title: 'Summary' },
  { id: 'teams', title: 'Teams' },
  { id: 'matrices', title: 'Matrices by baseline and service model' },
  { id: 'coverage', title: 'Coverage' },
  { id: 'waivers', title: 'Waiver register' },
  { id: 'files', title: 'Findings per file' },
] as const;

/** "9 files (paths: examples), checked by srm 0.1.0": `escape` applies to the paths (user text), not to the words. */
export function sourceLine(r: ReportJson, source: string | undefined, escape: (s: string) => string = (s) => s): string {
  return `${plural(r.summary.files, 'file')}${source ? ` (paths: ${escape(source)})` : ''}, checked by srm ${r.version}.`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 documents (10 assignments, 1 baseline, 1 registry, 0 with a YAML syntax error)". */
export function documentsLine(r: ReportJson): string {
  const d = r.summary.documents;
  const parts = [plural(d.assignments, 'assignment')];
  if (d.baselines) parts.push(plural(d.baselines, 'baseline'));
  if (d.registries) parts.push(plural(d.registries, 'registry', 'registries'));
  if (d.syntaxErrors) parts.push(`${d.syntaxErrors} with a YAML syntax error`);
  return `${d.total} (${parts.join(', ')})`;
}

export function waiversLine(r: ReportJson): string {
  const w = r.summary.waivers;
  const off = r.summary.inlineSuppressions ? '' : ' (ignored: --no-inline-suppressions)';
  return `${w.total} (${w.withoutReason} without a reason), silencing ${plural(w.silenced, 'finding')}${off}`;
}

/** The key facts of the summary, in order: label, value. */
export function summaryFacts(r: ReportJson): Array<[string, string]> {
  const s = r.summary;
  return [
    ['Files', String(s.files)],
    ['Documents', documentsLine(r)],
    ['Workloads', String(s.workloads)],
    ['Findings', `${s.findings.total} (${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${s.findings.info} info, ${plural(s.findings.hint, 'hint')}), ${s.findings.suppressed} suppressed`],
    ['Teams', String(s.teams)],
    ['Customer-owned cells with no team', String(s.unteamedCustomerCells)],
    ['Suppression comments', waiversLine(r)],
  ];
}

/** A matrix cell as text: `owner [team]`, `✗ expected X` on a difference, the rules that fire. */
export function cellWords(c: ReportMatrixCell, expected: string | null): string {
  let s: string;
  if (c.status === 'unassigned') s = '–';
  else {
    s = c.owner ?? '(empty)';
    if (c.team) s += ` [${c.team}]`;
    if (c.status === 'mismatch' || c.status === 'invalid') s += ` ✗ expected ${expected ?? '?'}`;
  }
  const rules = [...(c.rules ?? []), ...(c.suppressed ?? []).map((x) => `${x} suppressed`)];
  return rules.length ? `${s} (${rules.join(', ')})` : s;
}

export const COVERAGE_NOTE =
  'Per layer of each baseline: how many workloads assign it, to which party, how many leave it out, and how many assign it to another party than the baseline’s cell for their service model.';
export const UNTEAMED_NOTE =
  'Cells the customer owns that name no team: ownership nobody carries, unless the document’s owner (metadata.owner) does.';
