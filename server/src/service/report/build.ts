// `srm report`'s content: one report over many files, built from the engine's parse and findings of each (it checks
// nothing itself). The JSON shape below is the report's stable, documented form (docs/cli.md, "srm report"); the
// Markdown and HTML renderings (markdown.ts, html.ts) show the same content. Pure: the CLI reads the files and
// passes each file's ParsedFile, findings (suppressed ones included) and the team registries in its reach.
import { parseDocument } from 'yaml';
import type { Baseline } from '../../model';
import { findDirectives } from '../check/directives';
import { MAX_ALIAS_COUNT } from '../check/facts';
import type { LineIndex } from '../lines';
import { matrixFromParsed, type CellStatus, type MatrixDocument, type MatrixReference, type MatrixRow, type MatrixWorkload } from '../matrix/build';
import type { ParsedDocument, ParsedFile } from '../parse/parseFile';
import { RULE_IDS, type Finding, type Severity, type TeamContext } from '../types';

/** The version of the JSON shape: raised on any change that is not an addition. */
export const REPORT_SHAPE = 1;

// ---- the JSON shape ----

/** A finding as `srm lint --format json` gives it, plus the link to its rule's page. */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based line and UTF-16 column of the start and end. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** UTF-16 offsets into the file. */
  start: number;
  end: number;
  /** 0-based index of the YAML document. */
  document: number;
  workload?: string;
  layer?: string;
  fixable: boolean;
  /** Only on entries of `suppressed`: the comment's kind and reason. */
  suppression?: { kind: string; reason?: string };
  /** The rule's documentation page. */
  docUrl: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
  /** Silenced by a suppression comment (not counted in the severities). */
  suppressed: number;
}

export interface ReportSummary {
  files: number;
  documents: {
    total: number;
    /** ResponsibilityAssignment documents that could be read (no YAML syntax error). */
    assignments: number;
    baselines: number;
    registries: number;
    /** Documents with a YAML syntax error: nothing of them is in the report but their findings. */
    syntaxErrors: number;
  };
  /** Workloads of the assignment documents. */
  workloads: number;
  /** The baselines the assignment documents are checked against, by id (documents, workloads), sorted by id. */
  baselines: Array<{ id: string; title: string; documents: number; workloads: number }>;
  /** Baselines documents select that do not resolve (unknown-baseline, invalid-baseline): left out of matrices and coverage. */
  unresolvedBaselines: Array<{ id: string; documents: number }>;
  /** Findings that count (by severity), and suppressed ones. */
  findings: SeverityCounts & {
    total: number;
    /** Per rule (in the rule registry's order), only rules with findings. */
    byRule: Array<SeverityCounts & { ruleId: string; docUrl: string; total: number }>;
  };
  /** Teams in the report (defined or named). */
  teams: number;
  /** Customer-owned cells that name no team (see `unteamed`). */
  unteamedCustomerCells: number;
  waivers: {
    /** Suppression comments. */
    total: number;
    withReason: number;
    withoutReason: number;
    /** Findings they silence. */
    silenced: number;
  };
  /** False when inline suppressions were ignored (--no-inline-suppressions): comments are listed, silence nothing. */
  inlineSuppressions: boolean;
}

/** Where a team is defined: a registry (by metadata.name, and its file) or a document's own `teams:`. */
export interface TeamDefinition {
  kind: 'registry' | 'document';
  /** The registry's metadata.name (kind registry). */
  registry?: string;
  file: string;
  /** 1-based line of the team's id. */
  line?: number;
}

/** One cell of one workload that names a team (the team it is listed under), with what the file says about it. */
export interface ReportAssignment {
  file: string;
  /** 1-based line of the layer key. */
  line: number;
  document: number;
  documentName?: string;
  workload: string;
  layer: string;
  /** The owner as written (null when empty). */
  owner: string | null;
  /** The `evidence` URLs of the long form, as written. */
  evidence: string[];
}

export interface ReportTeam {
  id: string;
  name?: string;
  contact?: string;
  /** Empty for a team that is named but defined nowhere (its files have unknown-team findings). */
  definedIn: TeamDefinition[];
  /** Documents whose `metadata.owner` names the team. */
  owns: Array<{ file: string; line: number; document: number; documentName?: string }>;
  /** Every (workload, layer) whose long form names the team (`team:`). */
  assignments: ReportAssignment[];
}

