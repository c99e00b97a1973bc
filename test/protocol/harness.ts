// Runs the real language server in process over two streams and talks to it with a real JSON-RPC client; the
// helpers the protocol tests share; and the bundled server in a child process for the soak tests.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import {
  CancellationTokenSource,
  createMessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { ClientCapabilities, CompletionList, Diagnostic, DocumentDiagnosticReport, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer, type ServerOptions } from '../../server/src/lsp/server';

export const ROOT = path.resolve(__dirname, '../..');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface Harness {
  rpc: MessageConnection;
  init: InitializeResult;
  /** Diagnostics pushed so far, by uri (the latest publish). */
  published: Map<string, PublishDiagnosticsParams>;
  /** Resolves with the next publish for `uri` (or the current one if `already` and one exists). */
  nextPublish(uri: string): Promise<PublishDiagnosticsParams>;
  /** Settings the client answers workspace/configuration with (mutable). */
  settings: Record<string, unknown>;
  logs: string[];
  open(file: string, text?: string, languageId?: string): { uri: string; text: string };
  close(): Promise<void>;
}

export function capabilities(pull: boolean): ClientCapabilities {
  return {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, diagnostics: { refreshSupport: true } },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      completion: { completionItem: { snippetSupport: true } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
      publishDiagnostics: { versionSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
}

export async function startHarness(opts: {
  pull: boolean;
  server?: ServerOptions;
  settings?: Record<string, unknown>;
  /** Workspace folders (absolute paths; default: examples/). */
  folders?: string[];
  /** Changes the client capabilities sent in initialize. */
  caps?: (c: ClientCapabilities) => ClientCapabilities;
  /** Requests the server sends the client (client/registerCapability, ...), recorded. */
  serverRequests?: Array<{ method: string; params: unknown }>;
}): Promise<Harness> {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConn = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConn, opts.server);
  const rpc = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters = new Map<string, Array<(p: PublishDiagnosticsParams) => void>>();
  const logs: string[] = [];
  const h = { settings: opts.settings ?? {} } as Harness;
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p);
    const ws = waiters.get(p.uri) ?? [];
    waiters.delete(p.uri);
    for (const w of ws) w(p);
  });
  rpc.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  rpc.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map(() => h.settings));
  rpc.onRequest('client/registerCapability', (p: unknown) => {
    opts.serverRequests?.push({ method: 'client/registerCapability', params: p });
    return null;
  });
  rpc.onRequest('workspace/inlayHint/refresh', () => null);
  rpc.onRequest('workspace/diagnostic/refresh', () => {
    logs.push('refresh');
    return null;
  });
  rpc.listen();
  const folders = opts.folders ?? [EXAMPLES];
  const caps = capabilities(opts.pull);
  const init = (await rpc.sendRequest('initialize', {
    processId: null,
    rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
    capabilities: opts.caps ? opts.caps(caps) : caps,
    workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
  })) as InitializeResult;
  await rpc.sendNotification('initialized', {});
  let version = 1;
  Object.assign(h, {
    rpc,
    init,
    published,
    logs,
    nextPublish(uri: string) {
      return new Promise<PublishDiagnosticsParams>((resolve) => {
        const list = waiters.get(uri) ?? [];
        list.push(resolve);
        waiters.set(uri, list);
      });
    },
    open(file: string, text?: string, languageId = 'srm') {
      const abs = path.isAbsolute(file) ? file : path.join(EXAMPLES, file);
      const t = text ?? fs.readFileSync(abs, 'utf8');
      const uri = pathToFileURL(abs).href;
      void rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: version++, text: t } });
      return { uri, text: t };
    },
    async close() {
      try {
        await rpc.sendRequest('shutdown');
      } catch {
        // already gone
      }
      rpc.dispose();
      up.end();
      down.end();
    },
  });
  return h;
}

/** 0-based position of the `nth` occurrence of `needle` in `text`, moved by `delta`. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0, from = 0; i <= nth; i++) {
    at = text.indexOf(needle, from);
    if (at < 0) throw new Error(`not found: ${needle}`);
    from = at + 1;
  }
  const off = at + delta;
  const before = text.slice(0, off);
  const line = before.split('\n').length - 1;
  return { line, character: off - (before.lastIndexOf('\n') + 1) };
}

/** The example with mistakes, and the codes of its findings in order. */
export const MISTAKES = 'with-mistakes.srm.yaml';
export const EXPECTED_MISTAKES = [
  'unknown-team',
  'customer-only-duty',
  'customer-only-duty',
  'model-mismatch',
  'provider-only-duty',
  'schema',
  'unassigned-layer',
  'schema',
  'unknown-team',
  'duplicate-name',
  'schema',
];
/** The examples without findings. */
export const CLEAN = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.srm.yaml') && f !== MISTAKES);

export async function pullDiagnostics(h: Harness, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return (await h.rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId })) as DocumentDiagnosticReport;
}

/** The items of a full report (it fails on an "unchanged" one). */
export function items(r: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(r.kind, 'full');
  return (r as { items: Diagnostic[] }).items;
}

