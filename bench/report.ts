// Writes the benchmark's report (bench/RESULTS.md, or --out): per-size table, ratios against the targets, other figures.
import { f1, loadavg, machine, ratio, times } from './format';
import type { RunResult } from './lsp';
import { SRM_MAX_FILE_SIZE, argv } from './options';

export interface SizeResult {
  workloads: number;
  bytes: number;
  lines: number;
  floorMs: number;
  srm?: RunResult;
  peer?: RunResult;
  error?: string;
}

export function report(
  results: SizeResult[],
  info: { started: Date; lint: string; activation: string; vsix: string; peerVersion?: string },
): string {
  const L: string[] = [];
  L.push('# Benchmark results', '');
  L.push(`- Date: ${info.started.toISOString()}`);
  L.push(`- Machine: ${machine()}`);
  L.push(`- Load average at the end (1/5/15 min): ${loadavg()} (the machine is shared: compare ratios within one run)`);
  L.push('- Command: `npm run bench` (`node --import tsx bench/run.ts`)' + (argv.length ? ` with \`${argv.join(' ')}\`` : ''));
  L.push(`- Files: bench/generate.ts, seed 42, 1% of workloads with one mistake; the same file for every tool`);
  L.push(
    `- Floor: \`yaml.parseDocument\` + \`toJS\` + ajv (strict, 2020-12) validation of the whole file against schemas/baselines/microsoft-diagram.schema.json (the default baseline's exact schema), in the bench process (median)`,
  );
  L.push(`- Peer: ${info.peerVersion ? `yaml-language-server ${info.peerVersion} with schemas/srm.schema.json (a \`# yaml-language-server: $schema=\` modeline on the file's first line, so the peer validates, hovers and completes against the schema)` : 'not run'}`);
  L.push('- Servers are driven over stdio by bench/lsp.ts (push diagnostics); times are wall clock from sending to receiving.');
  L.push(
    SRM_MAX_FILE_SIZE >= 100_000_000
      ? `- srm runs with \`srm.maxFileSize: ${SRM_MAX_FILE_SIZE}\` so that every size gets the full check (the default, 2 MB, would check only the YAML syntax of the 10,000-workload file).`
      : `- srm runs with \`srm.maxFileSize: ${SRM_MAX_FILE_SIZE}\`: files above it get the syntax-only check.`,
    '',
  );
  L.push('## Per size (ms)', '');
  L.push('| workloads | bytes | floor | server | open→diagnostics | keystroke p50 | keystroke p95 | hover p50 | hover p95 | completion p50 | completion p95 | peak RSS MB |');
  L.push('| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    for (const s of [r.srm, r.peer]) {
      if (!s) continue;
      L.push(
        `| ${r.workloads} | ${r.bytes} | ${f1(r.floorMs)} | ${s.label} | ${f1(s.openToDiagnosticsMs)} | ${f1(s.keystroke.p50)} | ${f1(s.keystroke.p95)} | ${f1(s.hover.p50)} | ${f1(s.hover.p95)} | ${f1(s.completion.p50)} | ${f1(s.completion.p95)} | ${s.peakRssMB} |`,
      );
    }
    if (r.error) L.push(`| ${r.workloads} | ${r.bytes} | ${f1(r.floorMs)} | ${r.error} | | | | | | | | |`);
  }
  L.push('', 'Samples per server and size: see bench/run.ts (fewer for yaml-language-server on big files). Errors:', '');
  for (const r of results) for (const s of [r.srm, r.peer]) if (s && s.errors.length) L.push(`- ${r.workloads} ${s.label}: ${s.errors.join('; ')}`);
  L.push('', 'What the servers answered (a fast empty answer would not count):', '');
  for (const r of results) {
    for (const s of [r.srm, r.peer]) {
      if (s) L.push(`- ${r.workloads} ${s.label}: ${s.diagnosticsOnOpen} diagnostics on open, hover ${s.hoverNonEmpty ? 'non-empty' : '**empty**'}, ${s.completionItems} completion items (${s.keystroke.n} keystrokes, ${s.hover.n} hovers, ${s.completion.n} completions timed)`);
    }
  }
  L.push('', '## Ratios and targets (issue 6)', '');
  L.push('| workloads | metric | srm | ratio | target | holds |');
  L.push('| ---: | --- | ---: | ---: | --- | --- |');
  const row = (n: number, metric: string, v: number, rv: number, target: string, ok: boolean | undefined) =>
    L.push(`| ${n} | ${metric} | ${f1(v)} ms | ${metric.includes('RSS') ? '' : times(rv)} | ${target} | ${ok === undefined ? 'n/a' : ok ? 'yes' : '**no**'} |`);
  for (const r of results) {
    const s = r.srm;
    if (!s) continue;
    const big = r.workloads >= 1000;
    const openF = ratio(s.openToDiagnosticsMs, r.floorMs);
    row(r.workloads, 'open→diagnostics / floor', s.openToDiagnosticsMs, openF, '≤ 1.2× (1k, 10k)', big ? openF <= 1.2 : undefined);
    if (r.peer) {
      const openP = ratio(s.openToDiagnosticsMs, r.peer.openToDiagnosticsMs);
      row(r.workloads, 'open→diagnostics / yaml-language-server', s.openToDiagnosticsMs, openP, '≤ 1/3 (1k, 10k)', big ? openP <= 1 / 3 : undefined);
    }
    const k = ratio(s.keystroke.p50, r.floorMs);
    row(r.workloads, 'keystroke p50 / floor', s.keystroke.p50, k, '≤ 5% (10k)', r.workloads >= 10000 ? k <= 0.05 : undefined);
    if (r.peer) {
      const kp = ratio(s.keystroke.p50, r.peer.keystroke.p50);
      row(r.workloads, 'keystroke p50 / yaml-language-server', s.keystroke.p50, kp, '≤ 1/20 (10k)', r.workloads >= 10000 ? kp <= 0.05 : undefined);
    }
    const h = ratio(s.hover.p95, r.floorMs);
    row(r.workloads, 'hover p95 / floor', s.hover.p95, h, '≤ 1% (10k)', r.workloads >= 10000 ? h <= 0.01 : undefined);
    const c = ratio(s.completion.p95, r.floorMs);
    row(r.workloads, 'completion p95 / floor', s.completion.p95, c, '≤ 1% (10k)', r.workloads >= 10000 ? c <= 0.01 : undefined);
    L.push(`| ${r.workloads} | peak RSS (server) | ${s.peakRssMB} MB | | ≤ 400 MB (10k) | ${r.workloads >= 10000 ? (s.peakRssMB <= 400 ? 'yes' : '**no**') : 'n/a'} |`);
  }
  L.push('', '## Other figures', '');
  L.push(`- \`srm lint\` over a tree: ${info.lint}`);
  L.push(`- Extension activation (target ≤ 100 ms): ${info.activation}`);
  L.push(`- VSIX: ${info.vsix} (target ≤ 1 MB)`);
  L.push('');
  return L.join('\n');
}
