// The in-host e2e suite for @vscode/test-electron: the scenarios of ../scenarios.ts checked through the
// `vscode` API inside a downloaded VS Code (diagnostics, hover, completion and code-action providers,
// settings). Bundled by ../build.mjs to out/e2e/suite.js; run by runTest.ts (npm run test:electron).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { anchorPosition, scenarios as S, type Anchor, type ExpectedProblem, type SeverityName } from '../scenarios';
import { waitFor } from '../wait';

const EXTENSION_ID = 'srm-tools.srm';
const SEVERITY: Record<number, SeverityName> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};
const SCALE = Number(process.env.SRM_E2E_TIMEOUT_SCALE ?? '1') || 1;
const ms = (n: number): number => Math.round(n * SCALE);

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: runTest.ts opens a copy of examples/');
  return folder.uri.fsPath;
}
const uriOf = (rel: string): vscode.Uri => vscode.Uri.file(path.join(workspaceRoot(), rel));

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}
function pos(doc: vscode.TextDocument, a: Anchor): vscode.Position {
  const p = anchorPosition(doc.getText(), a, path.basename(doc.uri.fsPath));
  return new vscode.Position(p.line, p.character);
}
const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
const show = (ds: readonly vscode.Diagnostic[]): string =>
  ds.map((d) => `  ${SEVERITY[d.severity]} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source ?? ''}(${codeOf(d)}) ${d.message}`).join('\n') || '  (none)';

/** Resolves with the document's diagnostics once `ok` holds for them; rejects with what was there at the deadline. */
async function diagnosticsUntil(uri: vscode.Uri, what: string, ok: (ds: readonly vscode.Diagnostic[]) => boolean, timeoutMs = ms(30_000)): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = vscode.languages.getDiagnostics(uri);
    return ok(ds) ? ds : null;
  }, { timeoutMs, interval: 50, onTimeout: () => `diagnostics of ${path.basename(uri.fsPath)}:\n${show(vscode.languages.getDiagnostics(uri))}` });
}

function matches(doc: vscode.TextDocument, expected: ExpectedProblem[], actual: readonly vscode.Diagnostic[]): boolean {
  const left = [...actual];
  for (const e of expected) {
    const line = e.at ? pos(doc, e.at).line : null;
    const i = left.findIndex((d) => codeOf(d) === e.code && SEVERITY[d.severity] === e.severity && e.message.test(d.message) && (line === null || d.range.start.line === line));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return left.length === 0;
}

async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor('the document to be reverted', () => !editor.document.isDirty, { timeoutMs: ms(5000) });
}

/** Breaks the clean example on purpose (scenarios.clean.probe) and waits for the server to report it. */
async function probeClean(): Promise<vscode.TextEditor> {
  const editor = await open(S.clean.file);
  const doc = editor.document;
  const start = pos(doc, S.clean.probe.at);
  const range = new vscode.Range(start, start.translate(0, S.clean.probe.length));
  assert.ok(await editor.edit((e) => e.replace(range, S.clean.probe.replacement)), 'edit applied');
  await diagnosticsUntil(doc.uri, `${S.clean.probe.code} after breaking ${S.clean.file}`, (ds) =>
    ds.some((d) => codeOf(d) === S.clean.probe.code && d.range.start.line === start.line));
  return editor;
}

interface Api {
  ready: Promise<void>;
  client?: { isRunning?: () => boolean };
}

