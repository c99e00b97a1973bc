// Diagnostics from the real server in process: push and pull on every example, which files are responsibility
// files, settings (srm.rules, srm.maxFileSize) and srm.config.yaml, and an open srm.config.yaml's own problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { tempTree } from '../temp-tree';
import { CLEAN, EXAMPLES, EXPECTED_MISTAKES, MISTAKES, items, pullDiagnostics, startHarness, until } from './harness';

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
        assert.equal(d.codeDescription?.href, `https://github.com/srm-tools/srm/blob/main/docs/rules/${d.code}.md`);
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

test('srm.config.yaml beside the file sets severities; VS Code settings win over it', async () => {
  const dir = tempTree('srm-cfg-', { 'srm.config.yaml': 'rules:\n  model-mismatch: off\n  provider-only-duty: info\nignore:\n  - skipped/**\n' });
  try {
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
