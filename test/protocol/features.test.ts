// Language features from the real server in process: completion at each kind of position, hover, document symbols
// and folding ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver';
import { EXAMPLES, MISTAKES, completion, nextVersion, offsetPos, positionOf, startHarness } from './harness';

test('completion at each kind of position', async () => {
  const h = await startHarness({ pull: true });
  try {
    const base = fs.readFileSync(path.join(EXAMPLES, MISTAKES), 'utf8');
    const labels = async (text: string, marker = '$0') => {
      const at = text.indexOf(marker);
      const { uri } = h.open(path.join(EXAMPLES, `c${nextVersion()}.srm.yaml`), text.replace(marker, ''));
      const r = await completion(h, uri, offsetPos(text.replace(marker, ''), at));
      return r.items;
    };
    // Top-level key on an empty line (the header already has apiVersion, kind, metadata, teams, workloads).
    const top = await labels('apiVersion: srm/v1\n$0\n');
    assert.ok(top.some((i) => i.label === 'kind') && top.some((i) => i.label === 'workloads') && !top.some((i) => i.label === 'apiVersion'));
    // apiVersion and kind values.
    assert.deepEqual((await labels('apiVersion: $0\n')).map((i) => i.label), ['srm/v1']);
    assert.deepEqual((await labels('kind: Resp$0\n')).map((i) => i.label), ['ResponsibilityAssignment', 'ResponsibilityBaseline']);
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
