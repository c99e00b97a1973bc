// What the engine's facts leave out, read off the text at the facts' spans: a team's name and contact, an
// assignment's evidence. By a line scan in the common case (`key: plain value` lines of a block mapping), else by
// the YAML parser on that text alone.
import { parseDocument } from 'yaml';
import { MAX_ALIAS_COUNT } from '../check/facts';
import type { LineIndex } from '../lines';

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
/** A value that is not a plain scalar: quoted, flow, anchor, alias, tag, block scalar, or a reserved indicator. */
const NOT_PLAIN = /^["'[{&*!|>%@`]/;

/**
 * The plain values of the `wanted` keys of the block mapping whose keys stand at `indent` on lines [from, to]; a
 * `first` offset makes the scan start there on line `from` (a team item's first key, after its `- `). Undefined when
 * a wanted value is not that simple (the caller then parses): empty (a nested block), not plain, or continued on
 * the next line. Lines more indented belong to the value of the key above them.
 */
function plainValues(text: string, lines: LineIndex, from: number, to: number, indent: number | undefined, wanted: ReadonlySet<string>, first?: number): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let ind = indent;
  let open = false; // the last key was a wanted one with a value: a deeper line would continue it
  for (let l = from; l <= to; l++) {
    const ls = lines.lineStart(l);
    const start = l === from && first !== undefined ? first : ls;
    const raw = text.slice(start, lines.lineEnd(l));
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const col = start - ls + (raw.length - body.length);
    ind ??= col;
    if (col > ind) {
      if (open) return undefined;
      continue;
    }
    if (col < ind) break;
    const m = KEY_LINE.exec(body);
    if (!m) return undefined;
    const key = m[1] as string;
    open = false;
    if (!wanted.has(key)) continue;
    let v = m[2] ?? '';
    if (v === '' || NOT_PLAIN.test(v)) return undefined;
    const hash = v.search(/[ \t]#/);
    if (hash >= 0) v = v.slice(0, hash).trimEnd();
    out.set(key, v);
    open = true;
  }
  return out;
}

const TEAM_KEYS: ReadonlySet<string> = new Set(['name', 'contact']);
const EVIDENCE_KEY: ReadonlySet<string> = new Set(['evidence']);

/** A team item's name and contact (the item's node at [start, end) of the file). */
export function teamInfo(text: string, lines: LineIndex, start: number, end: number): { name?: string; contact?: string } {
  let v: { get(k: string): unknown } | undefined;
  if (text.charCodeAt(start) !== 123 /* { */) {
    const from = lines.lineAt(start);
    v = plainValues(text, lines, from, lines.lineAt(Math.max(start, end - 1)), start - lines.lineStart(from), TEAM_KEYS, start);
  }
  if (!v) {
    const m = readMapping(text, lines, start, end);
    v = { get: (k: string) => stringField(m, k) };
  }
  const name = v.get('name');
  const contact = v.get('contact');
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof contact === 'string' ? { contact } : {}) };
}

/**
 * No evidence: one shared frozen list. A report over thousands of files has a hundred thousand cells, most with none.
 */
export const NO_EVIDENCE: readonly string[] = Object.freeze([]);

/** The `evidence` of the long-form assignment at [start, end) (from its layer key to the end of its value). */
export function evidenceAt(text: string, lines: LineIndex, start: number, end: number): readonly string[] {
  const from = lines.lineAt(start);
  // Block style: nothing but a comment after `layer:` on its line.
  const rest = text.slice(start, lines.lineEnd(from)).replace(/^[^:]*:/, '').trim();
  if (rest === '' || rest.startsWith('#')) {
    const v = plainValues(text, lines, from + 1, lines.lineAt(Math.max(start, end - 1)), undefined, EVIDENCE_KEY);
    if (v) {
      const e = v.get('evidence');
      return e === undefined ? NO_EVIDENCE : [e];
    }
  }
  return evidenceOf(readMapping(text, lines, start, end));
}

/**
 * The value of a mapping written at [start, end) of the file (a team item, an assignment from its key to the end of
 * its value), read on its own: the text is indented as in the file (spaces up to its column), so that a block
 * mapping's lines line up. Undefined when it does not parse alone (an alias to an anchor outside, for example).
 */
function readMapping(text: string, lines: LineIndex, start: number, end: number): unknown {
  if (!(start >= 0 && end > start && end <= text.length) || end - start > 100_000) return undefined;
  const col = start - lines.lineStart(lines.lineAt(start));
  try {
    const doc = parseDocument(' '.repeat(col) + text.slice(start, end), { prettyErrors: false });
    if (doc.errors.length > 0) return undefined;
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch {
    return undefined;
  }
}

function stringField(v: unknown, key: string): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const x = (v as Record<string, unknown>)[key];
  return typeof x === 'string' ? x : undefined;
}

/** The `evidence` of an assignment read by readMapping (`{ layer: { owner, evidence } }`): a URL, or a list of them. */
function evidenceOf(v: unknown): string[] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return [];
  const inner = Object.values(v as Record<string, unknown>)[0];
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return [];
  const e = (inner as Record<string, unknown>).evidence;
  if (typeof e === 'string') return e === '' ? [] : [e];
  if (Array.isArray(e)) return e.filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}
