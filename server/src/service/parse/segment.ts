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
  /** End of the line including its '\n' (start of the next line). */
  next: number;
  text: string;
}

const TOP_KEY = /^(?:[A-Za-z_][\w.-]*|"[^"\\]*"|'[^']*')[ \t]*:(?:[ \t]|$)/;
const WORKLOADS_KEY = /^workloads[ \t]*:[ \t]*(?:#.*)?$/;
const MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;

function isBlankOrComment(t: string): boolean {
  // Spaces and tabs, then '#' or the end: decided here without a copy; other characters: as trimStart() sees them.
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c === 35) return true;
    if (c > 32 && c < 127) return false;
    const s = t.slice(i).trimStart();
    return s === '' || s.startsWith('#');
  }
  return true;
}

function indentOf(t: string): number {
  let i = 0;
  while (i < t.length && t.charCodeAt(i) === 32) i++;
  return i;
}

function isDash(t: string, col: number): boolean {
  if (t.charCodeAt(col) !== 45 /* - */) return false;
  const c = t.charCodeAt(col + 1);
  return Number.isNaN(c) || c === 32 || c === 9 || c === 13;
}

/** Splits `text` into document regions by `---`/`...` marker lines, and chunks each region. */
export function segment(text: string): DocRegion[] {
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
      const chunks = !hasContent ? [] : simple ? chunkDocument(lines, end, crlf > 0) : null;
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
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    const next = nl < 0 ? n : nl + 1;
    if (nl < 0) nl = n;
    let t = text.slice(pos, nl);
    let ends = nl < n ? 1 : 0; // 1: '\n', 2: '\r\n', 3: a lone '\r'
    if (t.endsWith('\r')) {
      t = t.slice(0, -1);
      ends = nl < n ? 2 : 3;
    }
    if (t.indexOf('\r') >= 0) ends = 3;
    // Counted after a marker line has closed the previous region: the marker line is the next region's first.
    const countEnd = () => {
      if (ends === 1) lf++;
      else if (ends === 2) crlf++;
      else if (ends === 3) loneCr = true;
    };
    if (pos === 0 && t.charCodeAt(0) === 0xfeff) t = ' ' + t.slice(1); // keep columns; a BOM is not content
    if (t.startsWith('---') && MARKER.test(t)) {
      if (hasContent || hasMarker) flush(pos);
      hasMarker = true;
      countEnd();
      lines.push({ start: pos, next, text: t });
      pos = next;
      continue;
    }
    if (t.startsWith('...') && MARKER.test(t)) {
      countEnd();
      lines.push({ start: pos, next, text: t });
      flush(next);
      pos = next;
      continue;
    }
    if (!isBlankOrComment(t)) hasContent = true;
    countEnd();
    lines.push({ start: pos, next, text: t });
    pos = next;
  }
  flush(n);
  return regions;
}

/** Chunks one document's lines; null when the shape is beyond a safe line scan. */
function chunkDocument(lines: Line[], end: number, crlf: boolean): Chunk[] | null {
  const chunks: Chunk[] = [];
  let i = 0;
  // Leading comments, blank lines and a bare `---` (optionally with a comment) join the first chunk.
  const first = lines[0];
  if (!first) return [];
  let chunkStart = first.start;
  for (; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (isBlankOrComment(l.text)) continue;
    if (l.text.startsWith('---')) {
      if (!isBlankOrComment(l.text.slice(3))) return null; // content on the marker line
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
    const t = l.text;
    if (isBlankOrComment(t)) {
      i++;
      continue;
    }
    if (t.charCodeAt(0) === 9) return null; // tab indentation: let the parser report it
    if (t.startsWith('...')) {
      i++;
      continue; // the end marker stays in the last chunk
    }
    const ind = indentOf(t);
    if (ind > 0) {
      if (!current) return null;
      i++;
      continue;
    }
    if (isDash(t, 0)) {
      // An indentless sequence item continues the open section (`teams:` then `- id: x`).
      if (!current) return null;
      i++;
      continue;
    }
    const key = TOP_KEY.exec(t);
    if (!key) return null;
    // Only one plain `workloads:` section is split into items; a quoted, tagged, anchored or repeated one is
    // left to the whole parse (the header would otherwise hide or double its items).
    const isWorkloads = WORKLOADS_KEY.test(t);
    if (isWorkloads ? sawWorkloads : /^["']?workloads["']?[ \t]*:/.test(key[0])) return null;
    sawWorkloads ||= isWorkloads;
    close(current ? l.start : chunkStart);
    if (chunks.length === 0 && current === null) {
      // first key: the chunk starts at the region start, so leading comments belong to it
    }
    const start: number = chunks.length === 0 ? chunkStart : l.start;
    if (isWorkloads) {
      const r = chunkWorkloads(lines, i, start);
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
  if (crlf && lastChunk.start >= lastLine.start && lastLine.next - lastLine.start <= lastLine.text.length) return null;
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
  lines: Line[],
  keyLine: number,
  start: number,
): { chunks: Chunk[]; nextLine: number } | null {
  const chunks: Chunk[] = [];
  let i = keyLine + 1;
  // Find the first item line.
  while (i < lines.length && isBlankOrComment((lines[i] as Line).text)) i++;
  const firstItem = lines[i];
  if (!firstItem || firstItem.text.startsWith('---') || firstItem.text.startsWith('...')) {
    return { chunks: [{ kind: 'top', start, end: start }], nextLine: i };
  }
  const itemIndent = indentOf(firstItem.text);
  if (!isDash(firstItem.text, itemIndent)) {
    if (itemIndent === 0) return { chunks: [{ kind: 'top', start, end: start }], nextLine: i };
    return null;
  }
  chunks.push({ kind: 'workloads-key', start, end: firstItem.start });
  let item: Chunk = { kind: 'item', start: firstItem.start, end: firstItem.start };
  i++;
  for (; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = l.text;
    if (isBlankOrComment(t)) continue;
    if (t.charCodeAt(0) === 9) return null;
    if (t.startsWith('...') && MARKER.test(t)) continue;
    const ind = indentOf(t);
    if (t.charCodeAt(ind) === 9) return null; // tab after spaces in indentation
    if (ind > itemIndent) continue;
    if (ind === itemIndent && isDash(t, ind)) {
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
  const oldFirst = old.slice(chunk.start, Math.max(chunk.start, old.indexOf('\n', chunk.start) < 0 ? old.length : old.indexOf('\n', chunk.start)));
  const itemIndent = indentOf(oldFirst);
  let pos = chunk.start;
  let first = true;
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl >= end) {
      if (crlf || nl >= end) return false; // a CRLF document's last line without a line end: parse whole
      nl = end;
    }
    let t = text.slice(pos, nl);
    if (crlf) {
      if (t.charCodeAt(t.length - 1) !== 13) return false;
      t = t.slice(0, -1);
    }
    if (t.indexOf('\r') >= 0) return false;
    pos = nl + 1;
    if (first) {
      first = false;
      if (chunk.kind === 'item') {
        if (indentOf(t) !== itemIndent || !isDash(t, itemIndent)) return false;
      } else {
        const key = TOP_KEY.exec(t);
        if (!key || /^["']?workloads["']?[ \t]*:/.test(key[0])) return false;
      }
      continue;
    }
    if (isBlankOrComment(t)) continue;
    if (t.charCodeAt(0) === 9) return false;
    const ind = indentOf(t);
    if (chunk.kind === 'item') {
      if (t.charCodeAt(ind) === 9 || ind <= itemIndent) return false;
    } else if (ind === 0 && !isDash(t, 0)) return false;
  }
  return true;
}
