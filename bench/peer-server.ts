// The peer the bench compares srm with: yaml-language-server 1.x, installed on first use into bench/.cache/yls.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from './format';
import { cache, root } from './options';

const YLS_VERSION = '1';

/** yaml-language-server 1.x, installed outside the project's dependencies (2.x needs Node 22). */
export function peerServer(): string | undefined {
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

export function peerVersion(): string {
  try {
    return JSON.parse(readFileSync(path.join(cache, 'yls/node_modules/yaml-language-server/package.json'), 'utf8')).version as string;
  } catch {
    return '?';
  }
}