/** A workload's customer-owned cells that name no team, with the owner of its document (`metadata.owner`), if any. */
export interface ReportUnteamed {
  file: string;
  /** 1-based line of the workload item. */
  line: number;
  document: number;
  documentName?: string;
  workload: string;
  documentOwner?: string;
  /** In the order written: the layer, the line of its key, the `evidence` URLs of its long form. */
  cells: Array<{ layer: string; line: number; evidence: string[] }>;
}

export interface ReportMatrixCell {
  owner: string | null;
  team?: string;
  status: CellStatus;
  /** Rules with findings in the cell that count, and those suppressed (each present only when not empty). */
  rules?: string[];
  suppressed?: string[];
}

/** The matrix of every workload under one baseline and service model (as the matrix view draws one document). */
export interface ReportMatrix {
  baseline: string;
  title: string;
  /** The service model (a column of the baseline); null for workloads whose model is missing or not a column. */
  model: string | null;
  modelLabel: string;
  workloads: Array<{ file: string; line: number; document: number; documentName?: string; name: string }>;
  /** The baseline's layers in its order; `cells` in the order of `workloads`. */
  rows: Array<{ layer: string; label: string; group: string; expected: string | null; cells: ReportMatrixCell[] }>;
}

export interface ReportCoverage {
  baseline: string;
  title: string;
  /** The baseline's parties: customer, the provider, shared. */
  parties: string[];
  workloads: number;
  layers: Array<{
    layer: string;
    label: string;
    /** Workloads that assign the layer, by party (every party present, 0 included); `other`: not a party. */
    assigned: number;
    byParty: Record<string, number>;
    other: number;
    /** Workloads that leave it out. */
    unassigned: number;
    /** Assigned to another party than the baseline's cell for the workload's model. */
    differs: number;
  }>;
}

/** One suppression comment. */
export interface ReportWaiver {
  file: string;
  /** 1-based line of the comment. */
  line: number;
  kind: 'next-line' | 'document';
  /** The rules it names; empty: every rule. */
  rules: string[];
  reason?: string;
  /** Findings it silences. */
  silenced: number;
  /** A document-wide comment below the document's first line: it silences nothing. */
  misplaced: boolean;
}

export interface ReportFile {
  path: string;
  documents: number;
  workloads: number;
  findings: ReportFinding[];
  suppressed: ReportFinding[];
}

export interface ReportJson {
  tool: 'srm';
  version: string;
  report: typeof REPORT_SHAPE;
  summary: ReportSummary;
  teams: ReportTeam[];
  unteamed: ReportUnteamed[];
  matrices: ReportMatrix[];
  coverage: ReportCoverage[];
  waivers: ReportWaiver[];
  files: ReportFile[];
}

/** The report: its JSON form, and the matrices as the matrix view's documents (aligned with `json.matrices`). */
export interface Report {
  json: ReportJson;
  matrixDocuments: MatrixDocument[];
}

// ---- building ----

export interface ReportFileInput {
  /** The path to show (relative to the working directory, with `/`). */
  path: string;
  parsed: ParsedFile;
  /** Every finding of the file, suppressed ones included (with `suppression`), sorted by position. */
  findings: readonly Finding[];
  /** The registries' teams in the file's reach (its srm.config.yaml's `teams:`). */
  teams?: TeamContext;
  /** True when only the YAML syntax was checked (a file above the size limit): only its findings are reported. */
  syntaxOnly?: boolean;
}

export interface ReportOptions {
  version: string;
  /** The documentation page of a rule (shared/protocol.ts ruleDocUrl in the CLI). */
  ruleDocUrl: (ruleId: string) => string;
  /** How a registry's file (an absolute path) is shown; default as it is. */
  showPath?: (file: string) => string;
  inlineSuppressions?: boolean;
}

interface Group {
  baseline: Baseline;
  reference: MatrixReference;
  model: string | null;
  modelLabel: string;
  columns: Array<ReportMatrix['workloads'][number] & { wl: MatrixWorkload }>;
  rows: MatrixRow[];
}

