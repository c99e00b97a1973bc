// The real language server in process over JSON-RPC: capabilities, push and pull diagnostics, completion, hover,
// quick fixes, settings, and a handler exception answered as an error while the server keeps serving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver';
import { EXAMPLES, positionOf, startHarness, type Harness } from './harness';

const MISTAKES = 'with-mistakes.srm.yaml';
const EXPECTED_MISTAKES = [
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
const CLEAN = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.srm.yaml') && f !== MISTAKES);

async function pullDiagnostics(h: Harness, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return (await h.rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId })) as DocumentDiagnosticReport;
}

function items(r: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(r.kind, 'full');
  return (r as { items: Diagnostic[] }).items;
}

async function completion(h: Harness, uri: string, position: { line: number; character: number }): Promise<CompletionList> {
  return (await h.rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
}

let version = 100;
async function change(h: Harness, uri: string, text: string): Promise<void> {
  await h.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
}

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

test('push diagnostics on every example: the mistakes file gets exactly its findings, the others none', async () => {
  const h = await startHarness({ pull: false });
  try {
    for (const f of [...CLEAN, MISTAKES]) {
      const uri = pathToFileURL(path.join(EXAMPLES, f)).href;
      const next = h.nextPublish(uri);
      h.open(f);
      const p = await next;
      const codes = p.diagnostics.map((d) => d.code);
      assert.deepEqual(codes, f === MISTAKES ? EXPECTED_MISTAKES : [], f);
      for (const d of p.diagnostics) {
        assert.equal(d.source, 'srm');
        assert.equal(d.codeDescription?.href, `https://github.com/srm-tools/srm#${d.code}`);
      }
    }
  } finally {
    await h.close();
  }
});

test('pull diagnostics: the same findings, with fixes in data, and "unchanged" for the same result id', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri } = h.open(MISTAKES);
    const r = await pullDiagnostics(h, uri);
    const list = items(r);
    assert.deepEqual(list.map((d) => d.code), EXPECTED_MISTAKES);
    const cod = list.find((d) => d.code === 'customer-only-duty') as Diagnostic;
    const data = cod.data as { fixes: Array<{ title: string; isPreferred: boolean }> };
    assert.ok(data.fixes.some((f) => f.isPreferred && /customer/.test(f.title)));
    const again = await pullDiagnostics(h, uri, (r as { resultId?: string }).resultId);
    assert.equal(again.kind, 'unchanged');
    for (const f of CLEAN) {
      const o = h.open(f);
      assert.deepEqual(items(await pullDiagnostics(h, o.uri)), [], f);
    }
  } finally {
    await h.close();
  }
});

test('a YAML file that is not a responsibility file gets no diagnostics; one with apiVersion: srm/v1 does', async () => {
  const h = await startHarness({ pull: true });
  try {
    const other = h.open(path.join(EXAMPLES, 'not-ours.yaml'), 'name: x\nresponsibilities: 3\n', 'yaml');
    assert.deepEqual(items(await pullDiagnostics(h, other.uri)), []);
    const text = fs.readFileSync(path.join(EXAMPLES, MISTAKES), 'utf8').replace(/^#.*\n/, '');
    const ours = h.open(path.join(EXAMPLES, 'policy.yaml'), text, 'yaml');
    assert.equal(items(await pullDiagnostics(h, ours.uri)).length, EXPECTED_MISTAKES.length);
  } finally {
    await h.close();
  }
});

test('a quick fix from data: applying its edit makes the diagnostic go away', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri, text } = h.open(MISTAKES);
    const list = items(await pullDiagnostics(h, uri));
    const target = list.find((d) => d.code === 'customer-only-duty' && d.severity === 1) as Diagnostic;
    const actions = (await h.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred) as CodeAction;
    assert.match(preferred.title, /customer/);
    assert.ok(actions.some((a) => /^Suppress customer-only-duty on this line/.test(a.title)), 'suppress action offered');
    const edits = preferred.edit?.changes?.[uri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'srm', 1, text), edits);
    await change(h, uri, fixed);
    const after = items(await pullDiagnostics(h, uri));
    assert.equal(after.length, list.length - 1);
    assert.ok(!after.some((d) => d.code === 'customer-only-duty' && d.range.start.line === target.range.start.line));
  } finally {
    await h.close();
  }
});

