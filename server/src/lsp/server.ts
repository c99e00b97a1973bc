// The language server as a function of a connection: wiring only; the handlers live by feature in lsp/.
// Every request goes through one wrapper (requests.ts): malformed params answered InvalidParams, cancellation
// honoured, an exception logged to the connection and answered as a JSON-RPC InternalError; the server keeps serving.
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION } from '../../../shared/protocol';
import { clientFeatures, featuresBeforeInitialize, initializeResult, type ClientFeatures } from './capabilities';
import { registerCodeActions } from './codeActions';
import { Diagnostics } from './diagnostics';
import { DocumentSettings } from './documentSettings';
import { DocumentCache } from './documents';
import { registerLanguageFeatures } from './languageFeatures';
import { registerMatrix } from './matrix';
import { connectionLog, Requests } from './requests';
import { registerLinksAndHints } from './linksAndHints';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { WorkspaceFeatures } from './workspaceFeatures';
import { WorkspaceIndex } from './workspaceIndex';

export { SERVER_NAME, SERVER_VERSION } from './capabilities';

export interface ServerOptions {
  /** Test hook: called before every request handler runs (a throw here is a handler exception). */
  beforeRequest?: (method: string) => void;
}

/** How long after the last keystroke in an open registry or baseline file its dependents are re-checked. */
const DEPENDENTS_DELAY_MS = 200;
/** Work the index leaves to the editor's first opened files (WorkspaceIndex's constructor says why). */
const INDEX_START_GRACE_MS = 1000;

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
  // Every request also tells the index the editor is busy (its first walk waits for a quiet moment).
  const requests = new Requests(connection, (method) => {
    index.activity();
    options.beforeRequest?.(method);
  });
  // The workspace folders, read without opening their files (workspaceIndex.ts), and what is answered from them.
  const index = new WorkspaceIndex(documents, settings, log, INDEX_START_GRACE_MS);
  const workspace = new WorkspaceFeatures(documents, settings, index, client);
  const workspaceDiagnostics = new WorkspaceDiagnostics(connection, documents, settings, index, client, log);
  const parts: Parts = { connection, requests, client, documents, settings, diagnostics, index, onShutdown: [] };

  registerLifecycle(parts);
  registerChanges(parts);
  diagnostics.register(requests);
  registerLanguageFeatures(requests, settings, cache, client, workspace);
  registerCodeActions(requests, documents, settings);
  workspace.register(requests);
  workspaceDiagnostics.register(requests);
  registerLinksAndHints(requests, documents, settings, cache);
  // The responsibility matrix view (srm/matrix, srm/matrixExport) reads the same cached parse and findings.
  registerMatrix(connection, async (uri) => {
    const doc = documents.get(uri);
    const r = doc ? await settings.findingsOf(doc) : undefined;
    return doc && r ? { version: doc.version, parsed: r.parsed, findings: r.list } : undefined;
  });

  documents.listen(connection);
  connection.listen();
}

/** What the registrations below share. */
interface Parts {
  connection: Connection;
  requests: Requests;
  client: ClientFeatures;
  documents: TextDocuments<TextDocument>;
  settings: DocumentSettings;
  diagnostics: Diagnostics;
  index: WorkspaceIndex;
  /** What stops at shutdown (pending timers). */
  onShutdown: Array<() => void>;
}

