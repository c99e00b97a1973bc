// The HTML report's Teams section: each team (where defined, what it owns, its cells) and the customer's cells that
// name no team. Their long tables are written as pieces (a big tree has tens of thousands of rows). Pure.
import { ROWS_TABLE_END, at, h, link, partPieces, party, rowsTableOpen, tagsOf, text, type Pieces } from './htmlMarkup';
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
  const file = memo((f: string) => `<span class="mono">${text(f)}:`);
  return {
    /** A file's line, as at() writes it. */
    at: (out: Pieces, f: string, line: number): void => void out.push(file(f), String(line), '</span>'),
    code: memo((c: string) => `<code>${text(c)}</code>`),
    party: memo((owner: string | null) => party(owner).html),
  };
}

export function teams(r: ReportJson, out: Pieces): void {
  const fast = rowPieces();
  const section = partPieces('teams', out);
  if (r.teams.length === 0) out.push(h('p', { class: 'notice' }, 'No team is defined or named.').html);
  r.teams.forEach((t, i) => {
    const [open, close] = tagsOf('article', { class: 'team-entry', id: `t-${i}` });
    out.push(open, h('h3', null, h('code', null, t.id), t.name ? `: ${t.name}` : '').html);
    if (t.contact) out.push(h('p', { class: 'meta' }, `Contact: ${t.contact}`).html);
    out.push(
      h(
        'p',
        { class: 'meta' },
        'Defined in: ',
        t.definedIn.length === 0
          ? h('span', { class: 'none' }, 'nowhere (an unknown team)')
          : t.definedIn.map((d, k) => [k > 0 ? '; ' : '', d.kind === 'registry' ? `registry ${d.registry ?? '(unnamed)'}, ` : '', at(d.file, d.line ?? 1)]),
      ).html,
      h('p', { class: 'meta' }, 'Owner of: ', t.owns.length === 0 ? 'no document' : t.owns.map((o, k) => [k > 0 ? '; ' : '', at(o.file, o.line), o.documentName ? ` (${o.documentName})` : '']), ` · named for ${plural(t.assignments.length, 'cell')}`).html,
    );
    if (t.assignments.length > 0) {
      out.push('<div class="scroll">', rowsTableOpen(['File', 'Workload', 'Layer', 'Owner', 'Evidence']));
      for (const a of t.assignments) {
        out.push('<tr><td>');
        fast.at(out, a.file, a.line);
        out.push('</td><td>', text(a.workload), '</td><td>', fast.code(a.layer), '</td><td>', fast.party(a.owner), '</td><td>', evidence(a.evidence), '</td></tr>');
      }
      out.push(ROWS_TABLE_END, '</div>');
    }
    out.push(close);
  });
  const rows = r.unteamed;
  out.push(h('h3', { id: 'unteamed' }, 'Customer-owned cells with no team').html, h('p', { class: 'meta' }, UNTEAMED_NOTE).html);
  if (rows.length === 0) out.push(h('p', { class: 'notice' }, 'None.').html);
  else {
    out.push(h('p', null, `${plural(r.summary.unteamedCustomerCells, 'cell')} in ${plural(rows.length, 'workload')}.`).html);
    out.push('<div class="scroll">', rowsTableOpen(['File', 'Workload', 'Layers', 'Document owner', 'Evidence']));
    for (const w of rows) {
      out.push('<tr><td>');
      fast.at(out, w.file, w.line);
      out.push('</td><td>', text(w.workload), '</td><td>');
      w.cells.forEach((c, k) => out.push(k > 0 ? ', ' : '', fast.code(c.layer)));
      out.push('</td><td>', w.documentOwner === undefined ? '<span class="none">none</span>' : text(w.documentOwner), '</td><td>', evidence(w.cells.flatMap((c) => c.evidence)), '</td></tr>');
    }
    out.push(ROWS_TABLE_END, '</div>');
  }
  section.close();
}

/** The evidence links of a cell, one a line ('' for none). */
function evidence(urls: readonly string[]): string {
  if (urls.length === 0) return '';
  return urls.map((u) => { const l = link(u, u, 'ext evidence'); return typeof l === 'string' ? text(l) : l.html; }).join('<br>');
}
