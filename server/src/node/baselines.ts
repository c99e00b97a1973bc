// The custom baselines that a srm.config.yaml lists under `baselines:` (globs relative to the config file): found on
// disk (a bounded walk of the config's folder that skips node_modules, .git and what the config ignores), read, and
// turned into the service's BaselineScope. The CLI and the server both load them here. Never throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  globBase,
  matchesGlob,
  scopeFromSources,
  type Baseline,
  type BaselineOptions,
  type BaselineScope,
  type BaselineSource,
} from '../service';
import type { LoadedConfig } from './config';

/** Files looked at at most per config walk: a glob over a huge tree stops there (and says so). */
const MAX_ENTRIES = 50_000;
/** A listed file above this size is not read (a baseline document is small). */
/** A listed file larger than this is not read (a config error). */
export const LISTED_MAX_BYTES = 5 * 1024 * 1024;
const SKIP = new Set(['node_modules', '.git']);

export interface LoadedBaselines {
  scope: BaselineScope;
  /** Config problems: a glob that matches nothing, a file with no baseline document, an unreadable file. */
  errors: string[];
  /** The files read, absolute. */
  files: string[];
}

/** The text of a file as the editor holds it (an open document, saved or not), or undefined: it is read from disk. */
export type OpenText = (file: string) => string | undefined;

/** A file a config lists (a baseline file, a team registry): the editor's text when open, else the disk's. */
export function readListed(file: string, openText?: OpenText): { text: string } | { tooLarge: true } | { code: string } {
  const open = openText?.(file);
  if (open !== undefined) return { text: open };
  try {
    if (fs.statSync(file).size > LISTED_MAX_BYTES) return { tooLarge: true };
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/** Reads the baselines `cfg` lists. */
export function loadBaselines(cfg: LoadedConfig | undefined, openText?: OpenText): LoadedBaselines {
  const globs = cfg?.config.baselines ?? [];
  if (!cfg || globs.length === 0) return { scope: scopeFromSources([]), errors: [], files: [] };
  const errors: string[] = [];
  const found = new Map<string, true>();
  for (const g of globs) {
    const matched = walkGlob(cfg, g, errors);
    if (matched.length === 0) errors.push(`${cfg.path}: baselines: "${g}" matches no file`);
    for (const m of matched) found.set(m, true);
  }
  const sources: BaselineSource[] = [];
  const files = [...found.keys()].sort();
  for (const f of files) {
    const r = readListed(f, openText);
    if ('text' in r) sources.push({ source: f, text: r.text });
    else if ('tooLarge' in r) errors.push(`${f}: listed under baselines: but larger than ${LISTED_MAX_BYTES / 1024 / 1024} MB; not read`);
    else errors.push(`${f}: listed under baselines: but cannot be read (${r.code})`);
  }
  const scope = scopeFromSources(sources);
  const withDocs = new Set(scope.allEntries().map((e) => e.source));
  for (const s of sources) {
    if (!withDocs.has(s.source)) errors.push(`${s.source}: listed under baselines: but holds no baseline document (kind: ResponsibilityBaseline with a metadata.name)`);
  }
  return { scope, errors, files: sources.map((s) => s.source) };
}

/** The files under the config's folder that glob `g` matches (relative to the folder), absolute and sorted. */
export function walkGlob(cfg: LoadedConfig, g: string, errors: string[]): string[] {
  const base = globBase(g);
  const start = path.join(cfg.dir, base);
  const out: string[] = [];
  let seen = 0;
  const visited = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of names) {
      if (++seen > MAX_ENTRIES) return;
      if (SKIP.has(d.name)) continue;
      const abs = path.join(dir, d.name);
      const rel = path.relative(cfg.dir, abs).split(path.sep).join('/');
      if (cfg.config.ignore.some((p) => matchesGlob(rel, p))) continue;
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      if (d.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) walk(abs);
      else if (isFile && matchesGlob(rel, g)) out.push(abs);
    }
  };
  try {
    if (fs.statSync(start).isFile()) return matchesGlob(path.relative(cfg.dir, start).split(path.sep).join('/'), g) ? [start] : [];
  } catch {
    return [];
  }
  walk(start);
  if (seen > MAX_ENTRIES) errors.push(`${cfg.path}: baselines: "${g}" stopped after ${MAX_ENTRIES} entries; narrow the glob`);
  return out.sort();
}

/**
 * What a config's listed files give (its baselines, its registries), cached per config file: for a run of the CLI,
 * or in the server until a config or listed file changes. `openText`: the editor's text of open files, which wins
 * over the disk's (the server; the CLI reads the disk).
 */
export class PerConfig<T extends { files: readonly string[] }> {
  private readonly byConfig = new Map<string, T>();

  constructor(
    private readonly load: (cfg: LoadedConfig | undefined, openText?: OpenText) => T,
    private readonly openText?: OpenText,
  ) {}

  forConfig(cfg: LoadedConfig | undefined): T {
    const key = cfg?.path ?? '';
    let hit = this.byConfig.get(key);
    if (!hit) {
      hit = this.load(cfg, this.openText);
      this.byConfig.set(key, hit);
    }
    return hit;
  }

  /** Whether `file` (absolute) is one some config lists (a change to it must re-check its dependents). */
  lists(file: string): boolean {
    for (const l of this.byConfig.values()) if (l.files.includes(file)) return true;
    return false;
  }

  clear(): void {
    this.byConfig.clear();
  }
}

/** The baselines per config file. */
export class BaselineLoader extends PerConfig<LoadedBaselines> {
  constructor(openText?: OpenText) {
    super(loadBaselines, openText);
  }
}

/**
 * The baseline options of a file under `cfg`: the front door's id (--baseline) over the config's `baseline:`, and the
 * baselines the config lists. The CLI and the server both build them here.
 */
export function baselineOptionsFor(cfg: LoadedConfig | undefined, loader: BaselineLoader, cliBaseline?: string): BaselineOptions {
  const scope = loader.forConfig(cfg).scope;
  if (cliBaseline !== undefined) return { fallback: { id: cliBaseline, from: 'cli' }, scope };
  if (cfg?.config.baseline !== undefined) return { fallback: { id: cfg.config.baseline, from: 'config' }, scope };
  return { scope };
}

/** The custom baselines `cfg` lists, each built or with its errors (what `srm baselines` shows). */
export function configBaselines(cfg: LoadedConfig | undefined): {
  baselines: Array<{ id: string; baseline?: Baseline; source: string; errors: string[] }>;
  errors: string[];
} {
  const loaded = loadBaselines(cfg);
  const baselines = loaded.scope.allEntries().map((e) => {
    const r = loaded.scope.resolve(e.name);
    return r.ok
      ? { id: e.name, baseline: r.baseline, source: e.source, errors: [] }
      : { id: e.name, source: e.source, errors: [r.message] };
  });
  return { baselines, errors: loaded.errors };
}
