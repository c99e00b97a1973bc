// The workspace index's first walk (server/src/lsp/startGate.ts): after its grace, once the editor is quiet, at most
// so long past the grace; at once when a query needs it; never twice; never after dispose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { StartGate } from '../../server/src/lsp/startGate';

function gate(graceMs: number, quietMs = 40, maxWaitMs = 10_000) {
  const fired: number[] = [];
  const t0 = performance.now();
  const g = new StartGate(graceMs, () => fired.push(performance.now() - t0), quietMs, maxWaitMs);
  return { g, fired };
}

test('no grace: nothing waits', () => {
  const { g, fired } = gate(0);
  g.begin();
  assert.equal(g.waiting, false);
  assert.deepEqual(fired, []);
});

test('a quiet editor: the walk starts once the grace is over, once', async () => {
  const { g, fired } = gate(30);
  g.begin();
  g.begin();
  assert.equal(g.waiting, true);
  await sleep(120);
  assert.equal(fired.length, 1);
  assert.ok(fired[0]! >= 29, `fired at ${fired[0]}`);
  assert.equal(g.waiting, false);
});

test('edits during and after the grace hold the walk back until a quiet moment', async () => {
  const { g, fired } = gate(30, 50);
  g.begin();
  const t0 = performance.now();
  while (performance.now() - t0 < 150) {
    g.activity();
    await sleep(10);
  }
  assert.equal(fired.length, 0, 'not while typing');
  await sleep(120);
  assert.equal(fired.length, 1);
});

test('typing without end: the walk starts at most maxWait past the grace', async () => {
  const { g, fired } = gate(20, 50, 60);
  g.begin();
  const t0 = performance.now();
  while (performance.now() - t0 < 250 && fired.length === 0) {
    g.activity();
    await sleep(5);
  }
  assert.equal(fired.length, 1);
  assert.ok(fired[0]! >= 75 && fired[0]! < 200, `fired at ${fired[0]}`);
});

test('a query starts it at once; dispose stops a pending one', async () => {
  const a = gate(10_000);
  a.g.begin();
  a.g.now();
  a.g.now();
  assert.equal(a.fired.length, 1);
  const b = gate(20);
  b.g.begin();
  b.g.dispose();
  await sleep(60);
  assert.deepEqual(b.fired, []);
  b.g.now();
  assert.deepEqual(b.fired, []);
});
