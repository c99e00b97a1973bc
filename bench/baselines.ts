// A 1,000-workload file under a custom baseline (extends microsoft-2026 with overrides, resolved from
// another file, as srm.config.yaml `baselines:` gives it) against the same file under microsoft-2026: the first
// full check (parse + every rule, the custom exact schema compiled in memory) and a one-keystroke re-check, in
// process. Target (issue "Baselines"): custom within 1.1x of microsoft-2026. Run by bench/run.ts; alone:
// node --import tsx bench/baselines.ts
import { performance } from 'node:perf_hooks';
import { diagnose, parseFile, scopeFromSources, type BaselineOptions } from '../server/src/service';
import { generate } from './generate';
import { keystrokeSite, stats } from './common';

const CUSTOM = `apiVersion: srm/v1
kind: ResponsibilityBaseline
metadata:
  name: bench-contract
  description: microsoft-2026 under a managed-services contract (bench)
extends: microsoft-2026
layers:
  - id: operating-system
    owners: { iaas: shared }
    reason: The provider patches guest images (contract clause 4.2)
  - id: devices
    owners: { saas: customer }
    reason: The customer runs endpoint protection itself
`;

/** The generated file selecting `baseline`, with its layers renamed to microsoft-2026's. */
function fileUnder(n: number, baseline: string): string {
  const text = generate(n, { seed: 42, mistakes: 0.01 })
    .replace('\nmetadata:\n', `\nmetadata:\n  baseline: ${baseline}\n`)
    .replace(/identity-and-directory-infrastructure/g, 'configurations-and-settings');
  return text;
}

function measure(text: string, baselines: BaselineOptions, runs: number): { fullMs: number; keyP50: number; findings: number } {
  const fulls: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    findings = diagnose(parseFile(text, undefined, { baselines })).length;
    fulls.push(performance.now() - t);
  }
  const site = keystrokeSite(text);
  let prev = parseFile(text, undefined, { baselines });
  diagnose(prev);
  let cur = text;
  const keys: number[] = [];
  for (let i = 0; i < 40; i++) {
    const next = i % 2 === 0 ? cur.slice(0, site) + 'x' + cur.slice(site) : cur.slice(0, site) + cur.slice(site + 1);
    const t = performance.now();
    prev = parseFile(next, prev, { baselines });
    diagnose(prev);
    keys.push(performance.now() - t);
    cur = next;
  }
  fulls.sort((a, b) => a - b);
  return { fullMs: fulls[Math.floor(fulls.length / 2)] as number, keyP50: stats(keys).p50, findings };
}

export function baselineBench(n = 1000): string {
  const scope = scopeFromSources([{ source: 'contract.baseline.srm.yaml', text: CUSTOM }]);
  const opts: BaselineOptions = { scope };
  // Warm-up of both (module code, the 2026 schema): the figures are of checks, not of the first load.
  measure(fileUnder(50, 'microsoft-2026'), opts, 1);
  const first2026 = performance.now();
  diagnose(parseFile(fileUnder(n, 'microsoft-2026'), undefined, { baselines: opts }));
  const first2026Ms = performance.now() - first2026;
  const firstCustom = performance.now();
  diagnose(parseFile(fileUnder(n, 'bench-contract'), undefined, { baselines: opts }));
  const firstCustomMs = performance.now() - firstCustom;
  const a = measure(fileUnder(n, 'microsoft-2026'), opts, 7);
  const b = measure(fileUnder(n, 'bench-contract'), opts, 7);
  const ratio = b.fullMs / a.fullMs;
  const f = (x: number) => x.toFixed(1);
  return [
    `## A ${n}-workload file under a custom baseline`,
    '',
    'In process (no LSP). The custom baseline extends microsoft-2026 with two overrides (with reasons) and is resolved',
    'from another file (as `srm.config.yaml` `baselines:` gives it). Medians of 7 full checks; keystroke p50 of 40.',
    '',
    '| | microsoft-2026 | custom (bench-contract) | ratio (target ≤ 1.1×) |',
    '| --- | --- | --- | --- |',
    `| first check ever (schema compiled) | ${f(first2026Ms)} ms | ${f(firstCustomMs)} ms | ${(firstCustomMs / first2026Ms).toFixed(2)}× |`,
    `| full check | ${f(a.fullMs)} ms | ${f(b.fullMs)} ms | ${ratio.toFixed(2)}× ${ratio <= 1.1 ? '(holds)' : '(MISSES)'} |`,
    `| keystroke re-check p50 | ${f(a.keyP50)} ms | ${f(b.keyP50)} ms | ${(b.keyP50 / a.keyP50).toFixed(2)}× |`,
    `| findings | ${a.findings} | ${b.findings} | |`,
    '',
  ].join('\n');
}

if (import.meta.filename === process.argv[1]) process.stdout.write(`${baselineBench()}\n`);
