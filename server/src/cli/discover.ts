// Finds the files `srm lint` checks: walks directories (skipping .git and node_modules), expands globs,
// applies each file's config `files`/`ignore`, and keeps responsibility files only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configSelection, type ConfigResolver, type LoadedConfig } from '../node/config';
import { RegistryLoader } from '../node/registries';
import { globBase, isGlob, isResponsibilityFile, matchesGlob } from '../service';
import { UsageError } from './args';

const SKIP_DIRS = new Set(['.git', 'node_modules']);
const YAML_FILE = /\.ya?ml$/i;

export class IoError extends Error {}

/** A config file that applies to a checked file has errors: exit 2, each error with its file:line:col. */
export class ConfigFileError extends Error {
  constructor(readonly config: LoadedConfig) {
    super(ConfigFileError.describe(config, ''));
  }

  /** One line per error, `file:line:col: what is wrong`, the file relative to `cwd` when under it. */
  static describe(config: LoadedConfig, cwd: string): string {
    const rel = cwd === '' ? config.path : path.relative(cwd, config.path);
    const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? config.path : rel;
    return config.errors.map((e) => `${shown}:${e.line}:${e.column}: ${e.message}`).join('\n');
  }
}

const registryLoaders = new WeakMap<ConfigResolver, RegistryLoader>();

/** The team registries of a run (one loader per config resolver: each config's registries are read once). */
export function registriesOf(configs: ConfigResolver): RegistryLoader {
  let r = registryLoaders.get(configs);
  if (!r) {
    r = new RegistryLoader();
    registryLoaders.set(configs, r);
  }
  return r;
}

/** The config for a file, refusing one with errors (its own, or its `teams:` registries': exit 2). */
export function validConfigFor(configs: ConfigResolver, file: string): LoadedConfig | undefined {
  const cfg = configs.forFile(file);
  if (cfg && cfg.errors.length > 0) throw new ConfigFileError(cfg);
  const reg = cfg ? registriesOf(configs).forConfig(cfg) : undefined;
  if (cfg && reg && reg.errors.length > 0) throw new ConfigFileError({ ...cfg, errors: reg.errors });
  return cfg;
}

export interface Candidate {
  /** Absolute path. */
  path: string;
  text: string;
  config: LoadedConfig | undefined;
  /** False when the bytes are not valid UTF-8: the text is then lossy, and --fix must not write it back. */
  exact: boolean;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Path of `file` relative to `base`, with `/`. */
export function relPosix(base: string, file: string): string {
  return toPosix(path.relative(base, file));
}

/** Whether the config's `ignore` globs exclude `file`. */
export function excludedByConfig(file: string, cfg: LoadedConfig | undefined): boolean {
  return configSelection(cfg, file) === 'ignored';
}

/** Whether the config's `files` globs make `file` a responsibility file whatever its name and content. */
export function includedByConfig(file: string, cfg: LoadedConfig | undefined): boolean {
  return configSelection(cfg, file) === 'listed';
}

/** A file is checked when it is a responsibility file (name or content) or matches the config's `files`. */
export function isCheckedFile(file: string, text: string, cfg: LoadedConfig | undefined): boolean {
  return isResponsibilityFile(path.basename(file), text) || includedByConfig(file, cfg);
}

/**
 * Every file under `dir` (recursively, skipping .git and node_modules, not following directory links). A directory
 * that the config governing its parent ignores is not entered: what lies below it, srm.config.yaml files
 * included, is never read (so `ignore: [/test]` keeps deliberately broken fixtures and their configs out).
 */
function walk(dir: string, out: string[], configs: ConfigResolver): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new IoError(`cannot read directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !excludedByConfig(full, configs.forFile(full))) walk(full, out, configs);
    } else {
      if (e.isFile()) out.push(full);
      else if (e.isSymbolicLink()) {
        try {
          if (fs.statSync(full).isFile()) out.push(full);
        } catch {
          // A dangling link is not a file to check.
        }
      }
    }
  }
}

function readText(file: string): { text: string; exact: boolean } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new IoError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const text = bytes.toString('utf8');
  // Invalid UTF-8 decodes to U+FFFD; writing that back would lose the original bytes.
  return { text, exact: !text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(bytes) };
}

/**
 * The files to check for the command-line arguments (none: the current directory); `found` hears of each kept file
 * as it is read (how many so far, and their text's length). Named files, like found
 * ones, are checked when they are responsibility files (or listed in the config's `files`) and not ignored;
 * a path that does not exist, or a glob that matches no file at all, is a usage error.
 */
export function collectFiles(
  args: readonly string[],
  cwd: string,
  configs: ConfigResolver,
  found?: (files: number, bytes: number) => void,
): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  let bytes = 0;
  const consider = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const cfg = validConfigFor(configs, file);
    if (excludedByConfig(file, cfg)) return;
    // Only YAML files are read to look for apiVersion; other names must be listed in the config's `files`.
    const listed = includedByConfig(file, cfg);
    if (!listed && !YAML_FILE.test(file)) return;
    const { text, exact } = readText(file);
    if (!listed && !isResponsibilityFile(path.basename(file), text)) return;
    out.push({ path: file, text, config: cfg, exact });
    bytes += text.length;
    found?.(out.length, bytes);
  };

  const roots = args.length === 0 ? ['.'] : args;
  for (const arg of roots) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files: string[] = [];
      walk(abs, files, configs);
      for (const f of files) consider(f);
    } else if (stat?.isFile()) {
      consider(abs);
    } else if (isGlob(arg)) {
      const pattern = toPosix(arg);
      const base = path.resolve(cwd, globBase(pattern));
      const files: string[] = [];
      if (fs.existsSync(base) && fs.statSync(base).isDirectory()) walk(base, files, configs);
      const relPattern = toPosix(path.relative(cwd, path.resolve(cwd, pattern)));
      const matched = files.filter((f) => matchesGlob(relPosix(cwd, f), relPattern, true));
      if (matched.length === 0) throw new UsageError(`no file matches ${arg}`);
      for (const f of matched) consider(f);
    } else {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}
