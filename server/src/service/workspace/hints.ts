// Inlay hints of the expected owner: after an assignment whose party differs from its baseline's cell (the layer
// under the workload's model), the party the baseline expects. Nothing where they agree, nothing for `depends` cells,
// nothing when the document's baseline does not resolve, the model is no column or the owner is no party.
import { DEPENDS } from '../../model';
import type { ParsedFile } from '../parse/parsedFile';

export interface ExpectedOwnerHint {
  /** Where the hint goes: the end of the owner value (file offset). */
  offset: number;
  expected: string;
  owner: string;
  layer: string;
  /** The workload's model (the column) and the baseline's id. */
  model: string;
  baseline: string;
  workload?: string;
}

/** The hints of `parsed` whose offset lies in [from, to]. */
export function expectedOwnerHints(parsed: ParsedFile, from = 0, to = Number.POSITIVE_INFINITY): ExpectedOwnerHint[] {
  const out: ExpectedOwnerHint[] = [];
  for (const doc of parsed.documents) {
    if (!doc.header || doc.syntax.length > 0 || doc.baselineError || doc.end < from || doc.start > to) continue;
    const b = doc.baseline;
    for (const part of doc.workloads) {
      if (part.end < from || part.start > to) continue;
      const f = part.analysis.facts;
      if (!b.hasColumn(f.model)) continue;
      for (const a of f.assignments) {
        if (!a.ownerSpan || !b.isParty(a.owner) || !b.layer(a.layer)) continue;
        const cell = b.cell(a.layer, f.model);
        if (cell === undefined || cell === DEPENDS || cell === a.owner) continue;
        const offset = part.base + a.ownerSpan.end;
        if (offset < from || offset > to) continue;
        out.push({ offset, expected: cell, owner: a.owner, layer: a.layer, model: f.model, baseline: b.id, ...(f.name === undefined ? {} : { workload: f.name }) });
      }
    }
  }
  return out;
}
