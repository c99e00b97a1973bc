// Answers the matrix requests (`srm/matrix`, `srm/matrixExport`) from the server's cached parse and findings:
// no second parser. Offsets stay UTF-16 offsets of the answered version; the client turns them into positions.
import type { Connection } from 'vscode-languageserver';
import {
  MATRIX_EXPORT_REQUEST,
  MATRIX_REQUEST,
  type MatrixExportParams,
  type MatrixExportResult,
  type MatrixParams,
  type MatrixResult,
} from '../../../shared/matrix';
import { documentView, legendView, matrixFromParsed, matrixMarkdown, matrixReference, matrixToHtml, type Finding, type ParsedFile } from '../service';
import { requestWrapper } from './requests';

/** What the server has for an open responsibility file; undefined when the uri is not one. */
export interface ParsedSnapshot {
  version: number;
  parsed: ParsedFile;
  findings: readonly Finding[];
}

export type GetParsed = (uri: string) => Promise<ParsedSnapshot | undefined> | ParsedSnapshot | undefined;

/** The request's answer for a snapshot (exported for tests). */
export function matrixResult(uri: string, snap: ParsedSnapshot): MatrixResult {
  // Assigning the service's types to the shared wire types is the compile-time check that they agree.
  const matrix = matrixFromParsed(snap.parsed, snap.findings);
  const reference = matrix.documents[0]?.reference ?? matrixReference();
  const view = { documents: matrix.documents.map((d) => documentView(d, reference)), legend: legendView() };
  return { uri, version: snap.version, matrix, reference, view };
}

/**
 * The text of `srm/matrixExport` (the view's "Copy as Markdown" and "Save as HTML") for a snapshot: the same
 * renderers, hence the same escaping (service/exportText.ts), as `srm matrix --format md|html` (exported for tests).
 */
export function matrixExportText(uri: string, snap: ParsedSnapshot, format: MatrixExportParams['format']): string {
  const m = matrixFromParsed(snap.parsed, snap.findings);
  return format === 'html' ? matrixToHtml(m, { source: fileLabel(uri) }) : matrixMarkdown(m);
}

function fileLabel(uri: string): string {
  try {
    return decodeURIComponent(uri.replace(/^.*\//, ''));
  } catch {
    return uri;
  }
}

/** Registers the matrix requests on `connection`. A throw is logged and answered as an error, never a crash. */
export function registerMatrix(connection: Connection, getParsed: GetParsed): void {
  const handle = requestWrapper(connection); // the server's one request wrapper (requests.ts)

  connection.onRequest(
    MATRIX_REQUEST,
    handle(MATRIX_REQUEST, async (p: MatrixParams): Promise<MatrixResult | null> => {
      const snap = await getParsed(p.uri);
      return snap ? matrixResult(p.uri, snap) : null;
    }),
  );

  connection.onRequest(
    MATRIX_EXPORT_REQUEST,
    handle(MATRIX_EXPORT_REQUEST, async (p: MatrixExportParams): Promise<MatrixExportResult | null> => {
      const snap = await getParsed(p.uri);
      if (!snap) return null;
      return { text: matrixExportText(p.uri, snap, p.format) };
    }),
  );
}
