// Answers the matrix requests (`srm/matrix`, `srm/matrixExport`) from the server's cached parse and findings:
// no second parser. Offsets stay UTF-16 offsets of the answered version; the client turns them into positions.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import {
  MATRIX_EXPORT_REQUEST,
  MATRIX_REQUEST,
  type MatrixExportParams,
  type MatrixExportResult,
  type MatrixParams,
  type MatrixResult,
} from '../../../shared/matrix';
import type { Finding, ParsedFile } from '../service';
import { matrixFromParsed, matrixReference } from '../service/matrix';
import { matrixMarkdown, matrixToHtml } from '../service/matrixHtml';
import { documentView, legendView } from '../service/matrixView';

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
  const reference = matrixReference();
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
  const handle =
    <P, R>(method: string, fn: (p: P) => Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      try {
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
        const r = await fn(params);
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
        return r;
      } catch (e) {
        connection.console.error(`srm: ${method} failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
        return new ResponseError(ErrorCodes.InternalError, `srm: ${method} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };

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
