// The lint figures: `srm lint` over trees of generated files, files per second, in one thread (--jobs 1), by default
// and with a pool of worker threads, one per core (server/src/cli/pool.ts; the default uses it from 16 MB of text),
// against `ajv validate` (ajv-cli 5: schema only, no line numbers, no semantic rules) on the same trees. Four sizes
// (4 to 35 MB) show where the pool starts to pay, which is what the default's threshold rests on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MIN_BYTES_FOR_WORKERS } from '../server/src/cli/pool';
import { f1, median } from './format';
import { generate } from './generate';
import { QUICK, root, work } from './options';

interface Tree {
  dir: string;
  files: number;
  bytes: number;
}

/**
 * `files` generated files (5–44 workloads each, 5% of workloads with a mistake) in 70 folders. The one mistake that
 * repeats a key is left out: ajv-cli reads YAML with js-yaml, which refuses a repeated key and stops the whole run
 * (exit 2), so that it could not check the tree at all.
 */
function makeTree(name: string, files: number): Tree {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `team-${i % 10}`, `area-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    const text = withoutRepeatedOwner(generate(5 + (i % 40), { seed: 1000 + i, mistakes: 0.05, teams: 3 }));
    bytes += text.length;
    writeFileSync(path.join(sub, `file-${i}.srm.yaml`), text);
  }
  return { dir, files, bytes };
}

/** Drops a second `owner:` line in a long-form assignment (generate()'s repeated-key mistake). */
function withoutRepeatedOwner(text: string): string {
  const out: string[] = [];
  let seen = false;
  for (const line of text.split('\n')) {
    if (/^ {6}\S/.test(line) || /^ {2}-/.test(line)) seen = false;
    if (/^ {8}owner:/.test(line)) {
      if (seen) continue;
      seen = true;
    }
    out.push(line);
  }
  return out.join('\n');
}

interface Tool {
  label: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Exit codes that mean "ran to the end" (findings or not). */
  ok: number[];
}

/** Clock ticks a second of /proc's CPU times (getconf CLK_TCK; 100 on Linux almost everywhere). */
let ticksPerSecond: number | undefined;

/**
 * The CPU time (ms, user + system) of this process's children that have been waited for, from /proc/self/stat
 * (cutime and cstime: every thread of a child, V8's compiler and GC threads included); undefined off Linux.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The fields after the command's name, which is in parentheses and may hold spaces: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[13]) + Number(fields[14])) / ticksPerSecond) * 1000;
  } catch {
    return undefined;
  }
}

/**
 * Wall clock of whole processes, the tools interleaved round by round; the median per tool (NaN if it failed), and
 * the median of the CPU time each run used against its wall clock (cores: 1.3 is one core and a third busy).
 */
function race(tools: Tool[], rounds: number, cwd: string): { ms: number[]; cores: number[]; errors: string[] } {
  const runs: number[][] = tools.map(() => []);
  const cores: number[][] = tools.map(() => []);
  const errors: string[] = [];
  for (let k = 0; k < rounds; k++) {
    tools.forEach((t, j) => {
      if (runs[j]!.length < k) return; // it failed before
      const cpuBefore = childrenCpuMs();
      const start = performance.now();
      const r = spawnSync(process.execPath, t.args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...(t.env ?? {}) } });
      const ms = performance.now() - start;
      const cpuAfter = childrenCpuMs();
      if (cpuBefore !== undefined && cpuAfter !== undefined) cores[j]!.push((cpuAfter - cpuBefore) / ms);
      if (r.status === null || !t.ok.includes(r.status)) {
        errors.push(`${t.label} failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(0, 300)}`);
        return;
      }
      runs[j]!.push(ms);
    });
  }
  return { ms: runs.map((r) => (r.length === rounds ? median(r) : NaN)), cores: cores.map((c) => (c.length === rounds ? median(c) : NaN)), errors };
}

const perSecond = (files: number, ms: number): string => (Number.isFinite(ms) ? `${Math.round((files / ms) * 1000)} files/s` : 'n/a');

/** ajv-cli's `ajv` script, if it is installed (a devDependency). */
function ajvCli(): { bin: string; version: string } | undefined {
  const pkg = path.join(root, 'node_modules/ajv-cli/package.json');
  if (!existsSync(pkg)) return undefined;
  const meta = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string; bin: Record<string, string> | string };
  const rel = typeof meta.bin === 'string' ? meta.bin : meta.bin.ajv;
  return rel ? { bin: path.join(root, 'node_modules/ajv-cli', rel), version: meta.version } : undefined;
}

/** `srm lint` over trees of generated files, files per second (wall clock of the whole process). */
export function lintTree(): string {
  const cli = path.join(root, 'dist/cli.js');
  if (!existsSync(cli)) return 'skipped: dist/cli.js is absent';
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const pool = Math.min(cores, 8);
  const schema = path.join(root, 'schemas/baselines/microsoft-diagram.schema.json');
  const ajv = ajvCli();
  const lines: string[] = [];
  // The two headline trees (5 rounds, with ajv-cli) and two more for where the pool starts to pay (3 rounds).
  const plan: Array<{ files: number; rounds: number; peer: boolean }> = QUICK
    ? [{ files: 200, rounds: 3, peer: true }]
    : [
        { files: 250, rounds: 3, peer: false },
        { files: 500, rounds: 5, peer: true },
        { files: 1000, rounds: 3, peer: false },
        { files: 2000, rounds: 5, peer: true },
      ];
  for (const { files, rounds, peer } of plan) {
    const tree = makeTree(`tree-${files}`, files);
    const lint = (label: string, extra: string[]): Tool => ({ label, args: [cli, 'lint', '--format', 'json', ...extra, tree.dir], ok: [0, 1] });
    const tools: Tool[] = [lint('--jobs 1', ['--jobs', '1']), lint('default', []), lint(`--jobs ${pool}`, ['--jobs', String(pool)])];
    // ajv-cli 5: draft 2020-12 (the schema's), non-strict (the schema's editor keywords), formats not validated.
    // srm report on the headline trees, each format against the default lint (target: at most 1.5× its time).
    const formats = peer ? (['html', 'md', 'json'] as const) : [];
    for (const f of formats) tools.push({ label: `report ${f}`, args: [cli, 'report', '--format', f, '-o', path.join(work, `report.${f}`), tree.dir], ok: [0] });
    if (peer && ajv) tools.push({ label: `ajv-cli ${ajv.version}`, args: [ajv.bin, 'validate', '--spec=draft2020', '--strict=false', '--validate-formats=false', '-s', schema, '-d', `${tree.dir}/**/*.srm.yaml`], ok: [0, 1] });
    const { ms, cores: busy, errors } = race(tools, rounds, root);
    const [one, def, many] = ms as [number, number, number];
    const reportMs = ms.slice(3, 3 + formats.length);
    const other = ms[3 + formats.length];
    const defaultIsPool = tree.bytes >= MIN_BYTES_FOR_WORKERS && pool > 1;
    let line =
      `${files} files (${(tree.bytes / 1e6).toFixed(1)} MB), medians of ${rounds}, ${cores} cores: ` +
      `\`--jobs 1\` ${f1(one)} ms = ${perSecond(files, one)}; ` +
      `default (${defaultIsPool ? `${pool} threads` : 'one thread: below 16 MB'}) ${f1(def)} ms = ${perSecond(files, def)}, ${times(one, def)} --jobs 1; ` +
      `\`--jobs ${pool}\` ${f1(many)} ms = ${perSecond(files, many)}, ${times(one, many)} --jobs 1`;
    // What the second core can add at most: --jobs 1 already keeps more than one core busy (V8 compiles the hot
    // code and collects garbage on threads of its own), and no pool can use more than every core.
    const [busyOne, , busyMany] = busy as [number, number, number];
    if (Number.isFinite(busyOne)) {
      line +=
        ` (CPU time / wall clock: \`--jobs 1\` ${busyOne.toFixed(2)} cores busy, \`--jobs ${pool}\` ${busyMany.toFixed(2)}; ` +
        `with no overhead at all, ${cores} cores could make it at most ${(cores / busyOne).toFixed(2)}× as fast as \`--jobs 1\`; ` +
        `the CPU time of \`--jobs ${pool}\` ${((busyMany * many) / (busyOne * one)).toFixed(2)}× that of \`--jobs 1\`)`;
    }
    if (peer) {
      line +=
        other === undefined || ajv === undefined
          ? '; ajv-cli not installed'
          : `; \`ajv validate\` (ajv-cli ${ajv.version}, schema only) ${f1(other)} ms = ${perSecond(files, other)} (srm's default: ${times(other, def)} its files/s)`;
    }
    if (formats.length > 0) {
      const parts = formats.map((f, i) => `${f} ${f1(reportMs[i]!)} ms = ${(reportMs[i]! / def).toFixed(2)}× (${ok(reportMs[i]! <= 1.5 * def)})`);
      line += `; \`srm report\` against the default lint (target ≤ 1.5×): ${parts.join(', ')}`;
    }
    for (const e of errors) line += `; ${e}`;
    lines.push(line);
    rmSync(tree.dir, { recursive: true, force: true });
  }
  return `targets on 2 cores: the default ≥ 1.7× the files/s of \`--jobs 1\`, and no slower than \`ajv validate\`${lines.map((l) => `\n  - ${l}`).join('')}`;
}

const ok = (holds: boolean): string => (holds ? 'holds' : '**misses**');
const times = (base: number, x: number): string => (Number.isFinite(base / x) ? `${(base / x).toFixed(2)}×` : 'n/a');

// `node --import tsx bench/lint-tree.ts`: these figures alone, printed (bench/RESULTS.md is left as it is).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'lint-tree.ts')) {
  process.stdout.write(`${lintTree()}\n`);
}
