// Team registries through the real server: a document may name the teams of the registries its srm.config.yaml
// lists (no unknown-team), completion and hover offer and explain them, and an open srm.config.yaml shows a
// registry glob that matches nothing at that glob.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver';
import { tempTree } from '../temp-tree';
import { completion, items, positionOf, pullDiagnostics, startHarness } from './harness';

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
