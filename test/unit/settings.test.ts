// srm.* settings parsing never throws and keeps only well-formed values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettings } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../shared/protocol';

test('defaults for anything that is not an object', () => {
  for (const raw of [undefined, null, 3, 'x', [], true]) assert.deepEqual(parseSettings(raw), DEFAULT_SETTINGS);
});

test('well-formed values are taken, malformed ones fall back one by one', () => {
  const s = parseSettings({
    rules: { 'model-mismatch': 'error', schema: 'loud', 'unknown-team': 'off', x: 3 },
    files: ['**/*.policy.yaml', 3, ''],
    maxFileSize: -1,
    requireSuppressionReason: true,
    inlineSuppressions: 'no',
    trace: { server: 'verbose' },
  });
  assert.deepEqual(s.rules, { 'model-mismatch': 'error', 'unknown-team': 'off' });
  assert.deepEqual(s.files, ['**/*.srm.yaml', '**/*.srm.yml', '**/*.policy.yaml']);
  assert.equal(s.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
  assert.equal(s.requireSuppressionReason, true);
  assert.equal(s.inlineSuppressions, true);
  assert.equal(s.trace.server, 'verbose');
});

test('a throwing getter does not escape', () => {
  const raw = Object.defineProperty({ rules: { schema: 'info' } }, 'files', { get: () => { throw new Error('nope'); }, enumerable: true });
  const s = parseSettings(raw);
  assert.deepEqual(s.rules, { schema: 'info' });
  assert.deepEqual(s.files, DEFAULT_SETTINGS.files);
});
