// Outline and folding unit tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRanges, parseFile, symbols } from '../../server/src/service';
import { DOC } from './cursor-fixture';

test('workloads and their layers, with ranges and selection ranges', () => {
  const file = parseFile(DOC);
  const s = symbols(file);
  assert.deepEqual(s.map((w) => [w.name, w.detail]), [['payroll-api', 'paas'], ['crm', 'saas']]);
  const w = s[0]!;
  assert.equal(DOC.slice(w.selectionStart, w.selectionEnd), 'payroll-api');
  assert.ok(DOC.slice(w.start, w.end).startsWith('- name: payroll-api'));
  assert.ok(DOC.slice(w.start, w.end).endsWith('team: platform'));
  assert.deepEqual(w.children.map((l) => [l.name, l.detail]), [['information-and-data', 'customer'], ['devices', 'customer'], ['operating-system', 'microsoft']]);
  const os = w.children[2]!;
  assert.equal(DOC.slice(os.start, os.end), 'operating-system:\n        owner: microsoft\n        team: platform');
  assert.equal(DOC.slice(w.children[0]!.start, w.children[0]!.end), 'information-and-data: customer');
});

test('the outline survives a half-typed, unparsable line', () => {
  const text = DOC.replace('      devices: customer\n', '      devi\n');
  const s = symbols(parseFile(text));
  assert.deepEqual(s.map((w) => w.name), ['payroll-api', 'crm']);
});

test('several documents; an unnamed workload', () => {
  const text = `${DOC}---\napiVersion: srm/v1\nworkloads:\n  - model: iaas\n    responsibilities: {}\n`;
  assert.deepEqual(symbols(parseFile(text)).map((w) => w.name), ['payroll-api', 'crm', '(unnamed workload)']);
});

test('folding ranges follow indentation', () => {
  const f = foldingRanges(parseFile(DOC));
  const lines = DOC.split('\n');
  const fold = (startText: string) => f.find((r) => lines[r.startLine]?.includes(startText));
  assert.equal(lines[fold('workloads:')!.endLine], '      information-and-data: customer');
  assert.equal(lines[fold('- name: payroll-api')!.endLine], '        team: platform');
  assert.equal(lines[fold('operating-system:')!.endLine], '        team: platform');
  for (const r of f) assert.ok(r.startLine < r.endLine);
});
