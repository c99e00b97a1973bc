// What a team or baseline name written in a file stands for, as a key: two sites name the same thing when their keys
// are equal. A team reference resolves as unknown-team checks it (the document's own teams, then the registries its
// config lists, the first registry of an id winning); a baseline id as the document's baseline is selected (built-in
// ids, then the file's own baseline documents, then the config's).
import { isBuiltinBaseline } from './names';

/** What the resolution reads of a team definition site (TeamDefSite fits). */
export interface TeamDefLike {
  name: string;
  document: number;
  registry?: string;
}

/** What the resolution needs of a registry team (RegistryTeam fits). */
export interface RegistryTeamRef {
  id: string;
  source: string;
}

/** The key of a document's own team. */
export function documentTeamKey(file: string, document: number, id: string): string {
  return `doc:${file}#${document}#${id}`;
}

/** The key of a registry's team. */
export function registryTeamKey(source: string, id: string): string {
  return `reg:${source}#${id}`;
}

/** The key of what a team reference in `file` names; `unknown:<id>` when no team is defined for it. */
export function teamRefKey(file: string, defs: readonly TeamDefLike[], ref: { name: string; document: number }, registryTeams: readonly RegistryTeamRef[] | undefined): string {
  if (defs.some((d) => d.registry === undefined && d.document === ref.document && d.name === ref.name)) return documentTeamKey(file, ref.document, ref.name);
  const t = registryTeams?.find((x) => x.id === ref.name);
  return t ? registryTeamKey(t.source, t.id) : `unknown:${ref.name}`;
}

/** The key of a team definition in `file`. */
export function teamDefKey(file: string, def: TeamDefLike): string {
  return def.registry !== undefined ? registryTeamKey(file, def.name) : documentTeamKey(file, def.document, def.name);
}

/** The key of a baseline document named `name` in `source`. */
export function baselineDefKey(source: string, name: string): string {
  return `baseline:${source}#${name}`;
}

/**
 * The key of what a baseline id in `file` names: `builtin:<id>`, the file's own baseline document, the config's
 * (`configSource` gives the file that defines a name in the config's scope), else `unknown:<id>`.
 */
export function baselineRefKey(file: string, defs: readonly { name: string }[], name: string, configSource: (name: string) => string | undefined): string {
  if (isBuiltinBaseline(name)) return `builtin:${name}`;
  if (defs.some((d) => d.name === name)) return baselineDefKey(file, name);
  const src = configSource(name);
  return src !== undefined ? baselineDefKey(src, name) : `unknown:${name}`;
}
