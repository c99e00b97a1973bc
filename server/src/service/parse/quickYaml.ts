// A fast parser for the plain shape most srm chunks have: block mappings and block sequences of single-line
// scalars, indented with spaces, with comments before the content and at the end of value lines. It builds the
// same `yaml` nodes (YAMLMap, YAMLSeq, Pair, Scalar: values, sources, types and ranges) that `yaml.parseDocument`
// composes for that text, so the rest of the engine cannot tell the two apart. Anything else (flow collections,
// anchors, tags, block or multi-line scalars, escapes, odd comments, tabs, lone CR, directives, errors) returns
// undefined and the caller parses with `yaml`. test/unit/quickyaml.test.ts compares both parsers on generated and
// fuzzed text; the engine's equivalence test compares chunked (this parser) against whole-document (`yaml`) results.
// Comments are skipped, not attached (`comment`, `commentBefore`, `spaceBefore` are not set): no rule reads them.
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { tablesFor, type Lines } from './quickLines';
import { MAP_PROTO, newCollection, newPair, SEQ_PROTO } from './quickNodes';
import { BAIL, Bail, COLON, CR, DASH, HASH, NL, QUICK_SUPPORTED, SPACE, plainAt, plainScalar, quotedScalar } from './quickScalars';

export { QUICK_DOC, toPlain, YAML_OPTIONS } from './quickNodes';

const MAX_DEPTH = 64;

/**
 * What the quick parser leaves to `yaml` anywhere in the text: C0 controls but LF (tabs included), a CR not before
 * an LF (CRLF line ends are fine), DEL, C1 controls, BOM, U+2028 and U+2029. One regular expression: about twice as
 * fast as the same test written as a loop over the characters.
 */
const OUTSIDE_CHARS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u2028\u2029]|\r(?!\n)/;

/** What the quick parser gives for a text in its subset. */
export interface QuickParse {
  root: Node;
  /** The root's plain value, built while parsing: what toPlain(root, QUICK_DOC) gives (a fresh object). */
  plain: unknown;
  /** True when no mapping repeats a key (as keyText reads keys): duplicateKeys would report nothing. */
  dupFree: boolean;
}

/** Parses `src` (one YAML document in the quick subset) to its root node; undefined when outside the subset. */
export function quickParse(src: string): Node | undefined {
  return quickParseFull(src)?.root;
}