/** initialize, initialized (dynamic registrations, the folders' index) and shutdown. */
function registerLifecycle({ connection, requests, client, settings, index, onShutdown }: Parts): void {
  let folders: string[] = [];
  connection.onInitialize(
    requests.wrap('initialize', (params: InitializeParams) => {
      Object.assign(client, clientFeatures(params.capabilities));
      const initOpts = params.initializationOptions as { settings?: unknown } | undefined;
      if (initOpts?.settings !== undefined) settings.setGlobal(initOpts.settings);
      folders = workspaceFolderUris(params);
      return initializeResult(client);
    }),
  );

  let initialized = false;
  connection.onInitialized(
    requests.guard('initialized', () => {
      if (initialized) return; // a client that says it twice
      initialized = true;
      if (client.dynamicConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      }
      // Every YAML file: a responsibility file is one by name or by content (the client's static watchers remain
      // the fallback for clients that cannot register).
      if (client.dynamicWatchedFiles) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] }).catch(() => undefined);
      }
      if (client.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          requests.guard('didChangeWorkspaceFolders', (e) => {
            const uris = (list: unknown) => (Array.isArray(list) ? list.flatMap((f: { uri?: unknown }) => (typeof f?.uri === 'string' ? [f.uri] : [])) : []);
            void index.changeFolders(uris(e?.added), uris(e?.removed));
          }),
        );
      }
      void index.setFolders(folders);
    }),
  );
  connection.onShutdown(
    requests.wrap('shutdown', () => {
      for (const stop of onShutdown) stop();
      index.dispose();
      return undefined;
    }),
  );
}

/** Settings, watched files and document events: what they re-check. */
function registerChanges({ connection, requests, client, documents, settings, diagnostics, index, onShutdown }: Parts): void {
  const refreshHints = () => {
    if (client.inlayHintRefresh) connection.languages.inlayHint.refresh().catch(() => undefined);
  };
  // A registry or baseline file edited in the editor counts as typed, saved or not (the loaders read open files'
  // text): a moment after the last keystroke, the files that depend on it are re-checked; closing it unsaved
  // brings back the file on disk.
  const edited = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onShutdown.push(() => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  });
  const dependencyEdited = (uri: string, closed: boolean) => {
    if (!edited.has(uri) && !settings.isListedFile(uri)) return;
    if (closed) edited.delete(uri);
    else edited.add(uri);
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      requests.guard('dependents of an edited registry or baseline', () => {
        timer = undefined;
        index.fileEvents([{ uri, type: FileChangeType.Changed }]); // before the reset: it reads which configs list it
        diagnostics.refreshAll();
        refreshHints();
      }),
      DEPENDENTS_DELAY_MS,
    );
  };
  connection.onDidChangeConfiguration(
    requests.guard('didChangeConfiguration', (params) => {
      const s = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (s !== undefined) settings.setGlobal(s);
      diagnostics.refreshAll();
      void index.settingsChanged();
      refreshHints();
    }),
  );
  connection.onDidChangeWatchedFiles(
    requests.guard('didChangeWatchedFiles', (params) => {
      if (!Array.isArray(params?.changes)) return;
      // The index first: it reads which files the configs list before the reset below forgets them.
      index.fileEvents(params.changes);
      // A config, or a registry or baseline file a config lists (or any created/deleted file a glob may match).
      if (params.changes.some((c) => /srm\.config\.ya?ml$/.test(c.uri) || settings.isListedFile(c.uri) || (c.type !== 2 && /\.ya?ml$/.test(c.uri)))) {
        diagnostics.refreshAll();
        refreshHints();
      }
    }),
  );
  documents.onDidChangeContent(
    requests.guard('didChangeContent', (e) => {
      diagnostics.schedule(e.document.uri);
      index.openChanged(e.document.uri);
      dependencyEdited(e.document.uri, false);
    }),
  );
  documents.onDidClose(
    requests.guard('didClose', (e) => {
      settings.forget(e.document.uri);
      diagnostics.closed(e.document.uri);
      index.closed(e.document.uri);
      dependencyEdited(e.document.uri, true);
    }),
  );
}

/** The workspace folders of `initialize`: workspaceFolders, else rootUri, else rootPath. */
function workspaceFolderUris(params: InitializeParams): string[] {
  if (Array.isArray(params.workspaceFolders)) return params.workspaceFolders.flatMap((f) => (typeof f?.uri === 'string' ? [f.uri] : []));
  if (typeof params.rootUri === 'string') return [params.rootUri];
  if (typeof params.rootPath === 'string' && params.rootPath !== '') return [pathToFileURL(params.rootPath).href];
  return [];
}
