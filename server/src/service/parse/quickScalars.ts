// The quick parser's scalars (quickYaml.ts): a plain or quoted scalar's node as yaml's composer builds it with the
// core schema, and the bail-out the parser throws for text outside its subset.
import { Scalar } from 'yaml';
import { newScalar, QUICK_DOC } from './quickNodes';

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (value: string, onError: (msg: string) => void, options: object) => unknown;
}

const schema = QUICK_DOC.schema as unknown as { tags: ScalarTag[] } & Record<symbol, ScalarTag>;
const STRING_TAG = (Object.getOwnPropertySymbols(schema).map((s) => schema[s]).find((t) => t && (t as { tag?: string }).tag === 'tag:yaml.org,2002:str') ?? null) as ScalarTag | null;
const OPTIONS = QUICK_DOC.options as object;

/** False when this yaml has no string tag where the parser looks for it: every text is then left to `yaml`. */
export const QUICK_SUPPORTED = STRING_TAG !== null;

/** Thrown (one shared instance) for a text outside the quick subset: the caller parses it with `yaml`. */
export class Bail extends Error {}
export const BAIL = new Bail('outside the quick subset');
const bail = (): never => {
  throw BAIL;
};

export const SPACE = 32;
export const NL = 10;
export const CR = 13;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;

/** Characters that may not start a plain scalar here (indicators), or that this parser leaves to `yaml`. */
const BAD_START = new Set([...',[]{}#&*!|>%@`?:-"\''].map((c) => c.charCodeAt(0)));

const SPECIAL_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** The plain scalar `s.slice(from, to)` (a key when `atKey`); bails on an empty one or an indicator at its start. */
export function plainAt(s: string, from: number, to: number, atKey: boolean): Scalar {
  if (to <= from) throw BAIL;
  const c = s.charCodeAt(from);
  if (BAD_START.has(c)) {
    // '-', '?' and ':' may start a plain scalar when a non-space follows ("-1", ":x"); the rest may not.
    const d = s.charCodeAt(from + 1);
    if (!((c === DASH || c === 63 || c === COLON) && from + 1 < to && d !== SPACE)) throw BAIL;
  }
  return plainScalar(s.slice(from, to), atKey);
}

/**
 * The node of a plain scalar's text, as yaml's composer builds it: the core schema's first default tag whose test
 * matches resolves it (some tags build their own node: a float keeps its written fraction digits), with its format.
 */
export function plainScalar(text: string, atKey: boolean): Scalar {
  let value: unknown = text;
  let format: string | undefined;
  const c = text.charCodeAt(0);
  // Fast path: a word starting with a letter is a string unless it is one of the null or boolean spellings.
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (!letter || SPECIAL_WORDS.has(text)) {
    const tag = schema.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(text)) ?? STRING_TAG!;
    format = tag.format;
    value = tag.resolve(text, bail, OPTIONS);
  }
  const node = value instanceof Scalar ? value : newScalar(value);
  node.source = text;
  node.type = 'PLAIN';
  if (format) node.format = format;
  return node;
}

/** A quoted scalar's node from its text between the quotes (escapes and '' already handled by the caller). */
export function quotedScalar(inner: string): Scalar {
  return newScalar(STRING_TAG!.resolve(inner, bail, OPTIONS));
}
