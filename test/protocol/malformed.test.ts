// Hostile soak of the request handlers: for every request method the server handles (initialize aside), malformed
// params written raw on the wire to the bundled server in a child process (no params, null, a number, a string,
// arrays, {}, and each field of well-formed params replaced by a wrong type or dropped), then malformed
// notifications. No answer may be an InternalError (-32603), every request is answered in time, and the server stays
// up: it answers the well-formed requests exactly as before, and exits cleanly after shutdown. Bounded: a few seconds.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { MATRIX_EXPORT_REQUEST, MATRIX_REQUEST } from '../../shared/matrix';
import { CHECK_WORKSPACE_REQUEST } from '../../shared/protocol';
import { startServer } from '../../server/src/lsp/server';
import { buildServer, capabilities, EXAMPLES, MISTAKES, REQUEST_BOUND_MS } from './harness';

type Answer = { result?: unknown; error?: { code: number; message: string } };
/** Marks a request sent without any `params` member. */
const NO_PARAMS = Symbol('no params');

/** A JSON-RPC client that writes params exactly as given (vscode-jsonrpc's own client wraps a null or a number). */
class RawClient {
  private id = 0;
  private readonly pending = new Map<number, (a: Answer) => void>();
  private readonly writer: StreamMessageWriter;
  exited: { code: number | null; signal: string | null } | undefined;
  stderr = '';

  constructor(readonly child: ChildProcess) {
    child.on('exit', (code, signal) => (this.exited = { code, signal }));
    child.stderr?.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-20_000)));
    this.writer = new StreamMessageWriter(child.stdin!);
    new StreamMessageReader(child.stdout!).listen((m: Message) => {
      const msg = m as { id?: number; method?: string; params?: { items?: unknown[] } } & Answer;
      if (msg.method !== undefined && msg.id !== undefined) {
        // The server asks (workspace/configuration, diagnostic refresh, registrations): defaults everywhere.
        const result = msg.method === 'workspace/configuration' ? (msg.params?.items ?? []).map(() => ({})) : null;
        void this.writer.write({ jsonrpc: '2.0', id: msg.id, result } as Message);
      } else if (msg.id !== undefined && msg.method === undefined) {
        this.pending.get(msg.id)?.(msg);
        this.pending.delete(msg.id);
      }
    });
  }

  async request(method: string, params: unknown): Promise<Answer | 'timeout'> {
    const id = ++this.id;
    const answer = new Promise<Answer>((resolve) => this.pending.set(id, resolve));
    const message = params === NO_PARAMS ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params };
    await this.writer.write(message as Message);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), REQUEST_BOUND_MS)));
    const r = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    return r;
  }

  async notify(method: string, params: unknown): Promise<void> {
    const message = params === NO_PARAMS ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
    await this.writer.write(message as Message);
  }
}

/** The request methods startServer registers, read off a connection in process (so a new handler is soaked too). */
function registeredMethods(): string[] {
  const conn = createConnection(new StreamMessageReader(new PassThrough()), new StreamMessageWriter(new PassThrough()));
  const methods: string[] = [];
  const onRequest = conn.onRequest.bind(conn) as (...args: unknown[]) => unknown;
  (conn as { onRequest: unknown }).onRequest = (type: string | { method: string }, ...rest: unknown[]) => {
    methods.push(typeof type === 'string' ? type : type.method);
    return onRequest(type, ...rest);
  };
  startServer(conn);
  conn.dispose();
  return methods;
}