interface TeamAcc {
  id: string;
  name?: string;
  contact?: string;
  /** Whether name/contact came from a registry (a registry's wins over a document's). */
  fromRegistry: boolean;
  definedIn: Map<string, TeamDefinition>;
  owns: ReportTeam['owns'];
  assignments: ReportAssignment[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0, hint: 0, suppressed: 0 });

/** Collects the report file by file (each file's parse can be dropped once added); `build` gives the report. */
export class ReportBuilder {
  private readonly files: ReportFile[] = [];
  private readonly waivers: ReportWaiver[] = [];
  private readonly teams = new Map<string, TeamAcc>();
  private readonly unteamed: ReportUnteamed[] = [];
  private readonly groups = new Map<string, Map<string | null, Group>>();
  private readonly baselines = new Map<string, { id: string; title: string; documents: number; workloads: number }>();
  private readonly unresolved = new Map<string, number>();
  private readonly docs = { total: 0, assignments: 0, baselines: 0, registries: 0, syntaxErrors: 0 };
  private workloads = 0;
  private unteamedCells = 0;
  private readonly byRule = new Map<string, SeverityCounts>();
  private readonly show: (file: string) => string;
  private readonly registriesSeen = new WeakSet<readonly unknown[]>();

  constructor(private readonly options: ReportOptions) {
    this.show = options.showPath ?? ((f) => f);
  }

  add(input: ReportFileInput): void {
    const { parsed, path } = input;
    const lines = parsed.lines;
    const findings = input.findings.map((f) => this.finding(lines, f));
    const file: ReportFile = {
      path,
      documents: parsed.documents.length,
      workloads: 0,
      findings: findings.filter((f) => !f.suppression),
      suppressed: findings.filter((f) => f.suppression),
    };
    this.files.push(file);
    this.docs.total += parsed.documents.length;
    this.addWaivers(input);
    // The registries in the file's reach: the same list for every file of a config, taken once.
    const registryTeams = input.teams?.teams;
    if (registryTeams && !this.registriesSeen.has(registryTeams)) {
      this.registriesSeen.add(registryTeams);
      for (const t of registryTeams) {
        this.define(t.id, { kind: 'registry', registry: t.registry, file: this.show(t.source) }, { name: t.name, contact: t.contact }, true);
      }
    }
    if (input.syntaxOnly) return;
    const matrix = matrixFromParsed(parsed, input.findings);
    for (const d of parsed.documents) {
      if (d.syntax.length > 0) {
        this.docs.syntaxErrors++;
        continue;
      }
      if (d.baselineDoc) {
        this.docs.baselines++;
        continue;
      }
      if (d.registryDoc) {
        this.docs.registries++;
        this.addRegistry(input, d);
        continue;
      }
      if (!d.header) continue;
      this.docs.assignments++;
      this.workloads += d.workloads.length;
      file.workloads += d.workloads.length;
      this.addDocument(input, d, matrix.documents.find((m) => m.index === d.index));
    }
  }

  private finding(lines: LineIndex, f: Finding): ReportFinding {
    const s = lines.positionAt(f.start);
    const e = lines.positionAt(f.end);
    const out: ReportFinding = {
      ruleId: f.code,
      severity: f.severity,
      message: f.message,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      start: f.start,
      end: f.end,
      document: f.document,
      fixable: f.fixes.some((x) => x.safe),
      docUrl: this.options.ruleDocUrl(f.code),
    };
    if (f.workload !== undefined) out.workload = f.workload;
    if (f.layer !== undefined) out.layer = f.layer;
    if (f.suppression) {
      out.suppression = { kind: f.suppression.kind };
      if (f.suppression.reason !== undefined) out.suppression.reason = f.suppression.reason;
    }
    let counts = this.byRule.get(f.code);
    if (!counts) this.byRule.set(f.code, (counts = zero()));
    if (f.suppression) counts.suppressed++;
    else counts[f.severity]++;
    return out;
  }

