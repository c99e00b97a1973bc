// Baselines through the real server: diagnostics, hover and completion follow the document's baseline (the examples'
// srm.config.yaml lists a custom one), and go to definition leads from metadata.baseline / extends to the baseline
// document, in the same file or in the file the config lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, Location } from 'vscode-languageserver';
import { EXAMPLES, completion, items, positionOf, pullDiagnostics, startHarness } from './harness';

const M365_2026 = fs.readFileSync(path.join(EXAMPLES, 'microsoft-365-2026.srm.yaml'), 'utf8');
const MSP = fs.readFileSync(path.join(EXAMPLES, 'msp-managed-vms.srm.yaml'), 'utf8');

test('a microsoft-2026 document: devices: microsoft under saas is a model-mismatch warning; the hover names both editions', async () => {
  const h = await startHarness({ pull: true });
  try {
    const text = M365_2026.replace(/devices: shared/, 'devices: microsoft');
    assert.notEqual(text, M365_2026);
    const { uri } = h.open(path.join(EXAMPLES, 'b2026.srm.yaml'), text);
    const ds = items(await pullDiagnostics(h, uri));
    assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['model-mismatch', 2]], JSON.stringify(ds));
    const hv = (await h.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'devices: microsoft', 2) })) as Hover;
    const md = typeof hv.contents === 'string' ? hv.contents : 'value' in hv.contents ? hv.contents.value : '';
    assert.match(md, /Baseline: `microsoft-2026`/);
    assert.match(md, /Under microsoft-diagram, devices is customer under SaaS\./);
  } finally {
    await h.close();
  }
});

test('completion under microsoft-ai offers the AI layers; metadata.baseline offers the built-ins and the config’s baselines', async () => {
  const h = await startHarness({ pull: true });
  try {
    const ai = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: ai\n  baseline: microsoft-ai\nworkloads:\n  - name: w\n    model: saas\n    responsibilities:\n      \n';
    const { uri } = h.open(path.join(EXAMPLES, 'ai-complete.srm.yaml'), ai);
    const labels = (await completion(h, uri, { line: 9, character: 6 })).items.map((i) => i.label);
    assert.ok(labels.includes('model-tuning') && labels.includes('ai-compute-infrastructure'), labels.join(', '));
    assert.ok(!labels.includes('operating-system'), labels.join(', '));
    const sel = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: s\n  baseline: \nworkloads: []\n';
    const s = h.open(path.join(EXAMPLES, 'sel-complete.srm.yaml'), sel);
    const ids = (await completion(h, s.uri, { line: 4, character: 12 })).items.map((i) => i.label);
    assert.deepEqual(ids, ['microsoft-diagram', 'microsoft-2026', 'microsoft-ai', 'contoso-msp-contract']);
  } finally {
    await h.close();
  }
});

test('go to definition: metadata.baseline to the config-listed file, and to a baseline document of the same file', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri } = h.open(path.join(EXAMPLES, 'msp-managed-vms.srm.yaml'), MSP);
    await pullDiagnostics(h, uri);
    const loc = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionOf(MSP, 'baseline: contoso-msp-contract', 12) })) as Location;
    const target = path.join(EXAMPLES, 'msp-contract.baseline.srm.yaml');
    assert.equal(loc.uri, pathToFileURL(target).href);
    const lines = fs.readFileSync(target, 'utf8').split('\n');
    assert.match(lines[loc.range.start.line] ?? '', /name: contoso-msp-contract/);

    const same = [
      'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: local-one\nextends: microsoft-2026\nlayers: []\n',
      'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: local-two\nextends: local-one\nlayers: []\n',
      'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: x\n  baseline: local-two\nworkloads:\n  - name: w\n    model: saas\n    responsibilities: {}\n',
    ].join('---\n');
    const o = h.open(path.join(EXAMPLES, 'local-def.srm.yaml'), same);
    await pullDiagnostics(h, o.uri);
    const l1 = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri: o.uri }, position: positionOf(same, 'baseline: local-two', 12) })) as Location;
    assert.equal(l1.uri, o.uri);
    assert.deepEqual(l1.range.start, positionOf(same, 'name: local-two', 6));
    const l2 = (await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri: o.uri }, position: positionOf(same, 'extends: local-one', 10) })) as Location;
    assert.deepEqual(l2.range.start, positionOf(same, 'name: local-one', 6));
    // A built-in id has no document to go to.
    const none = await h.rpc.sendRequest('textDocument/definition', { textDocument: { uri: o.uri }, position: positionOf(same, 'extends: microsoft-2026', 10) });
    assert.equal(none, null);
  } finally {
    await h.close();
  }
});
