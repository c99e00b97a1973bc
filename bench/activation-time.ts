// The activation figure: the extension's require + activate() in fresh processes (bench/activation.cjs), beside baselines.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { f1, loadavg, median, ratio, times } from './format';
import { ACTIVATION_ROUNDS, cache, root } from './options';

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
export async function activationTime(): Promise<string> {
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
