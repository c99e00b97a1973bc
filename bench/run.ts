// `npm run bench`: generates files of 100, 1,000 and 10,000 workloads, drives the built srm server and
// yaml-language-server (with the project's schema) over stdio on the same files, measures the floor (bare yaml
// parse + ajv validation) in the same run, times `srm lint` over a tree of files, the extension's activation and
// the VSIX size, and writes bench/RESULTS.md. A benchmark, not a test: CI does not run it.
// Options: --sizes 100,1000 (subset), --no-peer (skip yaml-language-server), --quick (fewer samples),
// --activation (only the activation figures, printed; bench/RESULTS.md is left as it is).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { keystrokeSite, modelSite, stats } from './common';
import { floorCheck, makeFloor } from './floor';
import { generate } from './generate';
import { runServer, type RunResult, type ServerSpec } from './lsp';

const root = path.resolve(import.meta.dirname, '..');
const cache = path.join(root, 'bench/.cache');
const argv = process.argv.slice(2);
const flag = (f: string) => argv.includes(f);
const opt = (f: string) => {
  const i = argv.indexOf(f);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (opt('--sizes') ?? '100,1000,10000').split(',').map(Number);
const QUICK = flag('--quick');
const PEER = !flag('--no-peer');
const ACTIVATION_ONLY = flag('--activation');
/** Fresh processes per variant in the activation measurement. */
const ACTIVATION_ROUNDS = QUICK ? 5 : 11;
const YLS_VERSION = '1';
/** Above srm.maxFileSize (default 2 MB) the server checks only YAML syntax; the bench measures full checking. */
/** `--max-file-size N` measures another limit (e.g. the default, 2000000: syntax only above it); `--out F` writes there. */
const SRM_MAX_FILE_SIZE = Number(opt('--max-file-size') ?? 100_000_000);
const OUT = path.resolve(opt('--out') ?? path.join(root, 'bench/RESULTS.md'));

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function loadavg(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

/** yaml-language-server 1.x, installed outside the project's dependencies (2.x needs Node 22). */
function peerServer(): string | undefined {
  const dir = path.join(cache, 'yls');
  const bin = path.join(dir, 'node_modules/yaml-language-server/bin/yaml-language-server');
  if (!existsSync(bin)) {
    log(`installing yaml-language-server@${YLS_VERSION} into ${path.relative(root, dir)} ...`);
    mkdirSync(dir, { recursive: true });
    if (!existsSync(path.join(dir, 'package.json'))) writeFileSync(path.join(dir, 'package.json'), '{"name":"srm-bench-peer","private":true}\n');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', `yaml-language-server@${YLS_VERSION}`], { cwd: dir, stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(bin)) return undefined;
  }
  return bin;
}

function peerVersion(): string {
  try {
    return JSON.parse(readFileSync(path.join(cache, 'yls/node_modules/yaml-language-server/package.json'), 'utf8')).version as string;
  } catch {
    return '?';
  }
}

function median(xs: number[]): number {
  return stats(xs).p50;
}

interface SizeResult {
  workloads: number;
  bytes: number;
  lines: number;
  floorMs: number;
  srm?: RunResult;
  peer?: RunResult;
  error?: string;
}

const f1 = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(x < 0.01 ? 3 : 2)}%` : 'n/a');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 0.1 ? 4 : 3)}×` : 'n/a');

