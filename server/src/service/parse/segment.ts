// Splits a file into YAML documents, and each document into chunks (top-level sections and workload items),
// by indentation alone. Chunks are parsed on their own and cached by content, so an edit re-parses only the
// chunk it falls in. Anything the line scan cannot vouch for marks the document `complex`: it is then parsed
// whole, which is always correct, only slower.

export type ChunkKind = 'top' | 'workloads-key' | 'item';

export interface Chunk {
  kind: ChunkKind;
  start: number;
  end: number;
}

export interface DocRegion {
  start: number;
  end: number;
  /** False for a region holding only comments, blank lines and markers. */
  hasContent: boolean;
  /** Null when the document must be parsed whole. */
  chunks: Chunk[] | null;
}

interface Line {
  start: number;
  /** End of the line's text: before its '\n', and before a '\r' just before that. */
  end: number;
  /** End of the line including its '\n' (start of the next line). */
  next: number;
}

// The line scans read the text in place: a line is its offsets in `s` (a file has a million of them), and only the
// few that need a pattern (markers, top-level keys) are cut out.
const TOP_KEY = /^(?:[A-Za-z_][\w.-]*|"[^"\\]*"|'[^']*')[ \t]*:(?:[ \t]|$)/;
const WORKLOADS_KEY = /^workloads[ \t]*:[ \t]*(?:#.*)?$/;
const MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;

/** Whether s[start, end) is blank or a comment. */
function isBlankOrComment(s: string, start: number, end: number): boolean {
  // Spaces and tabs, then '#' or the end: decided here without a copy; other characters: as trimStart() sees them.
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c === 35) return true;
    if (c > 32 && c < 127) return false;
    const t = s.slice(i, end).trimStart();
    return t === '' || t.startsWith('#');
  }
  return true;
}

/** The spaces at the start of s[start, end). */
function indentOf(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && s.charCodeAt(i) === 32) i++;
  return i - start;
}

/** Whether s[at, end) starts with a '-' that opens a sequence item. */
function isDash(s: string, at: number, end: number): boolean {
  if (at >= end || s.charCodeAt(at) !== 45 /* - */) return false;
  if (at + 1 >= end) return true;
  const c = s.charCodeAt(at + 1);
  return c === 32 || c === 9 || c === 13;
}

/** Whether s[start, end) starts with `prefix` (three characters: a marker). */
function startsWith(s: string, start: number, end: number, prefix: string): boolean {
  return end - start >= prefix.length && s.startsWith(prefix, start);
}

/** Whether line l is a `---` or `...` marker line. */
function isMarker(s: string, l: Line, prefix: '---' | '...'): boolean {
  return startsWith(s, l.start, l.end, prefix) && MARKER.test(s.slice(l.start, l.end));
}

/**
 * Splits `text` into document regions by `---`/`...` marker lines, and chunks each region. `lineStarts`, when given
 * (holding 0), gets the start of every later line: LineIndex's `starts`, found on the way.
 */
export function segment(text: string, lineStarts?: number[]): DocRegion[] {
  // A BOM is not content: read as a space, the columns kept (the same length, so the same offsets).
  const s = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const regions: DocRegion[] = [];
  let lines: Line[] = [];
  let regionStart = 0;
  let hasContent = false;
  let hasMarker = false;
  // Line ends: chunks must see the same ones as their document (a fix inserts lines with the document's first
  // line end; YAML also breaks lines at a lone '\r', which this scan does not), so mixed ends parse whole.
  let crlf = 0;
  let lf = 0;
  let loneCr = false;
  const flush = (end: number) => {
    if (lines.length > 0 || end > regionStart) {
      const simple = !loneCr && (crlf === 0 || lf === 0);
      const chunks = !hasContent ? [] : simple ? chunkDocument(s, lines, end, crlf > 0) : null;
      regions.push({ start: regionStart, end, hasContent, chunks });
    }
    lines = [];
    regionStart = end;
    hasContent = false;
    hasMarker = false;
    crlf = 0;
    lf = 0;
    loneCr = false;
  };
  // Counted after a marker line has closed the previous region: the marker line is the next region's first.
  const countEnd = (ends: number) => {
    if (ends === 1) lf++;
    else if (ends === 2) crlf++;
    else if (ends === 3) loneCr = true;
  };
  let pos = 0;
  const n = s.length;
  let cr = s.indexOf('\r'); // the next '\r' at or after pos, or -1
  while (pos < n) {
    let nl = s.indexOf('\n', pos);
    const next = nl < 0 ? n : nl + 1;
    if (nl < 0) nl = n;
    if (nl < n) lineStarts?.push(next);
    let end = nl;
    let ends = nl < n ? 1 : 0; // 1: '\n', 2: '\r\n', 3: a lone '\r'
    if (cr >= 0 && cr < pos) cr = s.indexOf('\r', pos);
    if (cr >= 0 && cr < nl) {
      if (nl > pos && s.charCodeAt(nl - 1) === 13) {
        end = nl - 1;
        ends = nl < n ? 2 : 3;
      }
      if (cr < end) ends = 3;
    }
    const l: Line = { start: pos, end, next };
    if (isMarker(s, l, '---')) {
      if (hasContent || hasMarker) flush(pos);
      hasMarker = true;
      countEnd(ends);
      lines.push(l);
      pos = next;
      continue;
    }
    if (isMarker(s, l, '...')) {
      countEnd(ends);
      lines.push(l);
      flush(next);
      pos = next;
      continue;
    }
    if (!hasContent && !isBlankOrComment(s, pos, end)) hasContent = true;
    countEnd(ends);
    lines.push(l);
    pos = next;
  }
  flush(n);
  return regions;
}