test('"add all missing layers" fills every workload in one edit', async () => {
  const h = await startHarness({ pull: true });
  try {
    const text = fs.readFileSync(path.join(EXAMPLES, 'paas-web-app.srm.yaml'), 'utf8').replace(/^ {6}physical-.*\n/gm, '');
    const { uri } = h.open(path.join(EXAMPLES, 'gaps.srm.yaml'), text);
    const list = items(await pullDiagnostics(h, uri));
    const gaps = list.filter((d) => d.code === 'unassigned-layer');
    assert.ok(gaps.length >= 1);
    const actions = (await h.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: (gaps[0] as Diagnostic).range,
      context: { diagnostics: [gaps[0]] },
    })) as CodeAction[];
    const all = actions.find((a) => /^Add all missing layers/.test(a.title)) as CodeAction;
    assert.ok(all, actions.map((a) => a.title).join('\n'));
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'srm', 1, text), all.edit?.changes?.[uri] as TextEdit[]);
    await change(h, uri, fixed);
    assert.deepEqual(items(await pullDiagnostics(h, uri)).filter((d) => d.code === 'unassigned-layer'), []);
  } finally {
    await h.close();
  }
});

test('settings: srm.rules changes a severity (pull: refresh requested; push: re-published)', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri } = h.open(MISTAKES);
    const sev = (l: Diagnostic[]) => l.filter((d) => d.code === 'provider-only-duty').map((d) => d.severity);
    assert.deepEqual(sev(items(await pullDiagnostics(h, uri))), [1]);
    h.settings = { rules: { 'provider-only-duty': 'hint', 'duplicate-name': 'off', bogus: 'loud' }, maxFileSize: 'x' };
    await h.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await until(() => h.logs.includes('refresh'));
    const after = items(await pullDiagnostics(h, uri));
    assert.deepEqual(sev(after), [4]);
    assert.ok(!after.some((d) => d.code === 'duplicate-name'));
  } finally {
    await h.close();
  }
  const p = await startHarness({ pull: false });
  try {
    const uri = pathToFileURL(path.join(EXAMPLES, MISTAKES)).href;
    const first = p.nextPublish(uri);
    p.open(MISTAKES);
    await first;
    p.settings = { rules: { 'model-mismatch': 'error' } };
    const second = p.nextPublish(uri);
    await p.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const d = await second;
    assert.deepEqual(d.diagnostics.filter((x) => x.code === 'model-mismatch').map((x) => x.severity), [1]);
  } finally {
    await p.close();
  }
});

test('srm.maxFileSize: above it, syntax only and one info diagnostic', async () => {
  const h = await startHarness({ pull: true, settings: { maxFileSize: 100 } });
  try {
    const { uri } = h.open(MISTAKES);
    const list = items(await pullDiagnostics(h, uri));
    assert.deepEqual(list.map((d) => [d.code, d.severity]), [['file-too-large', 3]]);
  } finally {
    await h.close();
  }
});

