// The committed TextMate grammar is what scripts/grammar.ts generates from the model (run it when this fails).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GRAMMAR_PATH, INJECTION_PATH, grammarText, injectionText } from '../../scripts/grammar';
import { LAYERS, PARTIES, SERVICE_MODELS } from '../../server/src/model';

const ROOT = path.resolve(__dirname, '../..');

test('syntaxes/ is not stale: run `node --import tsx scripts/grammar.ts`', () => {
  assert.equal(readFileSync(path.join(ROOT, GRAMMAR_PATH), 'utf8'), grammarText(), 'run: node --import tsx scripts/grammar.ts');
  assert.equal(readFileSync(path.join(ROOT, INJECTION_PATH), 'utf8'), injectionText(), 'run: node --import tsx scripts/grammar.ts');
});

test('the injection highlights every layer id, party and service model', () => {
  const g = JSON.parse(injectionText()) as { repository: Record<string, { match: string }> };
  const layer = new RegExp(g.repository['layer-key']!.match);
  for (const l of LAYERS) assert.ok(layer.test(`      ${l.id}: customer`), l.id);
  for (const l of LAYERS) assert.ok(layer.test(`      ${l.id}:`), `${l.id} (long form)`);
  assert.ok(!layer.test('      notes: devices are fine'));
  const party = new RegExp(g.repository['party-value']!.match);
  for (const p of PARTIES) {
    assert.equal(layer.exec(`      devices: ${p}  # note`)?.[4], p, p);
    assert.equal(party.exec(`        owner: ${p}`)?.[4], p, p);
  }
  assert.equal(layer.exec('      devices: customers')?.[4], undefined);
  const model = new RegExp(g.repository['model-value']!.match);
  for (const m of SERVICE_MODELS) assert.equal(model.exec(`    model: ${m}`)?.[4], m, m);
});