export async function completion(h: Harness, uri: string, position: { line: number; character: number }): Promise<CompletionList> {
  return (await h.rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
}

let version = 100;
/** A fresh number (document versions, unique file names). */
export function nextVersion(): number {
  return version++;
}

/** Replaces the whole text of an open document (a new version). */
export async function change(h: Harness, uri: string, text: string): Promise<void> {
  await h.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
}

/** Waits until `cond` holds, with a deadline. */
export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setImmediate(r));
  }
}

/** 0-based position of a UTF-16 offset in `text`. */
export function offsetPos(text: string, off: number) {
  const before = text.slice(0, off);
  return { line: before.split('\n').length - 1, character: off - (before.lastIndexOf('\n') + 1) };
}

// ---- The bundled server in a child process (the soak tests).

/** SRM_TEST_TIME_SCALE stretches the time bounds (a slow machine). */
export const SCALE = Number(process.env.SRM_TEST_TIME_SCALE ?? '1') || 1;
/** Every request is answered within this (a loaded 2-core CI box included). */
export const REQUEST_BOUND_MS = 10_000 * SCALE;

/** Bundles `server/src/lsp/main.ts` freshly from source into `dir`; returns the script's path. */
export async function buildServer(dir: string): Promise<string> {
  const outfile = path.join(dir, 'server.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'server/src/lsp/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
  return outfile;
}

/** mulberry32 (test/prng.ts), so a failing run can be replayed with its seed. */
export { prng } from '../prng';

/** `server.js --stdio` in a child process and a JSON-RPC client on it that records how each request was answered. */
export class Soak {
  readonly child: ChildProcess;
  readonly rpc: MessageConnection;
  exited: { code: number | null; signal: string | null } | undefined;
  stderr = '';
  readonly rss: number[] = [];
  readonly outcomes = new Map<string, number>();
  readonly slow: string[] = [];
  readonly bad: string[] = [];
  /** Internal errors answered (to well-formed and malformed requests alike): each one is a handler that threw (a bug). */
  readonly internal: string[] = [];

  constructor(script: string) {
    this.child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.on('exit', (code, signal) => {
      this.exited = { code, signal };
    });
    this.child.stderr?.on('data', (d: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += d.toString();
    });
    this.rpc = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    // Defaults everywhere, except a tiny srm.maxFileSize for documents named limit-*.
    this.rpc.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string }> }) =>
      p.items.map((i) => (/\/limit-[^/]*$/.test(i.scopeUri ?? '') ? { maxFileSize: 1000 } : {})),
    );
    this.rpc.onRequest('client/registerCapability', () => null);
    this.rpc.onRequest('workspace/diagnostic/refresh', () => null);
    this.rpc.onRequest('window/workDoneProgress/create', () => null);
    this.rpc.onNotification(() => undefined);
    this.rpc.onError(() => undefined);
    this.rpc.listen();
  }

  count(what: string): void {
    this.outcomes.set(what, (this.outcomes.get(what) ?? 0) + 1);
  }

  sampleRss(): number {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? '0');
      if (kb > 0) this.rss.push(kb / 1024);
      return kb / 1024;
    } catch {
      return 0;
    }
  }

  /** Sends a request; it must settle with a result or a JSON-RPC error (a ResponseError with a numeric code) in time. */
  async request(method: string, params: unknown, cancelAfterMs?: number, malformed = false): Promise<unknown> {
    const source = cancelAfterMs === undefined ? undefined : new CancellationTokenSource();
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), REQUEST_BOUND_MS);
    });
    if (source) setTimeout(() => source.cancel(), cancelAfterMs);
    const p = (source ? this.rpc.sendRequest(method, params, source.token) : this.rpc.sendRequest(method, params)).then(
      (r) => ({ ok: true as const, r }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    const r = await Promise.race([p, timeout]);
    clearTimeout(timer);
    const ms = performance.now() - t0;
    if (r === 'timeout') {
      this.bad.push(`${method} got no answer within ${REQUEST_BOUND_MS} ms`);
      return undefined;
    }
    if (ms > REQUEST_BOUND_MS / 2) this.slow.push(`${method} ${ms.toFixed(0)} ms`);
    if (r.ok) {
      this.count(`${method}: result`);
      return r.r;
    }
    if (r.e instanceof ResponseError && Number.isInteger(r.e.code)) {
      this.count(`${method}: error ${r.e.code}${malformed ? ' (malformed request)' : ''}`);
      if (r.e.code === -32603) this.internal.push(`${method} ${JSON.stringify(params).slice(0, 300)}: ${r.e.message}`);
      return undefined;
    }
    this.bad.push(`${method} rejected with something that is not a JSON-RPC error: ${String(r.e)}`);
    return undefined;
  }

  /** Asks the server to shut down and exit; kills it if it does not. */
  async stop(): Promise<void> {
    try {
      await Promise.race([this.rpc.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.rpc.sendNotification('exit').catch(() => undefined);
    } catch {
      // already gone
    }
    setTimeout(() => this.child.kill('SIGKILL'), 1000).unref();
    this.rpc.dispose();
  }
}