/** Chunks one document's lines (in `s`); null when the shape is beyond a safe line scan. */
function chunkDocument(s: string, lines: Line[], end: number, crlf: boolean): Chunk[] | null {
  const chunks: Chunk[] = [];
  let i = 0;
  // Leading comments, blank lines and a bare `---` (optionally with a comment) join the first chunk.
  const first = lines[0];
  if (!first) return [];
  let chunkStart = first.start;
  for (; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (isBlankOrComment(s, l.start, l.end)) continue;
    if (startsWith(s, l.start, l.end, '---')) {
      if (!isBlankOrComment(s, l.start + 3, l.end)) return null; // content on the marker line
      continue;
    }
    break;
  }
  let current: Chunk | null = null;
  let sawWorkloads = false;
  const close = (at: number) => {
    if (current) {
      current.end = at;
      chunks.push(current);
      current = null;
    }
  };
  while (i < lines.length) {
    const l = lines[i] as Line;
    if (isBlankOrComment(s, l.start, l.end)) {
      i++;
      continue;
    }
    if (s.charCodeAt(l.start) === 9) return null; // tab indentation: let the parser report it
    if (startsWith(s, l.start, l.end, '...')) {
      i++;
      continue; // the end marker stays in the last chunk
    }
    const ind = indentOf(s, l.start, l.end);
    if (ind > 0) {
      if (!current) return null;
      i++;
      continue;
    }
    if (isDash(s, l.start, l.end)) {
      // An indentless sequence item continues the open section (`teams:` then `- id: x`).
      if (!current) return null;
      i++;
      continue;
    }
    const t = s.slice(l.start, l.end);
    const key = TOP_KEY.exec(t);
    if (!key) return null;
    // Only one plain `workloads:` section is split into items; a quoted, tagged, anchored or repeated one is
    // left to the whole parse (the header would otherwise hide or double its items).
    const isWorkloads = WORKLOADS_KEY.test(t);
    if (isWorkloads ? sawWorkloads : /^["']?workloads["']?[ \t]*:/.test(key[0])) return null;
    sawWorkloads ||= isWorkloads;
    close(current ? l.start : chunkStart);
    const start: number = chunks.length === 0 ? chunkStart : l.start;
    if (isWorkloads) {
      const r = chunkWorkloads(s, lines, i, start);
      if (r === null) return null;
      for (const c of r.chunks) chunks.push(c); // not push(...): 100,000+ items overflow the stack
      i = r.nextLine;
      continue;
    }
    current = { kind: 'top', start, end };
    i++;
  }
  close(end);
  if (chunks.length === 0) return null;
  // A last chunk without any line end sees '\n' as its line end; a CRLF document must then be parsed whole.
  const lastLine = lines[lines.length - 1] as Line;
  const lastChunk = chunks[chunks.length - 1] as Chunk;
  if (crlf && lastChunk.start >= lastLine.start && lastLine.next <= lastLine.end) return null;
  // Make chunks contiguous: each ends where the next starts, the last at the region end.
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k] as Chunk;
    const nx = chunks[k + 1];
    c.end = nx ? nx.start : end;
  }
  return chunks;
}

