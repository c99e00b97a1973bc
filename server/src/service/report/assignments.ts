// The report's cells of one assignment document: those that name a team (to the team, teams.ts), and the
// customer's cells that name none (`unteamed`), each with the evidence its long form gives.
import { writtenOwner } from '../matrix/build';
import type { ParsedDocument } from '../parse/parseFile';
import type { ReportFileInput } from './input';
import type { ReportUnteamed } from './shape';
import type { DocName, TeamBook } from './teams';
import { NO_EVIDENCE, evidenceAt } from './textValues';

/** Where the word `evidence` is in `text` (found once): an assignment is read for it only when it holds one. */
function evidenceMarks(text: string): (start: number, end: number) => boolean {
  const marks: number[] = [];
  for (let k = text.indexOf('evidence'); k >= 0; k = text.indexOf('evidence', k + 8)) marks.push(k);
  return (start, end) => {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < marks.length && marks[lo]! < end;
  };
}

/**
 * Every assignment of document `d`: a team's cell goes to `teams`, the workloads' customer cells that name no team
 * to `unteamed` (one entry a workload). Gives the number of those cells.
 */
export function collectAssignments(input: ReportFileInput, d: ParsedDocument, docName: DocName, documentOwner: string | undefined, teams: TeamBook, unteamed: ReportUnteamed[]): number {
  const { parsed, path } = input;
  const { text, lines } = parsed;
  const lineOf = (offset: number): number => lines.lineAt(offset) + 1;
  const hasEvidence = evidenceMarks(text);
  let cells = 0;
  d.workloads.forEach((part, i) => {
    const f = part.analysis.facts;
    const workload = f.name ?? `#${i + 1}`;
    const seen = new Set<string>();
    let entry: ReportUnteamed | undefined;
    for (const a of f.assignments) {
      if (seen.has(a.layer)) continue; // a repeated key (duplicate-key): the matrix shows the first
      seen.add(a.layer);
      const owner = writtenOwner(a, part.base, text);
      // The customer's cells that name no team: of the layers the baseline has (an unknown key is a schema finding).
      if (a.team === undefined && (owner !== 'customer' || !d.baseline.layer(a.layer))) continue;
      const keyStart = a.key.start + part.base;
      const end = a.end + part.base;
      const evidence = a.long && hasEvidence(keyStart, end) ? evidenceAt(text, lines, keyStart, end) : NO_EVIDENCE;
      const line = lineOf(keyStart);
      if (a.team !== undefined) {
        // Literals of one shape each (a spread of docName makes every cell's object the slow, generic way).
        const documentName = docName.documentName;
        teams.addAssignment(
          a.team,
          documentName === undefined
            ? { file: path, line, document: d.index, workload, layer: a.layer, owner, evidence }
            : { file: path, line, document: d.index, documentName, workload, layer: a.layer, owner, evidence },
        );
        continue;
      }
      if (!entry) {
        const at = f.span.end > f.span.start ? f.span.start + part.base : part.start;
        entry = { file: path, line: lineOf(at), document: d.index, ...docName, workload, ...(documentOwner === undefined ? {} : { documentOwner }), cells: [] };
        unteamed.push(entry);
      }
      entry.cells.push({ layer: a.layer, line, evidence });
      cells++;
    }
  });
  return cells;
}
