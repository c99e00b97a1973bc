// What the client can do (read once from `initialize`) and what the server offers in return (the InitializeResult).
import { version } from '../../../package.json';
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type InitializeResult } from 'vscode-languageserver';

export const SERVER_NAME = 'srm-language-server';
/** package.json's version (bundled by esbuild), as the CLI's --version prints it. */
export const SERVER_VERSION: string = version;

/** The client's capabilities the handlers read. */
export interface ClientFeatures {
  /** Pull diagnostics (textDocument/diagnostic); push (publishDiagnostics) otherwise. */
  pull: boolean;
  /** workspace/diagnostic/refresh. */
  refreshSupport: boolean;
  /** workspace/configuration: settings pulled per resource. */
  configurationSupport: boolean;
  /** Registering for didChangeConfiguration. */
  dynamicConfiguration: boolean;
  markdown: boolean;
  snippets: boolean;
  hierarchicalSymbols: boolean;
  /** Registering the watcher of workspace/didChangeWatchedFiles (client/registerCapability). */
  dynamicWatchedFiles: boolean;
  /** WorkspaceEdit.documentChanges (versioned edits of open documents). */
  documentChanges: boolean;
  /** workspace/didChangeWorkspaceFolders. */
  workspaceFolders: boolean;
  /** workspace/inlayHint/refresh. */
  inlayHintRefresh: boolean;
}

/** Until `initialize` says otherwise. */
export function featuresBeforeInitialize(): ClientFeatures {
  return {
    pull: false,
    refreshSupport: false,
    configurationSupport: false,
    dynamicConfiguration: false,
    markdown: true,
    snippets: true,
    hierarchicalSymbols: true,
    dynamicWatchedFiles: false,
    documentChanges: false,
    workspaceFolders: false,
    inlayHintRefresh: false,
  };
}

export function clientFeatures(caps: ClientCapabilities | undefined): ClientFeatures {
  return {
    pull: caps?.textDocument?.diagnostic !== undefined,
    refreshSupport: caps?.workspace?.diagnostics?.refreshSupport === true,
    configurationSupport: caps?.workspace?.configuration === true,
    dynamicConfiguration: Boolean(caps?.workspace?.didChangeConfiguration?.dynamicRegistration),
    markdown: caps?.textDocument?.hover?.contentFormat?.includes('markdown') ?? false,
    snippets: caps?.textDocument?.completion?.completionItem?.snippetSupport === true,
    hierarchicalSymbols: caps?.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    dynamicWatchedFiles: caps?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    documentChanges: caps?.workspace?.workspaceEdit?.documentChanges === true,
    workspaceFolders: caps?.workspace?.workspaceFolders === true,
    inlayHintRefresh: caps?.workspace?.inlayHint?.refreshSupport === true,
  };
}

/** The server's capabilities: a diagnostic provider for pull clients only (push clients get publishDiagnostics). */
export function initializeResult(client: ClientFeatures): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      documentSymbolProvider: { label: 'srm' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.srm'] },
      // From the workspace index (workspaceIndex.ts): across files.
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      inlayHintProvider: true,
      ...(client.pull ? { diagnosticProvider: { identifier: 'srm', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
  };
}
