// Outline and folding unit tests, and how workspace symbols match a query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRanges, matchScore, ownString, parseFile, symbolMatcher, symbols } from '../../server/src/service';
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

test('workspace symbols: exact, prefix, substring, characters in order, any case; an empty query matches all', () => {
  const m = symbolMatcher('Pay-API');
  const names = ['pay-api', 'PAY-API-2', 'team-pay-api', 'p-a-y-x-a-p-i', 'payroll', 'api', 'pa', ''];
  assert.deepEqual(names.map(m), [0, 1, 2, 3, undefined, undefined, undefined, undefined]);
  assert.deepEqual(names.map((n) => matchScore('Pay-API', n)), names.map(m));
  assert.deepEqual(names.map(symbolMatcher('')), names.map(() => 3));
  // Lowered the way toLowerCase lowers: a name whose lower case grows (İ → i̇) still matches.
  assert.equal(symbolMatcher('i̇x')('İx'), 0);
});

test('ownString gives the same text (a copy of its own for a slice of a long text)', () => {
  const text = `${'x'.repeat(1000)}payroll-api-with-a-long-name${'y'.repeat(1000)}`;
  for (const s of [text.slice(1000, 1028), 'short', '', '123456789012345', text]) assert.equal(ownString(s), s);
});
