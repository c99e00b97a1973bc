// Team registries through the real server: a document may name the teams of the registries its srm.config.yaml
// lists (no unknown-team), completion and hover offer and explain them, and an open srm.config.yaml shows a
// registry glob that matches nothing at that glob.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver';
import { tempTree } from '../temp-tree';
import { setTimeout as sleep } from 'node:timers/promises';
import { change, completion, items, positionOf, pullDiagnostics, startHarness } from './harness';

const REGISTRY = 'apiVersion: srm/v1\nkind: TeamRegistry\nmetadata:\n  name: contoso-teams\nteams:\n  - id: secops\n    name: Security Operations\n    contact: secops@contoso.example\n';
const DOC = (team: string) =>
  `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: app\nworkloads:\n  - name: w\n    model: saas\n    responsibilities:\n      information-and-data:\n        owner: customer\n        team: ${team}\n`;

test('registry teams: no unknown-team, completion offers them, hover says where they are defined', async () => {
  const dir = tempTree('srm-reg-', { 'srm.config.yaml': 'teams: ["teams.yaml"]\n', 'teams.yaml': REGISTRY });
  try {
    const h = await startHarness({ pull: true });
    try {
      const text = DOC('secops');
      const { uri } = h.open(path.join(dir, 'app.srm.yaml'), text);
      const ds = items(await pullDiagnostics(h, uri));
      assert.ok(!ds.some((d) => d.code === 'unknown-team'), JSON.stringify(ds));
      const hv = (await h.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'team: secops', 8) })) as Hover;
      const md = typeof hv.contents === 'string' ? hv.contents : 'value' in hv.contents ? hv.contents.value : '';
      assert.match(md, /Security Operations/);
      assert.match(md, /registry `contoso-teams`/);
      const typo = DOC('');
      const t = h.open(path.join(dir, 'typo.srm.yaml'), typo);
      const labels = (await completion(h, t.uri, positionOf(typo, 'team: ', 6))).items.map((i) => i.label);
      assert.ok(labels.includes('secops'), labels.join(', '));
    } finally {
      await h.close();
    }
    // A glob that matches nothing: a problem of the open srm.config.yaml, at that glob.
    const h2 = await startHarness({ pull: true });
    try {
      const cfgText = 'teams:\n  - "teams.yaml"\n  - "nothing/*.yaml"\n';
      fs.writeFileSync(path.join(dir, 'srm.config.yaml'), cfgText);
      const { uri } = h2.open(path.join(dir, 'srm.config.yaml'), cfgText, 'yaml');
      const ds = items(await pullDiagnostics(h2, uri));
      assert.deepEqual(ds.map((d) => [d.range.start.line, d.message]), [[2, 'srm.config.yaml: teams: "nothing/*.yaml" matches no file']]);
    } finally {
      await h2.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a registry or baseline file edited in the editor, unsaved: its open dependents are re-checked against the text being typed', async () => {
  const BASE = 'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: contoso\nextends: microsoft-diagram\n';
  const dir = tempTree('srm-reg-live-', { 'srm.config.yaml': 'teams: ["teams.yaml"]\nbaselines: ["base.yaml"]\n', 'teams.yaml': REGISTRY, 'base.yaml': BASE });
  const h = await startHarness({ pull: true });
  try {
    const text = DOC('newteam');
    const { uri } = h.open(path.join(dir, 'app.srm.yaml'), text);
    const codes = async (u: string) => items(await pullDiagnostics(h, u)).map((d) => d.code);
    assert.ok((await codes(uri)).includes('unknown-team'));
    // The registry, opened and edited but not saved: newteam is defined now.
    const reg = h.open(path.join(dir, 'teams.yaml'), REGISTRY, 'yaml');
    await change(h, reg.uri, `${REGISTRY}  - id: newteam\n`);
    await sleep(400); // the dependents' re-check is debounced
    assert.ok(!(await codes(uri)).includes('unknown-team'), 'the unsaved registry counts');
    // Closed without saving: the file on disk counts again.
    h.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: reg.uri } });
    await sleep(400);
    assert.ok((await codes(uri)).includes('unknown-team'), 'back to the saved registry');
    // A baseline file, likewise: a document selecting a baseline that exists only in the unsaved text.
    const sel = DOC('secops').replace('  name: app\n', '  name: app\n  baseline: contoso-next\n');
    const s = h.open(path.join(dir, 'sel.srm.yaml'), sel);
    assert.ok((await codes(s.uri)).includes('unknown-baseline'));
    const b = h.open(path.join(dir, 'base.yaml'), BASE, 'yaml');
    await change(h, b.uri, BASE.replace('name: contoso', 'name: contoso-next'));
    await sleep(400);
    assert.ok(!(await codes(s.uri)).includes('unknown-baseline'), 'the unsaved baseline counts');
  } finally {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
