// The check of a folder of generated files (schemas/baselines, the validators compiled ahead, docs/rules): each
// file is there and current, and the folder holds no other ("run npm run generate").
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function assertGeneratedFolder(root: string, dir: string, files: readonly { path: string; text: string }[], gone: string): void {
  for (const f of files) {
    const p = path.join(root, f.path);
    assert.ok(existsSync(p), `${f.path} is missing: run npm run generate`);
    assert.equal(readFileSync(p, 'utf8'), f.text, `${f.path} is stale: run npm run generate`);
  }
  const extra = readdirSync(path.join(root, dir)).filter((n) => !files.some((f) => f.path === `${dir}/${n}`));
  assert.deepEqual(extra, [], `${gone}: run npm run generate`);
}