test('completion at each kind of position', async () => {
  const h = await startHarness({ pull: true });
  try {
    const base = fs.readFileSync(path.join(EXAMPLES, MISTAKES), 'utf8');
    const labels = async (text: string, marker = '$0') => {
      const at = text.indexOf(marker);
      const { uri } = h.open(path.join(EXAMPLES, `c${version++}.srm.yaml`), text.replace(marker, ''));
      const r = await completion(h, uri, offsetPos(text.replace(marker, ''), at));
      return r.items;
    };
    // Top-level key on an empty line (the header already has apiVersion, kind, metadata, teams, workloads).
    const top = await labels('apiVersion: srm/v1\n$0\n');
    assert.ok(top.some((i) => i.label === 'kind') && top.some((i) => i.label === 'workloads') && !top.some((i) => i.label === 'apiVersion'));
    // apiVersion and kind values.
    assert.deepEqual((await labels('apiVersion: $0\n')).map((i) => i.label), ['srm/v1']);
    assert.deepEqual((await labels('kind: Resp$0\n')).map((i) => i.label), ['ResponsibilityAssignment']);
    // Workload keys, mid-word.
    const wk = await labels(base.replace('    model: iaas\n', '    mo$0\n'));
    assert.ok(wk.some((i) => i.label === 'model'));
    assert.ok(!wk.some((i) => i.label === 'name'), 'keys already in the item are not offered');
    // Layers: the unassigned ones first.
    const lay = await labels(base.replace('      endpoints: customer\n', '      $0\n'));
    const first = lay.filter((i) => (i.sortText ?? '').startsWith('0')).map((i) => i.label);
    assert.deepEqual(first.sort(), ['applications', 'devices', 'identity-and-directory-infrastructure', 'network-controls', 'physical-datacenter', 'physical-hosts', 'physical-network'].sort());
    // Parties ranked for the workload's model: saas expects microsoft for applications.
    const par = await labels(base.replace('applications: microsft', 'applications: mic$0'));
    const top1 = [...par].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.equal(top1?.label, 'microsoft');
    assert.equal(top1?.detail, 'expected under saas');
    // Service models.
    assert.deepEqual((await labels(base.replace('model: PaaS', 'model: $0'))).map((i) => i.label), ['on-premises', 'iaas', 'paas', 'saas']);
    // Team ids from teams.
    assert.deepEqual((await labels(base.replace('team: sec-ops', 'team: se$0'))).map((i) => i.label), ['secops']);
    // Rule ids in a suppression comment.
    const rules = await labels(base.replace('      physical-hosts: customer\n', '      # srm-disable-next-line prov$0\n      physical-hosts: customer\n'));
    assert.ok(rules.some((i) => i.label === 'provider-only-duty'));
    // A whole workload, one snippet per model, at the item position.
    const snip = await labels(base.replace('  - name: intranet\n', '  $0\n  - name: intranet\n'));
    const paas = snip.find((i) => i.label === 'workload (paas)');
    assert.ok(paas && snip.filter((i) => i.label.startsWith('workload (')).length === 4);
    assert.match(paas.textEdit?.newText ?? '', /operating-system: microsoft/);
  } finally {
    await h.close();
  }
});

function offsetPos(text: string, off: number) {
  const before = text.slice(0, off);
  return { line: before.split('\n').length - 1, character: off - (before.lastIndexOf('\n') + 1) };
}

test('hover on a layer shows the owner under all four models and what this workload expects', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri, text } = h.open(MISTAKES);
    const hv = (await h.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'physical-hosts', 3) })) as Hover;
    const md = (hv.contents as { value: string }).value;
    for (const re of [/on-premises[^\n]*customer/, /iaas[^\n]*microsoft/, /paas[^\n]*microsoft/, /saas[^\n]*microsoft/, /Under `iaas` the model expects: \*\*microsoft\*\*/]) {
      assert.match(md, re);
    }
    const party = (await h.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'operating-system: microsoft', 20) })) as Hover;
    assert.match((party.contents as { value: string }).value, /expects \*\*customer\*\*/);
  } finally {
    await h.close();
  }
});

test('document symbols and folding ranges', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri } = h.open(MISTAKES);
    const syms = (await h.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(syms.map((s) => s.name), ['legacy-vm', 'intranet', 'legacy-vm']);
    assert.equal(syms[0]?.children?.length, 10);
    const folds = (await h.rpc.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.ok(folds.length > 5);
  } finally {
    await h.close();
  }
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

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setImmediate(r));
  }
}

