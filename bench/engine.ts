// In-process profile of the engine (no LSP): the floor (yaml.parseDocument + ajv validation of the whole file)
// against a first full check, a one-keystroke re-check with the previous ParsedFile, hover and completion.
// Usage: node --import tsx bench/engine.ts [SIZES...]   (default 1000 10000)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate } from './generate';
import { floorCheck, makeFloor } from './floor';
import { complete, diagnose, hover, parseFile } from '../server/src/service';
import { LineIndex } from '../server/src/service/lines';
import { keystrokeSite, modelSite, stats } from './common';

const root = path.resolve(import.meta.dirname, '..');

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const floor = makeFloor(JSON.parse(readFileSync(path.join(root, 'schemas/baselines/microsoft-diagram.schema.json'), 'utf8')));
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const text = generate(n, { seed: 42, mistakes: 0.02 });
  const floors: number[] = [];
  const fulls: number[] = [];
  for (let r = 0; r < 3; r++) {
    floors.push(time(() => floorCheck(floor, text))[0]);
    fulls.push(time(() => diagnose(parseFile(text)))[0]);
  }
  const floorMs = Math.min(...floors);
  const fullMs = Math.min(...fulls);
  let prev = parseFile(text);
  diagnose(prev);
  const site = keystrokeSite(text);
  let cur = text;
  const keys: number[] = [];
  const parts = { parse: [] as number[], diagnose: [] as number[] };
  for (let i = 0; i < 40; i++) {
    const next = i % 2 === 0 ? cur.slice(0, site) + 'x' + cur.slice(site) : cur.slice(0, site) + cur.slice(site + 1);
    const t0 = performance.now();
    const p = parseFile(next, prev);
    const t1 = performance.now();
    diagnose(p);
    const t2 = performance.now();
    keys.push(t2 - t0);
    parts.parse.push(t1 - t0);
    parts.diagnose.push(t2 - t1);
    prev = p;
    cur = next;
  }
  const lines = new LineIndex(cur);
  const at = modelSite(cur);
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < 40; i++) {
    hovers.push(time(() => hover({ text: cur, lines }, at))[0]);
    completions.push(time(() => complete({ text: cur, lines }, at))[0]);
  }
  const k = stats(keys);
  const h = stats(hovers);
  const c = stats(completions);
  const mem = process.memoryUsage();
  console.log(
    JSON.stringify({
      workloads: n,
      bytes: text.length,
      floorMs: +floorMs.toFixed(1),
      fullMs: +fullMs.toFixed(1),
      fullRatio: +(fullMs / floorMs).toFixed(3),
      keystrokeP50: +k.p50.toFixed(2),
      keystrokeP95: +k.p95.toFixed(2),
      keystrokeParseP50: +stats(parts.parse).p50.toFixed(2),
      keystrokeDiagnoseP50: +stats(parts.diagnose).p50.toFixed(2),
      keystrokeRatio: +(k.p50 / floorMs).toFixed(4),
      hoverP95: +h.p95.toFixed(3),
      completionP95: +c.p95.toFixed(3),
      heapMB: Math.round(mem.heapUsed / 1e6),
      rssMB: Math.round(mem.rss / 1e6),
    }),
  );
}
