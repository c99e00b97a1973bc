// The workspace index itself, through the real server in process: what it reads (and what not), the dynamic
// watcher registration, workspace diagnostics of files that are not open, a registry edited on disk re-checking its
// dependents, files deleted, a 50 MB file, a symlink loop, an unreadable file, two folders with their own configs, a
// config's baseline:, srm/checkWorkspace for push clients, and 10,000 files indexed while requests are answered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, ResponseError, WorkspaceEdit } from 'vscode-languageserver';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { tempTree, writeTree } from '../temp-tree';
import { items, positionOf, pullDiagnostics, startHarness, until, type Harness } from './harness';
import { BASELINE, BILLING, REGISTRY, SEARCH, UNOPENED_BAD, apply, editsByUri, indexed, makeWorkspace, startOnWorkspace, symbols, uriOf, workspaceDiagnostics, type WsReport } from './workspace-fixture';

describe('the workspace index', () => {
  let root = '';
  let h: Harness;
  const serverRequests: Array<{ method: string; params: unknown }> = [];

  before(async () => {
    ({ root, h } = await startOnWorkspace(serverRequests));
  });
  after(async () => {
    await h.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the watcher is registered dynamically for every YAML file', async () => {
    await until(() => serverRequests.length > 0);
    const regs = serverRequests.flatMap((r) => (r.params as { registrations: Array<{ method: string; registerOptions: unknown }> }).registrations);
    const w = regs.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(w?.registerOptions, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    assert.ok(h.init.capabilities.workspace?.workspaceFolders?.changeNotifications, 'workspace folder changes are announced');
  });

  test('what is indexed: responsibility files by name and content, the registry, the baseline file; not node_modules, ignored folders or other YAML', async () => {
    const names = (await symbols(h, '')).map((s) => s.name);
    for (const n of ['billing-api', 'search-index', 'local-app', 'stray-app', 'plain-by-content', 'platform-ops', 'secops', 'local-team', 'contoso-contract']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    for (const n of ['in-node-modules', 'in-ignored']) assert.ok(!names.includes(n), n);
  });

  test('workspace diagnostics: findings of files that are not open, with result ids; unchanged when nothing changed', async () => {
    h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const reports = await workspaceDiagnostics(h);
    const stray = reports.find((r) => r.uri === uriOf(root, 'unopened-bad.srm.yaml'));
    assert.equal(stray?.kind, 'full');
    assert.deepEqual(stray?.items?.map((d) => [d.code, d.range.start.line]), [['unknown-team', positionOf(UNOPENED_BAD, 'nobody-here').line]]);
    assert.ok(!reports.some((r) => r.uri.includes('node_modules') || r.uri.includes('/ignored/') || r.uri.endsWith('notes.yaml')));
    const again = await workspaceDiagnostics(h, reports.map((r) => ({ uri: r.uri, value: r.resultId })));
    assert.ok(again.every((r) => r.kind === 'unchanged'), JSON.stringify(again.filter((r) => r.kind !== 'unchanged')));
    // Open documents are left to textDocument/diagnostic.
    assert.ok(!reports.some((r) => r.uri === uriOf(root, 'apps/billing.srm.yaml')));
  });

  test('a registry edited on disk: didChangeWatchedFiles re-checks its dependents, open and not', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    assert.deepEqual(items(await pullDiagnostics(h, uri)).filter((d) => d.code === 'unknown-team'), []);
    const first = await workspaceDiagnostics(h);
    const prev = first.map((r) => ({ uri: r.uri, value: r.resultId }));
    const searchUri = uriOf(root, 'apps/search.srm.yaml');
    assert.deepEqual(first.find((r) => r.uri === searchUri)?.items, []);
    // secops and platform-ops leave the registry.
    const registry = path.join(root, 'teams/platform.teams.yaml');
    fs.writeFileSync(registry, REGISTRY.replace('platform-ops', 'platform-core').replace('secops', 'sec-core'));
    const refreshes = h.logs.filter((l) => l === 'refresh').length;
    await h.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(registry).href, type: 2 }] });
    await until(() => h.logs.filter((l) => l === 'refresh').length > refreshes);
    // The open dependent: re-diagnosed.
    assert.deepEqual(items(await pullDiagnostics(h, uri)).filter((d) => d.code === 'unknown-team').length, 2);
    // The file that is not open: a new report.
    const next = await workspaceDiagnostics(h, prev);
    const s = next.find((r) => r.uri === searchUri);
    assert.equal(s?.kind, 'full');
    assert.deepEqual(s?.items?.map((d) => d.code), ['unknown-team', 'unknown-team']);
    fs.writeFileSync(registry, REGISTRY);
    await h.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(registry).href, type: 2 }] });
    const back = await workspaceDiagnostics(h);
    assert.deepEqual(back.find((r) => r.uri === searchUri)?.items, []);
  });

  test('a file deleted while indexed: gone from symbols and references, its diagnostics cleared once', async () => {
    writeTree(root, { 'apps/doomed.srm.yaml': UNOPENED_BAD.replace('stray-app', 'doomed-app') });
    await h.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'apps/doomed.srm.yaml'), type: 1 }] });
    await indexed(h, 'doomed-app');
    const reports = await workspaceDiagnostics(h);
    const doomed = reports.find((r) => r.uri === uriOf(root, 'apps/doomed.srm.yaml'));
    assert.equal(doomed?.items?.length, 1);
    fs.rmSync(path.join(root, 'apps/doomed.srm.yaml'));
    await h.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'apps/doomed.srm.yaml'), type: 3 }] });
    const after = await workspaceDiagnostics(h, reports.map((r) => ({ uri: r.uri, value: r.resultId })));
    const gone = after.find((r) => r.uri === uriOf(root, 'apps/doomed.srm.yaml'));
    assert.deepEqual([gone?.kind, gone?.items], ['full', []]);
    assert.ok(!(await symbols(h, 'doomed-app')).some((s) => s.name === 'doomed-app'));
    const again = await workspaceDiagnostics(h, after.map((r) => ({ uri: r.uri, value: r.resultId })));
    assert.equal(again.find((r) => r.uri === uriOf(root, 'apps/doomed.srm.yaml'))?.kind, 'unchanged');
    // Deleted without any notification: srm/checkWorkspace reads the folders afresh.
    writeTree(root, { 'apps/quiet.srm.yaml': UNOPENED_BAD.replace('stray-app', 'quiet-app') });
    await h.rpc.sendRequest('srm/checkWorkspace', {});
    await indexed(h, 'quiet-app');
    fs.rmSync(path.join(root, 'apps/quiet.srm.yaml'));
    const summary = (await h.rpc.sendRequest('srm/checkWorkspace', {})) as { files: number };
    assert.ok(summary.files > 5);
    assert.ok(!(await symbols(h, 'quiet-app')).some((s) => s.name === 'quiet-app'));
  });

  test('files written at once into a new folder: one created event reads the whole folder (a watcher misses some)', async () => {
    // A watcher starts watching a folder once it has seen it: of files written at once into a new one, it may report
    // only some (a git checkout, a copied folder). The first file indexed under a new folder makes the index read it.
    const dir = path.join(root, 'apps/new-team');
    writeTree(dir, {
      'one.srm.yaml': UNOPENED_BAD.replace('stray-app', 'first-new'),
      'nested/two.srm.yaml': UNOPENED_BAD.replace('stray-app', 'second-new'),
      'three.srm.yaml': UNOPENED_BAD.replace('stray-app', 'third-new'),
    });
    await h.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'one.srm.yaml')).href, type: 1 }] });
    for (const n of ['first-new', 'second-new', 'third-new']) await indexed(h, n);
    const reports = await workspaceDiagnostics(h);
    assert.deepEqual(reports.find((r) => r.uri === pathToFileURL(path.join(dir, 'nested/two.srm.yaml')).href)?.items?.map((d) => d.code), ['unknown-team']);
    fs.rmSync(dir, { recursive: true });
    await h.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(dir).href, type: 3 }] });
    await h.rpc.sendRequest('srm/checkWorkspace', {});
    assert.ok(!(await symbols(h, 'second-new')).some((s) => s.name === 'second-new'));
  });

  test('a 50 MB file is listed, not read; a symlink loop ends; an unreadable file is reported and the server keeps answering', async () => {
    const big = path.join(root, 'big/huge.srm.yaml');
    fs.mkdirSync(path.dirname(big), { recursive: true });
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024);
    fs.symlinkSync(root, path.join(root, 'apps/loop'));
    const unreadable = path.join(root, 'apps/secret.srm.yaml');
    if (process.getuid?.() === 0) fs.symlinkSync('/proc/self/mem', unreadable); // root reads everything: a file whose read fails (EIO)
    else {
      fs.writeFileSync(unreadable, SEARCH);
      fs.chmodSync(unreadable, 0);
    }
    const summary = (await h.rpc.sendRequest('srm/checkWorkspace', {})) as { skipped: number };
    assert.equal(summary.skipped, 2);
    const reports = await workspaceDiagnostics(h);
    const huge = reports.find((r) => r.uri === pathToFileURL(big).href);
    assert.deepEqual(huge?.items?.map((d) => d.code), ['file-too-large']);
    const sec = reports.find((r) => r.uri === pathToFileURL(unreadable).href);
    assert.deepEqual(sec?.items?.map((d) => d.code), ['unreadable']);
    assert.match(String(sec?.items?.[0]?.message ?? ''), /cannot be read \((EACCES|EIO)\)/);
    // The loop did not index anything twice.
    assert.equal((await symbols(h, 'billing-api')).filter((s) => s.name === 'billing-api').length, 1);
    fs.rmSync(path.join(root, 'apps/loop'));
    fs.rmSync(unreadable, { force: true });
    fs.rmSync(path.dirname(big), { recursive: true });
    await h.rpc.sendRequest('srm/checkWorkspace', {});
  });
});