async function main(): Promise<void> {
  const started = new Date();
  if (ACTIVATION_ONLY) {
    process.stdout.write(`- Machine: ${machine()}\n- Extension activation (target ≤ 100 ms): ${await activationTime()}\n`);
    return;
  }
  const server = path.join(root, 'dist/server.js');
  if (!existsSync(server)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const schemaFile = path.join(root, 'schemas/srm.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  const floor = makeFloor(schema);
  const peerBin = PEER ? peerServer() : undefined;
  const filesDir = path.join(cache, 'files');
  mkdirSync(filesDir, { recursive: true });
  log(`machine: ${machine()}; load ${loadavg()}`);

  const results: SizeResult[] = [];
  for (const n of SIZES) {
    // The modeline associates the schema with the file for yaml-language-server (its `yaml.schemas` setting did
    // not apply to the file in this setup); srm and the floor read it as a comment.
    const text = `# yaml-language-server: $schema=${pathToUri(schemaFile)}\n${generate(n, { seed: 42, mistakes: 0.01 })}`;
    const file = path.join(filesDir, `bench-${n}.srm.yaml`);
    writeFileSync(file, text);
    const big = n >= 10000;
    const floorRuns: number[] = [];
    for (let i = 0; i < (big ? 3 : 5); i++) {
      const t = performance.now();
      floorCheck(floor, text);
      floorRuns.push(performance.now() - t);
    }
    const floorMs = median(floorRuns);
    const lines = text.split('\n').length;
    log(`${n} workloads (${text.length} bytes): floor ${f1(floorMs)} ms`);
    const plan = {
      file,
      text,
      hoverAt: modelSite(text),
      completeAt: modelSite(text),
      editAt: keystrokeSite(text),
      hovers: QUICK ? 5 : 20,
      completions: QUICK ? 5 : 20,
      edits: QUICK ? 6 : 20,
      timeoutMs: 600_000,
    };
    const r: SizeResult = { workloads: n, bytes: text.length, lines, floorMs };
    const srm: ServerSpec = { label: 'srm', command: process.execPath, args: [server, '--stdio'], settings: { srm: { maxFileSize: SRM_MAX_FILE_SIZE } }, cwd: root };
    try {
      r.srm = await runServer(srm, plan);
      log(`  srm: open ${f1(r.srm.openToDiagnosticsMs)} ms, keystroke p50 ${f1(r.srm.keystroke.p50)} ms, rss ${r.srm.peakRssMB} MB ${r.srm.errors.join('; ')}`);
    } catch (e) {
      r.error = `srm: ${String(e)}`;
      log(`  ${r.error}`);
    }
    if (peerBin) {
      const yamlSettings = {
        yaml: {
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemaStore: { enable: false },
          schemas: { [pathToUri(schemaFile)]: ['*.srm.yaml'] },
        },
      };
      const peer: ServerSpec = { label: `yaml-language-server ${peerVersion()}`, command: process.execPath, args: [peerBin, '--stdio'], settings: yamlSettings, cwd: cache };
      // The peer takes seconds per request on the big file: fewer samples there.
      const peerPlan = big ? { ...plan, hovers: 3, completions: 3, edits: 4 } : n >= 1000 ? { ...plan, hovers: 10, completions: 5, edits: 8 } : plan;
      try {
        r.peer = await runServer(peer, peerPlan);
        log(`  peer: open ${f1(r.peer.openToDiagnosticsMs)} ms, keystroke p50 ${f1(r.peer.keystroke.p50)} ms, rss ${r.peer.peakRssMB} MB ${r.peer.errors.join('; ')}`);
      } catch (e) {
        log(`  peer failed: ${String(e)}`);
      }
    }
    results.push(r);
  }

  const lint = lintTree();
  log(`lint: ${lint}`);
  const activation = await activationTime();
  log(`activation: ${activation}`);
  const vsix = vsixSize();
  log(`vsix: ${vsix}`);
  const md = report(results, { started, lint, activation, vsix, peerVersion: peerBin ? peerVersion() : undefined });
  writeFileSync(OUT, md);
  process.stdout.write(md);
}

function pathToUri(p: string): string {
  return `file://${p}`;
}

/** `srm lint` over a tree of generated files, files per second (wall clock of the whole process). */
function lintTree(): string {
  const cli = path.join(root, 'dist/cli.js');
  if (!existsSync(cli)) return 'skipped: dist/cli.js is absent';
  const dir = path.join(cache, 'tree');
  rmSync(dir, { recursive: true, force: true });
  const files = QUICK ? 100 : 500;
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `team-${i % 10}`, `area-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    const text = generate(5 + (i % 40), { seed: 1000 + i, mistakes: 0.05, teams: 3 });
    bytes += text.length;
    writeFileSync(path.join(sub, `file-${i}.srm.yaml`), text);
  }
  const runs: number[] = [];
  let status: number | null = null;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', dir], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    runs.push(performance.now() - t);
    status = r.status;
    if (r.status !== 0 && r.status !== 1) return `failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 300)}`;
  }
  const ms = median(runs);
  return `${files} files (${(bytes / 1e6).toFixed(1)} MB, 5–44 workloads each) in ${f1(ms)} ms (median of 3, exit ${status}) = ${Math.round((files / ms) * 1000)} files/s`;
}

/** One fresh process of bench/activation.cjs. */
interface ActivationRun {
  requireMs: number;
  activateMs: number;
  totalMs: number;
  cpuMs: number;
  error?: string;
}

/**
 * One run of bench/activation.cjs, in a process group of its own that is killed once it has printed: the language
 * server that activate() forked would otherwise go on starting up, on the other core, through the next runs.
 */
function activationProcess(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench/activation.cjs'), ...args], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
      resolve(out);
    });
  });
}

/**
 * The extension's activation: bench/activation.cjs times `require` + `activate()` with a stub `vscode` module in a
 * fresh Node process (the extension host's Node built-ins preloaded, as the host has them). The client that ships is
 * built here with esbuild.mjs's production options; beside it, in the same rounds (round-robin, so that a change
 * of load hits every variant alike): dist/client.js as `npm run build` left it, the least a language-client
 * extension does (`new LanguageClient(...).start()` on the same server, same options) and an empty module as
 * baselines, and the shipped client in a cold process (no built-ins preloaded).
 */
async function activationTime(): Promise<string> {
  const dir = path.join(cache, 'activation');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const esbuild = await import('esbuild');
  type Builds = (o: { production?: boolean; outdir?: string }) => import('esbuild').BuildOptions[];
  const { builds } = (await import(pathToFileURL(path.join(root, 'esbuild.mjs')).href)) as { builds: Builds };
  const shipped = builds({ production: true, outdir: dir }).find((b) => b.outfile === path.join(dir, 'client.js'));
  if (!shipped) return 'not measured: esbuild.mjs has no client build';
  const minimal = [
    "import { LanguageClient, TransportKind } from 'vscode-languageclient/node';",
    'export function activate(context) {',
    "  const module = context.asAbsolutePath('dist/server.js');",
    '  const run = { module, transport: TransportKind.ipc };',
    "  const client = new LanguageClient('minimal', 'Minimal', { run, debug: run }, { documentSelector: [{ language: 'srm' }] });",
    '  client.start().catch(() => undefined);',
    '}',
  ].join('\n');
  try {
    await esbuild.build({ ...shipped, absWorkingDir: root });
    await esbuild.build({ ...shipped, absWorkingDir: root, entryPoints: undefined, stdin: { contents: minimal, resolveDir: root, sourcefile: 'minimal-client.js' }, outfile: path.join(dir, 'minimal-client.js') });
  } catch (e) {
    return `not measured: esbuild failed: ${String(e).slice(0, 300)}`;
  }
  writeFileSync(path.join(dir, 'empty.js'), '');
  const variants = [
    { key: 'shipped', args: [path.join(dir, 'client.js')] },
    { key: 'dev', args: [path.join(root, 'dist/client.js')] },
    { key: 'minimal', args: [path.join(dir, 'minimal-client.js')] },
    { key: 'empty', args: [path.join(dir, 'empty.js')] },
    { key: 'cold', args: ['--cold', path.join(dir, 'client.js')] },
  ].filter((v) => existsSync(v.args[v.args.length - 1]!));
  const runs = new Map<string, ActivationRun[]>(variants.map((v) => [v.key, []]));
  const loadBefore = loadavg();
  for (let round = 0; round < ACTIVATION_ROUNDS; round++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(round + k) % variants.length]!;
      const out = await activationProcess(v.args);
      const j = JSON.parse(out.trim().split('\n').pop() ?? '{}') as ActivationRun;
      if (j.error) return `not measured (${v.key}): ${j.error}`;
      runs.get(v.key)!.push(j);
    }
  }
  const med = (key: string, f: keyof ActivationRun) => median((runs.get(key) ?? []).map((r) => r[f] as number));
  const bytes = (f: string) => `${(statSync(f).size / 1024).toFixed(0)} KiB`;
  const line = (key: string) =>
    `require ${f1(med(key, 'requireMs'))} ms + activate() ${f1(med(key, 'activateMs'))} ms = **${f1(med(key, 'totalMs'))} ms** (CPU ${f1(med(key, 'cpuMs'))} ms)`;
  const total = med('shipped', 'totalMs');
  const L = [
    `shipped client (esbuild.mjs --production, ${bytes(path.join(dir, 'client.js'))}): ${line('shipped')}; ${total <= 100 ? 'holds' : '**does not hold**'}`,
    `  - medians of ${ACTIVATION_ROUNDS} fresh processes per variant, round-robin; stub \`vscode\` module; the Node built-ins VS Code's extension host has already loaded are preloaded (bench/activation.cjs); load average before/after ${loadBefore} → ${loadavg()}`,
  ];
  if (runs.has('dev')) L.push(`  - dev build (dist/client.js, \`npm run build\`, ${bytes(path.join(root, 'dist/client.js'))}): ${line('dev')}`);
  L.push(
    `  - baseline, the least a language-client extension does (\`new LanguageClient(...).start()\`, same options, ${bytes(path.join(dir, 'minimal-client.js'))}): ${line('minimal')}; srm / baseline ${times(ratio(total, med('minimal', 'totalMs')))} (CPU ${times(ratio(med('shipped', 'cpuMs'), med('minimal', 'cpuMs')))})`,
    `  - baseline, an empty module: ${line('empty')}`,
    `  - shipped client in a cold process (built-ins not preloaded): ${line('cold')}`,
  );
  return L.join('\n');
}

