// The harness of the CLI/server parity tests (parity.test.ts, baselines-parity.test.ts): the BUILT language server
// (dist/server.js --stdio) as a process with a JSON-RPC client on it asking pull diagnostics, and the comparison of
// what it finds with what `srm lint --format json` finds, file by file, in one form.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { ROOT, json, srm, type JsonFinding, type JsonReport } from './helpers';

export const SERVER = path.join(ROOT, 'dist', 'server.js');
/** The options of a parity suite: skipped when the server is not built. */
export const PARITY_SUITE = { skip: !fs.existsSync(SERVER) && 'dist/server.js not built' };

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  message: string;
}

export interface ParityServer {
  /** The server's findings for `file` (opened with `text`, asked, closed), sorted, in the form of `cliFindings`. */
  findings(file: string, text: string): Promise<string[]>;
  notify(method: string, params: unknown): Promise<void>;
  /** shutdown, exit, and the process killed. */
  stop(): Promise<void>;
}

/** Starts dist/server.js in `rootDir` (its one workspace folder) with default settings: the CLI has no VS Code
 * settings, only srm.config.yaml, which both read. */
export async function startServer(rootDir: string): Promise<ParityServer> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: rootDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const c = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  c.onRequest('client/registerCapability', () => null);
  c.onRequest('window/workDoneProgress/create', () => null);
  c.onRequest('workspace/diagnostic/refresh', () => null);
  c.onNotification(() => undefined);
  c.listen();
  await c.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(rootDir).href,
    workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'root' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: false } },
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
    },
  });
  await c.sendNotification('initialized', {});
  return {
    async findings(file, text) {
      const uri = pathToFileURL(file).href;
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'srm', version: 1, text } });
      const report = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: LspDiagnostic[] };
      await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return report.items
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`)
        .sort();
    },
    notify: (method, params) => c.sendNotification(method, params),
    async stop() {
      try {
        await c.sendRequest('shutdown');
        await c.sendNotification('exit');
      } catch {
        // Already gone.
      }
      c.dispose();
      proc.kill();
    },
  };
}

/** A file's CLI findings (of a JSON report), sorted, in the form of `ParityServer.findings`. */
export function cliFindings(findings: readonly JsonFinding[]): string[] {
  return findings.map((x) => `${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.severity} ${x.ruleId} ${x.message}`).sort();
}

/**
 * Lints `dir` with the CLI (`srm lint -f json`) and asks the server for every file the CLI checks. Returns the report,
 * the CLI's stderr, how many findings were compared, and one entry per file where the two differ (the diff).
 */
export async function compareWithCli(server: ParityServer, dir: string): Promise<{ report: JsonReport; stderr: string; compared: number; mismatches: string[] }> {
  const r = srm(['lint', '-f', 'json'], { cwd: dir });
  const report = json(r);
  let compared = 0;
  const mismatches: string[] = [];
  for (const f of report.files) {
    const file = path.join(dir, f.path);
    const cli = cliFindings(f.findings);
    const lsp = await server.findings(file, fs.readFileSync(file, 'utf8'));
    try {
      assert.deepEqual(lsp, cli, f.path);
    } catch (e) {
      mismatches.push(`${f.path}:\n${(e as Error).message}`);
    }
    compared += cli.length;
  }
  return { report, stderr: r.stderr, compared, mismatches };
}