  private addWaivers(input: ReportFileInput): void {
    const { parsed } = input;
    if (!parsed.text.includes('srm-disable')) return;
    const silenced = new Map<number, number>();
    for (const f of input.findings) if (f.suppression) silenced.set(f.suppression.start, (silenced.get(f.suppression.start) ?? 0) + 1);
    for (const d of findDirectives(parsed)) {
      const w: ReportWaiver = {
        file: input.path,
        line: d.line + 1,
        kind: d.kind,
        rules: d.rules.map((r) => r.rule),
        silenced: silenced.get(d.start) ?? 0,
        misplaced: d.misplaced,
      };
      if (d.reason !== undefined) w.reason = d.reason;
      this.waivers.push(w);
    }
  }

  private team(id: string): TeamAcc {
    let t = this.teams.get(id);
    if (!t) {
      t = { id, fromRegistry: false, definedIn: new Map(), owns: [], assignments: [] };
      this.teams.set(id, t);
    }
    return t;
  }

  private define(id: string, def: TeamDefinition, info: { name?: string; contact?: string }, registry: boolean): void {
    const t = this.team(id);
    const key = `${def.kind}\0${def.registry ?? ''}\0${def.file}`;
    const known = t.definedIn.get(key);
    if (!known) t.definedIn.set(key, def);
    else if (known.line === undefined && def.line !== undefined) known.line = def.line; // the registry's own file, read later
    // A registry's name and contact win over a document's; otherwise the first given.
    if (registry && !t.fromRegistry && (info.name !== undefined || info.contact !== undefined)) {
      t.fromRegistry = true;
      t.name = info.name;
      t.contact = info.contact;
    } else if (!t.fromRegistry) {
      t.name ??= info.name;
      t.contact ??= info.contact;
    }
  }

  private addRegistry(input: ReportFileInput, d: ParsedDocument): void {
    const facts = d.registryDoc!.facts;
    for (const t of facts.teams) {
      if (t.id === undefined) continue;
      const line = t.idSpan ? input.parsed.lines.lineAt(d.headerMap(t.idSpan.start)) + 1 : undefined;
      const def: TeamDefinition = { kind: 'registry', file: input.path };
      if (facts.name !== undefined) def.registry = facts.name;
      if (line !== undefined) def.line = line;
      this.define(t.id, def, { name: t.name, contact: t.contact }, true);
    }
  }

