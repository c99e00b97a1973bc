// A team registry (`kind: TeamRegistry`) read off its YAML tree: its name and teams with their ranges. The shape check
// is registries/check.ts. Offsets are relative to the document's text.
import { isMap, type Node, type Pair } from 'yaml';
import { keyText, span, stringOf, teamFacts, type Span, type TeamFacts } from '../check/facts';
import type { RawFinding } from '../check/findings';

export interface RegistryTeamFacts extends TeamFacts {
  name?: string;
  contact?: string;
}

export interface RegistryFacts {
  name?: string;
  nameSpan?: Span;
  teams: RegistryTeamFacts[];
}

export interface RegistryAnalysis {
  facts: RegistryFacts;
  /** schema, duplicate-key and duplicate-name (a team id given twice in the registry). */
  findings: RawFinding[];
}

function pairs(n: unknown): Pair[] {
  return isMap(n) ? (n.items as Pair[]) : [];
}

/** Whether a document's root mapping says `kind: TeamRegistry`. */
export function isRegistryRoot(root: unknown): boolean {
  return pairs(root).some((p) => keyText(p) === 'kind' && stringOf(p.value) === 'TeamRegistry');
}

/** A cheap look at a document's text: a top-level `kind: TeamRegistry` line. */
export function looksLikeRegistry(text: string): boolean {
  // The word first: a quick search, where the line pattern would be tried at every line of a big file.
  return text.includes('TeamRegistry') && /^kind:[ \t]*(["']?)TeamRegistry\1[ \t]*(#.*)?\r?$/m.test(text);
}

export function registryFacts(root: Node | null): RegistryFacts {
  const facts: RegistryFacts = { teams: [] };
  for (const p of pairs(root)) {
    const k = keyText(p);
    if (k === 'metadata') {
      const n = pairs(p.value).find((x) => keyText(x) === 'name');
      facts.name = stringOf(n?.value);
      facts.nameSpan = span(n?.value as Node);
    } else if (k === 'teams') {
      const base = teamFacts(p.value);
      const items = (p.value as { items?: unknown[] } | null)?.items ?? [];
      facts.teams = base.map((t, i) => {
        const it = items[i];
        const name = stringOf(pairs(it).find((x) => keyText(x) === 'name')?.value);
        const contact = stringOf(pairs(it).find((x) => keyText(x) === 'contact')?.value);
        return { ...t, ...(name === undefined ? {} : { name }), ...(contact === undefined ? {} : { contact }) };
      });
    }
  }
  return facts;
}