/** Chunks `workloads:` and its items. Returns the line index after the section. */
function chunkWorkloads(
  s: string,
  lines: Line[],
  keyLine: number,
  start: number,
): { chunks: Chunk[]; nextLine: number } | null {
  const chunks: Chunk[] = [];
  let i = keyLine + 1;
  // Find the first item line.
  while (i < lines.length && isBlankOrComment(s, (lines[i] as Line).start, (lines[i] as Line).end)) i++;
  const firstItem = lines[i];
  if (!firstItem || startsWith(s, firstItem.start, firstItem.end, '---') || startsWith(s, firstItem.start, firstItem.end, '...')) {
    return { chunks: [{ kind: 'top', start, end: start }], nextLine: i };
  }
  const itemIndent = indentOf(s, firstItem.start, firstItem.end);
  if (!isDash(s, firstItem.start + itemIndent, firstItem.end)) {
    if (itemIndent === 0) return { chunks: [{ kind: 'top', start, end: start }], nextLine: i };
    return null;
  }
  chunks.push({ kind: 'workloads-key', start, end: firstItem.start });
  let item: Chunk = { kind: 'item', start: firstItem.start, end: firstItem.start };
  i++;
  for (; i < lines.length; i++) {
    const l = lines[i] as Line;
    const ind = indentOf(s, l.start, l.end);
    const c = l.start + ind < l.end ? s.charCodeAt(l.start + ind) : -1;
    // Spaces, then a printable character but '#' (most lines): content, indented by `ind`, no tab; else the full tests.
    if (!(c > 32 && c < 127 && c !== 35)) {
      if (isBlankOrComment(s, l.start, l.end)) continue;
      if (s.charCodeAt(l.start) === 9) return null;
      if (s.charCodeAt(l.start + ind) === 9) return null; // tab after spaces in indentation
    }
    if (ind === 0 && c === 46 /* . */ && isMarker(s, l, '...')) continue;
    if (ind > itemIndent) continue;
    if (ind === itemIndent && isDash(s, l.start + ind, l.end)) {
      item.end = l.start;
      chunks.push(item);
      item = { kind: 'item', start: l.start, end: l.start };
      continue;
    }
    if (ind === 0) break; // the next top-level key ends the section
    return null;
  }
  item.end = i < lines.length ? (lines[i] as Line).start : -1;
  chunks.push(item);
  return { chunks, nextLine: i };
}

/**
 * Whether an edited chunk keeps the line scan's decisions: `chunk` (offsets in `old`) now spans text[chunk.start,
 * end). True only when segmenting the new text would give the same chunks, moved: the chunk still starts with the
 * same kind of line, its other lines stay inside it, and its line ends match the document's.
 */
export function rescanChunk(old: string, text: string, chunk: Chunk, end: number, crlf: boolean): boolean {
  if (end <= chunk.start) return false;
  if (end < text.length && text.charCodeAt(end - 1) !== 10) return false; // the next chunk must start a line
  const oldNl = old.indexOf('\n', chunk.start);
  const itemIndent = indentOf(old, chunk.start, Math.max(chunk.start, oldNl < 0 ? old.length : oldNl));
  let pos = chunk.start;
  let first = true;
  let cr = text.indexOf('\r', pos); // the next '\r' at or after pos, or -1
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl >= end) {
      if (crlf || nl >= end) return false; // a CRLF document's last line without a line end: parse whole
      nl = end;
    }
    let lineEnd = nl;
    if (crlf) {
      if (lineEnd === pos || text.charCodeAt(lineEnd - 1) !== 13) return false;
      lineEnd--;
    }
    if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
    if (cr >= 0 && cr < lineEnd) return false;
    const at = pos;
    pos = nl + 1;
    if (first) {
      first = false;
      if (chunk.kind === 'item') {
        if (indentOf(text, at, lineEnd) !== itemIndent || !isDash(text, at + itemIndent, lineEnd)) return false;
      } else {
        const key = TOP_KEY.exec(text.slice(at, lineEnd));
        if (!key || /^["']?workloads["']?[ \t]*:/.test(key[0])) return false;
      }
      continue;
    }
    if (isBlankOrComment(text, at, lineEnd)) continue;
    if (text.charCodeAt(at) === 9) return false;
    const ind = indentOf(text, at, lineEnd);
    if (chunk.kind === 'item') {
      if (text.charCodeAt(at + ind) === 9 || ind <= itemIndent) return false;
    } else if (ind === 0 && !isDash(text, at, lineEnd)) return false;
  }
  return true;
}
