// The HTML report's Teams section: each team (where defined, what it owns, its cells) and the customer's cells that
// name no team. Their long tables are written as strings (a big tree has tens of thousands of rows). Pure.
import { Html, at, h, link, part, party, rowsTable, text } from './htmlMarkup';
import type { ReportJson } from './shape';
import { UNTEAMED_NOTE, plural } from './text';

const memo = <K, V>(f: (k: K) => V): ((k: K) => V) => {
  const m = new Map<K, V>();
  return (k) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = f(k)));
    return v;
  };
};

/** Row pieces for one rendering (its caches live as long as the rendering). */
function rowPieces() {
  const file = memo((f: string) => text(f));
  return {
    at: (f: string, line: number): string => `<span class="mono">${file(f)}:${line}</span>`,
    code: memo((c: string) => `<code>${text(c)}</code>`),
    party: memo((owner: string | null) => party(owner).html),
  };
}

export function teams(r: ReportJson): Html {
  const fast = rowPieces();
  const list = r.teams.map((t, i) =>
    h(
      'article',
      { class: 'team-entry', id: `t-${i}` },
      h('h3', null, h('code', null, t.id), t.name ? `: ${t.name}` : ''),
      t.contact && h('p', { class: 'meta' }, `Contact: ${t.contact}`),
      h(
        'p',
        { class: 'meta' },
        'Defined in: ',
        t.definedIn.length === 0
          ? h('span', { class: 'none' }, 'nowhere (an unknown team)')
          : t.definedIn.map((d, k) => [k > 0 ? '; ' : '', d.kind === 'registry' ? `registry ${d.registry ?? '(unnamed)'}, ` : '', at(d.file, d.line ?? 1)]),
      ),
      h('p', { class: 'meta' }, 'Owner of: ', t.owns.length === 0 ? 'no document' : t.owns.map((o, k) => [k > 0 ? '; ' : '', at(o.file, o.line), o.documentName ? ` (${o.documentName})` : '']), ` · named for ${plural(t.assignments.length, 'cell')}`),
      t.assignments.length > 0 &&
        h(
          'div',
          { class: 'scroll' },
          rowsTable(
            ['File', 'Workload', 'Layer', 'Owner', 'Evidence'],
            t.assignments.map((a) => `<tr><td>${fast.at(a.file, a.line)}</td><td>${text(a.workload)}</td><td>${fast.code(a.layer)}</td><td>${fast.party(a.owner)}</td><td>${evidence(a.evidence)}</td></tr>`),
          ),
        ),
    ),
  );
  const rows = r.unteamed;
  return part(
    'teams',
    r.teams.length === 0 ? h('p', { class: 'notice' }, 'No team is defined or named.') : list,
    h('h3', { id: 'unteamed' }, 'Customer-owned cells with no team'),
    h('p', { class: 'meta' }, UNTEAMED_NOTE),
    rows.length === 0
      ? h('p', { class: 'notice' }, 'None.')
      : [
          h('p', null, `${plural(r.summary.unteamedCustomerCells, 'cell')} in ${plural(rows.length, 'workload')}.`),
          h(
            'div',
            { class: 'scroll' },
            rowsTable(
              ['File', 'Workload', 'Layers', 'Document owner', 'Evidence'],
              rows.map(
                (w) =>
                  `<tr><td>${fast.at(w.file, w.line)}</td><td>${text(w.workload)}</td><td>${w.cells.map((c) => fast.code(c.layer)).join(', ')}</td>` +
                  `<td>${w.documentOwner === undefined ? '<span class="none">none</span>' : text(w.documentOwner)}</td><td>${evidence(w.cells.flatMap((c) => c.evidence))}</td></tr>`,
              ),
            ),
          ),
        ],
  );
}

/** The evidence links of a cell, one a line ('' for none). */
function evidence(urls: readonly string[]): string {
  if (urls.length === 0) return '';
  return urls.map((u) => { const l = link(u, u, 'ext evidence'); return typeof l === 'string' ? text(l) : l.html; }).join('<br>');
}
