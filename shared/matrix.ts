// The responsibility-matrix protocol: the custom requests (client -> server), their params and results, and the
// messages between the extension and the matrix webview. Imported by client/src (and its webview) and
// server/src/lsp; it imports nothing. The matrix types mirror server/src/service/matrix.ts structurally: the
// server assigns the service's value to these types, so the compiler keeps the two in step.

/** `srm/matrix`: the matrix of an open document, from the server's cached parse. */
export const MATRIX_REQUEST = 'srm/matrix';
/** `srm/matrixExport`: the same matrix rendered as Markdown or a standalone HTML page. */
export const MATRIX_EXPORT_REQUEST = 'srm/matrixExport';

export interface MatrixParams {
  uri: string;
}

/** customer, the provider (microsoft under Microsoft's baselines), shared; a reference cell may also be `depends`. */
export type MatrixParty = string;
/** A column of the document's baseline (on-premises, iaas, paas, saas under Microsoft's). */
export type MatrixServiceModel = string;
/** A display group: customer-always, varies, provider-in-cloud under the default baseline; a baseline's own group labels otherwise. */
export type MatrixLayerGroup = string;
export type MatrixCellStatus = 'match' | 'mismatch' | 'unassigned' | 'invalid' | 'unknown-model';

export interface MatrixFindingRef {
  /** The rule id (the diagnostic code). */
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** UTF-16 offsets into the document (of `MatrixResult.version`). */
  start: number;
  end: number;
  suppressed?: { reason?: string };
}

export interface MatrixCell {
  /** The owner as written; null when unassigned. */
  owner: string | null;
  team?: string;
  /** What the model gives this layer under the workload's service model; null when the model is unknown. */
  expected: MatrixParty | null;
  status: MatrixCellStatus;
  findings: readonly MatrixFindingRef[];
  /** Offsets of the assignment (layer key to end of value); absent for a gap. */
  start?: number;
  end?: number;
}

export interface MatrixWorkload {
  name: string;
  model: MatrixServiceModel | null;
  /** The service as written (`service:`), when there is one. */
  service?: string;
  modelText?: string;
  start: number;
  end: number;
  findings: readonly MatrixFindingRef[];
}

export interface MatrixRow {
  layer: string;
  label: string;
  group: MatrixLayerGroup;
  cells: MatrixCell[];
}

export interface MatrixDocument {
  index: number;
  name?: string;
  syntaxError: boolean;
  workloads: MatrixWorkload[];
  rows: MatrixRow[];
  /** The baseline the document is checked against, and what it expects (the view's reference columns). */
  baseline: string;
  reference: MatrixReference;
}

export interface ResponsibilityMatrix {
  documents: MatrixDocument[];
}

/** What the model expects: every layer under every service model, and the groups with their labels. */
export interface MatrixReference {
  baseline?: { id: string; title: string };
  models: Array<{ id: MatrixServiceModel; label: string }>;
  groups: Array<{ id: MatrixLayerGroup; label: string; doc: string }>;
  rows: Array<{
    layer: string;
    label: string;
    group: MatrixLayerGroup;
    owners: Record<MatrixServiceModel, MatrixParty>;
    overrides?: Record<string, string>;
    added?: string;
  }>;
}

/** One element of the matrix's picture, as the server draws it (server/src/service/matrixView.ts). */
export interface MatrixViewNode {
  tag: string;
  cls?: string;
  attrs?: Record<string, string>;
  /** data-* attributes of the live view. */
  data?: Record<string, string>;
  /** A click reveals [start, end) in the editor. */
  reveal?: { start: number; end: number };
  children?: Array<MatrixViewNode | string>;
}

/** The answer to `srm/matrix`; null when the document is not open or not a responsibility file. */
export interface MatrixResult {
  uri: string;
  /** The document version the offsets refer to. */
  version: number;
  matrix: ResponsibilityMatrix;
  reference: MatrixReference;
  /** The picture the view draws: one section per document of `matrix`, and the legend. */
  view: { documents: MatrixViewNode[]; legend: MatrixViewNode };
}

export interface MatrixExportParams {
  uri: string;
  format: 'md' | 'html';
}

/** The answer to `srm/matrixExport`; null when the document is not open or not a responsibility file. */
export interface MatrixExportResult {
  text: string;
}

/** Extension -> webview. */
export type ToWebview =
  | { type: 'matrix'; result: MatrixResult; fileName: string }
  | { type: 'unavailable'; fileName: string; reason: string }
  | { type: 'status'; text: string };

/** Webview -> extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; start: number; end: number; version: number }
  | { type: 'copyMarkdown' }
  | { type: 'saveHtml' };

/** The command that opens the view. */
export const SHOW_MATRIX_COMMAND = 'srm.showMatrix';