describe('two workspace folders with their own configs', () => {
  test('each folder resolves its own registry; folders added later are indexed', async () => {
    const reg = (name: string, id: string) => REGISTRY.replace('platform-teams', name).replace('platform-ops', id).replace('secops', `${id}-sec`);
    const x = SEARCH.replaceAll('platform-ops', 'ops').replace('secops', 'ops-sec').replace('search-index', 'a-app');
    const a = tempTree('srm-ws-a-', { 'srm.config.yaml': 'teams:\n  - teams.yaml\n', 'teams.yaml': reg('a-teams', 'ops'), 'x.srm.yaml': x });
    const b = tempTree('srm-ws-b-', { 'srm.config.yaml': 'teams:\n  - teams.yaml\n', 'teams.yaml': reg('b-teams', 'ops'), 'y.srm.yaml': SEARCH.replaceAll('platform-ops', 'ops').replace('secops', 'a-only').replace('search-index', 'b-app') });
    const h = await startHarness({ pull: true, folders: [a], caps: (c) => ({ ...c, workspace: { ...c.workspace, workspaceFolders: true } }) });
    try {
      await indexed(h, 'a-app');
      assert.ok(!(await symbols(h, 'b-app')).some((s) => s.name === 'b-app'));
      await h.rpc.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(b).href, name: 'b' }], removed: [] } });
      await indexed(h, 'b-app');
      // ops in a's file: a's registry and a's file, not b's.
      const { uri } = h.open(path.join(a, 'x.srm.yaml'), x);
      const refs = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(x, 'owner: ops', 8), context: { includeDeclaration: true } })) as Location[];
      assert.deepEqual(refs.map((r) => path.relative(a, new URL(r.uri).pathname)).sort(), ['teams.yaml', 'x.srm.yaml']);
      const def = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionOf(x, 'owner: ops', 8) })) as Location[];
      assert.equal(def[0]?.uri, pathToFileURL(path.join(a, 'teams.yaml')).href);
      // b's file names a team only a's registry has: unknown-team there.
      const reports = await workspaceDiagnostics(h);
      assert.deepEqual(reports.find((r) => r.uri === pathToFileURL(path.join(b, 'y.srm.yaml')).href)?.items?.map((d) => d.code), ['unknown-team']);
      // Removing a folder drops its files (but not the open one).
      await h.rpc.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(b).href, name: 'b' }] } });
      await h.rpc.sendRequest('srm/checkWorkspace', {});
      assert.ok(!(await symbols(h, 'b-app')).some((s) => s.name === 'b-app'));
      assert.ok((await symbols(h, 'a-app')).some((s) => s.name === 'a-app'));
    } finally {
      await h.close();
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});

