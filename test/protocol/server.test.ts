// The real language server in process over JSON-RPC: capabilities of pull and push clients, a handler exception
// answered as an error while the server keeps serving, and a start-up that fails on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver';
import { EXPECTED_MISTAKES, MISTAKES, items, positionOf, pullDiagnostics, startHarness } from './harness';

test('initialize: capabilities of a pull client and of a push client', async () => {
  const pull = await startHarness({ pull: true });
  const c = pull.init.capabilities;
  assert.equal(c.textDocumentSync, 2);
  assert.ok(c.completionProvider);
  assert.equal(c.hoverProvider, true);
  assert.ok(c.documentSymbolProvider);
  assert.equal(c.foldingRangeProvider, true);
  assert.ok(c.codeActionProvider);
  assert.ok(c.diagnosticProvider, 'pull clients get a diagnostic provider');
  assert.equal(pull.init.serverInfo?.name, 'srm-language-server');
  await pull.close();
  const push = await startHarness({ pull: false });
  assert.equal(push.init.capabilities.diagnosticProvider, undefined, 'push clients get published diagnostics instead');
  await push.close();
});

test('an exception inside a handler is answered as an error, and the server keeps serving', async () => {
  let throwOnce = true;
  const h = await startHarness({
    pull: true,
    server: {
      beforeRequest: (method) => {
        if (method === 'textDocument/hover' && throwOnce) {
          throwOnce = false;
          throw new Error('boom (test)');
        }
      },
    },
  });
  try {
    const { uri, text } = h.open(MISTAKES);
    const pos = positionOf(text, 'physical-hosts', 3);
    await assert.rejects(h.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos }), (e: { code?: number; message?: string }) => {
      assert.equal(e.code, -32603);
      assert.match(e.message ?? '', /boom/);
      return true;
    });
    const hv = (await h.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos })) as Hover;
    assert.ok(hv);
    assert.equal(items(await pullDiagnostics(h, uri)).length, EXPECTED_MISTAKES.length);
    // Requests for unknown documents and out-of-range positions are answered too.
    const unknown = 'file:///nowhere/x.srm.yaml';
    assert.equal(await h.rpc.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(items(await pullDiagnostics(h, unknown)), []);
    await h.rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 9999, character: 9999 } });
  } finally {
    await h.close();
  }
});

test('SRM_TEST_THROW_ON_START=1 makes start-up fail (the e2e suite proves it notices)', async () => {
  const { PassThrough } = await import('node:stream');
  const { createConnection } = await import('vscode-languageserver/node');
  const { StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
  const { startServer } = await import('../../server/src/lsp/server');
  const conn = createConnection(new StreamMessageReader(new PassThrough()), new StreamMessageWriter(new PassThrough()));
  process.env.SRM_TEST_THROW_ON_START = '1';
  try {
    assert.throws(() => startServer(conn), /SRM_TEST_THROW_ON_START/);
  } finally {
    delete process.env.SRM_TEST_THROW_ON_START;
    conn.dispose();
  }
});