  private addDocument(input: ReportFileInput, d: ParsedDocument, m: MatrixDocument | undefined): void {
    const { parsed, path } = input;
    const { text, lines } = parsed;
    const header = d.header!;
    const docName = d.name !== undefined && d.name !== '' ? { documentName: d.name } : {};
    const lineOf = (offset: number): number => lines.lineAt(offset) + 1;
    // Where the word `evidence` is in the file (found once): an assignment is read for it only when it holds one.
    const marks: number[] = [];
    for (let k = text.indexOf('evidence'); k >= 0; k = text.indexOf('evidence', k + 8)) marks.push(k);
    const hasEvidence = (start: number, end: number): boolean => {
      let lo = 0;
      let hi = marks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (marks[mid]! < start) lo = mid + 1;
        else hi = mid;
      }
      return lo < marks.length && marks[lo]! < end;
    };
    // The document's own teams (their names and contacts read off the item's text).
    for (const t of header.teams) {
      if (t.id === undefined) continue;
      const start = d.headerMap(t.span.start);
      const end = d.headerMap(t.span.end);
      const info = teamInfo(text, lines, start, end);
      const def: TeamDefinition = { kind: 'document', file: path };
      if (t.idSpan) def.line = lineOf(d.headerMap(t.idSpan.start));
      this.define(t.id, def, info, false);
    }
    let documentOwner: string | undefined;
    for (const r of header.teamRefs) {
      if (r.where !== 'owner') continue;
      documentOwner ??= r.team;
      this.team(r.team).owns.push({ file: path, line: lineOf(d.headerMap(r.span.start)), document: d.index, ...docName });
    }
    // Every assignment: the teams' cells, the customer's cells that name no team.
    d.workloads.forEach((part, i) => {
      const f = part.analysis.facts;
      const workload = f.name ?? `#${i + 1}`;
      const seen = new Set<string>();
      let unteamed: ReportUnteamed | undefined;
      for (const a of f.assignments) {
        if (seen.has(a.layer)) continue; // a repeated key (duplicate-key): the matrix shows the first
        seen.add(a.layer);
        const keyStart = a.key.start + part.base;
        const ownerSpan = a.ownerSpan ? { start: a.ownerSpan.start + part.base, end: a.ownerSpan.end + part.base } : undefined;
        const written = a.owner ?? (ownerSpan ? text.slice(ownerSpan.start, ownerSpan.end) : null);
        const owner = written === null || written === '' || written === '~' || written === 'null' ? null : written;
        // The customer's cells that name no team: of the layers the baseline has (an unknown key is a schema finding).
        if (a.team === undefined && (owner !== 'customer' || !d.baseline.layer(a.layer))) continue;
        const end = a.end + part.base;
        const evidence = a.long && hasEvidence(keyStart, end) ? evidenceAt(text, lines, keyStart, end) : [];
        const line = lineOf(keyStart);
        if (a.team !== undefined) {
          this.team(a.team).assignments.push({ file: path, line, document: d.index, ...docName, workload, layer: a.layer, owner, evidence });
          continue;
        }
        if (!unteamed) {
          const at = f.span.end > f.span.start ? f.span.start + part.base : part.start;
          unteamed = { file: path, line: lineOf(at), document: d.index, ...docName, workload, ...(documentOwner === undefined ? {} : { documentOwner }), cells: [] };
          this.unteamed.push(unteamed);
        }
        unteamed.cells.push({ layer: a.layer, line, evidence });
        this.unteamedCells++;
      }
    });
    // The baseline: counted, and the document's workloads go to the matrices of their (baseline, model).
    if (d.baselineError) {
      const id = header.baseline?.id ?? d.baseline.id;
      this.unresolved.set(id, (this.unresolved.get(id) ?? 0) + 1);
      return;
    }
    const b = d.baseline;
    let used = this.baselines.get(b.id);
    if (!used) this.baselines.set(b.id, (used = { id: b.id, title: b.def.title, documents: 0, workloads: 0 }));
    used.documents++;
    used.workloads += d.workloads.length;
    if (!m) return;
    m.workloads.forEach((wl, i) => {
      const g = this.group(b, m, wl.model);
      g.columns.push({ file: path, line: lineOf(wl.start), document: d.index, ...docName, name: wl.name, wl });
      m.rows.forEach((r, k) => g.rows[k]?.cells.push(r.cells[i]!));
    });
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

  private allGroups(): Group[] {
    return [...this.groups.values()].flatMap((m) => [...m.values()]);
  }

