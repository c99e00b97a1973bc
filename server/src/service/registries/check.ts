// Checking a team registry's shape (schema against the registry schema, duplicate keys, a team id given twice), and
// reading the registries of the files srm.config.yaml lists under `teams:` into the TeamContext documents use.
import { parseAllDocuments, type Document, type Node } from 'yaml';
import { duplicateKeys, MAX_ALIAS_COUNT } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { validateRegistryValue } from '../check/schemaValidation';
import { YAML_OPTIONS } from '../parse/quickYaml';
import { RULE } from '../rules/registry';
import type { RegistryTeam, TeamContext } from '../types';
import { isRegistryRoot, registryFacts, type RegistryAnalysis } from './document';

export function analyzeRegistryDocument(root: Node | null, doc: Document): RegistryAnalysis {
  const findings: RawFinding[] = [];
  const facts = registryFacts(root);
  const js = root ? root.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : null;
  for (const f of RULE.schema.check(validateRegistryValue(js), root, [], { document: 'registry' })) findings.push(f);
  duplicateKeys(root, (k, at) => findings.push(RULE['duplicate-key'].check(k, at)));
  const ids = facts.teams.flatMap((t) => (t.id !== undefined && t.idSpan ? [{ name: t.id, span: t.idSpan }] : []));
  for (const f of RULE['duplicate-name'].check(ids, 'team')) findings.push(f);
  return { facts, findings };
}

/** A file listed under `teams:`: its path (or uri) and text. */
export interface RegistrySource {
  source: string;
  text: string;
}

export interface LoadedRegistries {
  context: TeamContext;
  /** Per listed file: whether it holds a registry (a file that is not one is a configuration error). */
  files: Array<{ source: string; registries: number }>;
  /** Per listed file with a registry: the ids registries listed before it already define. */
  earlier: Map<string, Set<string>>;
}

/** The registries of the listed files, in order (the config's globs in their order, each glob's files in path order). */
export function registriesFromSources(sources: readonly RegistrySource[]): LoadedRegistries {
  const names: string[] = [];
  const teams: RegistryTeam[] = [];
  const seen = new Set<string>();
  const files: LoadedRegistries['files'] = [];
  const earlier = new Map<string, Set<string>>();
  for (const s of sources) {
    let docs: Document[];
    try {
      docs = parseAllDocuments(s.text, YAML_OPTIONS) as unknown as Document[];
    } catch {
      docs = [];
    }
    let count = 0;
    const before = new Set(seen);
    for (const d of Array.isArray(docs) ? docs : []) {
      if (d.errors.length > 0) continue;
      const root = d.contents as Node | null;
      if (!isRegistryRoot(root)) continue;
      count++;
      const f = registryFacts(root);
      const name = f.name ?? s.source;
      names.push(name);
      for (const t of f.teams) {
        if (t.id === undefined || !t.idSpan || seen.has(t.id)) continue;
        seen.add(t.id);
        teams.push({ id: t.id, ...(t.name ? { name: t.name } : {}), ...(t.contact ? { contact: t.contact } : {}), registry: name, source: s.source, start: t.idSpan.start, end: t.idSpan.end });
      }
    }
    files.push({ source: s.source, registries: count });
    if (count > 0) earlier.set(s.source, before);
  }
  return { context: { registries: names, teams }, files, earlier };
}