test('srm.config.yaml beside the file sets severities; VS Code settings win over it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-cfg-'));
  try {
    fs.writeFileSync(path.join(dir, 'srm.config.yaml'), 'rules:\n  model-mismatch: off\n  provider-only-duty: info\nignore:\n  - skipped/**\n');
    fs.mkdirSync(path.join(dir, 'skipped'));
    const text = fs.readFileSync(path.join(EXAMPLES, MISTAKES), 'utf8');
    const h = await startHarness({ pull: true, settings: { rules: { 'provider-only-duty': 'warning' } } });
    try {
      const { uri } = h.open(path.join(dir, 'a.srm.yaml'), text);
      const list = items(await pullDiagnostics(h, uri));
      assert.ok(!list.some((d) => d.code === 'model-mismatch'), 'off in srm.config.yaml');
      assert.deepEqual(list.filter((d) => d.code === 'provider-only-duty').map((d) => d.severity), [2], 'the setting wins');
      const ignored = h.open(path.join(dir, 'skipped', 'b.srm.yaml'), text);
      assert.deepEqual(items(await pullDiagnostics(h, ignored.uri)), [], 'ignored by srm.config.yaml');
    } finally {
      await h.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('untitled buffers are decided by content; source.fixAll.srm applies every safe fix', async () => {
  const h = await startHarness({ pull: true });
  try {
    const text = fs.readFileSync(path.join(EXAMPLES, MISTAKES), 'utf8');
    const uri = 'untitled:Untitled-1';
    await h.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    assert.equal(items(await pullDiagnostics(h, uri)).length, EXPECTED_MISTAKES.length);
    const plain = 'untitled:Untitled-2';
    await h.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: plain, languageId: 'yaml', version: 1, text: 'a: 1\n' } });
    assert.deepEqual(items(await pullDiagnostics(h, plain)), []);
    const actions = (await h.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]?.kind, 'source.fixAll.srm');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), actions[0]?.edit?.changes?.[uri] as TextEdit[]);
    await h.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = items(await pullDiagnostics(h, uri));
    assert.ok(after.length < EXPECTED_MISTAKES.length, after.map((d) => d.code).join(', '));
  } finally {
    await h.close();
  }
});

test('source.fixAll.srm on a layer typo with missing layers writes the layer once and leaves no finding', async () => {
  const h = await startHarness({ pull: true });
  try {
    const text = [
      'apiVersion: srm/v1',
      'kind: ResponsibilityAssignment',
      'metadata:',
      '  name: repro',
      'workloads:',
      '  - name: vm',
      '    model: paas',
      '    responsibilities:',
      '      information-and-data: customer',
      '      operating-sytem: microsoft',
      '',
    ].join('\n');
    const uri = 'file:///fixall/typo.srm.yaml';
    await h.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'srm', version: 1, text } });
    // One mistake, one finding: the typo's schema finding; unassigned-layer does not list operating-system again.
    const before = items(await pullDiagnostics(h, uri));
    assert.deepEqual(before.map((d) => d.code).sort(), ['schema', 'unassigned-layer']);
    const missing = before.find((d) => d.code === 'unassigned-layer')?.message;
    assert.equal(typeof missing, 'string');
    assert.doesNotMatch(missing as string, /"operating-system"/);
    const actions = (await h.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.srm'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'srm', 1, text), actions[0]?.edit?.changes?.[uri] as TextEdit[]);
    assert.equal(fixed.match(/^ {6}operating-system: microsoft$/gm)?.length, 1, fixed);
    await h.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual(items(await pullDiagnostics(h, uri)), []);
    // Nothing is left to fix: no fix-all action is offered on the result.
    const again = (await h.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.srm'] },
    })) as CodeAction[];
    assert.deepEqual(again, []);
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

test('an open srm.config.yaml shows its own problems', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri } = h.open(path.join(EXAMPLES, 'sub', 'srm.config.yaml'), 'rules:\n  model-mismatsh: off\nfoo: 1\n', 'yaml');
    const list = items(await pullDiagnostics(h, uri));
    assert.equal(list.length, 2, JSON.stringify(list));
    assert.match((list[0]?.message as string | undefined) ?? '', /did you mean `model-mismatch`/);
    assert.deepEqual(list[0]?.range.start, { line: 1, character: 2 });
  } finally {
    await h.close();
  }
});
