// The team registries a srm.config.yaml lists under `teams:` (globs relative to the config file): found with the same
// bounded walk as the baselines, read, and turned into the TeamContext the engine checks documents with. A glob that
// matches nothing, or a listed file that is not a TeamRegistry, is a configuration error (ConfigError, on the glob's
// place in srm.config.yaml): the CLI exits 2, the editor shows it on the config file. Never throws.
import * as fs from 'node:fs';
import { registriesFromSources, type ConfigError, type LoadedRegistries, type RegistrySource, type TeamContext } from '../service';
import { walkGlob, type OpenText } from './baselines';
import type { LoadedConfig } from './config';

const MAX_BYTES = 5 * 1024 * 1024;

export interface ConfigRegistries {
  loaded: LoadedRegistries;
  /** Configuration errors, at the glob they are about. */
  errors: ConfigError[];
  /** Every file read (absolute). */
  files: string[];
}

const EMPTY: ConfigRegistries = { loaded: registriesFromSources([]), errors: [], files: [] };

export function loadRegistries(cfg: LoadedConfig | undefined, openText?: OpenText): ConfigRegistries {
  const globs = cfg?.config.teamsAt ?? [];
  if (!cfg || globs.length === 0) return EMPTY;
  const errors: ConfigError[] = [];
  const at = (g: (typeof globs)[number], message: string): ConfigError => ({ message, line: g.line, column: g.column, start: g.start, end: g.end });
  const order: string[] = [];
  const globOf = new Map<string, (typeof globs)[number]>();
  for (const g of globs) {
    const walkErrors: string[] = [];
    const matched = walkGlob(cfg, g.glob, walkErrors);
    for (const e of walkErrors) errors.push(at(g, e.replace(`${cfg.path}: `, '')));
    if (matched.length === 0) errors.push(at(g, `teams: "${g.glob}" matches no file`));
    for (const m of matched) {
      if (globOf.has(m)) continue;
      globOf.set(m, g);
      order.push(m);
    }
  }
  const sources: RegistrySource[] = [];
  for (const f of order) {
    const open = openText?.(f);
    if (open !== undefined) {
      sources.push({ source: f, text: open });
      continue;
    }
    try {
      if (fs.statSync(f).size > MAX_BYTES) {
        errors.push(at(globOf.get(f)!, `teams: ${f} is larger than ${MAX_BYTES / 1024 / 1024} MB; not read`));
        continue;
      }
      sources.push({ source: f, text: fs.readFileSync(f, 'utf8') });
    } catch (e) {
      errors.push(at(globOf.get(f)!, `teams: ${f} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
    }
  }
  const loaded = registriesFromSources(sources);
  for (const file of loaded.files) {
    if (file.registries === 0) {
      errors.push(at(globOf.get(file.source)!, `teams: ${file.source} is not a team registry (it needs apiVersion: srm/v1, kind: TeamRegistry, and must parse)`));
    }
  }
  return { loaded, errors, files: sources.map((s) => s.source) };
}

/** Caches the registries per config file (a CLI run, or the server until a config or registry file changes). */
export class RegistryLoader {
  private readonly byConfig = new Map<string, ConfigRegistries>();

  /** `openText`: the editor's text of open files, which wins over the disk's (the server; the CLI reads the disk). */
  constructor(private readonly openText?: OpenText) {}

  forConfig(cfg: LoadedConfig | undefined): ConfigRegistries {
    const key = cfg?.path ?? '';
    let hit = this.byConfig.get(key);
    if (!hit) {
      hit = loadRegistries(cfg, this.openText);
      this.byConfig.set(key, hit);
    }
    return hit;
  }

  isRegistryFile(file: string): boolean {
    for (const r of this.byConfig.values()) if (r.files.includes(file)) return true;
    return false;
  }

  clear(): void {
    this.byConfig.clear();
  }
}

/** The teams a file under `cfg` may name besides its own; for a listed registry itself, the ids listed before it. */
export function teamContextFor(cfg: LoadedConfig | undefined, loader: RegistryLoader, file?: string): TeamContext | undefined {
  const r = loader.forConfig(cfg).loaded;
  if (r.context.registries.length === 0) return undefined;
  const earlier = file !== undefined ? r.earlier.get(file) : undefined;
  return earlier ? { ...r.context, earlierIds: earlier } : r.context;
}
