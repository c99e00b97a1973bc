// A stdio LSP client that drives a language server as an editor does (initialize, settings, open, hover,
// completion, one-character edits) and times each step; peak memory comes from /proc/<pid>/status (VmHWM).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { stats, type Stats } from './common';

export interface ServerSpec {
  label: string;
  command: string;
  args: string[];
  /** Settings answered to workspace/configuration, by section (and pushed with didChangeConfiguration). */
  settings: Record<string, unknown>;
  cwd?: string;
}

export interface Plan {
  file: string;
  text: string;
  /** Offsets in `text`. */
  hoverAt: number;
  completeAt: number;
  editAt: number;
  hovers: number;
  completions: number;
  edits: number;
  /** Give up on one wait after this many ms. */
  timeoutMs: number;
}

export interface RunResult {
  label: string;
  openToDiagnosticsMs: number;
  diagnosticsOnOpen: number;
  keystroke: Stats;
  hover: Stats;
  completion: Stats;
  hoverNonEmpty: boolean;
  completionItems: number;
  peakRssMB: number;
  errors: string[];
}

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let ls = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    ls = i + 1;
  }
  return { line, character: offset - ls };
}

function peakRss(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

function section(settings: Record<string, unknown>, name: string | undefined): unknown {
  if (!name) return settings;
  let v: unknown = settings;
  for (const part of name.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v ?? null;
}

/** Runs one server through the plan and returns its timings. */
export async function runServer(spec: ServerSpec, plan: Plan): Promise<RunResult> {
  const errors: string[] = [];
  const proc: ChildProcess = spawn(spec.command, spec.args, { cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr?.on('data', () => undefined);
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const uri = pathToFileURL(plan.file).href;
  const folder = pathToFileURL(plan.file.replace(/\/[^/]*$/, '')).href;
  // Diagnostics arrive as notifications; each wait registers a predicate resolved by the next matching one.
  let waiter: { pred: (p: { uri: string; version?: number; diagnostics: unknown[] }) => boolean; resolve: (n: number) => void } | null = null;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    if (p.uri !== uri) return;
    if (waiter && waiter.pred(p)) {
      const w = waiter;
      waiter = null;
      w.resolve(p.diagnostics.length);
    }
  });
  conn.onNotification(() => undefined);
  conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((i) => section(spec.settings, i.section)));
  conn.onRequest('workspace/workspaceFolders', () => [{ uri: folder, name: 'bench' }]);
  conn.onRequest(() => null); // client/registerCapability, window/workDoneProgress/create, ...
  conn.listen();
  const waitDiagnostics = (pred: (p: { version?: number }) => boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no diagnostics within ${plan.timeoutMs} ms`)), plan.timeoutMs);
      waiter = {
        pred,
        resolve: (n) => {
          clearTimeout(t);
          resolve(n);
        },
      };
    });
  const within = <T>(p: Promise<T>): Promise<T> =>
    Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${plan.timeoutMs} ms`)), plan.timeoutMs))]);

  const capabilities = {
    workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    },
  };
  await within(conn.sendRequest('initialize', { processId: process.pid, rootUri: folder, capabilities, workspaceFolders: [{ uri: folder, name: 'bench' }] }));
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
  // Let the server pull its settings before the document opens (both servers ask right after `initialized`).
  await new Promise((r) => setTimeout(r, 300));

  let version = 1;
  let text = plan.text;
  const opened = waitDiagnostics(() => true);
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  let diagnosticsOnOpen = -1;
  let openToDiagnosticsMs = NaN;
  try {
    diagnosticsOnOpen = await opened;
    openToDiagnosticsMs = performance.now() - t0;
  } catch (e) {
    errors.push(`open: ${String(e)}`);
  }

  const hovers: number[] = [];
  let hoverNonEmpty = false;
  const hoverPos = position(text, plan.hoverAt);
  for (let i = 0; i < plan.hovers; i++) {
    const t = performance.now();
    try {
      const h = await within(conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverPos }));
      hovers.push(performance.now() - t);
      if (h) hoverNonEmpty = true;
    } catch (e) {
      errors.push(`hover: ${String(e)}`);
      break;
    }
  }
  const completions: number[] = [];
  let completionItems = 0;
  const completePos = position(text, plan.completeAt);
  for (let i = 0; i < plan.completions; i++) {
    const t = performance.now();
    try {
      const c = (await within(conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: completePos }))) as
        | { items?: unknown[] }
        | unknown[]
        | null;
      completions.push(performance.now() - t);
      completionItems = Array.isArray(c) ? c.length : (c?.items?.length ?? 0);
    } catch (e) {
      errors.push(`completion: ${String(e)}`);
      break;
    }
  }

  // One-character edits in the middle workload's `service:` value: type a letter, delete it, and so on.
  const keys: number[] = [];
  const editPos = position(text, plan.editAt);
  for (let i = 0; i < plan.edits; i++) {
    version++;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: editPos, end: editPos }, text: 'x' }
      : { range: { start: editPos, end: { line: editPos.line, character: editPos.character + 1 } }, text: '' };
    text = insert ? text.slice(0, plan.editAt) + 'x' + text.slice(plan.editAt) : text.slice(0, plan.editAt) + text.slice(plan.editAt + 1);
    const v = version;
    const got = waitDiagnostics((p) => p.version === undefined || p.version === null || p.version >= v);
    const t = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    try {
      await got;
      keys.push(performance.now() - t);
    } catch (e) {
      errors.push(`keystroke: ${String(e)}`);
      break;
    }
  }
  const peakRssMB = peakRss(proc.pid);
  try {
    await within(conn.sendRequest('shutdown'));
    await conn.sendNotification('exit');
  } catch {
    // killed below
  }
  // Give the server time to exit on its own (a --cpu-prof server writes its profile then).
  if (proc.exitCode === null) await new Promise((r) => { const t = setTimeout(r, 5000); proc.once('exit', () => { clearTimeout(t); r(undefined); }); });
  conn.dispose();
  if (proc.exitCode === null) proc.kill('SIGKILL');
  return {
    label: spec.label,
    openToDiagnosticsMs,
    diagnosticsOnOpen,
    keystroke: stats(keys),
    hover: stats(hovers),
    completion: stats(completions),
    hoverNonEmpty,
    completionItems,
    peakRssMB,
    errors,
  };
}