/** On `information-and-data: microsoft` of the mistakes example (a customer-only-duty finding, with fixes). */
const POS = { line: 12, character: 8 };
const RANGE = { start: { line: 12, character: 6 }, end: { line: 12, character: 37 } };
/** On `secops` of `- id: secops` (the document's team). */
const TEAM = { line: 7, character: 10 };
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
/** Well-formed params of each method; the hostile cases break them one field at a time. */
function wellFormed(method: string, uri: string): Record<string, unknown> | typeof NO_PARAMS {
  const td = { textDocument: { uri } };
  switch (method) {
    case 'textDocument/completion':
    case 'textDocument/hover':
    case 'textDocument/definition':
      return { ...td, position: POS };
    case 'textDocument/codeAction':
      return { ...td, range: RANGE, context: { diagnostics: [{ range: RANGE, message: 'm', source: 'srm', code: 'customer-only-duty' }] } };
    case 'textDocument/references':
      return { ...td, position: POS, context: { includeDeclaration: true } };
    // On `- id: secops`: a team id, which can be renamed.
    case 'textDocument/prepareRename':
      return { ...td, position: TEAM };
    case 'textDocument/rename':
      return { ...td, position: TEAM, newName: 'security-ops' };
    case 'textDocument/inlayHint':
      return { ...td, range: WHOLE_FILE };
    case 'workspace/symbol':
      return { query: '' };
    case 'workspace/diagnostic':
      return { previousResultIds: [] };
    case CHECK_WORKSPACE_REQUEST:
      return {};
    case MATRIX_REQUEST:
      return { uri };
    case MATRIX_EXPORT_REQUEST:
      return { uri, format: 'html' };
    case 'shutdown':
      return NO_PARAMS;
    default:
      return td;
  }
}

const WRONG = [null, 5, -1, 'x', true, [], [null], {}];
const WHOLE: unknown[] = [NO_PARAMS, null, 0, 5, 'x', '', true, [], [1, 'a', null], [{}], {}, { textDocument: 5 }, { textDocument: null }];

/** Malformed variants of `base`: each field (nested too) set to each wrong type, or dropped; and shared extras. */
function hostile(base: Record<string, unknown>, version: number): unknown[] {
  const out: unknown[] = [];
  const visit = (obj: Record<string, unknown>, path: string[]) => {
    for (const [k, v] of Object.entries(obj)) {
      const at = [...path, k];
      const set = (value: unknown) => {
        const copy = structuredClone(base);
        let o = copy as Record<string, unknown>;
        for (const p of at.slice(0, -1)) o = o[p] as Record<string, unknown>;
        if (value === NO_PARAMS) delete o[k];
        else o[k] = value;
        out.push(copy);
      };
      set(NO_PARAMS);
      for (const w of WRONG) set(w);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) visit(v as Record<string, unknown>, at);
    }
  };
  visit(base, []);
  const diag = (d: unknown) => ({ ...base, context: { diagnostics: [d] } });
  const fix = (f: unknown) => diag({ range: RANGE, message: 'm', source: 'srm', code: 'schema', data: { version, fixes: [f] } });
  out.push(
    { ...base, textDocument: { uri: 5 } },
    { ...base, position: { line: -1 } },
    { ...base, position: { line: -1, character: -1 } },
    { ...base, position: { line: 1e9, character: 1e9 } },
    { ...base, position: { line: 0.5, character: 0.5 } },
    { ...base, position: { line: '1', character: '1' } },
    { ...base, context: null },
    { ...base, range: { start: 5 } },
    { ...base, previousResultId: {} },
    { ...base, workDoneToken: null, partialResultToken: {} },
    { ...base, context: { diagnostics: [], only: 5 } },
    { ...base, context: { diagnostics: [], only: [5] } },
    diag(null),
    diag(5),
    diag({ message: 'no range', source: 'srm' }),
    diag({ range: null, source: 'srm', code: 'schema' }),
    diag({ range: { start: POS }, source: 'srm', code: 'schema' }),
    fix(null),
    fix({ title: 5, edits: 5 }),
    fix({ title: 't', edits: [null] }),
    fix({ title: 't', edits: [{ range: null, newText: 'x' }] }),
    { ...base, uri: 5 },
    { ...base, uri: null },
    { ...base, format: 5 },
    { ...base, format: 'pdf' },
  );
  return out;
}

