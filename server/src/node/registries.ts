// The team registries a srm.config.yaml lists under `teams:` (globs relative to the config file): found with the same
// bounded walk as the baselines, read, and turned into the TeamContext the engine checks documents with. A glob that
// matches nothing, or a listed file that is not a TeamRegistry, is a configuration error (ConfigError, on the glob's
// place in srm.config.yaml): the CLI exits 2, the editor shows it on the config file. Never throws.
import { registriesFromSources, type ConfigError, type LoadedRegistries, type RegistrySource, type TeamContext } from '../service';
import { LISTED_MAX_BYTES, PerConfig, readListed, walkGlob, type OpenText } from './baselines';
import type { LoadedConfig } from './config';


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
    const r = readListed(f, openText);
    if ('text' in r) sources.push({ source: f, text: r.text });
    else if ('tooLarge' in r) errors.push(at(globOf.get(f)!, `teams: ${f} is larger than ${LISTED_MAX_BYTES / 1024 / 1024} MB; not read`));
    else errors.push(at(globOf.get(f)!, `teams: ${f} cannot be read (${r.code})`));
  }
  const loaded = registriesFromSources(sources);
  for (const file of loaded.files) {
    if (file.registries === 0) {
      errors.push(at(globOf.get(file.source)!, `teams: ${file.source} is not a team registry (it needs apiVersion: srm/v1, kind: TeamRegistry, and must parse)`));
    }
  }
  return { loaded, errors, files: sources.map((s) => s.source) };
}

/** The registries per config file (PerConfig in baselines.ts). */
export class RegistryLoader extends PerConfig<ConfigRegistries> {
  constructor(openText?: OpenText) {
    super(loadRegistries, openText);
  }
}

/** The teams a file under `cfg` may name besides its own; for a listed registry itself, the ids listed before it. */
export function teamContextFor(cfg: LoadedConfig | undefined, loader: RegistryLoader, file?: string): TeamContext | undefined {
  const r = loader.forConfig(cfg).loaded;
  if (r.context.registries.length === 0) return undefined;
  const earlier = file !== undefined ? r.earlier.get(file) : undefined;
  return earlier ? { ...r.context, earlierIds: earlier } : r.context;
}
