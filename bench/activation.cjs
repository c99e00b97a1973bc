// Times `require(BUNDLE)` + `activate()` in a fresh Node process, with a stub `vscode` module (a proxy that answers
// every property, call and `new`): `node bench/activation.cjs [--cold] [BUNDLE]`, BUNDLE defaulting to dist/client.js
// (a baseline module without `activate` is only required). Prints JSON: { requireMs, activateMs, totalMs, cpuMs }
// (cpuMs: this process's user + system CPU time over the same span) or { error }. bench/run.ts runs it.
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.resolve(__dirname, '..');
const stub = new Proxy(function vscodeStub() {}, {
  get(_t, key) {
    if (key === 'then') return undefined; // not a promise
    if (key === Symbol.toPrimitive) return () => '';
    if (key === Symbol.iterator) return function* () {};
    return stub;
  },
  apply: () => stub,
  construct: () => stub,
});
// esbuild's interop copies the module's own property names, so the namespace is a plain object of stubs.
const NAMES = ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'debug', 'tasks', 'notebooks', 'chat', 'lm', 'l10n',
  'Uri', 'EventEmitter', 'Disposable', 'CancellationTokenSource', 'CancellationError', 'Range', 'Position', 'Location', 'Selection',
  'Diagnostic', 'DiagnosticSeverity', 'DiagnosticTag', 'DiagnosticRelatedInformation', 'CompletionItem', 'CompletionItemKind',
  'CompletionList', 'Hover', 'MarkdownString', 'SnippetString', 'TextEdit', 'WorkspaceEdit', 'CodeAction', 'CodeActionKind',
  'Command', 'SymbolKind', 'SymbolInformation', 'DocumentSymbol', 'FoldingRange', 'FoldingRangeKind', 'StatusBarAlignment',
  'ViewColumn', 'ThemeIcon', 'ThemeColor', 'ConfigurationTarget', 'FileSystemWatcher', 'RelativePattern', 'ProgressLocation',
  'LanguageStatusSeverity', 'TextDocumentSaveReason', 'SemanticTokensLegend', 'SemanticTokens', 'CallHierarchyItem',
  'TypeHierarchyItem', 'InlayHint', 'InlayHintKind', 'InlayHintLabelPart', 'InlineValueText', 'InlineCompletionItem',
  'SignatureHelp', 'SignatureInformation', 'ParameterInformation', 'DocumentLink', 'Color', 'ColorInformation',
  'ColorPresentation', 'SelectionRange', 'LinkedEditingRanges', 'CodeLens', 'DocumentHighlight', 'DocumentHighlightKind',
  'NotebookCellKind', 'NotebookRange', 'TextDocumentChangeReason', 'EndOfLine', 'FileType', 'FileChangeType', 'LogLevel',
  'TabInputText', 'TabInputTextDiff', 'TabInputNotebook', 'UIKind', 'ExtensionMode', 'TreeItem', 'TreeItemCollapsibleState'];
const namespace = { version: '1.91.0' };
for (const n of NAMES) namespace[n] = stub;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: namespace };

// VS Code's extension host has imported these Node built-ins before it loads any extension (its bundled
// out/vs/workbench/api/node/extensionHostProcess.js imports them at the top), so a fresh process charges an
// extension for loading them while the editor does not. Loaded here first unless --cold.
const HOST_BUILTINS = ['assert', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'module', 'net', 'os', 'stream', 'string_decoder', 'url', 'util', 'zlib'];
const args = process.argv.slice(2);
const cold = args.includes('--cold');
const bundle = args.find((a) => !a.startsWith('--')) ?? 'dist/client.js';
if (!cold) for (const b of HOST_BUILTINS) require(b);

process.on('unhandledRejection', () => undefined);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
try {
  const ext = require(path.resolve(root, bundle));
  const t1 = performance.now();
  const context = { subscriptions: [], asAbsolutePath: (p) => path.join(root, p), extensionPath: root, extensionUri: stub, globalState: stub, workspaceState: stub, storageUri: undefined, logUri: stub };
  if (typeof ext.activate === 'function') ext.activate(context); // a baseline module may have none
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ error: String(e && e.message ? e.message : e).slice(0, 300) }) + '\n');
}
setTimeout(() => process.exit(0), 50);