  build(): Report {
    const { ruleDocUrl } = this.options;
    // Matrices: by baseline id, then the baseline's column order, workloads with no valid model last.
    const keysOfId = new Map<string, string[]>();
    for (const g of this.allGroups()) {
      const list = keysOfId.get(g.baseline.id) ?? [];
      if (!list.includes(g.baseline.key)) list.push(g.baseline.key);
      keysOfId.set(g.baseline.id, list);
    }
    const rank = (g: Group): [string, number, number] => [
      g.baseline.id,
      keysOfId.get(g.baseline.id)!.indexOf(g.baseline.key),
      g.model === null ? Number.MAX_SAFE_INTEGER : g.baseline.columnIds.indexOf(g.model),
    ];
    const groups = this.allGroups().sort((a, b) => {
      const [ia, ka, ma] = rank(a);
      const [ib, kb, mb] = rank(b);
      return ia < ib ? -1 : ia > ib ? 1 : ka - kb || ma - mb;
    });
    // Two different baselines with one id (from two configs): told apart by a number.
    const shownId = (g: Group): string => {
      const keys = keysOfId.get(g.baseline.id)!;
      return keys.length > 1 ? `${g.baseline.id} (${keys.indexOf(g.baseline.key) + 1})` : g.baseline.id;
    };
    const matrices: ReportMatrix[] = [];
    const matrixDocuments: MatrixDocument[] = [];
    groups.forEach((g, n) => {
      matrices.push({
        baseline: shownId(g),
        title: g.baseline.def.title,
        model: g.model,
        modelLabel: g.modelLabel,
        workloads: g.columns.map(({ wl: _wl, ...c }) => c),
        rows: g.rows.map((r) => ({
          layer: r.layer,
          label: r.label,
          group: r.group,
          expected: r.cells[0]?.expected ?? null,
          cells: r.cells.map((c) => {
            const cell: ReportMatrixCell = { owner: c.owner, status: c.status };
            if (c.team !== undefined) cell.team = c.team;
            if (c.findings.length > 0) {
              const rules = [...new Set(c.findings.filter((f) => !f.suppressed).map((f) => f.code))];
              const suppressed = [...new Set(c.findings.filter((f) => f.suppressed).map((f) => f.code))];
              if (rules.length > 0) cell.rules = rules;
              if (suppressed.length > 0) cell.suppressed = suppressed;
            }
            return cell;
          }),
        })),
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

    // Coverage: per baseline, every layer over every workload checked against it.
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
      g.rows.forEach((r, k) => {
        const l = c.layers[k]!;
        for (const cell of r.cells) {
          if (cell.status === 'unassigned') {
            l.unassigned++;
            continue;
          }
          l.assigned++;
          if (cell.owner !== null && cell.owner in l.byParty) l.byParty[cell.owner]!++;
          else l.other++;
          if (cell.status === 'mismatch') l.differs++;
        }
      });
    }

    const teams: ReportTeam[] = [...this.teams.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((t) => ({
        id: t.id,
        ...(t.name !== undefined ? { name: t.name } : {}),
        ...(t.contact !== undefined ? { contact: t.contact } : {}),
        definedIn: [...t.definedIn.values()],
        owns: t.owns,
        assignments: t.assignments,
      }));

    const order = (id: string): number => {
      const i = (RULE_IDS as readonly string[]).indexOf(id);
      return i < 0 ? RULE_IDS.length : i;
    };
    const byRule = [...this.byRule.entries()]
      .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([ruleId, c]) => ({ ruleId, docUrl: ruleDocUrl(ruleId), total: c.error + c.warning + c.info + c.hint, ...c }));
    const totals = zero();
    for (const r of byRule) {
      for (const s of SEVERITIES) totals[s] += r[s];
      totals.suppressed += r.suppressed;
    }
    const withReason = this.waivers.filter((w) => w.reason !== undefined).length;
    const summary: ReportSummary = {
      files: this.files.length,
      documents: { ...this.docs },
      workloads: this.workloads,
      baselines: [...this.baselines.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      unresolvedBaselines: [...this.unresolved.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, documents]) => ({ id, documents })),
      findings: { total: totals.error + totals.warning + totals.info + totals.hint, ...totals, byRule },
      teams: teams.length,
      unteamedCustomerCells: this.unteamedCells,
      waivers: {
        total: this.waivers.length,
        withReason,
        withoutReason: this.waivers.length - withReason,
        silenced: this.waivers.reduce((n, w) => n + w.silenced, 0),
      },
      inlineSuppressions: this.options.inlineSuppressions !== false,
    };
    const json: ReportJson = {
      tool: 'srm',
      version: this.options.version,
      report: REPORT_SHAPE,
      summary,
      teams,
      unteamed: this.unteamed,
      matrices,
      coverage,
      waivers: this.waivers,
      files: this.files,
    };
    return { json, matrixDocuments };
  }
}

/** The report of `inputs` in one call (ReportBuilder keeps less in memory for a big tree). */
export function buildReport(inputs: Iterable<ReportFileInput>, options: ReportOptions): Report {
  const b = new ReportBuilder(options);
  for (const i of inputs) b.add(i);
  return b.build();
}

// ---- what the engine's facts leave out: a team's name and contact, an assignment's evidence ----
// Read off the text at the facts' spans: by a line scan in the common case (`key: plain value` lines of a block
// mapping), else by the YAML parser on that text alone.

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
/** A value that is not a plain scalar: quoted, flow, anchor, alias, tag, block scalar, or a reserved indicator. */
const NOT_PLAIN = /^["'[{&*!|>%@`]/;

/**
 * The plain values of the `wanted` keys of the block mapping whose keys stand at `indent` on lines [from, to]; a
 * `first` offset makes the scan start there on line `from` (a team item's first key, after its `- `). Undefined when
 * a wanted value is not that simple (the caller then parses): empty (a nested block), not plain, or continued on
 * the next line. Lines more indented belong to the value of the key above them.
 */
function plainValues(text: string, lines: LineIndex, from: number, to: number, indent: number | undefined, wanted: ReadonlySet<string>, first?: number): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let ind = indent;
  let open = false; // the last key was a wanted one with a value: a deeper line would continue it
  for (let l = from; l <= to; l++) {
    const ls = lines.lineStart(l);
    const start = l === from && first !== undefined ? first : ls;
    const raw = text.slice(start, lines.lineEnd(l));
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const col = start - ls + (raw.length - body.length);
    ind ??= col;
    if (col > ind) {
      if (open) return undefined;
      continue;
    }
    if (col < ind) break;
    const m = KEY_LINE.exec(body);
    if (!m) return undefined;
    const key = m[1] as string;
    open = false;
    if (!wanted.has(key)) continue;
    let v = m[2] ?? '';
    if (v === '' || NOT_PLAIN.test(v)) return undefined;
    const hash = v.search(/[ \t]#/);
    if (hash >= 0) v = v.slice(0, hash).trimEnd();
    out.set(key, v);
    open = true;
  }
  return out;
}

const TEAM_KEYS: ReadonlySet<string> = new Set(['name', 'contact']);
const EVIDENCE_KEY: ReadonlySet<string> = new Set(['evidence']);

/** A team item's name and contact (the item's node at [start, end) of the file). */
function teamInfo(text: string, lines: LineIndex, start: number, end: number): { name?: string; contact?: string } {
  let v: { get(k: string): unknown } | undefined;
  if (text.charCodeAt(start) !== 123 /* { */) {
    const from = lines.lineAt(start);
    v = plainValues(text, lines, from, lines.lineAt(Math.max(start, end - 1)), start - lines.lineStart(from), TEAM_KEYS, start);
  }
  if (!v) {
    const m = readMapping(text, lines, start, end);
    v = { get: (k: string) => stringField(m, k) };
  }
  const name = v.get('name');
  const contact = v.get('contact');
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof contact === 'string' ? { contact } : {}) };
}

/** The `evidence` of the long-form assignment at [start, end) (from its layer key to the end of its value). */
function evidenceAt(text: string, lines: LineIndex, start: number, end: number): string[] {
  const from = lines.lineAt(start);
  // Block style: nothing but a comment after `layer:` on its line.
  const rest = text.slice(start, lines.lineEnd(from)).replace(/^[^:]*:/, '').trim();
  if (rest === '' || rest.startsWith('#')) {
    const v = plainValues(text, lines, from + 1, lines.lineAt(Math.max(start, end - 1)), undefined, EVIDENCE_KEY);
    if (v) {
      const e = v.get('evidence');
      return e === undefined ? [] : [e];
    }
  }
  return evidenceOf(readMapping(text, lines, start, end));
}

/**
 * The value of a mapping written at [start, end) of the file (a team item, an assignment from its key to the end of
 * its value), read on its own: the text is indented as in the file (spaces up to its column), so that a block
 * mapping's lines line up. Undefined when it does not parse alone (an alias to an anchor outside, for example).
 */
function readMapping(text: string, lines: LineIndex, start: number, end: number): unknown {
  if (!(start >= 0 && end > start && end <= text.length) || end - start > 100_000) return undefined;
  const col = start - lines.lineStart(lines.lineAt(start));
  try {
    const doc = parseDocument(' '.repeat(col) + text.slice(start, end), { prettyErrors: false });
    if (doc.errors.length > 0) return undefined;
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch {
    return undefined;
  }
}

function stringField(v: unknown, key: string): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const x = (v as Record<string, unknown>)[key];
  return typeof x === 'string' ? x : undefined;
}

/** The `evidence` of an assignment read by readMapping (`{ layer: { owner, evidence } }`): a URL, or a list of them. */
function evidenceOf(v: unknown): string[] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return [];
  const inner = Object.values(v as Record<string, unknown>)[0];
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return [];
  const e = (inner as Record<string, unknown>).evidence;
  if (typeof e === 'string') return e === '' ? [] : [e];
  if (Array.isArray(e)) return e.filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}