function vsixSize(): string {
  const found = readdirSync(root).filter((f) => f.endsWith('.vsix'));
  const out = path.join(cache, 'srm.vsix');
  // Package what ships (the production build, as `npm run package`), then put the dev build back in dist/.
  spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  const r = spawnSync(path.join(root, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--baseContentUrl', 'https://example.invalid/srm', '--baseImagesUrl', 'https://example.invalid/srm', '-o', out], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status === 0 && existsSync(out)) return `${(statSync(out).size / 1024).toFixed(0)} KiB (esbuild.mjs --production, then vsce package --no-dependencies)`;
  if (found.length > 0) return `${found.map((f) => `${f}: ${(statSync(path.join(root, f)).size / 1024).toFixed(0)} KiB`).join(', ')} (existing file)`;
  return `not measured: vsce package failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-2).join(' ').slice(0, 300)}`;
}

function report(
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
    `- Floor: \`yaml.parseDocument\` + \`toJS\` + ajv (strict, 2020-12) validation of the whole file against schemas/srm.schema.json, in the bench process (median)`,
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

// Exit when done: esbuild's service (imported for the activation build) can keep the event loop alive.
main().then(
  () => process.exit(0),
  (e) => {
    log(String(e instanceof Error && e.stack ? e.stack : e));
    process.exit(1);
  },
);
