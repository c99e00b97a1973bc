// A folder of generated files (schemas/baselines, docs/rules, the validators compiled ahead): written whole by
// `npm run generate`, the files of its kind that the generator no longer writes removed.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

/** Writes `files` into `dir` and removes the other files there that `ours` claims (those of a rule or baseline that is gone). */
export function writeGeneratedFolder(dir: string, files: readonly { path: string; text: string }[], ours: (name: string) => boolean = () => true): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(f.path, f.text);
  for (const name of readdirSync(dir)) {
    const p = `${dir}/${name}`;
    if (ours(name) && !files.some((f) => f.path === p)) rmSync(p);
  }
}
