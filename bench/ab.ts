// `node --import tsx bench/ab.ts A/server.js B/server.js [--sizes 100,1000,10000] [--rounds 5] [--samples 20]`: the editor figures
// of `npm run bench` (open→diagnostics, keystroke, hover and completion p50/p95, peak RSS) for two builds of the
// server, run in turns on the same generated files (A, B, A, B, ...), and the median of each figure over the rounds
// with B/A. For "is this figure worse than before?" on a shared machine: a single run's p95 of 20 samples is its
// second-slowest sample, and the load moves between two runs minutes apart. Prints a Markdown table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keystrokeSite, modelSite } from './common';
import { f1, median } from './format';
import { generate } from './generate';
import { runServer, type RunResult } from './lsp';
import { argv, work } from './options';

const [first, second] = argv.filter((x, i) => !x.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (!first || !second) throw new Error('usage: bench/ab.ts A/server.js B/server.js [--sizes 100,1000,10000] [--rounds 5]');
const a: string = first;
const b: string = second;
const opt = (f: string, d: string) => (argv.includes(f) ? (argv[argv.indexOf(f) + 1] ?? d) : d);
const sizes = opt('--sizes', '100,1000,10000').split(',').map(Number);
const rounds = Number(opt('--rounds', '5'));
/** Requests of each kind per run (npm run bench: 20; more make a p95 steadier than the second-slowest of 20). */
const samples = Number(opt('--samples', '20'));

const FIGURES: Array<[string, (r: RunResult) => number]> = [
  ['open→diagnostics', (r) => r.openToDiagnosticsMs],
  ['keystroke p50', (r) => r.keystroke.p50],
  ['keystroke p95', (r) => r.keystroke.p95],
  ['hover p50', (r) => r.hover.p50],
  ['hover p95', (r) => r.hover.p95],
  ['completion p50', (r) => r.completion.p50],
  ['completion p95', (r) => r.completion.p95],
  ['peak RSS MB', (r) => r.peakRssMB],
];

async function main(): Promise<void> {
  const rows: string[] = ['| workloads | figure | A (median) | B (median) | B/A |', '| ---: | --- | ---: | ---: | ---: |'];
  for (const n of sizes) {
    const dir = path.join(work, 'ab', String(n));
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `bench-${n}.srm.yaml`);
    const text = generate(n, { seed: 42, mistakes: 0.01 });
    writeFileSync(file, text);
    const plan = { file, text, hoverAt: modelSite(text), completeAt: modelSite(text), editAt: keystrokeSite(text), hovers: samples, completions: samples, edits: samples, timeoutMs: 600_000 };
    const runs: Record<'a' | 'b', RunResult[]> = { a: [], b: [] };
    for (let k = 0; k < rounds; k++) {
      for (const [key, server] of [['a', a], ['b', b]] as const) {
        const r = await runServer({ label: key, command: process.execPath, args: [server, '--stdio'], settings: { srm: { maxFileSize: 100_000_000 } }, cwd: dir }, plan);
        if (r.errors.length) throw new Error(`${key} at ${n}: ${r.errors.join('; ')}`);
        runs[key].push(r);
      }
    }
    for (const [label, get] of FIGURES) {
      const ma = median(runs.a.map(get));
      const mb = median(runs.b.map(get));
      rows.push(`| ${n} | ${label} | ${f1(ma)} | ${f1(mb)} | ${(mb / ma).toFixed(2)}× |`);
    }
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

void main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  },
);
