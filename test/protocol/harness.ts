// Runs the real language server in process over two streams and talks to it with a real JSON-RPC client.
import { PassThrough } from 'node:stream';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
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

export async function startHarness(opts: { pull: boolean; server?: ServerOptions; settings?: Record<string, unknown> }): Promise<Harness> {
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
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onRequest('workspace/diagnostic/refresh', () => {
    logs.push('refresh');
    return null;
  });
  rpc.listen();
  const init = (await rpc.sendRequest('initialize', {
    processId: null,
    rootUri: pathToFileURL(EXAMPLES).href,
    capabilities: capabilities(opts.pull),
    workspaceFolders: [{ uri: pathToFileURL(EXAMPLES).href, name: 'examples' }],
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
