// Quick fixes and findings that come with baselines: removing a layer of another edition, two baseline documents of
// one file with one name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, diagnose, parseFile } from '../../server/src/service';

const DOC_2026 = [
  'apiVersion: srm/v1',
  'kind: ResponsibilityAssignment',
  'metadata:',
  '  name: m365',
  '  baseline: microsoft-2026',
  'workloads:',
  '  - name: mail',
  '    model: saas',
  '    responsibilities:',
  '      information-and-data: customer',
  '      identity-and-directory-infrastructure:',
  '        owner: shared',
  '        notes: kept by the tenant',
  '      devices: shared',
  '',
].join('\n');

test('a layer of another edition: the schema finding says where it is, and offers (not as safe) to remove its lines', () => {
  for (const whole of [false, true]) {
    const f = diagnose(parseFile(DOC_2026, undefined, { whole })).find((x) => x.code === 'schema');
    assert.ok(f, 'a schema finding');
    assert.match(f.message, /is a layer of microsoft-diagram, not of microsoft-2026/);
    const fix = f.fixes.find((x) => x.title.startsWith('Remove layer'));
    assert.ok(fix && !fix.safe, JSON.stringify(f.fixes.map((x) => x.title)));
    const out = applyEdits(DOC_2026, fix.edits);
    assert.equal(out, DOC_2026.replace('      identity-and-directory-infrastructure:\n        owner: shared\n        notes: kept by the tenant\n', ''));
  }
});

test('two baseline documents of one file with one name: the second is a duplicate-name on its name', () => {
  const b = (reason: string) =>
    `apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: twice\nextends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: customer }\n    reason: ${reason}\n`;
  const text = `${b('first')}---\n${b('second')}`;
  const fs = diagnose(parseFile(text));
  assert.deepEqual(
    fs.map((f) => [f.code, f.document, text.slice(f.start, f.end)]),
    [['duplicate-name', 1, 'twice']],
  );
});
