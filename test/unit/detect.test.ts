// Which files are responsibility files: by name, or by `apiVersion: srm/v1` in the first document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, isResponsibilityFile, parseFile } from '../../server/src/service';

test('by name', () => {
  assert.ok(isResponsibilityFile('a/b/payroll.srm.yaml', ''));
  assert.ok(isResponsibilityFile('payroll.SRM.yml', 'x: 1'));
  assert.ok(!isResponsibilityFile('payroll.yaml', 'x: 1'));
  assert.ok(!isResponsibilityFile('notes.txt', 'apiVersion: srm/v1'));
});

test('by content of the first document only', () => {
  assert.ok(isResponsibilityFile('p.yaml', '# c\napiVersion: srm/v1\nkind: x\n'));
  assert.ok(isResponsibilityFile('p.yml', '\ufeff---\nkind: x\napiVersion: "srm/v1"  # v1\n'));
  assert.ok(isResponsibilityFile('p.yaml', 'apiVersion: srm/v1\r\nkind: x\r\n'));
  assert.ok(!isResponsibilityFile('p.yaml', 'kind: x\n---\napiVersion: srm/v1\n'));
  assert.ok(!isResponsibilityFile('p.yaml', 'apiVersion: apps/v1\nkind: Deployment\n'));
  assert.ok(!isResponsibilityFile('p.yaml', '  apiVersion: srm/v1\n'));
});

test('files that are not documents produce nothing: empty, comments only', () => {
  assert.deepEqual(diagnose(parseFile('')), []);
  assert.deepEqual(diagnose(parseFile('# only a comment\n\n# another\n')), []);
  assert.deepEqual(diagnose(parseFile('---\n---\n')), []);
});
