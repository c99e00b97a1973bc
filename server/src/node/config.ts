// Node-side discovery of `srm.config.yaml`: walks up from a file to the nearest config and loads it (CLI and server).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, matchesAny, parseConfig, type ConfigError, type SrmConfig } from '../service';

export { CONFIG_FILE_NAME };

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Its directory: the base of its globs. */
  dir: string;
  config: SrmConfig;
  /** Syntax and validation errors (line/column 1-based); an unreadable file gives one error at 1:1. */
  errors: ConfigError[];
}

/**
 * What a config's globs say of `file` (an absolute path): 'ignored' by `ignore`, else 'listed' by `files`, else
 * undefined (neither, or the file lies outside the config's folder, which its globs do not govern). The server
 * and the CLI both decide with this function.
 */
export function configSelection(cfg: LoadedConfig | undefined, file: string): 'ignored' | 'listed' | undefined {
  if (!cfg) return undefined;
  const rel = path.relative(cfg.dir, file).split(path.sep).join('/');
  if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return undefined;
  if (matchesAny(rel, cfg.config.ignore)) return 'ignored';
  if (matchesAny(rel, cfg.config.files ?? [])) return 'listed';
  return undefined;
}

/**
 * The nearest `srm.config.yaml` in `startDir` or one of its ancestors, or undefined.
 * `stopAt` (optional, absolute) bounds the walk: it is the last directory looked at.
 */
export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not there (or unreadable directory): keep walking up.
    }
    if (stop !== undefined && dir === stop) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file. Never throws: an I/O problem is returned as an error. */
export function loadConfigFile(file: string): LoadedConfig {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? e})`;
    return {
      path: abs,
      dir: path.dirname(abs),
      config: parseConfig('').config,
      errors: [{ message: why, line: 1, column: 1, start: 0, end: 0 }],
    };
  }
  const { config, errors } = parseConfig(text);
  return { path: abs, dir: path.dirname(abs), config, errors };
}

/** Finds and loads configs for many files, reading each directory and each config file once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** `explicit`: a config file that applies to every file (the CLI's --config), instead of discovery. */
  constructor(private readonly explicit?: string) {}

  /** The config that applies to the file at `filePath`, or undefined when there is none. */
  forFile(filePath: string): LoadedConfig | undefined {
    const file = this.explicit ?? this.findCached(path.dirname(path.resolve(filePath)));
    if (file === undefined) return undefined;
    let cfg = this.loaded.get(file);
    if (!cfg) {
      cfg = loadConfigFile(file);
      this.loaded.set(file, cfg);
    }
    return cfg;
  }

  private findCached(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    let found: string | undefined;
    try {
      if (fs.statSync(candidate).isFile()) found = candidate;
    } catch {
      // none here
    }
    if (found === undefined) {
      const parent = path.dirname(dir);
      found = parent === dir ? undefined : this.findCached(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }
}
