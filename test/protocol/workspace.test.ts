// The editor across files (spec/workspace.md), through the real server in process on a temporary workspace
// (workspace-fixture.ts): go to definition, references and rename across files (bad and taken names refused,
// nothing changed; a rename while a file is edited), workspace symbols, document links and inlay hints.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentLink, InlayHint, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { change, positionOf, type Harness } from './harness';
import { BILLING, CONFIG, LOCAL, REGISTRY, SEARCH, UNOPENED_BAD, apply, editsByUri, rejection, startOnWorkspace, symbols, uriOf } from './workspace-fixture';

describe('cross-file features from the workspace index', () => {
  let root = '';
  let h: Harness;

  before(async () => {
    ({ root, h } = await startOnWorkspace());
  });
  after(async () => {
    await h.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('go to definition from team: and metadata.owner to the registry, across files', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    for (const at of [positionOf(BILLING, 'team: platform-ops', 8), positionOf(BILLING, 'owner: platform-ops', 8)]) {
      const locs = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri }, position: at })) as Location[];
      assert.equal(locs.length, 1);
      assert.equal(locs[0]?.uri, uriOf(root, 'teams/platform.teams.yaml'));
      assert.deepEqual(locs[0]?.range, { start: positionOf(REGISTRY, 'id: platform-ops', 4), end: positionOf(REGISTRY, 'id: platform-ops', 16) });
    }
    // metadata.baseline still leads to the baseline document (the service's definition).
    const b = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionOf(BILLING, 'baseline: contoso-contract', 12) })) as Location;
    assert.equal(b.uri, uriOf(root, 'baselines/contract.yaml'));
    // A document's own team: in the same document.
    const local = h.open(path.join(root, 'apps/local.srm.yaml'), LOCAL);
    const l = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri: local.uri }, position: positionOf(LOCAL, 'team: local-team', 8) })) as Location[];
    assert.deepEqual(l, [{ uri: local.uri, range: { start: positionOf(LOCAL, '- id: local-team', 6), end: positionOf(LOCAL, '- id: local-team', 16) } }]);
  });

  test('find references of a team id: the registry definition and every team:/metadata.owner across files, open or not', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const refs = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(BILLING, 'team: platform-ops', 8), context: { includeDeclaration: true } })) as Location[];
    const got = refs.map((r) => `${path.relative(root, new URL(r.uri).pathname)}:${r.range.start.line}`).sort();
    const line = (t: string, n: string) => positionOf(t, n).line;
    assert.deepEqual(got, [`apps/billing.srm.yaml:${line(BILLING, 'team: platform-ops')}`, `apps/billing.srm.yaml:${line(BILLING, 'owner: platform-ops')}`, `apps/search.srm.yaml:${line(SEARCH, 'owner: platform-ops')}`, `teams/platform.teams.yaml:${line(REGISTRY, 'id: platform-ops')}`].sort());
    const noDecl = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(BILLING, 'team: platform-ops', 8), context: { includeDeclaration: false } })) as Location[];
    assert.equal(noDecl.length, 3);
    // From the registry's definition: the same set.
    const reg = h.open(path.join(root, 'teams/platform.teams.yaml'), REGISTRY, 'yaml');
    const fromDef = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri: reg.uri }, position: positionOf(REGISTRY, 'id: platform-ops', 6), context: { includeDeclaration: true } })) as Location[];
    assert.equal(fromDef.length, 4);
    // A document's own team is its document's alone.
    const local = h.open(path.join(root, 'apps/local.srm.yaml'), LOCAL);
    const lr = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri: local.uri }, position: positionOf(LOCAL, 'team: local-team', 8), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(lr.map((r) => r.range.start.line).sort((x, y) => x - y), [4, 6, 13]);
  });

  test('find references of a baseline (documents that select or extend it) and of a layer id within the file', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const refs = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(BILLING, 'baseline: contoso-contract', 12), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(refs.map((r) => path.relative(root, new URL(r.uri).pathname)).sort(), ['apps/billing.srm.yaml', 'baselines/contract.yaml']);
    const layer = (await h.rpc.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(BILLING, 'devices: customer', 2), context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(layer, [{ uri, range: { start: positionOf(BILLING, 'devices: customer'), end: positionOf(BILLING, 'devices: customer', 7) } }]);
  });

  test('prepareRename: a team id or a custom baseline name; anything else refused with a clear message', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const ok = (await h.rpc.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(BILLING, 'team: platform-ops', 8) })) as { range: unknown; placeholder: string };
    assert.equal(ok.placeholder, 'platform-ops');
    const bl = (await h.rpc.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(BILLING, 'baseline: contoso-contract', 12) })) as { placeholder: string };
    assert.equal(bl.placeholder, 'contoso-contract');
    const layer = await rejection(h.rpc.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(BILLING, 'devices: customer', 2) }));
    assert.match(layer.message, /"devices" is a layer id.*only a team id .* can be renamed/);
    const party = await rejection(h.rpc.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(BILLING, 'devices: customer', 11) }));
    assert.match(party.message, /nothing to rename here/);
    const stray = h.open(path.join(root, 'unopened-bad.srm.yaml'), UNOPENED_BAD);
    const unknown = await rejection(h.rpc.sendRequest('textDocument/prepareRename', { textDocument: { uri: stray.uri }, position: positionOf(UNOPENED_BAD, 'nobody-here', 2) }));
    assert.match(unknown.message, /no team "nobody-here" is defined/);
    await h.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: stray.uri } });
  });

  test('rename a team across files: the registry and every file naming it; bad and taken names refused, nothing changed', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const at = positionOf(BILLING, 'team: platform-ops', 8);
    const disk = () => ['teams/platform.teams.yaml', 'apps/billing.srm.yaml', 'apps/search.srm.yaml'].map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
    const before = disk();
    const bad = await rejection(h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: 'Platform Team' }));
    assert.match(bad.message, /"Platform Team" is not a valid team id: use kebab-case .*, like "platform-team"/);
    const taken = await rejection(h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: 'secops' }));
    assert.match(taken.message, /a team "secops" already exists \(in registry "platform-teams"/);
    const edit = (await h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: 'platform-team' })) as WorkspaceEdit;
    const by = editsByUri(edit);
    assert.deepEqual([...by.keys()].map((u) => path.relative(root, new URL(u).pathname)).sort(), ['apps/billing.srm.yaml', 'apps/search.srm.yaml', 'teams/platform.teams.yaml']);
    assert.equal(apply(BILLING, by.get(uri) ?? []), BILLING.replaceAll('platform-ops', 'platform-team'));
    assert.equal(apply(SEARCH, by.get(uriOf(root, 'apps/search.srm.yaml')) ?? []), SEARCH.replaceAll('platform-ops', 'platform-team'));
    assert.equal(apply(REGISTRY, by.get(uriOf(root, 'teams/platform.teams.yaml')) ?? []), REGISTRY.replace('platform-ops', 'platform-team'));
    // Versions: the open document's, null for files that are not open.
    const dc = (edit.documentChanges ?? []) as Array<{ textDocument: { uri: string; version: number | null } }>;
    assert.ok(dc.find((d) => d.textDocument.uri === uri)?.textDocument.version !== null);
    assert.equal(dc.find((d) => d.textDocument.uri === uriOf(root, 'apps/search.srm.yaml'))?.textDocument.version, null);
    // The server writes nothing.
    assert.deepEqual(disk(), before);
    // A custom baseline: its document, the selecting document (and a built-in's name is refused).
    const be = editsByUri((await h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(BILLING, 'baseline: contoso-contract', 12), newName: 'contoso-msp' })) as WorkspaceEdit);
    assert.deepEqual([...be.keys()].map((u) => path.relative(root, new URL(u).pathname)).sort(), ['apps/billing.srm.yaml', 'baselines/contract.yaml']);
    const builtin = await rejection(h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(BILLING, 'baseline: contoso-contract', 12), newName: 'microsoft-2026' }));
    assert.match(builtin.message, /built-in baseline id/);
  });

  test('a rename while the file is being edited: the edit is of the version the server has, with its version number', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const edited = BILLING.replace('      devices: customer\n', '      devices:\n        owner: customer\n        team: platform-ops\n');
    await change(h, uri, edited);
    const edit = (await h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(edited, 'owner: platform-ops', 8), newName: 'ops-team' })) as WorkspaceEdit;
    const dc = (edit.documentChanges ?? []) as Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }>;
    const mine = dc.find((d) => d.textDocument.uri === uri);
    assert.ok(mine && typeof mine.textDocument.version === 'number');
    assert.equal(apply(edited, mine.edits), edited.replaceAll('platform-ops', 'ops-team'));
    // Typing on: a later version, a later edit with its own version.
    const more = `${edited}# typing\n`;
    await change(h, uri, more);
    const edit2 = (await h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(more, 'owner: platform-ops', 8), newName: 'ops-team' })) as WorkspaceEdit;
    const v2 = ((edit2.documentChanges ?? []) as Array<{ textDocument: { uri: string; version: number } }>).find((d) => d.textDocument.uri === uri)?.textDocument.version;
    assert.ok(typeof v2 === 'number' && v2 > (mine.textDocument.version as number));
    // A change sent right behind the rename request (lines inserted on top: every position moves): the edit is of
    // the version it says, whichever that is, or refused as ContentModified; never one text's edit stamped with
    // another's version.
    const newest = `# a comment typed on top\n# and another\n${more}`;
    const racing = h.rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: positionOf(more, 'owner: platform-ops', 8), newName: 'ops-team' });
    await change(h, uri, newest);
    try {
      const e3 = (await racing) as WorkspaceEdit;
      const d3 = ((e3.documentChanges ?? []) as Array<{ textDocument: { uri: string; version: number }; edits: TextEdit[] }>).find((d) => d.textDocument.uri === uri);
      const text = d3?.textDocument.version === v2 ? more : newest;
      assert.ok(d3?.textDocument.version === v2 || d3?.textDocument.version === v2 + 1, `version ${d3?.textDocument.version}`);
      assert.equal(apply(text, d3?.edits ?? []), text.replaceAll('platform-ops', 'ops-team'));
    } catch (e) {
      if ((e as { code?: unknown }).code !== -32801) throw e;
    }
    await change(h, uri, BILLING);
  });

  test('workspace symbols: workloads, teams and baselines by name, fuzzy', async () => {
    const s = await symbols(h, 'billing');
    assert.equal(s[0]?.name, 'billing-api');
    assert.equal(s[0]?.location.uri, uriOf(root, 'apps/billing.srm.yaml'));
    assert.equal(s[0]?.containerName, 'billing');
    assert.ok((await symbols(h, 'plat')).some((x) => x.name === 'platform-ops' && x.location.uri === uriOf(root, 'teams/platform.teams.yaml')));
    assert.ok((await symbols(h, 'contract')).some((x) => x.name === 'contoso-contract'));
    assert.ok((await symbols(h, 'srchidx')).some((x) => x.name === 'search-index'), 'characters in order match');
    assert.deepEqual(await symbols(h, 'zzzz'), []);
  });

  test('document links: evidence URLs, and the files srm.config.yaml teams:/baselines: globs match', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const links = (await h.rpc.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    assert.deepEqual(links.map((l) => [l.target, l.range.start]), [['https://contoso.example/wiki/billing-data', positionOf(BILLING, 'https://contoso')]]);
    const cfg = h.open(path.join(root, 'srm.config.yaml'), CONFIG, 'yaml');
    const cl = (await h.rpc.sendRequest('textDocument/documentLink', { textDocument: { uri: cfg.uri } })) as DocumentLink[];
    assert.deepEqual(cl.map((l) => [l.target, l.range.start]), [
      [uriOf(root, 'teams/platform.teams.yaml'), positionOf(CONFIG, 'teams/*', 0)],
      [uriOf(root, 'baselines/contract.yaml'), positionOf(CONFIG, 'baselines/*', 0)],
    ]);
  });

  test('inlay hints: the expected owner after an assignment that differs from the baseline; nothing where they agree; off by setting', async () => {
    const { uri } = h.open(path.join(root, 'apps/billing.srm.yaml'), BILLING);
    const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
    const hints = (await h.rpc.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range })) as InlayHint[];
    // contoso-contract extends microsoft-2026: operating-system is microsoft's under paas.
    assert.deepEqual(hints.map((x) => [x.label, x.position]), [['← microsoft expected', positionOf(BILLING, 'operating-system: customer', 'operating-system: customer'.length)]]);
    h.settings.inlayHints = { expectedOwner: false };
    await h.rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(await h.rpc.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range }), []);
    delete h.settings.inlayHints;
    await h.rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });
});
