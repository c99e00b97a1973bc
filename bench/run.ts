// `npm run bench`: generates files of 100, 1,000 and 10,000 workloads, drives the built srm server and
// yaml-language-server (with the project's schema) over stdio on the same files, measures the floor (bare yaml
// parse + ajv validation) in the same run, times `srm lint` over a tree of files, the extension's activation and
// the VSIX size, and writes bench/RESULTS.md. A benchmark, not a test: CI does not run it.
// Options: --sizes 100,1000 (subset), --no-peer (skip yaml-language-server), --quick (fewer samples),
// --activation (only the activation figures, printed; bench/RESULTS.md is left as it is), --max-file-size N (another
// srm.maxFileSize; the default here, 100000000, gives every size the full check), --out F (write the report to F).
// The parts: options.ts, report.ts (writes the report), lsp.ts (drives a server), floor.ts, generate.ts, peer-server.ts,
// lint-tree.ts, activation-time.ts, vsix-size.ts (one figure each), format.ts (log lines and how figures print).
import { baselineBench } from './baselines';
import { workspaceBench } from './workspace';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { activationTime } from './activation-time';
import { keystrokeSite, modelSite } from './common';
import { floorCheck, makeFloor } from './floor';
import { f1, loadavg, log, machine, median } from './format';
import { generate } from './generate';
import { lintTree } from './lint-tree';
import { runServer, type ServerSpec } from './lsp';
import { ACTIVATION_ONLY, OUT, PEER, QUICK, SIZES, SRM_MAX_FILE_SIZE, cache, root, work } from './options';
import { peerServer, peerVersion } from './peer-server';
import { report, type SizeResult } from './report';
import { vsixSize } from './vsix-size';

async function main(): Promise<void> {
  const started = new Date();
  if (ACTIVATION_ONLY) {
    process.stdout.write(`- Machine: ${machine()}\n- Extension activation (target ≤ 100 ms): ${await activationTime()}\n`);
    return;
  }
  const server = path.join(root, 'dist/server.js');
  if (!existsSync(server)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const schemaFile = path.join(root, 'schemas/srm.schema.json');
  // The floor validates against the default baseline's exact schema (what srm.schema.json was before it dispatched
  // on kind and metadata.baseline), so the floor is the same work as in earlier runs.
  const floorSchema = JSON.parse(readFileSync(path.join(root, 'schemas/baselines/microsoft-diagram.schema.json'), 'utf8')) as Record<string, unknown>;
  const floor = makeFloor(floorSchema);
  const peerBin = PEER ? peerServer() : undefined;
  // Each size in a folder of its own: the folder is the server's workspace, and the server now indexes its workspace
  // (issue 14); with every size in one folder, each run would also index the other sizes' files in the background.
  // The workspace index is measured on its own repository (bench/workspace.ts).
  const filesDir = path.join(work, 'files');
  rmSync(filesDir, { recursive: true, force: true });
  mkdirSync(filesDir, { recursive: true });
  log(`machine: ${machine()}; load ${loadavg()}`);

  const results: SizeResult[] = [];
  for (const n of SIZES) {
    // The modeline associates the schema with the file for yaml-language-server (its `yaml.schemas` setting did
    // not apply to the file in this setup); srm and the floor read it as a comment.
    const text = `# yaml-language-server: $schema=${pathToUri(schemaFile)}\n${generate(n, { seed: 42, mistakes: 0.01 })}`;
    mkdirSync(path.join(filesDir, String(n)), { recursive: true });
    const file = path.join(filesDir, String(n), `bench-${n}.srm.yaml`);
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
  const baselines = baselineBench();
  log(baselines);
  const workspace = await workspaceBench();
  log(workspace);
  const md = `${report(results, { started, lint, activation, vsix, peerVersion: peerBin ? peerVersion() : undefined })}\n${baselines}\n${workspace}`;
  writeFileSync(OUT, md);
  process.stdout.write(md);
}

function pathToUri(p: string): string {
  return `file://${p}`;
}

// Exit when done: esbuild's service (imported for the activation build) can keep the event loop alive.
main().then(
  () => process.exit(0),
  (e) => {
    log(String(e instanceof Error && e.stack ? e.stack : e));
    process.exit(1);
  },
);
