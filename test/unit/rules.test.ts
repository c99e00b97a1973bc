// Every rule's fixtures: the exact set of findings (line, columns, severity, rule id; message texts where an
// annotation quotes one), chunked and whole, on the fixture with its `# @rest: expected` markers expanded from the
// document's baseline (see fixtures.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnose, parseFile, RULES } from '../../server/src/service';
import { checkFindings, readFixture } from './fixtures';

const dir = path.join(__dirname, '..', 'fixtures', 'rules');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

for (const f of files) {
  test(`fixture ${f}`, () => {
    const { text, expected, options } = readFixture(readFileSync(path.join(dir, f), 'utf8'));
    for (const whole of [false, true]) {
      checkFindings(text, diagnose(parseFile(text, undefined, { whole }), options), expected, `${f} (${whole ? 'whole' : 'chunked'})`);
    }
  });
}

test('each rule of the catalogue has a fixture that fires and one that must not', () => {
  const fired = new Set<string>();
  for (const f of files) for (const e of readFixture(readFileSync(path.join(dir, f), 'utf8')).expected) fired.add(e.code);
  for (const r of RULES) {
    assert.ok(fired.has(r.id), `no fixture fires ${r.id}`);
    assert.ok(files.includes(`${r.id}.srm.yaml`), `no fixture file ${r.id}.srm.yaml (with its must-not cases)`);
  }
});
