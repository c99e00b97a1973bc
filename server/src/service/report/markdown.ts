// `srm report --format md`: the report as one Markdown page (GitHub-flavoured tables); every text from a file goes
// through exportText.ts (mdText, mdLink). Pure.
import { joinedParts, mdLink, mdText } from '../exportText';
import type { ReportFinding, ReportJson } from './shape';
import { COVERAGE_NOTE, REPORT_TITLE, SECTIONS, UNTEAMED_NOTE, cellWords, plural, sourceLine, summaryFacts } from './text';

export interface ReportTextOptions {
  /** What the report is of, shown under the title (the paths given, or the directory). */
  source?: string;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const h = `| ${header.join(' | ')} |`;
  const sep = `| ${header.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`;
  return [h, sep, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

const range = (from: number, to: number): Set<number> => new Set(Array.from({ length: to - from }, (_, i) => from + i));

/**
 * mdText remembered, for the texts a long table repeats on every row (paths, layers, owners, rule links): a big
 * tree's team tables have tens of thousands of rows over a few hundred distinct values.
 */
function remembered(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let e = seen.get(s);
    if (e === undefined) {
      e = f(s);
      if (seen.size < 100_000) seen.set(s, e);
    }
    return e;
  };
}

let pathText = remembered(mdText);
const at = (file: string, line: number): string => `${pathText(file)}:${line}`;

export function reportToMarkdown(r: ReportJson, options: ReportTextOptions = {}): string {
  return reportMarkdownParts(r, options).join('');
}

/** reportToMarkdown's text in parts to be written one after the other. */
export function reportMarkdownParts(r: ReportJson, options: ReportTextOptions = {}): string[] {
  // Fresh for each report: what one remembers is of no use to the next (and is let go with it).
  pathText = remembered(mdText);
  const out: string[] = [`# ${REPORT_TITLE}\n`];
  out.push(`${sourceLine(r, options.source, mdText)}\n`);
  out.push(SECTIONS.map((s, i) => `${i + 1}. [${s.title}](#${s.title.toLowerCase().replace(/ /g, '-')})`).join('\n') + '\n');
  summary(r, out);
  teams(r, out);
  matrices(r, out);
  coverage(r, out);
  waivers(r, out);
  files(r, out);
  return joinedParts(out, '\n');
}

function summary(r: ReportJson, out: string[]): void {
  const s = r.summary;
  out.push(`## Summary\n`);
  out.push(table(['', ''], summaryFacts(r).map(([k, v]) => [k, mdText(v)])));
  out.push(`### Baselines used\n`);
  if (s.baselines.length === 0) out.push('No document is checked against a baseline.\n');
  else out.push(table(['Baseline', 'Title', 'Documents', 'Workloads'], s.baselines.map((b) => [mdText(b.id), mdText(b.title), String(b.documents), String(b.workloads)]), range(2, 4)));
  if (s.unresolvedBaselines.length > 0) {
    out.push(`Baselines that do not resolve (those documents are left out of the matrices and coverage): ${s.unresolvedBaselines.map((u) => `${mdText(u.id)} (${plural(u.documents, 'document')})`).join(', ')}.\n`);
  }
  out.push(`### Findings by rule\n`);
  if (s.findings.byRule.length === 0) out.push('No findings.\n');
  else {
    out.push(
      table(
        ['Rule', 'Errors', 'Warnings', 'Info', 'Hints', 'Suppressed'],
        [
          ...s.findings.byRule.map((x) => [mdLink(x.docUrl, x.ruleId), String(x.error), String(x.warning), String(x.info), String(x.hint), String(x.suppressed)]),
          ['**Total**', String(s.findings.error), String(s.findings.warning), String(s.findings.info), String(s.findings.hint), String(s.findings.suppressed)],
        ],
        range(1, 6),
      ),
    );
  }
}

function teams(r: ReportJson, out: string[]): void {
  out.push(`## Teams\n`);
  if (r.teams.length === 0) out.push('No team is defined or named.\n');
  for (const t of r.teams) {
    out.push(`### ${mdText(t.id)}${t.name ? `: ${mdText(t.name)}` : ''}\n`);
    const facts: string[] = [];
    if (t.contact) facts.push(`- Contact: ${mdText(t.contact)}`);
    facts.push(
      `- Defined in: ${
        t.definedIn.length === 0
          ? 'nowhere (an unknown team)'
          : t.definedIn.map((d) => `${d.kind === 'registry' ? `registry ${mdText(d.registry ?? '(unnamed)')}, ` : ''}${mdText(d.file)}${d.line ? `:${d.line}` : ''}`).join('; ')
      }`,
    );
    facts.push(`- Owner of: ${t.owns.length === 0 ? 'no document' : t.owns.map((o) => `${at(o.file, o.line)}${o.documentName ? ` (${mdText(o.documentName)})` : ''}`).join('; ')}`);
    facts.push(`- Named for ${plural(t.assignments.length, 'cell')}`);
    out.push(facts.join('\n') + '\n');
    if (t.assignments.length > 0) {
      out.push(
        table(
          ['File', 'Workload', 'Layer', 'Owner', 'Evidence'],
          t.assignments.map((a) => [at(a.file, a.line), mdText(a.workload), pathText(a.layer), pathText(a.owner ?? '(empty)'), a.evidence.map((e) => mdLink(e)).join(', ')]),
        ),
      );
    }
  }
  out.push(`### Customer-owned cells with no team\n`);
  out.push(`${UNTEAMED_NOTE}\n`);
  const rows = r.unteamed;
  if (rows.length === 0) out.push('None.\n');
  else {
    out.push(`${plural(r.summary.unteamedCustomerCells, 'cell')} in ${plural(rows.length, 'workload')}.\n`);
    out.push(
      table(
        ['File', 'Workload', 'Layers', 'Document owner', 'Evidence'],
        rows.map((w) => [
          at(w.file, w.line),
          mdText(w.workload),
          w.cells.map((c) => pathText(c.layer)).join(', '),
          w.documentOwner ? mdText(w.documentOwner) : '(none)',
          w.cells.flatMap((c) => c.evidence.map((e) => mdLink(e))).join(', '),
        ]),
      ),
    );
  }
}

function matrices(r: ReportJson, out: string[]): void {
  // A big tree's matrices have a hundred thousand cells of a few distinct texts: each escaped once.
  const escaped = new Map<string, string>();
  const cellText = (s: string): string => {
    let e = escaped.get(s);
    if (e === undefined) escaped.set(s, (e = mdText(s)));
    return e;
  };
  out.push(`## Matrices by baseline and service model\n`);
  if (r.matrices.length === 0) {
    out.push('No workloads.\n');
    return;
  }
  out.push('Each cell: the owner as written, `[team]`, `✗ expected X` where it differs from the baseline, `–` where the workload leaves the layer out, and the rules that report it.\n');
  for (const m of r.matrices) {
    out.push(`### ${mdText(m.baseline)} · ${mdText(m.modelLabel)} (${plural(m.workloads.length, 'workload')})\n`);
    out.push(`Baseline: ${mdText(m.title)}.\n`);
    const header = ['Layer', 'Expected', ...m.workloads.map((w) => `${mdText(w.name)} (${at(w.file, w.line)})`)];
    out.push(table(header, m.rows.map((row) => [mdText(row.label), mdText(row.expected ?? '?'), ...row.cells.map((c) => cellText(cellWords(c, row.expected)))])));
  }
}

function coverage(r: ReportJson, out: string[]): void {
  out.push(`## Coverage\n`);
  out.push(`${COVERAGE_NOTE}\n`);
  if (r.coverage.length === 0) out.push('No workloads.\n');
  for (const c of r.coverage) {
    out.push(`### ${mdText(c.baseline)} (${plural(c.workloads, 'workload')})\n`);
    out.push(
      table(
        ['Layer', 'Assigned', ...c.parties.map(mdText), 'Not a party', 'Unassigned', 'Differs from the baseline'],
        c.layers.map((l) => [mdText(l.label), String(l.assigned), ...c.parties.map((p) => String(l.byParty[p] ?? 0)), String(l.other), String(l.unassigned), String(l.differs)]),
        range(1, c.parties.length + 5),
      ),
    );
  }
}

function waivers(r: ReportJson, out: string[]): void {
  const w = r.summary.waivers;
  out.push(`## Waiver register\n`);
  out.push(`${plural(w.total, 'suppression comment')}, ${w.withoutReason} without a reason; they silence ${plural(w.silenced, 'finding')}.${r.summary.inlineSuppressions ? '' : ' Inline suppressions were ignored (--no-inline-suppressions).'}\n`);
  if (r.waivers.length === 0) return;
  const rules = (x: { rules: string[] }): string => (x.rules.length === 0 ? 'every rule' : x.rules.map(mdText).join(', '));
  out.push(
    table(
      ['File', 'Kind', 'Rules', 'Reason', 'Silences'],
      r.waivers.map((x) => [at(x.file, x.line), x.kind + (x.misplaced ? ' (misplaced)' : ''), rules(x), x.reason === undefined ? '**none**' : mdText(x.reason), String(x.silenced)]),
      new Set([4]),
    ),
  );
  const bare = r.waivers.filter((x) => x.reason === undefined);
  out.push(`### Without a reason\n`);
  if (bare.length === 0) out.push('Every suppression comment gives a reason.\n');
  else out.push(table(['File', 'Kind', 'Rules', 'Silences'], bare.map((x) => [at(x.file, x.line), x.kind, rules(x), String(x.silenced)]), new Set([3])));
}

function findingRow(f: ReportFinding): string[] {
  return [`${f.line}:${f.column}`, f.severity, mdLink(f.docUrl, f.ruleId), mdText(f.message)];
}

function files(r: ReportJson, out: string[]): void {
  out.push(`## Findings per file\n`);
  if (r.files.length === 0) {
    out.push('No files.\n');
    return;
  }
  const count = (f: (typeof r.files)[number], s: string): string => String(f.findings.filter((x) => x.severity === s).length);
  out.push(
    table(
      ['File', 'Documents', 'Workloads', 'Errors', 'Warnings', 'Info', 'Hints', 'Suppressed'],
      r.files.map((f) => [mdText(f.path), String(f.documents), String(f.workloads), count(f, 'error'), count(f, 'warning'), count(f, 'info'), count(f, 'hint'), String(f.suppressed.length)]),
      range(1, 8),
    ),
  );
  for (const f of r.files) {
    if (f.findings.length === 0 && f.suppressed.length === 0) continue;
    out.push(`### ${mdText(f.path)}\n`);
    if (f.findings.length > 0) out.push(table(['Line', 'Severity', 'Rule', 'Message'], f.findings.map(findingRow)));
    if (f.suppressed.length > 0) {
      out.push(`Suppressed:\n`);
      out.push(table(['Line', 'Severity', 'Rule', 'Message', 'Reason'], f.suppressed.map((x) => [...findingRow(x), x.suppression?.reason === undefined ? '**none**' : mdText(x.suppression.reason)])));
    }
  }
}
