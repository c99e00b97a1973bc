// The VS Code extension: starts the srm language server (dist/server.js over IPC) for responsibility files and
// YAML files that declare `apiVersion: srm/v1`; adds "SRM: Restart Server", "SRM: Check Workspace" and an output
// channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, COMMANDS, LANGUAGE_ID, SETTINGS_SECTION, type CheckWorkspaceResult } from '../../shared/protocol';
import { registerMatrixView } from './matrix';

/** What `activate` returns: tests wait on `ready` (the client is running), never on sleeps. */
export interface SrmApi {
  client: LanguageClient;
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): SrmApi {
  const output = vscode.window.createOutputChannel('SRM Language Server', { log: true });
  context.subscriptions.push(output);
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides by file name and content; YAML files are sent so it can find `apiVersion: srm/v1`.
    documentSelector: [
      { language: LANGUAGE_ID },
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // srm.config.yaml and responsibility files (saved or created: dependents are re-checked). The fallback: the
      // server registers a watcher of every YAML file itself (its workspace index) where the client can.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/srm.config.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.srm.{yaml,yml}', false, false, false),
      ],
    },
    outputChannel: output,
    errorHandler: crashReporter(output),
  };
  client = new LanguageClient('srm', 'SRM Language Server', serverOptions, clientOptions);
  const c = client;
  const ready = c.start();
  ready.catch((e: unknown) => output.appendLine(`srm: the language server failed to start: ${String(e)}`));
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine('srm: restarting the language server');
      await c.restart();
    }),
  );
  registerMatrixView(context, c, ready);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => checkWorkspace(c, ready, output)));
  return { client: c, ready };
}

/**
 * "SRM: Check Workspace": the server reads the workspace folders afresh and checks every responsibility file; the
 * client's workspace diagnostics pull (every 2 s) brings the findings of files that are not open into the Problems
 * panel, which is shown. The summary goes to the status bar and the output channel (no notification).
 */
async function checkWorkspace(c: LanguageClient, ready: Promise<void>, output: vscode.OutputChannel): Promise<CheckWorkspaceResult | undefined> {
  try {
    await ready;
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'SRM: checking the workspace' }, () =>
      c.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}),
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const text = `SRM: ${r.files} file(s) checked, ${r.withFindings} with findings: ${r.errors} error(s), ${r.warnings} warning(s), ${r.infos + r.hints} other${r.skipped ? `; ${r.skipped} not read (too large or unreadable)` : ''}`;
    output.appendLine(text);
    vscode.window.setStatusBarMessage(text, 15_000);
    return r;
  } catch (e) {
    output.appendLine(`srm: Check Workspace failed: ${String(e)}`);
    return undefined;
  }
}

/**
 * Restarts the server after a crash, as the language client's default policy does (up to 4 crashes in 3 minutes),
 * and tells the user once per session where the log is; a crash loop ends with the client's own message.
 */
function crashReporter(output: vscode.OutputChannel): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    // A write to a server that just died fails (EPIPE) before the close is seen: logged, not shown, so a crash is
    // reported to the user once, by closed() below (unhandled, the client would add its own notification).
    error: (e) => {
      output.appendLine(`srm: the connection to the language server failed: ${e.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - (crashes[0] as number) > 3 * 60 * 1000) crashes.shift();
      output.appendLine(`srm: the language server stopped unexpectedly (${crashes.length} time(s) in 3 minutes)`);
      if (crashes.length > 4) {
        return {
          action: CloseAction.DoNotRestart,
          message: 'The SRM language server crashed 5 times in 3 minutes and will not be restarted. Its log is in the "SRM Language Server" output channel; "SRM: Restart Server" starts it again.',
        };
      }
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage(
          'The SRM language server stopped unexpectedly and was restarted. Its log is in the "SRM Language Server" output channel (View > Output).',
        );
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
