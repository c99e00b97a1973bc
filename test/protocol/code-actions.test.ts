// Code actions from the real server in process: a quick fix from the diagnostic's data, "add all missing layers",
// and source.fixAll.srm (untitled buffers decided by content, a layer typo with missing layers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { EXAMPLES, EXPECTED_MISTAKES, MISTAKES, change, items, pullDiagnostics, startHarness } from './harness';

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
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'fix', 'typo-and-missing-layers.srm.yaml'), 'utf8');
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
