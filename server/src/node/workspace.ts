// Node-side reading of the workspace folders for the language server's index: an asynchronous walk that lists the
// YAML files (skipping node_modules, .git and what the caller says to skip, never looping on symlinks), yields to
// the event loop between batches so requests keep being answered, and stops when cancelled; plus the reads it needs.
// Nothing is executed and nothing is written.
import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from './config';

const SKIP = new Set(['node_modules', '.git']);
const YAML = /\.ya?ml$/i;
/** Entries looked at per batch before yielding to the event loop. */
const BATCH = 64;
/** Entries looked at per folder at most: a link to `/` or a huge tree stops there (and says so). */
export const MAX_WALK_ENTRIES = 500_000;

export interface FoundFile {
  /** Absolute path, under the walked folder (symlinks not resolved). */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface WalkOptions {
  /** A directory (absolute) not to descend into: ignored by a config. */
  skipDir?: (dir: string) => boolean;
  /** A file (absolute) not to list: ignored by a config. */
  skipFile?: (file: string) => boolean;
  cancelled: () => boolean;
  /** Problems worth a log line (an unreadable directory). */
  log?: (msg: string) => void;
}

/** Lets the event loop run (requests queued meanwhile are answered). */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves when `test()` turns true (polled every 20 ms); stops polling once `stop.done`. */
export function whenTrue(test: () => boolean, stop: { done: boolean }): Promise<void> {
  return new Promise((resolve) => {
    const tick = (): void => {
      if (stop.done) return;
      if (test()) resolve();
      else setTimeout(tick, 20);
    };
    setTimeout(tick, 20);
  });
}

/** Whether `name` is a config file name (srm.config.yaml, srm.config.yml). */
export function isConfigName(name: string): boolean {
  return name === CONFIG_FILE_NAME || name === 'srm.config.yml';
}

/**
 * Lists the YAML files under `root`, in path order per directory, in batches. A symlink to a directory is followed
 * once per real directory (a loop ends there); an unreadable directory or a dangling link is skipped.
 */
export async function* walkYaml(root: string, opts: WalkOptions): AsyncGenerator<FoundFile[]> {
  const visited = new Set<string>();
  const stack: string[] = [path.resolve(root)];
  let batch: FoundFile[] = [];
  let seen = 0;
  while (stack.length > 0) {
    if (opts.cancelled()) return;
    const dir = stack.pop() as string;
    let real: string;
    try {
      real = await fsp.realpath(dir);
    } catch {
      continue;
    }
    if (visited.has(real)) continue; // a symlink loop, or a second link to the same folder
    visited.add(real);
    let names: import('node:fs').Dirent[];
    try {
      names = await fsp.readdir(dir, { withFileTypes: true });
    } catch (e) {
      opts.log?.(`srm: workspace index: cannot read the folder ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      continue;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const d of names) {
      if (++seen > MAX_WALK_ENTRIES) {
        opts.log?.(`srm: workspace index: stopped after ${MAX_WALK_ENTRIES} entries under ${root}`);
        if (batch.length > 0) yield batch;
        return;
      }
      if (seen % BATCH === 0) {
        if (batch.length > 0) {
          yield batch;
          batch = [];
        }
        await yieldToLoop();
        if (opts.cancelled()) return;
      }
      if (SKIP.has(d.name)) continue;
      const abs = path.join(dir, d.name);
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      let st: import('node:fs').Stats | undefined;
      if (d.isSymbolicLink()) {
        try {
          st = await fsp.stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling
        }
      }
      if (isDir) {
        if (!opts.skipDir?.(abs)) subdirs.push(abs);
        continue;
      }
      if (!isFile || !YAML.test(d.name) || opts.skipFile?.(abs)) continue;
      try {
        st ??= fs.statSync(abs); // a stat is quicker than a round trip through the thread pool
      } catch {
        continue; // gone meanwhile
      }
      batch.push({ path: abs, size: st.size, mtimeMs: st.mtimeMs });
    }
    // Depth first, in name order.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as string);
  }
  if (batch.length > 0) yield batch;
}

export type ReadResult = { ok: true; text: string; size: number; mtimeMs: number } | { ok: false; code: string };

/** Reads a file as UTF-8 text. Never throws: a problem is its error code (ENOENT, EACCES, EISDIR, ...). */
export async function readText(file: string): Promise<ReadResult> {
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) return { ok: false, code: 'EISDIR' };
    const text = await fsp.readFile(file, 'utf8');
    return { ok: true, text, size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/**
 * readText, synchronously: the index reads one file at a time between its yields, and a small file is read much
 * quicker this way than by the thread pool's round trips (open, stat, read, close).
 */
export function readTextSync(file: string): ReadResult {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, code: 'EISDIR' };
    return { ok: true, text: fs.readFileSync(file, 'utf8'), size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/** The first `bytes` bytes of a file as text (enough to see a header line), or an error code. */
export async function readHead(file: string, bytes: number): Promise<ReadResult> {
  let h: import('node:fs/promises').FileHandle | undefined;
  try {
    h = await fsp.open(file, 'r');
    const st = await h.stat();
    const buf = Buffer.alloc(Math.min(bytes, st.size));
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    // A multi-byte character cut at the end decodes to U+FFFD: harmless for a header scan.
    return { ok: true, text: buf.subarray(0, bytesRead).toString('utf8'), size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    await h?.close().catch(() => undefined);
  }
}

/** size and mtime of a file, or undefined when it is gone (or not a file). */
export async function statFile(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const st = await fsp.stat(file);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}
