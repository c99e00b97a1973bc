// A small glob matcher for config `files`/`ignore` and command-line patterns (no dependency, no fs).
//
// Syntax: `*` (any characters but `/`), `**` (any number of path segments), `?` (one character but `/`),
// `[abc]`/`[a-z]`/`[!abc]` (one character from a class), `{a,b}` (alternatives, may nest).
// Paths and patterns use `/`. A pattern without a `/` (other than a trailing one) matches a name at any
// depth, as in .gitignore. A pattern also matches every path under a directory it matches, so `legacy`,
// `legacy/` and `legacy/**` all take in `legacy/a/b.srm.yaml`.

const cache = new Map<string, RegExp>();

/** True for strings that contain glob syntax (so a command-line argument is a pattern, not a path). */
export function isGlob(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

/** Whether the relative posix `path` (no leading `./`) matches `pattern`, or lies under a directory that does. */
export function matchesGlob(path: string, pattern: string, anchored = false): boolean {
  const re = compile(pattern, anchored);
  if (re === null) return false;
  if (re.test(path)) return true;
  // A match on any parent directory takes in the whole subtree.
  let i = path.lastIndexOf('/');
  while (i > 0) {
    if (re.test(path.slice(0, i))) return true;
    i = path.lastIndexOf('/', i - 1);
  }
  return false;
}

export function matchesAny(path: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesGlob(path, p));
}

/** The fixed directory prefix of a pattern (before its first glob character), to know where to start walking. */
export function globBase(pattern: string): string {
  const norm = normalizePattern(pattern);
  const segments = norm.split('/');
  const fixed: string[] = [];
  for (const s of segments) {
    if (isGlob(s)) break;
    fixed.push(s);
  }
  // All segments fixed means the pattern names one path: its base is its parent directory.
  if (fixed.length === segments.length) fixed.pop();
  return fixed.join('/');
}

function normalizePattern(pattern: string): string {
  let p = pattern.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/**
 * Compiles a pattern to an anchored RegExp, or null for a pattern that cannot be compiled (never throws).
 * `anchored`: a pattern without `/` matches at the base only (command-line globs), not at any depth.
 */
export function compile(pattern: string, anchored = false): RegExp | null {
  const key = `${anchored ? 1 : 0}${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let p = normalizePattern(pattern);
  if (p.endsWith('/')) p = p.slice(0, -1);
  if (p === '') return null;
  const anchoredAnywhere = !anchored && !p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let body: string;
  try {
    body = translate(p);
  } catch {
    return null;
  }
  const source = anchoredAnywhere ? `^(?:.*/)?${body}$` : `^${body}$`;
  let re: RegExp;
  try {
    re = new RegExp(source, 'u');
  } catch {
    return null;
  }
  if (cache.size > 1000) cache.clear();
  cache.set(key, re);
  return re;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function translate(p: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atStart = i === 0 || p[i - 1] === '/';
        let j = i + 2;
        const atEnd = j === p.length || p[j] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole segments; a trailing `**` matches everything below.
          if (j < p.length) {
            out += '(?:[^/]*/)*';
            j++; // consume the slash
            i = j - 1;
          } else {
            out += '.*';
            i = j - 1;
          }
          continue;
        }
        // `a**b` behaves like `a*b`.
        while (p[j] === '*') j++;
        out += '[^/]*';
        i = j - 1;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let cls = p.slice(i + 1, close);
      let negate = false;
      if (cls.startsWith('!') || cls.startsWith('^')) {
        negate = true;
        cls = cls.slice(1);
      }
      const inner = cls.replace(/[\\\]^]/g, (m) => `\\${m}`).replace(/\//g, '');
      out += negate ? `[^/${inner}]` : `[${inner}]`;
      i = close;
    } else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) {
      out += '|';
    } else {
      out += escapeRe(c);
    }
  }
  while (depth-- > 0) out += ')';
  return out;
}
