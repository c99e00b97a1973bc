// The report's JSON shape: its stable, documented form (docs/cli.md, "srm report"). build.ts fills it; the Markdown
// and HTML renderings (markdown.ts, html.ts) show the same content. Types only, and the shape's version.
import type { CellStatus, MatrixDocument } from '../matrix/build';
import type { FindingJson } from './finding';

/** The version of the JSON shape: raised on any change that is not an addition. */
export const REPORT_SHAPE = 1;

/** A finding as `srm lint --format json` gives it (finding.ts), plus the link to its rule's page. */
export interface ReportFinding extends FindingJson {
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
  evidence: readonly string[];
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
  cells: Array<{ layer: string; line: number; evidence: readonly string[] }>;
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
