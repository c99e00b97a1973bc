// The report's matrices: every workload under one (baseline, service model), as JSON and as the matrix view's
// documents; gathered document by document, ordered by baseline id, then the baseline's column order.
import type { Baseline } from '../../model';
import type { MatrixCell, MatrixDocument, MatrixReference, MatrixRow, MatrixWorkload } from '../matrix/build';
import type { ParsedDocument } from '../parse/parseFile';
import type { ReportMatrix, ReportMatrixCell } from './shape';
import type { DocName } from './teams';

export interface Group {
  baseline: Baseline;
  reference: MatrixReference;
  model: string | null;
  modelLabel: string;
  columns: Array<ReportMatrix['workloads'][number] & { wl: MatrixWorkload }>;
  rows: MatrixRow[];
}

/** The groups in the report's order, and how each one's baseline is shown. */
export interface OrderedGroups {
  groups: Group[];
  shownId: (g: Group) => string;
}

export class MatrixGroups {
  private readonly groups = new Map<string, Map<string | null, Group>>();

  /** The workloads of document `d` (of the file at `path`, drawn as `m`) under baseline `b`, each to its model's group. */
  addDocument(b: Baseline, d: ParsedDocument, m: MatrixDocument, path: string, lineOf: (offset: number) => number, docName: DocName): void {
    m.workloads.forEach((wl, i) => {
      const g = this.group(b, m, wl.model);
      g.columns.push({ file: path, line: lineOf(wl.start), document: d.index, ...docName, name: wl.name, wl });
      m.rows.forEach((r, k) => g.rows[k]?.cells.push(r.cells[i]!));
    });
  }

  /** By baseline id, then the baseline's column order, workloads with no valid model last. */
  ordered(): OrderedGroups {
    const keysOfId = new Map<string, string[]>();
    for (const g of this.all()) {
      const list = keysOfId.get(g.baseline.id) ?? [];
      if (!list.includes(g.baseline.key)) list.push(g.baseline.key);
      keysOfId.set(g.baseline.id, list);
    }
    const rank = (g: Group): [string, number, number] => [
      g.baseline.id,
      keysOfId.get(g.baseline.id)!.indexOf(g.baseline.key),
      g.model === null ? Number.MAX_SAFE_INTEGER : g.baseline.columnIds.indexOf(g.model),
    ];
    const groups = this.all().sort((a, b) => {
      const [ia, ka, ma] = rank(a);
      const [ib, kb, mb] = rank(b);
      return ia < ib ? -1 : ia > ib ? 1 : ka - kb || ma - mb;
    });
    // Two different baselines with one id (from two configs): told apart by a number.
    const shownId = (g: Group): string => {
      const keys = keysOfId.get(g.baseline.id)!;
      return keys.length > 1 ? `${g.baseline.id} (${keys.indexOf(g.baseline.key) + 1})` : g.baseline.id;
    };
    return { groups, shownId };
  }

  private group(b: Baseline, m: MatrixDocument, model: string | null): Group {
    // Two levels: b.key is long, and the same string every time (its hash is computed once).
    let byModel = this.groups.get(b.key);
    if (!byModel) this.groups.set(b.key, (byModel = new Map()));
    let g = byModel.get(model);
    if (!g) {
      g = {
        baseline: b,
        reference: m.reference,
        model,
        modelLabel: model === null ? 'no valid service model' : b.columnLabel(model),
        columns: [],
        rows: m.rows.map((r) => ({ layer: r.layer, label: r.label, group: r.group, cells: [] })),
      };
      byModel.set(model, g);
    }
    return g;
  }

  private all(): Group[] {
    return [...this.groups.values()].flatMap((m) => [...m.values()]);
  }
}

/**
 * A cell as JSON: the rules of its findings that count, and of those suppressed. A cell with no team and no finding
 * (most of them) is one shared frozen object per owner and status, from `plain` (a report's matrices have a hundred
 * thousand cells of a few kinds).
 */
function cellJson(c: MatrixCell, plain: Map<string | null, Map<string, ReportMatrixCell>>): ReportMatrixCell {
  if (c.team === undefined && c.findings.length === 0) {
    let byStatus = plain.get(c.owner);
    if (!byStatus) plain.set(c.owner, (byStatus = new Map()));
    let cell = byStatus.get(c.status);
    if (!cell) byStatus.set(c.status, (cell = Object.freeze({ owner: c.owner, status: c.status }) as ReportMatrixCell));
    return cell;
  }
  const cell: ReportMatrixCell = { owner: c.owner, status: c.status };
  if (c.team !== undefined) cell.team = c.team;
  if (c.findings.length > 0) {
    const rules = [...new Set(c.findings.filter((f) => !f.suppressed).map((f) => f.code))];
    const suppressed = [...new Set(c.findings.filter((f) => f.suppressed).map((f) => f.code))];
    if (rules.length > 0) cell.rules = rules;
    if (suppressed.length > 0) cell.suppressed = suppressed;
  }
  return cell;
}

/** The matrices as JSON, and as the matrix view's documents (aligned). */
export function matricesOf({ groups, shownId }: OrderedGroups): { matrices: ReportMatrix[]; matrixDocuments: MatrixDocument[] } {
  const matrices: ReportMatrix[] = [];
  const matrixDocuments: MatrixDocument[] = [];
  const plain = new Map<string | null, Map<string, ReportMatrixCell>>();
  const toJson = (c: MatrixCell): ReportMatrixCell => cellJson(c, plain);
  groups.forEach((g, n) => {
    matrices.push({
      baseline: shownId(g),
      title: g.baseline.def.title,
      model: g.model,
      modelLabel: g.modelLabel,
      workloads: g.columns.map(({ wl: _wl, ...c }) => c),
      rows: g.rows.map((r) => ({ layer: r.layer, label: r.label, group: r.group, expected: r.cells[0]?.expected ?? null, cells: r.cells.map(toJson) })),
    });
    matrixDocuments.push({
      index: n,
      name: `${shownId(g)} · ${g.modelLabel}`,
      syntaxError: false,
      workloads: g.columns.map((c) => c.wl),
      rows: g.rows,
      baseline: g.baseline.id,
      reference: g.reference,
    });
  });
  return { matrices, matrixDocuments };
}
