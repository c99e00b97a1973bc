// The language server as a function of a connection: wires LSP requests to the language service. No domain logic
// here; every handler is wrapped (an exception is logged and answered as a JSON-RPC error) and honours cancellation.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION, type SrmSettings } from '../../../shared/protocol';
import { parseConfig } from '../service/config';
import { complete, foldingRanges, hover, isResponsibilityFile, symbols, fixAll, type DiagnoseOptions } from '../service';
import { matchesAny } from '../service/glob';
import { ConfigResolver, type LoadedConfig } from '../node/config';
import { DocumentCache } from './documents';
import {
  addAllMissingLayers,
  quickFixes,
  toCompletionList,
  toDocumentSymbols,
  toFoldingRanges,
  toHover,
  toSymbolInformation,
} from './features';
import { parseSettings } from './settings';
import { registerMatrix } from './matrix';

export const SERVER_NAME = 'srm-language-server';
export const SERVER_VERSION = '0.1.0';

export interface ServerOptions {
  /** Test hook: called before every request handler runs (a throw here is a handler exception). */
  beforeRequest?: (method: string) => void;
}

interface DocSettings {
  settings: SrmSettings;
  config?: LoadedConfig;
}

/** Starts serving on `connection` (already created; this calls `listen`). */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  if (process.env.SRM_TEST_THROW_ON_START === '1') {
    throw new Error('SRM_TEST_THROW_ON_START=1: the language server fails to start on purpose.');
  }
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache();
  let caps: ClientCapabilities = {};
  let pull = false;
  let refreshSupport = false;
  let configurationSupport = false;
  let markdown = true;
  let snippets = true;
  let hierarchical = true;
  let globalSettings: unknown = undefined;
  /** Bumped whenever settings change: part of every diagnostics result id. */
  let generation = 0;
  let resolver = new ConfigResolver();
  const settingsCache = new Map<string, Promise<DocSettings>>();
  const reportedConfigErrors = new Set<string>();

  const log = (msg: string) => {
    try {
      connection.console.log(msg);
    } catch {
      // The connection is gone: nothing left to tell.
    }
  };

  /** Wraps a request handler: cancellation answered as RequestCancelled, a throw logged and answered as an error. */
  function wrap<P, R>(method: string, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<any>> => {
      try {
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
        options.beforeRequest?.(method);
        const bad = invalidParams(method, params);
        if (bad) return new ResponseError(ErrorCodes.InvalidParams, `srm: ${method}: ${bad}`);
        const r = await fn(params, token);
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
        return r;
      } catch (e) {
        if (e instanceof ResponseError) return e; // deliberate (cancelled, invalid params)
        const msg = e instanceof Error ? e.message : String(e);
        connection.console.error(`srm: ${method} failed: ${e instanceof Error && e.stack ? e.stack : msg}`);
        return new ResponseError(ErrorCodes.InternalError, `srm: ${method} failed: ${msg}`);
      }
    };
  }

  /** Why the params of a document request are malformed (a missing uri, a position that is not two numbers), if they are. */
  function invalidParams(method: string, params: unknown): string | undefined {
    if (!method.startsWith('textDocument/')) return undefined;
    if (typeof params !== 'object' || params === null) return 'params must be an object';
    const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } };
    if (typeof p.textDocument !== 'object' || p.textDocument === null || typeof p.textDocument.uri !== 'string') {
      return 'textDocument.uri must be a string';
    }
    if ('position' in p || method === 'textDocument/hover' || method === 'textDocument/completion') {
      const pos = p.position;
      if (typeof pos !== 'object' || pos === null || typeof pos.line !== 'number' || typeof pos.character !== 'number') {
        return 'position must have a numeric line and character';
      }
    }
    return undefined;
  }

  /** Wraps a notification handler: a throw is logged, never propagated. */
  function guard<P>(method: string, fn: (params: P) => void | Promise<void>) {
    return (params: P) => {
      try {
        const r = fn(params);
        if (r instanceof Promise) r.catch((e) => connection.console.error(`srm: ${method} failed: ${String(e)}`));
      } catch (e) {
        connection.console.error(`srm: ${method} failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
      }
    };
  }

  function filePath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  async function settingsFor(uri: string): Promise<DocSettings> {
    let p = settingsCache.get(uri);
    if (!p) {
      p = (async () => {
        let raw: unknown = globalSettings;
        if (configurationSupport) {
          try {
            raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
          } catch (e) {
            log(`srm: could not read settings for ${uri}: ${String(e)}`);
          }
        }
        const settings = parseSettings(raw);
        const fp = filePath(uri);
        let config: LoadedConfig | undefined;
        if (fp) {
          try {
            config = resolver.forFile(fp);
          } catch (e) {
            log(`srm: could not read srm.config.yaml for ${fp}: ${String(e)}`);
          }
        }
        if (config && config.errors.length > 0 && !reportedConfigErrors.has(config.path)) {
          reportedConfigErrors.add(config.path);
          for (const err of config.errors) log(`srm: ${config.path}:${err.line}:${err.column}: ${err.message}`);
        }
        return { settings, config };
      })();
      settingsCache.set(uri, p);
    }
    return p;
  }

  /** Decided by file name and content (and srm.files / srm.config.yaml), never by the editor's language id. */
  function isSrm(doc: TextDocument, s: DocSettings): boolean {
    const fp = filePath(doc.uri);
    const name = fp ?? decodeURIComponent(doc.uri.replace(/^[a-z-]+:/i, ''));
    if (s.config && fp) {
      const rel = path.relative(s.config.dir, fp).split(path.sep).join('/');
      if (!rel.startsWith('..')) {
        if (s.config.config.ignore.length > 0 && matchesAny(rel, s.config.config.ignore)) return false;
        if (s.config.config.files && matchesAny(rel, s.config.config.files)) return true;
      }
    }
    const posix = name.split(path.sep).join('/').replace(/^\/+/, '');
    if (matchesAny(posix, s.settings.files)) return true;
    // A name without an extension (an untitled buffer) is decided by content alone.
    const base = path.basename(name);
    return isResponsibilityFile(/\.[^./]+$/.test(base) ? base : '', doc.getText());
  }

  /** Diagnose options: srm.config.yaml first, VS Code settings on top (settings win). */
  function diagnoseOptions(doc: TextDocument, s: DocSettings): DiagnoseOptions {
    const cfg = s.config?.config;
    return {
      severities: { ...(cfg?.rules ?? {}), ...s.settings.rules },
      requireReason: s.settings.requireSuppressionReason || cfg?.requireReason === true,
      inlineSuppressions: s.settings.inlineSuppressions && cfg?.inlineSuppressions !== false,
      syntaxOnly: doc.getText().length > s.settings.maxFileSize,
    };
  }

  /** Problems of an open `srm.config.yaml` itself (its syntax, unknown keys and rule ids), as diagnostics. */
  function configDiagnostics(doc: TextDocument): Diagnostic[] | undefined {
    if (!/(^|[/\\])srm\.config\.ya?ml$/.test(doc.uri)) return undefined;
    const lines = cache.lines(doc);
    return parseConfig(doc.getText()).errors.map((e) => ({
      range: { start: lines.positionAt(e.start), end: lines.positionAt(Math.max(e.start, e.end)) },
      severity: DiagnosticSeverity.Error,
      code: 'config',
      source: DIAGNOSTIC_SOURCE,
      message: `srm.config.yaml: ${e.message}`,
    }));
  }

  async function findingsOf(doc: TextDocument) {
    const s = await settingsFor(doc.uri);
    if (!isSrm(doc, s)) return undefined;
    const opts = diagnoseOptions(doc, s);
    return cache.findings(doc, opts, `${generation}|${opts.syntaxOnly ? 's' : 'f'}`);
  }

  // ---- push diagnostics, coalesced: a burst of changes in one tick is validated once, no timer.
  const pending = new Set<string>();
  let scheduled = false;
  function schedule(uri: string): void {
    if (pull) return;
    pending.add(uri);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const uris = [...pending];
      pending.clear();
      for (const u of uris) void publish(u);
    });
  }
  async function publish(uri: string): Promise<void> {
    try {
      const doc = documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      const cfg = configDiagnostics(doc);
      const r = cfg ? undefined : await findingsOf(doc);
      const now = documents.get(uri);
      if (!now || now.version !== version) return; // a newer version is already scheduled
      await connection.sendDiagnostics({ uri, version, diagnostics: cfg ?? (r ? r.diagnostics : []) });
    } catch (e) {
      connection.console.error(`srm: diagnostics of ${uri} failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
    }
  }

  function refreshAll(): void {
    generation++;
    settingsCache.clear();
    reportedConfigErrors.clear();
    resolver = new ConfigResolver();
    cache.clearFindings();
    if (pull) {
      if (refreshSupport) connection.languages.diagnostics.refresh().catch((e) => log(`srm: diagnostic refresh failed: ${String(e)}`));
    } else {
      for (const d of documents.all()) schedule(d.uri);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    caps = params.capabilities;
    pull = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    configurationSupport = caps.workspace?.configuration === true;
    markdown = caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;
    snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    hierarchical = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    const initOpts = params.initializationOptions as { settings?: unknown } | undefined;
    if (initOpts?.settings !== undefined) globalSettings = initOpts.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'srm' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.srm'] },
        ...(pull ? { diagnosticProvider: { identifier: 'srm', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(
    guard('initialized', () => {
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', (params) => {
      const s = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (s !== undefined) globalSettings = s;
      refreshAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', (params) => {
      if (params.changes.some((c) => /srm\.config\.ya?ml$/.test(c.uri))) refreshAll();
    }),
  );

  documents.onDidChangeContent(guard('didChangeContent', (e) => schedule(e.document.uri)));
  documents.onDidClose(
    guard('didClose', (e) => {
      cache.delete(e.document.uri);
      settingsCache.delete(e.document.uri);
      if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
    }),
  );

  connection.languages.diagnostics.on(
    wrap('textDocument/diagnostic', async (params, token): Promise<DocumentDiagnosticReport> => {
      // Let requests already queued (hover, completion after a keystroke) go first: they never wait for validation.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const cfg = configDiagnostics(doc);
      if (cfg) return { kind: DocumentDiagnosticReportKind.Full, items: cfg };
      const r = await findingsOf(doc);
      const resultId = `${doc.version}:${generation}:${r ? 1 : 0}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: r ? r.diagnostics : [] };
    }),
  );

  /** The open document, when it is a responsibility file (hover, completion and the rest answer nothing otherwise). */
  async function srmDoc(uri: string): Promise<TextDocument | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return isSrm(doc, await settingsFor(uri)) ? doc : undefined;
  }

  connection.onCompletion(
    wrap('textDocument/completion', async (params) => {
      const doc = await srmDoc(params.textDocument.uri);
      if (!doc) return null;
      const lines = cache.lines(doc);
      const r = complete({ text: doc.getText(), lines }, lines.offsetAt(params.position));
      return toCompletionList(lines, r, markdown, snippets);
    }),
  );

  connection.onHover(
    wrap('textDocument/hover', async (params) => {
      const doc = await srmDoc(params.textDocument.uri);
      if (!doc) return null;
      const lines = cache.lines(doc);
      const h = hover({ text: doc.getText(), lines }, lines.offsetAt(params.position));
      return h ? toHover(lines, h, markdown) : null;
    }),
  );

  connection.onDocumentSymbol(
    wrap('textDocument/documentSymbol', async (params) => {
      const doc = await srmDoc(params.textDocument.uri);
      if (!doc) return null;
      const lines = cache.lines(doc);
      const list = symbols({ text: doc.getText(), lines });
      return hierarchical ? toDocumentSymbols(lines, list) : toSymbolInformation(lines, doc.uri, list);
    }),
  );

  connection.onFoldingRanges(
    wrap('textDocument/foldingRange', async (params) => {
      const doc = await srmDoc(params.textDocument.uri);
      if (!doc) return null;
      return toFoldingRanges(foldingRanges({ text: doc.getText(), lines: cache.lines(doc) }));
    }),
  );

  connection.onCodeAction(
    wrap('textDocument/codeAction', async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const r = await findingsOf(doc);
      if (!r) return null;
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
      const out: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        out.push(...quickFixes(doc.uri, doc.version, r.parsed.lines, params.context.diagnostics, r));
        if (params.context.diagnostics.some((d) => d.code === 'unassigned-layer')) {
          const all = addAllMissingLayers(doc.uri, r.parsed.lines, r.list);
          if (all) out.push(all);
        }
      }
      if (only && wants(CodeActionKind.SourceFixAll + '.srm')) {
        const s = await settingsFor(doc.uri);
        const text = doc.getText();
        const fixed = fixAll(text, diagnoseOptions(doc, s));
        if (fixed.applied > 0 && fixed.text !== text) {
          out.push({
            title: `Fix all safe srm problems (${fixed.applied})`,
            kind: CodeActionKind.SourceFixAll + '.srm',
            edit: { changes: { [doc.uri]: [{ range: { start: { line: 0, character: 0 }, end: r.parsed.lines.positionAt(text.length) }, newText: fixed.text }] } },
          });
        }
      }
      return out;
    }),
  );

  connection.onShutdown(() => undefined);

  // The responsibility matrix view (srm/matrix, srm/matrixExport) reads the same cached parse and findings.
  registerMatrix(connection, async (uri) => {
    const doc = documents.get(uri);
    const r = doc ? await findingsOf(doc) : undefined;
    return doc && r ? { version: doc.version, parsed: r.parsed, findings: r.list } : undefined;
  });

  documents.listen(connection);
  connection.listen();
}