/** quickParse with the root's plain value and whether any key repeats, found on the way. */
export function quickParseFull(src: string): QuickParse | undefined {
  if (!QUICK_SUPPORTED) return undefined;
  // Tabs, a CR not before LF, directives, document markers, BOM and other control characters are left to `yaml`.
  if (OUTSIDE_CHARS.test(src)) return undefined;
  try {
    const p = new QuickParser(src);
    const root = p.parse();
    return { root, plain: p.plainValue, dupFree: !p.dup };
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

class QuickParser {
  // The line tables (see Lines): shared by every parse, which runs to its end before the next one starts; grown
  // (see use) while the lines are read.
  private starts!: Int32Array;
  /** Where each line's content ends (before its LF or CRLF). */
  private ends!: Int32Array;
  /** Where the next line starts (after the line end), or the text's length. */
  private nexts!: Int32Array;
  private indents!: Int32Array;
  /** 0 blank, 1 comment, 2 content. */
  private kinds!: Int32Array;
  /** The first content line at or after each line, or -1 (one more entry: -1). */
  private nextTable!: Int32Array;
  /** How many lines. */
  private readonly count: number;
  private line = 0;
  /** The plain value of the collection block, map or seq built last (see toPlain). */
  plainValue: unknown = null;
  /** Whether a mapping may repeat a key (or has a `__proto__` key). */
  dup = false;
  /** The keys of the mappings being built (see map). */
  private readonly keys: string[] = [];

  constructor(private readonly src: string) {
    const n = src.length;
    this.use(tablesFor(64));
    let count = 0;
    let at = 0;
    while (at < n || (at === n && count === 0)) {
      // Room for this line and the end mark of nextTable after it.
      if (count + 2 > this.starts.length) this.use(tablesFor(count + 2, count));
      const nl = src.indexOf('\n', at);
      let end = nl < 0 ? n : nl;
      this.nexts[count] = nl < 0 ? n : nl + 1;
      if (end > at && src.charCodeAt(end - 1) === CR) end--;
      let i = at;
      while (i < end && src.charCodeAt(i) === SPACE) i++;
      this.starts[count] = at;
      this.ends[count] = end;
      this.indents[count] = i - at;
      this.kinds[count] = i === end ? 0 : src.charCodeAt(i) === HASH ? 1 : 2;
      count++;
      if (i === at && end - at >= 3) {
        const head = src.slice(at, at + 3);
        if ((head === '---' || head === '...') && (end - at === 3 || src.charCodeAt(at + 3) === SPACE)) throw BAIL;
      }
      at = nl < 0 ? n + 1 : nl + 1;
    }
    this.count = count;
    const next = this.nextTable;
    next[count] = -1;
    for (let l = count - 1; l >= 0; l--) next[l] = this.kinds[l] === 2 ? l : (next[l + 1] as number);
  }

  private use(t: Lines): void {
    this.starts = t.starts;
    this.ends = t.ends;
    this.nexts = t.nexts;
    this.indents = t.indents;
    this.kinds = t.kinds;
    this.nextTable = t.nextTable;
  }

  parse(): Node {
    const first = this.nextContent(0);
    if (first < 0) throw BAIL;
    // A comment between content lines must sit before a line at least as indented (yaml attaches a deeper one to
    // the node before it, which moves that node's range): others are left to yaml.
    let trailing = -1;
    for (let l = first + 1; l < this.count; l++) {
      if (this.kinds[l] !== 1) continue;
      const next = this.nextContent(l);
      if (next < 0) {
        if (trailing < 0) trailing = l;
        else if (this.indents[l] !== this.indents[trailing]) throw BAIL;
      } else if ((this.indents[l] as number) > (this.indents[next] as number)) throw BAIL;
    }
    this.line = first;
    const root = this.block(first, this.indents[first] as number);
    if (this.nextContent(this.line) >= 0) throw BAIL;
    if (trailing >= 0) this.trailingComments(root, this.indents[trailing] as number);
    return root;
  }

  /**
   * Comments after the last content line (indented) belong to the deepest open collection at their column:
   * its range (third offset) runs to the end of the text, and so do the ranges of the collections around it.
   */
  private trailingComments(root: Node, indent: number): void {
    const chain: Array<YAMLMap | YAMLSeq> = [];
    let node: unknown = root;
    while (node instanceof YAMLMap || node instanceof YAMLSeq) {
      chain.push(node);
      const last = node.items[node.items.length - 1] as unknown;
      node = last instanceof Pair ? last.value : last;
    }
    const end = this.src.length;
    if (node instanceof Scalar && node.source === '') {
      const r = node.range as [number, number, number];
      if (r[0] !== r[1]) throw BAIL; // a quoted empty string: left to yaml
      // After an empty value (`workloads:` before a comment and no item), at any column, yaml attaches the comments
      // to that value: its range and every collection's around it run to the end of the text.
      r[2] = end;
      for (const c of chain) {
        const r = c.range as [number, number, number];
        r[1] = end;
        r[2] = end;
      }
      return;
    }
    if (indent === 0) return; // at column 0 they belong to the document: no node's range moves
    let owner = -1;
    for (let i = 0; i < chain.length; i++) {
      const r = (chain[i] as YAMLMap).range as [number, number, number];
      const col = r[0] - (this.src.lastIndexOf('\n', r[0] - 1) + 1);
      if (col === indent) owner = i;
    }
    // Between two collections' columns yaml's choice depends on more than the columns: left to yaml.
    if (owner < 0) throw BAIL;
    for (let i = 0; i <= owner; i++) {
      const r = (chain[i] as YAMLMap).range as [number, number, number];
      if (i < owner) r[1] = end;
      r[2] = end;
    }
  }

  /** The first content line at or after `from`, or -1. */
  private nextContent(from: number): number {
    return from >= this.count ? -1 : (this.nextTable[from] as number);
  }

  /** After the line's end: the next line's start, or the end of the text. */
  private after(l: number): number {
    return this.nexts[l] as number;
  }

  private isDash(at: number): boolean {
    const s = this.src;
    if (s.charCodeAt(at) !== DASH) return false;
    const c = s.charCodeAt(at + 1);
    return c === SPACE || c === NL || Number.isNaN(c);
  }

  /** A block node starting at column `col` of line `l` (the line's content or a compact node after '- '). */
  private block(l: number, col: number): Node {
    // srm files nest a few levels: deep nesting (hostile input) is left to yaml and its own limits.
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const at = (this.starts[l] as number) + col;
    const node = this.isDash(at) ? this.seq(l, col) : this.map(l, col);
    this.depth--;
    return node;
  }

  private depth = 0;

  private seq(l: number, col: number): YAMLSeq {
    const s = this.src;
    const seq = newCollection(SEQ_PROTO);
    const plain: unknown[] = [];
    const start = (this.starts[l] as number) + col;
    let end = start;
    for (let line = l; line >= 0; line = this.nextEntry(col, true)) {
      const dash = (this.starts[line] as number) + col;
      let v = dash + 1;
      const lineEnd = this.ends[line] as number;
      while (v < lineEnd && s.charCodeAt(v) === SPACE) v++;
      // An empty item, a comment after '-', or '- - x': left to yaml.
      if (v >= lineEnd || s.charCodeAt(v) === HASH || this.isDash(v)) throw BAIL;
      const itemCol = v - (this.starts[line] as number);
      let item: Node;
      if (this.keyEnd(v, lineEnd) >= 0) {
        item = this.map(line, itemCol);
        plain.push(this.plainValue);
      } else {
        const scalar = this.inlineScalar(line, v);
        item = scalar;
        plain.push(scalar.value);
        this.line = line + 1;
      }
      seq.items.push(item);
      end = (item.range as [number, number, number])[2];
    }
    seq.range = [start, end, end];
    this.plainValue = plain;
    return seq;
  }

  /**
   * The line of a collection's next entry at column `col` ('- ' items when `dash`, keys otherwise), from `this.line`
   * (where the previous entry ended); -1 at its end. A more indented line there (a continuation or an error) bails.
   */
  private nextEntry(col: number, dash: boolean): number {
    const next = this.nextContent(this.line);
    if (next >= 0 && this.indents[next] === col && this.isDash((this.starts[next] as number) + col) === dash) return next;
    this.line = next < 0 ? this.count : next;
    if (next >= 0 && (this.indents[next] as number) > col) throw BAIL;
    return -1;
  }

  /** The offset of the ':' ending a plain key that starts at `at`, or -1 when the line is not `key:`. */
  private keyEnd(at: number, lineEnd: number): number {
    const s = this.src;
    for (let i = at; i < lineEnd; i++) {
      const c = s.charCodeAt(i);
      if (c === COLON) {
        const d = i + 1 < lineEnd ? s.charCodeAt(i + 1) : SPACE;
        if (d === SPACE) return i;
      } else if (c === HASH && i > at && s.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private map(l: number, col: number): YAMLMap {
    const s = this.src;
    const map = newCollection(MAP_PROTO);
    const plain: Record<string, unknown> = {};
    // This mapping's keys are pushed on this.keys after `base` (a nested mapping's are gone by the next key).
    const keys = this.keys;
    const base = keys.length;
    const start = (this.starts[l] as number) + col;
    let end = start;
    for (let line = l; line >= 0; line = this.nextEntry(col, false)) {
      const k = (this.starts[line] as number) + col;
      const lineEnd = this.ends[line] as number;
      const colon = this.keyEnd(k, lineEnd);
      if (colon < 0 || colon - k > 1000) throw BAIL;
      let ke = colon;
      while (ke > k && s.charCodeAt(ke - 1) === SPACE) ke--;
      const key = plainAt(s, k, ke, true);
      key.range = [k, ke, ke];
      let v = colon + 1;
      while (v < lineEnd && s.charCodeAt(v) === SPACE) v++;
      let value: Node;
      let pv: unknown;
      if (v < lineEnd) {
        if (s.charCodeAt(v) === HASH) throw BAIL; // a comment after 'key:'
        const scalar = this.inlineScalar(line, v);
        value = scalar;
        pv = scalar.value;
        this.line = line + 1;
      } else {
        const next = this.nextContent(line + 1);
        const ni = next < 0 ? -1 : (this.indents[next] as number);
        if (next >= 0 && (ni > col || (ni === col && this.isDash((this.starts[next] as number) + col)))) {
          value = this.block(next, ni);
          pv = this.plainValue;
          // A sequence at the key's own column keeps the comments after it at that column (its range moves).
          if (ni === col) {
            for (let c = this.line - 1; c > next && this.kinds[c] !== 2; c--) if (this.kinds[c] === 1 && (this.indents[c] as number) >= col) throw BAIL;
          }
        } else {
          // A comment after an empty value is attached to it by yaml (its range moves): after the last content line
          // trailingComments moves the ranges, before more content it is left to yaml.
          if (next >= 0) for (let c = line + 1; c < next; c++) if (this.kinds[c] === 1) throw BAIL;
          // An empty value: a null scalar just after the ':' and its spaces.
          value = plainScalar('', false);
          value.range = [v, v, v];
          pv = value.value;
          this.line = line + 1;
        }
      }
      map.items.push(newPair(key, value));
      // The plain value as toPlain builds it: the later of two equal keys wins, an empty key is "".
      const kv = key.value;
      const sk = kv === null ? '' : typeof kv === 'string' ? kv : String(kv);
      if (sk === '__proto__') {
        // An own property, as yaml's addPairToJSMap makes it (assignment would set the prototype).
        this.dup = true;
        Object.defineProperty(plain, sk, { value: pv, writable: true, enumerable: true, configurable: true });
      } else {
        // A repeated key: compared with this mapping's keys so far (a property lookup on the new object, missing
        // and so searched up to Object.prototype, cost more than these few string comparisons).
        for (let j = base; j < keys.length; j++) {
          if (keys[j] === sk) {
            this.dup = true;
            break;
          }
        }
        keys.push(sk);
        plain[sk] = pv;
      }
      end = (value.range as [number, number, number])[2];
    }
    map.range = [start, end, end];
    keys.length = base;
    this.plainValue = plain;
    return map;
  }

  /** A scalar that starts at `at` on line `l` and ends the line (optionally followed by a comment). */
  private inlineScalar(l: number, at: number): Scalar {
    const s = this.src;
    const lineEnd = this.ends[l] as number;
    const c = s.charCodeAt(at);
    let valueEnd: number;
    let node: Scalar;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = s.indexOf(c === 34 ? '"' : "'", at + 1);
      if (close < 0 || close >= lineEnd) throw BAIL;
      let inner = s.slice(at + 1, close);
      valueEnd = close + 1;
      if (c === 34) {
        if (inner.includes('\\')) throw BAIL;
      } else if (s.charCodeAt(valueEnd) === 39) {
        throw BAIL; // '' inside a single-quoted scalar
      }
      if (c === 39) inner = inner.replace(/''/g, "'");
      node = quotedScalar(inner);
      node.source = inner;
      node.type = c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    } else {
      valueEnd = at;
      for (let i = at; i < lineEnd; i++) {
        const d = s.charCodeAt(i);
        if (d === HASH && s.charCodeAt(i - 1) === SPACE) break;
        if (d === COLON && (i + 1 === lineEnd || s.charCodeAt(i + 1) === SPACE)) throw BAIL; // a mapping in a value
        if (d !== SPACE) valueEnd = i + 1;
      }
      node = plainAt(s, at, valueEnd, false);
    }
    // After the value: spaces, then the end of the line or a comment after a space.
    let i = valueEnd;
    while (i < lineEnd && s.charCodeAt(i) === SPACE) i++;
    if (i < lineEnd && (s.charCodeAt(i) !== HASH || i === valueEnd)) throw BAIL;
    // A more indented line after it (a continuation, or an error) makes the enclosing collection bail.
    node.range = [at, valueEnd, this.after(l)];
    return node;
  }
}
