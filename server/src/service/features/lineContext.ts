// The cursor's context read off the lines around it (indentation alone, no parse): which keys enclose it, whether
// it sits on a key, a value or a comment, and the word to replace. Robust for half-typed text; costs a few lines.
import type { LineIndex } from '../lines';
import { lastBefore, shallowLines } from './shallowLines';

/** What hover, completion and symbols need of a file: its text and line index (a ParsedFile fits). */
export interface Source {
  text: string;
  lines: Pick<LineIndex, 'lineCount' | 'lineAt' | 'lineStart' | 'lineEnd' | 'lineText'>;
}

/** One thing on a line: a sequence item marker `- `, or a `key:` (with its value, if any, on the same line). */
export interface Entry {
  kind: 'item' | 'key';
  /** Column of the dash or of the key's first character. */
  col: number;
  /** For keys: the key without quotes, its end column, and the value written after it on the line. */
  key?: string;
  keyEnd?: number;
  valueStart?: number;
  value?: string;
}

export interface LineShape {
  indent: number;
  entries: Entry[];
  /** A plain word with no colon after the markers (a half-typed key, or a scalar item). */
  scalar?: { col: number; text: string };
  /** Column of a `#` comment, or -1. */
  comment: number;
  blank: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"\-?:,[\]{}][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

/** Splits a line into its item markers and key, by the same rules the segmenter uses. */
export function shapeOf(line: string): LineShape {
  let indent = 0;
  while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
  const entries: Entry[] = [];
  let pos = indent;
  const rest = line.slice(indent);
  if (rest === '' || /^\s*$/.test(rest)) return { indent, entries, comment: -1, blank: true };
  if (rest.startsWith('#')) return { indent, entries, comment: indent, blank: true };
  while (line.charCodeAt(pos) === 45 /* - */ && (pos + 1 >= line.length || line.charCodeAt(pos + 1) === 32 || line.charCodeAt(pos + 1) === 9)) {
    entries.push({ kind: 'item', col: pos });
    pos++;
    while (pos < line.length && (line.charCodeAt(pos) === 32 || line.charCodeAt(pos) === 9)) pos++;
  }
  const comment = line.indexOf('#', pos) < 0 ? -1 : commentColumn(line, pos);
  // Fast path for the common line `plain-key: value` (no quotes, no comment before the colon).
  const c0 = line.charCodeAt(pos);
  if ((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95) {
    for (let j = pos + 1; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (c === 35 || c === 34 || c === 39) break; // '#', quotes: the general path decides
      if (c === 58 /* : */) {
        const n = line.charCodeAt(j + 1);
        if (j + 1 < line.length && n !== 32 && n !== 9) continue;
        let ke = j;
        while (ke > pos && (line.charCodeAt(ke - 1) === 32 || line.charCodeAt(ke - 1) === 9)) ke--;
        let vs = j + 1;
        while (vs < line.length && (line.charCodeAt(vs) === 32 || line.charCodeAt(vs) === 9)) vs++;
        const valueEnd = comment < 0 ? line.length : comment;
        const value = vs < valueEnd ? line.slice(vs, valueEnd).trimEnd() : '';
        entries.push({ kind: 'key', col: pos, key: line.slice(pos, ke), keyEnd: ke, valueStart: Math.min(vs, valueEnd), value });
        return { indent, entries, comment, blank: false };
      }
    }
  }
  const body = line.slice(pos, comment < 0 ? line.length : comment);
  const m = KEY.exec(body);
  if (m) {
    const raw = m[1] as string;
    const key = unquote(raw);
    let vs = pos + m[0].length;
    while (vs < line.length && (line.charCodeAt(vs) === 32 || line.charCodeAt(vs) === 9)) vs++;
    const valueEnd = comment < 0 ? line.length : comment;
    const value = vs < valueEnd ? line.slice(vs, valueEnd).trimEnd() : '';
    entries.push({ kind: 'key', col: pos, key, keyEnd: pos + raw.length, valueStart: Math.min(vs, valueEnd), value });
    return { indent, entries, comment, blank: false };
  }
  const text = body.trimEnd();
  return { indent, entries, scalar: text === '' ? undefined : { col: pos, text }, comment, blank: entries.length === 0 && text === '' };
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) return s.slice(1, -1);
  return s.trim();
}

/** Column of a `#` that starts a comment (after a space, outside quotes), or -1. */
function commentColumn(line: string, from: number): number {
  let q = 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (q) {
      if (c === q) q = 0;
      continue;
    }
    if ((c === 34 || c === 39) && (i === from || /[\s:,[{]/.test(line[i - 1] as string))) q = c;
    else if (c === 35 /* # */ && (i === from || line.charCodeAt(i - 1) === 32 || line.charCodeAt(i - 1) === 9)) return i;
  }
  return -1;
}

/** An enclosing key or item, with the line it is on. */
export interface Ancestor {
  kind: 'item' | 'key';
  key?: string;
  line: number;
  col: number;
}

export type Position = 'key' | 'value' | 'comment';

export interface CursorContext {
  /** Enclosing keys and items, outermost first; `path` is the same as strings ('-' for an item). */
  ancestors: Ancestor[];
  path: string[];
  position: Position;
  /** For a value: the key it belongs to. For a key: the key as written so far (may be partial or empty). */
  key?: string;
  /** The value as written (value position). */
  value?: string;
  /** The word under the cursor and the range (file offsets) a completion replaces. */
  word: string;
  replaceStart: number;
  replaceEnd: number;
  line: number;
  /** Column where the key at the cursor starts (key position). */
  keyCol: number;
  /** The line holds only item markers before the cursor (`- |`): a new, empty item. */
  emptyItem: boolean;
  /** Offsets of the current line. */
  lineStart: number;
  lineEnd: number;
}

const WORD = /[A-Za-z0-9_.\-/]/;

/** Reads the cursor's context at `offset`. Walks up at most `maxLines` lines, shaping only the few that dedent. */
export function cursorContext(src: Source, offset: number, maxLines = 1_000_000, useIndex = true): CursorContext {
  const { lines, text } = src;
  const o = Math.max(0, Math.min(offset, text.length));
  const line = lines.lineAt(o);
  const ls = lines.lineStart(line);
  const le = lines.lineEnd(line);
  const lt = text.slice(ls, le);
  const col = Math.min(o - ls, lt.length);
  const shape = shapeOf(lt);
  // The word under the cursor.
  let ws = col;
  while (ws > 0 && WORD.test(lt[ws - 1] as string)) ws--;
  let we = col;
  while (we < lt.length && WORD.test(lt[we] as string)) we++;
  const ctx: CursorContext = {
    ancestors: [],
    path: [],
    position: 'key',
    word: lt.slice(ws, col),
    replaceStart: ls + ws,
    replaceEnd: ls + we,
    line,
    keyCol: col,
    emptyItem: false,
    lineStart: ls,
    lineEnd: le,
  };
  const own: Ancestor[] = [];
  let target: number;
  let targetIsItem = false;
  if (shape.comment >= 0 && col > shape.comment) {
    ctx.position = 'comment';
    target = shape.indent;
  } else {
    const keyEntry = shape.entries.find((e) => e.kind === 'key');
    for (const e of shape.entries) if (e.kind === 'item' && e.col < col) own.push({ kind: 'item', line, col: e.col });
    if (keyEntry && col > (keyEntry.keyEnd as number)) {
      ctx.position = 'value';
      ctx.key = keyEntry.key;
      ctx.value = keyEntry.value;
      ctx.keyCol = keyEntry.col;
      own.push({ kind: 'key', key: keyEntry.key, line, col: keyEntry.col });
      // A value completion replaces the whole value word, quotes excluded.
      const vs = keyEntry.valueStart as number;
      if (col >= vs) {
        ctx.replaceStart = ls + Math.max(vs, ws);
      }
    } else {
      const kc = keyEntry ? keyEntry.col : shape.scalar ? shape.scalar.col : own.length > 0 ? Math.min(col, lt.length) : col;
      ctx.keyCol = Math.min(kc, col);
      ctx.key = keyEntry ? keyEntry.key : shape.scalar ? shape.scalar.text : '';
      if (keyEntry) {
        ctx.replaceStart = ls + keyEntry.col;
        ctx.replaceEnd = ls + (keyEntry.keyEnd as number);
      } else if (shape.scalar) {
        ctx.replaceStart = ls + Math.min(shape.scalar.col, col);
      }
      ctx.emptyItem = own.length > 0 && !keyEntry && !shape.scalar;
      if (ctx.emptyItem) {
        // `- |`: nothing typed yet; never replace the dash.
        ctx.replaceStart = ls + col;
        ctx.replaceEnd = ls + col;
        ctx.word = '';
      }
    }
    const first = own[0];
    target = first ? first.col : ctx.keyCol;
    targetIsItem = first?.kind === 'item';
  }
  // Walk up: the nearest line with an entry left of `target` encloses it. Once `target` is at most column 2, only
  // lines indented 0 to 2 can matter (every deeper line is skipped below): they come from a per-version index, and
  // sibling items at column 2 are jumped over at once (a workload deep in a big file no longer walks every line).
  const above: Ancestor[] = [];
  const shallow = useIndex ? shallowLines(src) : undefined;
  let si = -1;
  const previous = (l: number): number => {
    if (!shallow || target > 2) return l - 1;
    if (si < 0 || (shallow.line[si] as number) >= l) si = lastBefore(shallow.line, l);
    else si--;
    if (si >= 0 && target === 2 && targetIsItem) si = shallow.beforeItems[si] as number;
    return si < 0 ? -1 : (shallow.line[si] as number);
  };
  for (let l = previous(line), n = 0; l >= 0 && n < maxLines && (target > 0 || targetIsItem); l = previous(l), n++) {
    // Cheap skip: a line indented at or past `target` holds nothing left of it (most lines of a big file).
    const ls0 = lines.lineStart(l);
    let ind = 0;
    while (text.charCodeAt(ls0 + ind) === 32) ind++;
    const c = text.charCodeAt(ls0 + ind);
    if (ind === 0 && (text.startsWith('---', ls0) || text.startsWith('...', ls0))) break;
    if (ind > target || (ind === target && (!targetIsItem || c === 45 /* - */)) || c === 10 || c === 13 || c === 35 /* # */) continue;
    const t = text.slice(ls0, lines.lineEnd(l));
    if (t.startsWith('---') || t.startsWith('...')) break;
    const s = shapeOf(t);
    if (s.blank) continue;
    if (s.entries.length === 0) {
      // A scalar line (a block scalar's text, a plain item): only a dedent below `target` can matter.
      if (s.indent < target) break;
      continue;
    }
    for (let i = s.entries.length - 1; i >= 0; i--) {
      const e = s.entries[i] as Entry;
      const encloses = e.col < target || (targetIsItem && e.kind === 'key' && e.col === target && !e.value);
      if (!encloses) continue;
      if (e.kind === 'key' && e.value && !/^[|>]/.test(e.value)) {
        // A key with an inline value encloses nothing: the cursor continues at that key's level.
        target = e.col;
        targetIsItem = false;
        continue;
      }
      above.push(e.kind === 'item' ? { kind: 'item', line: l, col: e.col } : { kind: 'key', key: e.key, line: l, col: e.col });
      target = e.col;
      targetIsItem = e.kind === 'item';
    }
    if (target === 0 && !targetIsItem) break;
  }
  ctx.ancestors = [...above.reverse(), ...own];
  // In value position the key itself is the last ancestor: the path is the value's parent chain.
  ctx.path = ctx.ancestors.map((a) => (a.kind === 'item' ? '-' : (a.key as string)));
  return ctx;
}

/** The children of a block (keys at `childCol` or deeper, below `fromLine`) until it ends; a bounded scan. */
export function childKeys(src: Source, fromLine: number, parentCol: number, maxLines = 20000): Array<{ key: string; line: number; col: number; value: string }> {
  const out: Array<{ key: string; line: number; col: number; value: string }> = [];
  const { lines, text } = src;
  let childCol = -1;
  for (let l = fromLine + 1, n = 0; l < lines.lineCount && n < maxLines; l++, n++) {
    const t = text.slice(lines.lineStart(l), lines.lineEnd(l));
    if (t.startsWith('---') || t.startsWith('...')) break;
    const s = shapeOf(t);
    if (s.blank) continue;
    const first = s.entries[0] ?? (s.scalar ? { kind: 'key' as const, col: s.scalar.col } : undefined);
    const c = first ? first.col : s.indent;
    if (c <= parentCol) break;
    if (childCol < 0) childCol = c;
    if (c !== childCol) continue;
    const k = s.entries.find((e) => e.kind === 'key');
    if (s.entries[0]?.kind === 'key' && k) out.push({ key: k.key as string, line: l, col: k.col, value: k.value ?? '' });
  }
  return out;
}

/** The workload item around an ancestor chain: its keys at the item's key column (name, model, ...). */
export interface ItemInfo {
  line: number;
  /** Column of the item's keys. */
  keyCol: number;
  keys: Map<string, { line: number; value: string }>;
}

/** Reads the keys of the item whose dash is at (`line`, `dashCol`): the key on the dash's line and those below. */
export function itemKeys(src: Source, line: number, dashCol: number, maxLines = 20000): ItemInfo {
  const keys = new Map<string, { line: number; value: string }>();
  const t = src.text.slice(src.lines.lineStart(line), src.lines.lineEnd(line));
  const s = shapeOf(t);
  const idx = s.entries.findIndex((e) => e.kind === 'item' && e.col === dashCol);
  const next = s.entries[idx + 1];
  let keyCol = -1;
  if (next && next.kind === 'key') {
    keyCol = next.col;
    keys.set(next.key as string, { line, value: next.value ?? '' });
  }
  const { lines, text } = src;
  for (let l = line + 1, n = 0; l < lines.lineCount && n < maxLines; l++, n++) {
    const lt = text.slice(lines.lineStart(l), lines.lineEnd(l));
    if (lt.startsWith('---') || lt.startsWith('...')) break;
    const ls = shapeOf(lt);
    if (ls.blank) continue;
    const first = ls.entries[0];
    const c = first ? first.col : ls.indent;
    if (c <= dashCol) break;
    if (keyCol < 0) keyCol = c;
    if (c !== keyCol || !first || first.kind !== 'key') continue;
    if (!keys.has(first.key as string)) keys.set(first.key as string, { line: l, value: first.value ?? '' });
  }
  return { line, keyCol, keys };
}

/** Strips quotes and a trailing comment from a value as written. */
export function plainValue(v: string | undefined): string {
  if (v === undefined) return '';
  return unquote(v.trim());
}

/** Ids of the teams of the document holding `line` (a line scan of its `teams:` section). */
export function teamIds(src: Source, line: number, maxLines = 200000): Array<{ id: string; name?: string; contact?: string; line: number }> {
  const { lines, text } = src;
  // The document's first line.
  let start = line;
  for (let n = 0; start > 0 && n < maxLines; start--, n++) {
    const ls = lines.lineStart(start);
    if (text.startsWith('---', ls) || text.startsWith('...', ls)) {
      start++;
      break;
    }
  }
  const out: Array<{ id: string; name?: string; contact?: string; line: number }> = [];
  let inTeams = false;
  let current: { id: string; name?: string; contact?: string; line: number } | undefined;
  let pending: { name?: string; contact?: string } = {};
  for (let l = Math.max(0, start), n = 0; l < lines.lineCount && n < maxLines; l++, n++) {
    const ls = lines.lineStart(l);
    const c0 = text.charCodeAt(ls);
    if (l > start && (text.startsWith('---', ls) || text.startsWith('...', ls))) break;
    // Only column-0 keys and lines inside `teams:` matter; skip the rest without slicing.
    const atCol0 = c0 !== 32 && c0 !== 10 && c0 !== 13 && c0 !== 35 && !Number.isNaN(c0);
    if (atCol0 && c0 !== 45) {
      const was = inTeams;
      inTeams = /^teams[ \t]*:/.test(text.slice(ls, ls + 8));
      if (was && !inTeams) break; // the teams section is over: the rest of the document cannot add teams
      continue;
    }
    if (!inTeams) continue;
    const s = shapeOf(text.slice(ls, lines.lineEnd(l)));
    if (s.blank) continue;
    if (s.entries[0]?.kind === 'item') {
      current = undefined;
      pending = {};
    }
    const k = s.entries.find((e) => e.kind === 'key');
    if (!k) continue;
    const v = plainValue(k.value);
    if (k.key === 'id' && v) {
      current = { id: v, line: l, ...pending };
      out.push(current);
    } else if (k.key === 'name' || k.key === 'contact') {
      if (current) current[k.key] = v;
      else pending[k.key] = v;
    }
  }
  return out;
}
