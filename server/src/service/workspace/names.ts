// Names across the workspace: whether a new team id or baseline name is acceptable (rename), and the fuzzy match
// workspace symbols rank by.
import { BUILTIN_IDS, KEBAB_PATTERN } from '../../model';

const KEBAB = new RegExp(KEBAB_PATTERN);

export type RenameKind = 'team' | 'baseline';

/** A kebab-case spelling of `s` to suggest ("Sec Ops" → "sec-ops"), or undefined when there is none. */
function kebabOf(s: string): string | undefined {
  const k = s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return k !== '' && KEBAB.test(k) ? k : undefined;
}

/** Why `name` cannot be the new name of a team id or a custom baseline (not kebab-case, a built-in id), if it cannot. */
export function badNewName(kind: RenameKind, name: string): string | undefined {
  const what = kind === 'team' ? 'team id' : 'baseline name';
  if (!KEBAB.test(name)) {
    const k = kebabOf(name);
    return `"${name}" is not a valid ${what}: use kebab-case (lowercase letters and digits, words joined by single hyphens)${k && k !== name ? `, like "${k}"` : ''}.`;
  }
  if (kind === 'baseline' && BUILTIN_IDS.includes(name)) return `"${name}" is a built-in baseline id; a custom baseline cannot take it.`;
  return undefined;
}

/** Whether `id` is a built-in baseline id (those have no document to rename). */
export function isBuiltinBaseline(id: string): boolean {
  return BUILTIN_IDS.includes(id);
}

/**
 * How well `name` matches a workspace-symbol query, lower is better: 0 the same (any case), 1 a prefix, 2 a
 * substring, 3 the query's characters in order (fuzzy); undefined when it does not match. An empty query matches all.
 */
export function matchScore(query: string, name: string): number | undefined {
  return symbolMatcher(query)(name);
}

/** matchScore for one query and many names (the query is lowered once: a big workspace has ~50,000 names). */
export function symbolMatcher(query: string): (name: string) => number | undefined {
  if (query === '') return () => 3;
  const q = query.toLowerCase();
  const ql = q.length;
  return (name) => {
    const n = name.toLowerCase();
    // Every kind of match needs the query's characters in the name: a shorter name has no match.
    if (n.length < ql) return undefined;
    // The characters in order first: every match has them, and most names have not (no search for the rest).
    let j = 0;
    for (let i = 0; i < n.length && j < ql; i++) if (n.charCodeAt(i) === q.charCodeAt(j)) j++;
    if (j < ql) return undefined;
    if (n === q) return 0;
    if (n.startsWith(q)) return 1;
    return n.includes(q) ? 2 : 3;
  };
}