describe('malformed params for every request method', () => {
  let dir = '';
  let client: RawClient;
  const uri = pathToFileURL(join(EXAMPLES, MISTAKES)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'srm-malformed-'));
    client = new RawClient(spawn(process.execPath, [await buildServer(dir), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
  });

  after(() => {
    if (!client.exited) client.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('never answers InternalError, answers in time, stays up and exits cleanly', async () => {
    const methods = [...new Set([...registeredMethods(), 'shutdown'])];
    const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: capabilities(true) });
    assert.ok(init !== 'timeout' && init.result, `initialize: ${JSON.stringify(init)}\n${client.stderr}`);
    // Every provider the server announces is soaked (a new provider without its method here fails this test).
    const caps = (init.result as { capabilities: Record<string, unknown> }).capabilities;
    const PROVIDERS: Record<string, string> = {
      completionProvider: 'textDocument/completion',
      hoverProvider: 'textDocument/hover',
      definitionProvider: 'textDocument/definition',
      documentSymbolProvider: 'textDocument/documentSymbol',
      foldingRangeProvider: 'textDocument/foldingRange',
      codeActionProvider: 'textDocument/codeAction',
      diagnosticProvider: 'textDocument/diagnostic',
      referencesProvider: 'textDocument/references',
      renameProvider: 'textDocument/rename',
      workspaceSymbolProvider: 'workspace/symbol',
      documentLinkProvider: 'textDocument/documentLink',
      inlayHintProvider: 'textDocument/inlayHint',
    };
    // `workspace` is no provider: it announces workspace folder support.
    for (const key of Object.keys(caps).filter((k) => k !== 'textDocumentSync' && k !== 'workspace')) {
      assert.ok(PROVIDERS[key] && methods.includes(PROVIDERS[key]), `${key} is announced but its method is not soaked: ${methods.join(', ')}`);
    }
    assert.ok(methods.includes(MATRIX_REQUEST) && methods.includes(MATRIX_EXPORT_REQUEST), methods.join(', '));
    // Announced inside providers: prepareRename (renameProvider.prepareProvider), workspace/diagnostic
    // (diagnosticProvider.workspaceDiagnostics); and the command's request.
    for (const m of ['textDocument/prepareRename', 'workspace/diagnostic', CHECK_WORKSPACE_REQUEST]) assert.ok(methods.includes(m), `${m} is not soaked`);
    await client.notify('initialized', {});
    const version = 7;
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'srm', version, text: readFileSync(join(EXAMPLES, MISTAKES), 'utf8') } });
    // Documents whose uri has a malformed escape: a path that cannot be decoded is not a reason to throw.
    const odd = ['untitled:%E0%A4%A', 'file:///tmp/%E0%A4%A.srm.yaml'];
    for (const u of odd) await client.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1, text: 'apiVersion: srm/v1\n' } });

    const internal: string[] = [];
    const late: string[] = [];
    const outcomes = new Map<string, number>();
    const send = async (method: string, params: unknown): Promise<Answer | undefined> => {
      const a = await client.request(method, params);
      const shown = `${method} ${params === NO_PARAMS ? '(no params)' : JSON.stringify(params)}`.slice(0, 300);
      if (a === 'timeout') {
        late.push(shown);
        return undefined;
      }
      const key = `${method}: ${a.error ? `error ${a.error.code}` : 'result'}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (a.error?.code === -32603) internal.push(`${shown}: ${a.error.message}`);
      return a;
    };
    const requests = methods.filter((m) => m !== 'shutdown');
    // What well-formed requests answer before the barrage (after it, they must answer the same).
    const expected = new Map<string, unknown>();
    for (const m of requests) expected.set(m, (await send(m, wellFormed(m, uri)))?.result);
    for (const [m, r] of expected) {
      const some = (x: unknown) => (Array.isArray(x) ? x.length > 0 : typeof x === 'object' && x !== null && Object.keys(x).length > 0);
      // The mistakes example selects no baseline document: there is no definition to go to (null is the answer;
      // test/protocol/baselines.test.ts has the positive cases).
      if (m === 'textDocument/definition') {
        assert.equal(r, null, `${m} on a value that names no baseline`);
        continue;
      }
      // The mistakes example has no evidence URL (test/protocol/workspace.test.ts has links), and no file that
      // is not open (the workspace is the open document alone): empty lists are the answer.
      if (m === 'textDocument/documentLink' || m === 'workspace/diagnostic') {
        assert.ok(Array.isArray(m === 'workspace/diagnostic' ? (r as { items?: unknown }).items : r), `${m} answers a list`);
        continue;
      }
      assert.ok(some(m === 'textDocument/diagnostic' ? (r as { items?: unknown }).items : r), `${m} answers nothing to well-formed params`);
    }
    for (const m of requests) for (const u of odd) await send(m, wellFormed(m, u));
    const barrage = async (m: string) => {
      const base = wellFormed(m, uri);
      const cases = [...WHOLE, ...(base === NO_PARAMS ? [] : hostile(base, version))];
      // Sent in concurrent batches, as an editor does.
      for (let i = 0; i < cases.length; i += 16) await Promise.all(cases.slice(i, i + 16).map((p) => send(m, p)));
      assert.equal(client.exited, undefined, `the server exited after malformed ${m}: ${client.stderr}`);
    };
    for (const m of requests) await barrage(m);
    // Malformed notifications (on documents that are not open): logged at most, never a crash.
    const gone = 'file:///nowhere/x.srm.yaml';
    for (const [method, params] of [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: 5 }],
      ['textDocument/didChange', { textDocument: { uri: gone, version: 'x' }, contentChanges: 5 }],
      ['textDocument/didChange', 5],
      ['textDocument/didClose', null],
      ['textDocument/didClose', { textDocument: { uri: 5 } }],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeConfiguration', { settings: 5 }],
      ['workspace/didChangeWatchedFiles', { changes: 5 }],
      ['workspace/didChangeWatchedFiles', null],
      ['$/cancelRequest', { id: {} }],
      ['$/setTrace', { value: 5 }],
      ['initialized', 5],
    ] as Array<[string, unknown]>) {
      await client.notify(method, params);
    }
    for (const m of requests) {
      const again = await send(m, wellFormed(m, uri));
      const strip = (r: unknown) => (m === 'textDocument/diagnostic' ? { ...(r as object), resultId: undefined } : r);
      // A rename edit carries the document's version.
      if (m === 'textDocument/rename') assert.ok(again?.result, `${m} answers nothing after the hostile params`);
      if (m === 'textDocument/rename') continue;
      assert.deepEqual(strip(again?.result), strip(expected.get(m)), `${m} answers differently after the hostile params: ${JSON.stringify(again)}`);
    }
    // shutdown last: it ignores its params, and the server keeps answering after it until `exit`.
    await barrage('shutdown');
    assert.deepEqual(internal, [], `InternalError answered:\n${internal.slice(0, 10).join('\n')}\n${client.stderr.slice(0, 3000)}`);
    assert.deepEqual(late, [], `no answer within ${REQUEST_BOUND_MS} ms:\n${late.slice(0, 10).join('\n')}`);
    assert.ok([...outcomes.keys()].some((k) => k.endsWith('error -32602')), 'malformed params are answered InvalidParams');
    console.log(`malformed: ${[...outcomes].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);

    // Still a well-behaved server: shutdown (again, well-formed) then exit ends the process with code 0.
    assert.deepEqual((await send(MATRIX_REQUEST, { uri: gone }))?.result, null);
    const down = await client.request('shutdown', NO_PARAMS);
    assert.ok(down !== 'timeout' && !down.error, JSON.stringify(down));
    await client.notify('exit', NO_PARAMS);
    const deadline = Date.now() + REQUEST_BOUND_MS;
    while (!client.exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(client.exited, { code: 0, signal: null });
  });
});
