// The language server as a function of a connection: wiring only; the handlers live by feature in lsp/.
// Every request goes through one wrapper (requests.ts): malformed params answered InvalidParams, cancellation
// honoured, an exception logged to the connection and answered as a JSON-RPC InternalError; the server keeps serving.
import { DidChangeConfigurationNotification, TextDocuments, type Connection, type InitializeParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION } from '../../../shared/protocol';
import { clientFeatures, featuresBeforeInitialize, initializeResult } from './capabilities';
import { registerCodeActions } from './codeActions';
import { Diagnostics } from './diagnostics';
import { DocumentSettings } from './documentSettings';
import { DocumentCache } from './documents';
import { registerLanguageFeatures } from './languageFeatures';
import { registerMatrix } from './matrix';
import { connectionLog, Requests } from './requests';

export { SERVER_NAME, SERVER_VERSION } from './capabilities';

export interface ServerOptions {
  /** Test hook: called before every request handler runs (a throw here is a handler exception). */
  beforeRequest?: (method: string) => void;
}

/** Starts serving on `connection` (already created; this calls `listen`). */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  if (process.env.SRM_TEST_THROW_ON_START === '1') {
    throw new Error('SRM_TEST_THROW_ON_START=1: the language server fails to start on purpose.');
  }
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache();
  const client = featuresBeforeInitialize();
  const log = connectionLog(connection);
  const settings = new DocumentSettings(connection, documents, cache, client, log);
  const diagnostics = new Diagnostics(connection, documents, settings, client, log);
  const requests = new Requests(connection, options.beforeRequest);

  connection.onInitialize(
    requests.wrap('initialize', (params: InitializeParams) => {
      Object.assign(client, clientFeatures(params.capabilities));
      const initOpts = params.initializationOptions as { settings?: unknown } | undefined;
      if (initOpts?.settings !== undefined) settings.setGlobal(initOpts.settings);
      return initializeResult(client);
    }),
  );

  connection.onInitialized(
    requests.guard('initialized', () => {
      if (client.dynamicConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      }
    }),
  );
  connection.onDidChangeConfiguration(
    requests.guard('didChangeConfiguration', (params) => {
      const s = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (s !== undefined) settings.setGlobal(s);
      diagnostics.refreshAll();
    }),
  );
  connection.onDidChangeWatchedFiles(
    requests.guard('didChangeWatchedFiles', (params) => {
      // A config, or a baseline file a config lists (or any created/deleted file a baselines: glob may match).
      if (params.changes.some((c) => /srm\.config\.ya?ml$/.test(c.uri) || settings.isBaselineFile(c.uri) || (c.type !== 2 && /\.ya?ml$/.test(c.uri)))) {
        diagnostics.refreshAll();
      }
    }),
  );
  documents.onDidChangeContent(requests.guard('didChangeContent', (e) => diagnostics.schedule(e.document.uri)));
  documents.onDidClose(
    requests.guard('didClose', (e) => {
      settings.forget(e.document.uri);
      diagnostics.closed(e.document.uri);
    }),
  );

  diagnostics.register(requests);
  registerLanguageFeatures(requests, settings, cache, client);
  registerCodeActions(requests, documents, settings);
  connection.onShutdown(requests.wrap('shutdown', () => undefined));
  // The responsibility matrix view (srm/matrix, srm/matrixExport) reads the same cached parse and findings.
  registerMatrix(connection, async (uri) => {
    const doc = documents.get(uri);
    const r = doc ? await settings.findingsOf(doc) : undefined;
    return doc && r ? { version: doc.version, parsed: r.parsed, findings: r.list } : undefined;
  });

  documents.listen(connection);
  connection.listen();
}
