// The HTML report's sections but the teams and matrices (htmlTeams.ts, htmlMatrices.ts): the summary, coverage,
// waivers and the findings of each file. Pure.
import { partyClass } from '../matrix/view';
import { Html, at, h, link, part, party, range, table, type Child } from './htmlMarkup';
import type { ReportFinding, ReportJson } from './shape';
import { COVERAGE_NOTE, plural, summaryFacts } from './text';

export function summary(r: ReportJson): Html {
  const s = r.summary;
  const card = (n: number, label: string, bad = false): Html => h('li', { class: bad && n > 0 ? 'bad' : undefined }, h('b', null, n), label);
  return part(
    'summary',
    h(
      'ul',
      { class: 'cards' },
      card(s.files, 'files'),
      card(s.workloads, 'workloads'),
      card(s.findings.error, 'errors', true),
      card(s.findings.warning, 'warnings', true),
      card(s.findings.suppressed, 'suppressed'),
      card(s.waivers.withoutReason, 'waivers without a reason', true),
      card(s.unteamedCustomerCells, 'customer cells with no team', true),
    ),
    h('table', { class: 'data facts' }, h('tbody', null, summaryFacts(r).map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, v))))),
    h('h3', null, 'Baselines used'),
    s.baselines.length === 0
      ? h('p', { class: 'notice' }, 'No document is checked against a baseline.')
      : table(['Baseline', 'Title', 'Documents', 'Workloads'], s.baselines.map((b) => [h('code', null, b.id), b.title, b.documents, b.workloads]), range(2, 4)),
    s.unresolvedBaselines.length > 0 &&
      h('p', { class: 'notice' }, `Baselines that do not resolve (those documents are left out of the matrices and coverage): ${s.unresolvedBaselines.map((u) => `${u.id} (${plural(u.documents, 'document')})`).join(', ')}.`),
    h('h3', null, 'Findings by rule'),
    s.findings.byRule.length === 0
      ? h('p', { class: 'notice' }, 'No findings.')
      : table(
          ['Rule', 'Errors', 'Warnings', 'Info', 'Hints', 'Suppressed'],
          [
            ...s.findings.byRule.map((x) => [link(x.docUrl, x.ruleId, 'rule-doc'), x.error, x.warning, x.info, x.hint, x.suppressed]),
            [h('b', null, 'Total'), s.findings.error, s.findings.warning, s.findings.info, s.findings.hint, s.findings.suppressed],
          ],
          range(1, 6),
        ),
  );
}

export function coverage(r: ReportJson): Html {
  return part(
    'coverage',
    h('p', { class: 'meta' }, COVERAGE_NOTE),
    r.coverage.length === 0 ? h('p', { class: 'notice' }, 'No workloads.') : null,
    r.coverage.map((c) => {
      const head: Array<string | Html> = ['Layer', 'Assigned', ...c.parties.map((p) => party(p)), 'Not a party', 'Unassigned', 'Differs from the baseline', 'Share'];
      const rows = c.layers.map((l) => {
        const total = Math.max(1, l.assigned + l.unassigned);
        const seg = (cls: string, n: number, label: string): Html | null =>
          n > 0 ? h('span', { class: cls, style: `width:${((100 * n) / total).toFixed(2)}%`, title: `${label}: ${n}` }) : null;
        const bar = h(
          'span',
          { class: 'bar', role: 'img', 'aria-label': `${l.label}: ${c.parties.map((p) => `${p} ${l.byParty[p] ?? 0}`).join(', ')}, other ${l.other}, unassigned ${l.unassigned}` },
          c.parties.map((p) => seg(partyClass(p), l.byParty[p] ?? 0, p)),
          seg('p-invalid', l.other, 'not a party'),
          seg('gap', l.unassigned, 'unassigned'),
        );
        return [h('span', { class: 'layer' }, l.label, h('code', null, l.layer)), l.assigned, ...c.parties.map((p) => l.byParty[p] ?? 0), l.other, l.unassigned, l.differs, bar];
      });
      return [h('h3', null, h('code', null, c.baseline), ` (${plural(c.workloads, 'workload')})`), h('div', { class: 'scroll' }, table(head, rows, range(1, c.parties.length + 5)))];
    }),
  );
}

