// "SRM: Show Responsibility Matrix": a webview beside the editor that draws the server's matrix of the file
// (`srm/matrix`), redraws as the user types, reveals a cell's line on click, copies Markdown and saves HTML
// (`srm/matrixExport`). Also the code lens on `workloads:` (client-side: see registerMatrixView).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  MATRIX_EXPORT_REQUEST,
  MATRIX_REQUEST,
  SHOW_MATRIX_COMMAND,
  type FromWebview,
  type MatrixExportParams,
  type MatrixExportResult,
  type MatrixParams,
  type MatrixResult,
  type ToWebview,
} from '../../shared/matrix';
import { LANGUAGE_ID } from '../../shared/protocol';

/** Only coalesces a burst of keystrokes: the server answers from its per-version cache, so this can be short. */
const DEBOUNCE_MS = 80;
const VIEW_TYPE = 'srm.matrix';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

const isSrmDoc = (d: vscode.TextDocument) =>
  d.languageId === LANGUAGE_ID || (d.languageId === 'yaml' && /^apiVersion:\s*["']?srm\/v1\b/m.test(d.getText(new vscode.Range(0, 0, 50, 0))));

/** The matrix panel (one at a time): bound to a document, follows the active responsibility file. */
class MatrixPanel implements vscode.Disposable {
  static current: MatrixPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private last: MatrixResult | undefined;
  private webviewReady = false;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly ctx: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private uri: vscode.Uri,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString() && e.contentChanges.length > 0) this.schedule();
      }),
      // Settings or srm.config.yaml changes reach the view through new diagnostics of the file.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.uri.toString())) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (ed && isSrmDoc(ed.document) && ed.document.uri.toString() !== this.uri.toString()) this.bind(ed.document.uri);
      }),
    );
  }

  static show(ctx: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, uri: vscode.Uri): MatrixPanel {
    if (MatrixPanel.current) {
      MatrixPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      MatrixPanel.current.bind(uri);
      return MatrixPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Responsibility Matrix',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ctx.extensionUri, 'dist')] },
    );
    MatrixPanel.current = new MatrixPanel(panel, ctx, client, ready, uri);
    MatrixPanel.current.bind(uri);
    return MatrixPanel.current;
  }

  /** Restores a panel VS Code kept across a window reload (its webview state holds the file's uri). */
  static revive(panel: vscode.WebviewPanel, ctx: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, uri: vscode.Uri): void {
    MatrixPanel.current?.dispose();
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ctx.extensionUri, 'dist')] };
    MatrixPanel.current = new MatrixPanel(panel, ctx, client, ready, uri);
    MatrixPanel.current.bind(uri);
  }

  private bind(uri: vscode.Uri): void {
    this.uri = uri;
    this.last = undefined;
    this.panel.title = `Matrix: ${path.posix.basename(uri.path)}`;
    void this.update();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, DEBOUNCE_MS);
  }

  private post(m: ToWebview): void {
    if (this.webviewReady) void this.panel.webview.postMessage(m);
  }

  private async update(): Promise<void> {
    const seq = ++this.seq;
    const uri = this.uri;
    const fileName = vscode.workspace.asRelativePath(uri, false);
    try {
      await this.ready;
      const r = await this.client.sendRequest<MatrixResult | null>(MATRIX_REQUEST, { uri: uri.toString() } satisfies MatrixParams);
      if (seq !== this.seq) return; // a newer request is on its way: drop this answer
      if (!r) {
        this.last = undefined;
        this.post({ type: 'unavailable', fileName, reason: 'This file is not a responsibility file (apiVersion: srm/v1), or it is not open.' });
        return;
      }
      this.last = r;
      this.post({ type: 'matrix', result: r, fileName });
    } catch (e) {
      if (seq === this.seq) this.post({ type: 'status', text: `Could not get the matrix: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.webviewReady = true;
        if (this.last) this.post({ type: 'matrix', result: this.last, fileName: vscode.workspace.asRelativePath(this.uri, false) });
        else void this.update();
        return;
      case 'reveal':
        return this.reveal(m.start, m.end);
      case 'copyMarkdown': {
        const text = await this.export('md');
        if (text === undefined) return;
        try {
          await vscode.env.clipboard.writeText(text);
          this.post({ type: 'status', text: 'Copied the matrix as Markdown.' });
        } catch (e) {
          void vscode.window.showErrorMessage(`SRM: could not copy the matrix: ${e instanceof Error ? e.message : String(e)}`);
        }
        return;
      }
      case 'saveHtml': {
        const base = path.posix.basename(this.uri.path).replace(/\.(srm\.)?ya?ml$/i, '');
        const target = await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.joinPath(this.uri, '..', `${base}.matrix.html`),
          filters: { HTML: ['html'] },
          saveLabel: 'Save matrix',
        });
        if (!target) return;
        const text = await this.export('html');
        if (text === undefined) return;
        try {
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
          this.post({ type: 'status', text: `Saved ${vscode.workspace.asRelativePath(target, false)}.` });
        } catch (e) {
          void vscode.window.showErrorMessage(`SRM: could not save ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
        }
        return;
      }
    }
  }

  private async export(format: MatrixExportParams['format']): Promise<string | undefined> {
    try {
      await this.ready;
      const r = await this.client.sendRequest<MatrixExportResult | null>(MATRIX_EXPORT_REQUEST, { uri: this.uri.toString(), format } satisfies MatrixExportParams);
      if (!r) throw new Error('the file is not a responsibility file');
      return r.text;
    } catch (e) {
      void vscode.window.showErrorMessage(`SRM: could not export the matrix: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** Shows [start, end) of the bound document in its editor (opened in another column if it is not visible). */
  private async reveal(start: number, end: number): Promise<void> {
    const key = this.uri.toString();
    let editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    if (!editor) {
      const doc = await vscode.workspace.openTextDocument(this.uri);
      const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
      editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    } else {
      editor = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
    const doc = editor.document;
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(Math.max(start, end)));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private html(): string {
    const w = this.panel.webview;
    const n = nonce();
    const script = w.asWebviewUri(vscode.Uri.joinPath(this.ctx.extensionUri, 'dist', 'matrix-webview.js'));
    const style = w.asWebviewUri(vscode.Uri.joinPath(this.ctx.extensionUri, 'dist', 'matrix-webview.css'));
    const csp = `default-src 'none'; style-src ${w.cspSource}; font-src ${w.cspSource}; img-src ${w.cspSource}; script-src 'nonce-${n}';`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>Responsibility Matrix</title>
</head>
<body>
<div class="toolbar">
  <h1>Responsibility matrix</h1><span id="file"></span>
  <button id="copy-md" type="button" title="Copy the matrix as Markdown tables">Copy as Markdown</button>
  <button id="save-html" type="button" title="Save the matrix as a standalone HTML page">Save as HTML</button>
  <span id="status" role="status"></span>
  <span id="summary"></span>
</div>
<div id="legend"></div>
<main id="matrix"><p class="notice">Loading…</p></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (MatrixPanel.current === this) MatrixPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * The code lens on `workloads:` comes from the client: the command it runs is a client command, it needs no
 * server round trip nor a server capability, and a line scan finds the key even while the YAML is half-typed.
 */
class WorkloadsLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const out: vscode.CodeLens[] = [];
    if (!isSrmDoc(doc)) return out;
    for (let i = 0; i < doc.lineCount; i++) {
      if (/^workloads\s*:/.test(doc.lineAt(i).text)) {
        out.push(
          new vscode.CodeLens(new vscode.Range(i, 0, i, 9), {
            title: '$(table) Show responsibility matrix',
            command: SHOW_MATRIX_COMMAND,
            arguments: [doc.uri],
          }),
        );
      }
    }
    return out;
  }
}

/** Registers the command, the code lens and the view. `ready` resolves when the language client is running. */
export function registerMatrixView(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_MATRIX_COMMAND, (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage('SRM: open a responsibility file (*.srm.yaml) to see its matrix.');
        return;
      }
      MatrixPanel.show(context, client, ready, uri);
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const uri = (state as { uri?: unknown } | undefined)?.uri;
        if (typeof uri !== 'string') {
          panel.dispose();
          return;
        }
        MatrixPanel.revive(panel, context, client, ready, vscode.Uri.parse(uri));
      },
    }),
    vscode.languages.registerCodeLensProvider([{ language: LANGUAGE_ID }, { language: 'yaml' }], new WorkloadsLens()),
    { dispose: () => MatrixPanel.current?.dispose() },
  );
}