const steps: { name: string; run: () => Promise<void> }[] = [
  {
    name: 'activation',
    async run() {
      const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is not installed`);
      await open(S.mistakes.file);
      const api = await ext.activate();
      await api.ready;
      assert.equal(vscode.window.activeTextEditor?.document.languageId, S.languageId);
    },
  },
  {
    name: 'mistakes-listed',
    async run() {
      const editor = await open(S.mistakes.file);
      const ds = await diagnosticsUntil(editor.document.uri, `exactly the expected problems of ${S.mistakes.file}`, (d) => matches(editor.document, S.mistakes.problems, d), ms(60_000));
      for (const d of ds) assert.equal(d.source, 'srm', `source of ${show([d])}`);
    },
  },
  {
    name: 'clean-has-none',
    async run() {
      const editor = await probeClean();
      await revert(editor);
      await diagnosticsUntil(editor.document.uri, `no problems for ${S.clean.file}`, (ds) => ds.length === 0);
    },
  },
  {
    name: 'hover-layer',
    async run() {
      const editor = await open(S.hover.file);
      const at = pos(editor.document, S.hover.at);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      const text = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      for (const re of S.hover.expect) assert.match(text, re);
    },
  },
  {
    name: 'completion-layer',
    async run() {
      const c = S.completion;
      const editor = await open(c.file);
      const doc = editor.document;
      const line = doc.lineAt(pos(doc, c.after).line);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      assert.ok(await editor.edit((e) => e.insert(line.range.end, `\n${indent}${c.type}`)), 'edit applied');
      const at = new vscode.Position(line.lineNumber + 1, indent.length + c.type.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      await revert(editor);
      for (const l of c.expectLabels) assert.ok(labels.includes(l), `completion ${l} missing from [${labels.join(', ')}]`);
      for (const l of c.rejectLabels) assert.ok(!labels.includes(l), `completion ${l} should not be offered`);
    },
  },
  {
    name: 'quick-fix',
    async run() {
      const q = S.quickFix;
      const editor = await open(q.file);
      const doc = editor.document;
      const line = pos(doc, q.at).line;
      const here = (d: vscode.Diagnostic): boolean => codeOf(d) === q.code && d.range.start.line === line;
      const ds = await diagnosticsUntil(doc.uri, `${q.code} on line ${line + 1}`, (d) => d.some(here));
      const diag = ds.find(here);
      assert.ok(diag);
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
      // A bare Command has a string `command`; a CodeAction has an optional Command object there.
      const action = actions.find((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string' && q.title.test(a.title));
      assert.ok(action, `no quick fix matching ${q.title}: ${actions.map((a) => a.title).join(' | ')}`);
      if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'quick fix edit applied');
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      await diagnosticsUntil(doc.uri, `${q.code} on line ${line + 1} to go away`, (d) => !d.some(here) && d.length < ds.length);
      await revert(editor);
      await diagnosticsUntil(doc.uri, `${q.code} back after revert`, (d) => d.some(here));
    },
  },
  {
    name: 'severity-setting',
    async run() {
      const c = S.setting;
      const editor = await open(c.file);
      const uri = editor.document.uri;
      const has = (sev: SeverityName | null) => (ds: readonly vscode.Diagnostic[]): boolean => {
        const mine = ds.filter((d) => codeOf(d) === c.code);
        return sev === null ? mine.length === 0 && ds.length > 0 : mine.length > 0 && mine.every((d) => SEVERITY[d.severity] === sev);
      };
      await diagnosticsUntil(uri, `${c.code} as ${c.before}`, has(c.before));
      const config = vscode.workspace.getConfiguration();
      await config.update(c.key, c.value, vscode.ConfigurationTarget.Global);
      try {
        await diagnosticsUntil(uri, `${c.code} as ${c.after ?? 'nothing'} after ${c.key} = ${JSON.stringify(c.value)}`, has(c.after));
      } finally {
        await config.update(c.key, undefined, vscode.ConfigurationTarget.Global);
      }
      await diagnosticsUntil(uri, `${c.code} back to ${c.before}`, has(c.before));
    },
  },
  {
    name: 'baseline-2026',
    async run() {
      const b = S.baselines.edition;
      const editor = await open(b.file);
      const doc = editor.document;
      await diagnosticsUntil(doc.uri, `no problems for ${b.file}`, (ds) => ds.length === 0);
      const start = pos(doc, b.edit.at);
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(start, start.translate(0, b.edit.length)), b.edit.replacement)), 'edit applied');
      const ds = await diagnosticsUntil(doc.uri, `exactly the expected problems of ${b.file} after the edit`, (d) => matches(doc, b.problems, d));
      assert.ok(ds.every((d) => codeOf(d) !== 'customer-only-duty' && d.range.start.isEqual(start)), `the model-mismatch on the value:\n${show(ds)}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(doc, b.hover.at));
      const text = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      await revert(editor);
      for (const re of b.hover.expect) assert.match(text, re);
    },
  },
  {
    name: 'baseline-ai-completion',
    async run() {
      const c = S.baselines.completion;
      const editor = await open(c.file);
      const doc = editor.document;
      const first = doc.lineAt(pos(doc, c.clear).line);
      const indent = first.text.slice(0, first.firstNonWhitespaceCharacterIndex);
      const range = new vscode.Range(first.range.start, doc.lineAt(first.lineNumber + c.lines - 1).range.end);
      assert.ok(await editor.edit((e) => e.replace(range, indent)), 'edit applied');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(first.lineNumber, indent.length));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      await revert(editor);
      for (const l of c.expectLabels) assert.ok(labels.includes(l), `completion ${l} missing from [${labels.join(', ')}]`);
      for (const l of c.rejectLabels) assert.ok(!labels.includes(l), `completion ${l} should not be offered: [${labels.join(', ')}]`);
    },
  },
  {
    name: 'server-still-running',
    async run() {
      // The in-host equivalent of "no error notification": the client never stopped.
      const api = vscode.extensions.getExtension<Api>(EXTENSION_ID)?.exports;
      if (api?.client?.isRunning) assert.ok(api.client.isRunning(), 'the language client is not running');
      await probeClean().then(revert);
    },
  },
];

/** Entry point called by VS Code's test host (extensionTestsPath). Rejects when a step fails. */
export async function run(): Promise<void> {
  await runSuite((line) => console.log(line));
}

/** Runs every step, reporting one line per step; rejects listing the failures. Also used by run.ts
 * --in-host, which loads this bundle inside code-server's extension host through a harness extension. */
export async function runSuite(report: (line: string) => void): Promise<void> {
  const failures: string[] = [];
  for (const step of steps) {
    const t = Date.now();
    try {
      await step.run();
      report(`ok    ${step.name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      report(`FAIL  ${step.name}: ${msg}`);
      failures.push(`${step.name}: ${msg}`);
      if (step.name === 'activation' || step.name === 'mistakes-listed') break; // nothing else can pass
    }
  }
  if (failures.length) {
    const serverDown = failures.some((f) => f.startsWith('activation') || /^mistakes-listed: timed out[^]*\(none\)/.test(f));
    throw new Error(`${failures.length} e2e step(s) failed${serverDown ? ' (the srm language server failed or never answered)' : ''}:\n${failures.join('\n')}`);
  }
}
