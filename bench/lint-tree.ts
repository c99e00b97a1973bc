// The lint figure: `srm lint` over a tree of generated files, files per second.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { f1, median } from './format';
import { generate } from './generate';
import { QUICK, root, work } from './options';

/** `srm lint` over a tree of generated files, files per second (wall clock of the whole process). */
export function lintTree(): string {
  const cli = path.join(root, 'dist/cli.js');
  if (!existsSync(cli)) return 'skipped: dist/cli.js is absent';
  const dir = path.join(work, 'tree');
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