export function waivers(r: ReportJson): Html {
  const w = r.summary.waivers;
  const rules = (x: { rules: string[] }): Child => (x.rules.length === 0 ? 'every rule' : x.rules.map((id, k) => [k > 0 ? ', ' : '', h('code', null, id)]));
  const bare = r.waivers.filter((x) => x.reason === undefined);
  return part(
    'waivers',
    h(
      'p',
      null,
      `${plural(w.total, 'suppression comment')}, ${w.withoutReason} without a reason; they silence ${plural(w.silenced, 'finding')}.`,
      r.summary.inlineSuppressions ? '' : ' Inline suppressions were ignored (--no-inline-suppressions).',
    ),
    r.waivers.length > 0 && [
      h(
        'div',
        { class: 'scroll' },
        table(
          ['File', 'Kind', 'Rules', 'Reason', 'Silences'],
          r.waivers.map((x) => [at(x.file, x.line), x.kind + (x.misplaced ? ' (misplaced)' : ''), rules(x), x.reason === undefined ? h('span', { class: 'none' }, 'none') : x.reason, x.silenced]),
          new Set([4]),
          (i) => (r.waivers[i]!.reason === undefined ? 'no-reason' : undefined),
        ),
      ),
      h('h3', null, 'Without a reason'),
      bare.length === 0
        ? h('p', { class: 'notice' }, 'Every suppression comment gives a reason.')
        : table(['File', 'Kind', 'Rules', 'Silences'], bare.map((x) => [at(x.file, x.line), x.kind, rules(x), x.silenced]), new Set([3])),
    ],
  );
}

function findingRow(f: ReportFinding): Child[] {
  return [`${f.line}:${f.column}`, h('span', { class: `sev sev-${f.severity}` }, f.severity), link(f.docUrl, f.ruleId, 'rule-doc'), f.message];
}

export function files(r: ReportJson): Html {
  if (r.files.length === 0) return part('files', h('p', { class: 'notice' }, 'No files.'));
  const count = (f: (typeof r.files)[number], s: string): number => f.findings.filter((x) => x.severity === s).length;
  const has = (f: (typeof r.files)[number]): boolean => f.findings.length > 0 || f.suppressed.length > 0;
  return part(
    'files',
    h(
      'div',
      { class: 'scroll' },
      table(
        ['File', 'Documents', 'Workloads', 'Errors', 'Warnings', 'Info', 'Hints', 'Suppressed'],
        r.files.map((f, i) => [has(f) ? h('a', { href: `#f-${i}` }, h('span', { class: 'mono' }, f.path)) : h('span', { class: 'mono' }, f.path), f.documents, f.workloads, count(f, 'error'), count(f, 'warning'), count(f, 'info'), count(f, 'hint'), f.suppressed.length]),
        range(1, 8),
      ),
    ),
    r.files.map((f, i) =>
      has(f)
        ? h(
            'article',
            { class: 'file', id: `f-${i}` },
            h('h3', null, h('span', { class: 'mono' }, f.path)),
            f.findings.length > 0 && h('div', { class: 'scroll' }, table(['Line', 'Severity', 'Rule', 'Message'], f.findings.map(findingRow))),
            f.suppressed.length > 0 && [
              h('p', { class: 'meta' }, 'Suppressed:'),
              h(
                'div',
                { class: 'scroll' },
                table(['Line', 'Severity', 'Rule', 'Message', 'Reason'], f.suppressed.map((x) => [...findingRow(x), x.suppression?.reason ?? h('span', { class: 'none' }, 'none')])),
              ),
            ],
          )
        : null,
    ),
  );
}
