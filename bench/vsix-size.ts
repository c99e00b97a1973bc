// The VSIX figure: the size of the package vsce builds from the production build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { cache, root } from './options';

export function vsixSize(): string {
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