describe('a baseline that srm.config.yaml selects by name', () => {
  test('definition, references and rename reach the config\'s baseline: value', async () => {
    const cfgText = 'baseline: contoso-contract\nbaselines:\n  - "baselines/*.yaml"\n';
    const doc = SEARCH.replace('  owner: platform-ops\n', '').replace('        team: secops\n', '').replace('identity-and-directory-infrastructure: shared', 'configurations-and-settings: customer');
    const root = tempTree('srm-ws-cfg-', { 'srm.config.yaml': cfgText, 'baselines/contract.yaml': BASELINE, 'app.srm.yaml': doc });
    const h = await startHarness({ pull: true, folders: [root] });
    try {
      await workspaceDiagnostics(h);
      const cfg = h.open(path.join(root, 'srm.config.yaml'), cfgText, 'yaml');
      const at = positionOf(cfgText, 'contoso-contract', 3);
      const def = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri: cfg.uri }, position: at })) as Location[];
      assert.deepEqual(def.map((l) => [path.relative(root, new URL(l.uri).pathname), l.range.start]), [['baselines/contract.yaml', positionOf(BASELINE, 'contoso-contract')]]);
      const refs = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri: cfg.uri }, position: at, context: { includeDeclaration: true } })) as Location[];
      assert.deepEqual(refs.map((l) => path.relative(root, new URL(l.uri).pathname)).sort(), ['baselines/contract.yaml', 'srm.config.yaml']);
      const base = h.open(path.join(root, 'baselines/contract.yaml'), BASELINE, 'yaml');
      const edit = (await h.rpc.sendRequest('textDocument/rename', { textDocument: { uri: base.uri }, position: positionOf(BASELINE, 'contoso-contract', 2), newName: 'contoso-v2' })) as WorkspaceEdit;
      const by = editsByUri(edit);
      assert.equal(apply(cfgText, by.get(cfg.uri) ?? []), cfgText.replace('contoso-contract', 'contoso-v2'));
      assert.equal(apply(BASELINE, by.get(base.uri) ?? []), BASELINE.replace('contoso-contract', 'contoso-v2'));
      // The document that selects nothing itself (the config's baseline applies) has nothing to rename.
      assert.deepEqual([...by.keys()].sort(), [base.uri, cfg.uri].sort());
    } finally {
      await h.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('push clients and srm/checkWorkspace', () => {
  test('Check Workspace publishes the findings of files that are not open, and keeps them current', async () => {
    const root = makeWorkspace();
    const h = await startHarness({ pull: false, folders: [root] });
    try {
      const stray = uriOf(root, 'unopened-bad.srm.yaml');
      const published = h.nextPublish(stray);
      const summary = (await h.rpc.sendRequest('srm/checkWorkspace', {})) as { files: number; errors: number; withFindings: number };
      assert.deepEqual((await published).diagnostics.map((d) => d.code), ['unknown-team']);
      assert.ok(summary.files >= 8 && summary.errors >= 1 && summary.withFindings >= 1, JSON.stringify(summary));
      // Fixed on disk: re-published.
      const fixed = h.nextPublish(stray);
      fs.writeFileSync(path.join(root, 'unopened-bad.srm.yaml'), UNOPENED_BAD.replace('nobody-here', 'secops'));
      await h.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: stray, type: 2 }] });
      assert.deepEqual((await fixed).diagnostics, []);
      // Opened (the editor's diagnostics), closed (cleared, then the disk's published again).
      const text = UNOPENED_BAD.replace('nobody-here', 'nobody-at-all');
      fs.writeFileSync(path.join(root, 'unopened-bad.srm.yaml'), text);
      const opened = h.nextPublish(stray);
      h.open(path.join(root, 'unopened-bad.srm.yaml'), text);
      assert.deepEqual((await opened).diagnostics.map((d) => d.code), ['unknown-team']);
      await until(() => (h.published.get(stray)?.version ?? null) !== null);
      const cleared = h.nextPublish(stray);
      await h.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: stray } });
      assert.deepEqual((await cleared).diagnostics, []);
      const back = h.nextPublish(stray);
      assert.deepEqual((await back).diagnostics.map((d) => d.code), ['unknown-team']);
    } finally {
      await h.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a big workspace', () => {
  test('10,000 files index without blocking requests; a hover is answered meanwhile', async () => {
    const files: Record<string, string> = {};
    for (let d = 0; d < 100; d++) {
      for (let f = 0; f < 100; f++) files[`d${d}/f${f}.srm.yaml`] = UNOPENED_BAD.replace('stray-app', `app-${d}-${f}`).replace('  name: stray', `  name: s${d}-${f}`);
    }
    const root = tempTree('srm-ws-big-', files);
    try {
      const h = await startHarness({ pull: true, folders: [root] });
      try {
        const text = UNOPENED_BAD;
        const { uri } = h.open(path.join(root, 'open.srm.yaml'), text);
        let worst = 0;
        const t0 = Date.now();
        // A request that waits for the index honours cancellation.
        const source = new CancellationTokenSource();
        const waiting = h.rpc.sendRequest('workspace/diagnostic', { previousResultIds: [] }, source.token).then(
          () => 'answered',
          (e: ResponseError<unknown>) => e.code,
        );
        setTimeout(() => source.cancel(), 5);
        assert.equal(await waiting, -32800, 'cancelled while the index is being read');
        let done = false;
        const ready = h.rpc.sendRequest('workspace/diagnostic', { previousResultIds: [] }).then((r) => {
          done = true;
          return r as { items: WsReport[] };
        });
        while (!done) {
          const s = performance.now();
          await h.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'information-and-data', 2) });
          worst = Math.max(worst, performance.now() - s);
          await new Promise((r) => setTimeout(r, 25));
        }
        const reports = (await ready).items;
        assert.equal(reports.length, 10_000);
        console.log(`10,000 files indexed in ${Date.now() - t0} ms; the slowest hover meanwhile: ${worst.toFixed(0)} ms`);
        assert.ok(worst < 1000, `a hover took ${worst} ms while indexing`);
      } finally {
        await h.close();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
