// The keystroke path: when an edit falls inside one chunk of a chunked document and leaves the line scan's
// decisions unchanged, only that chunk is re-parsed; every other chunk, part, document and line start is the
// previous version's, shifted. Anything else returns undefined and parseFile does the full (cached) path.
// The result must equal the full path's: test/unit/incremental.test.ts checks it after thousands of edits.
import type { HeaderAnalysis } from '../check/analysis';
import { headerMapOf, headerOf, parseHeader, parseItem } from './chunks';
import type { Caches, ChunkEntry, HeaderEntry, ParsedDocument, ParsedFile, WorkloadPart } from './parsedFile';
import { rescanChunk, type Chunk, type DocRegion } from './segment';
import { LineIndex, lastAtOrBefore } from '../lines';
import { itemKey } from '../baselines/select';
import { looksLikeBaseline } from '../baselines/document';

const BLOCK = 8192;

/** Length of the common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, not reaching into the first `floor` characters of either. */
function commonSuffix(a: string, b: string, floor: number): number {
  const n = Math.min(a.length, b.length) - floor;
  let i = 0;
  while (i + BLOCK <= n && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

const shiftChunk = (c: Chunk, d: number): Chunk => ({ kind: c.kind, start: c.start + d, end: c.end + d });

function shiftRegion(r: DocRegion, d: number): DocRegion {
  return { start: r.start + d, end: r.end + d, hasContent: r.hasContent, chunks: r.chunks ? r.chunks.map((c) => shiftChunk(c, d)) : null };
}

const shiftPart = (w: WorkloadPart, d: number): WorkloadPart => ({ start: w.start + d, end: w.end + d, base: w.base + d, analysis: w.analysis });

/** A chunked document moved by `d` (its analyses are offset-free, so they are shared). */
function shiftDocument(text: string, doc: ParsedDocument, region: DocRegion, d: number): ParsedDocument {
  const { pieces } = headerOf(text, region.chunks ?? []);
  return {
    index: doc.index,
    start: doc.start + d,
    end: doc.end + d,
    syntax: doc.syntax,
    header: doc.header,
    ...(doc.name === undefined ? {} : { name: doc.name }),
    headerMap: headerMapOf(pieces),
    workloads: doc.workloads.map((w) => shiftPart(w, d)),
    whole: false,
    baseline: doc.baseline,
    ...(doc.baselineError ? { baselineError: doc.baselineError } : {}),
  };
}

/** Line starts of the new text from the old ones: the edit replaced old[p, oldEnd) by text[p, newEnd). */
function editedLines(old: LineIndex, text: string, p: number, oldEnd: number, newEnd: number): LineIndex {
  const starts = old.starts;
  // Keep starts <= p (their '\n' lies before p), then the new text's line breaks in [p, newEnd), then the
  // starts whose '\n' lies in the unchanged tail, shifted.
  const lo = lastAtOrBefore(starts, p, (s) => s);
  const out = starts.slice(0, lo + 1);
  for (let i = text.indexOf('\n', p); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  let k = lo + 1;
  while (k < starts.length && (starts[k] as number) <= oldEnd) k++;
  const d = newEnd - oldEnd;
  for (; k < starts.length; k++) out.push((starts[k] as number) + d);
  return new LineIndex(text, out);
}

/** The previous version's caches, rebuilt on demand from its parts (only the full path asks for them). */
function lazyCaches(text: string, documents: readonly ParsedDocument[], headers: Map<string, HeaderEntry>): Caches {
  let items: Map<string, ChunkEntry> | undefined;
  return {
    get items() {
      if (!items) {
        items = new Map();
        for (const doc of documents) {
          for (const w of doc.workloads) items.set(itemKey(doc.baseline, text.slice(w.start, w.end)), { ok: true, analysis: w.analysis });
        }
      }
      return items;
    },
    headers,
    wholes: new Map(),
  };
}

/** Parses `text` as an edit of `prev`, or undefined when the edit is beyond the keystroke path. */
export function parseEdited(text: string, prev: ParsedFile): ParsedFile | undefined {
  if (!prev.regions) return undefined;
  const old = prev.text;
  if (old === text) return prev;
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, p);
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  const d = newEnd - oldEnd;
  // The document and the chunk holding the edit (an insertion at a chunk's start belongs to that chunk).
  const regions = prev.regions;
  let ri = -1;
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i] as DocRegion;
    if (p >= r.start && (p < r.end || (i === regions.length - 1 && p === r.end))) {
      ri = i;
      break;
    }
  }
  const region = regions[ri];
  if (!region || !region.hasContent || !region.chunks || oldEnd > region.end) return undefined;
  const chunks = region.chunks;
  const ci = lastAtOrBefore(chunks, p, (c) => c.start);
  const chunk = chunks[ci] as Chunk;
  if (p < chunk.start || oldEnd > chunk.end || chunk.kind === 'workloads-key') return undefined;
  if (chunk.kind === 'top' && chunk.start === region.start) return undefined; // leading comments, markers, a BOM
  const end = chunk.end + d;
  const crlf = regionIsCrlf(old, region);
  if (!rescanChunk(old, text, chunk, end, crlf)) return undefined;
  // The document holding the region (documents are the regions with content, in order).
  let di = -1;
  for (let i = 0; i <= ri; i++) if ((regions[i] as DocRegion).hasContent) di++;
  const doc = prev.documents[di];
  if (!doc || doc.whole || !doc.header) return undefined;
  const newChunks = chunks.slice(0, ci);
  newChunks.push({ kind: chunk.kind, start: chunk.start, end });
  for (let i = ci + 1; i < chunks.length; i++) newChunks.push(shiftChunk(chunks[i] as Chunk, d));
  const newRegion: DocRegion = { start: region.start, end: region.end + d, hasContent: true, chunks: newChunks };
  const { pieces, headerText, itemCount } = headerOf(text, newChunks);
  let header: HeaderAnalysis = doc.header;
  const headers = new Map<string, HeaderEntry>();
  let workloads: WorkloadPart[];
  if (chunk.kind === 'item') {
    const src = text.slice(chunk.start, end);
    const e = parseItem(src, doc.baseline);
    if (!e.ok || !e.analysis) return undefined;
    // Parts and item chunks are in the same order: the k-th item chunk is the k-th part.
    let k = 0;
    for (let i = 0; i < ci; i++) if ((chunks[i] as Chunk).kind === 'item') k++;
    const part = doc.workloads[k];
    if (!part || part.start !== chunk.start) return undefined;
    workloads = doc.workloads.slice(0, k);
    workloads.push({ start: chunk.start, end, base: chunk.start, analysis: e.analysis });
    for (let i = k + 1; i < doc.workloads.length; i++) workloads.push(shiftPart(doc.workloads[i] as WorkloadPart, d));
  } else {
    if (looksLikeBaseline(headerText)) return undefined; // now a baseline document: the full path reads it as one
    const h = parseHeader(headerText, itemCount);
    if (!h.ok || !h.analysis) return undefined;
    // Another baseline (or none where there was one) changes every workload's analysis: the full path does it.
    if (h.analysis.baseline?.id !== doc.header.baseline?.id) return undefined;
    // The baseline finding's range is in header offsets: a header edit moves it; the full path recomputes it.
    if (doc.baselineError) return undefined;
    headers.set(`${itemCount}\u0000${headerText}`, h);
    header = h.analysis;
    workloads = doc.workloads.map((w) => (w.start >= chunk.end ? shiftPart(w, d) : w));
  }
  const newDoc: ParsedDocument = {
    index: doc.index,
    start: doc.start,
    end: doc.end + d,
    syntax: doc.syntax,
    header,
    ...(header.name === undefined ? {} : { name: header.name }),
    headerMap: headerMapOf(pieces),
    workloads,
    whole: false,
    baseline: doc.baseline,
    ...(doc.baselineError ? { baselineError: doc.baselineError } : {}),
  };
  const newRegions = regions.slice(0, ri);
  newRegions.push(newRegion);
  const documents = prev.documents.slice(0, di);
  documents.push(newDoc);
  for (let i = ri + 1; i < regions.length; i++) {
    const r = shiftRegion(regions[i] as DocRegion, d);
    newRegions.push(r);
    if (!r.hasContent) continue;
    const od = prev.documents[documents.length];
    if (!od) return undefined;
    documents.push(shiftDocument(text, od, r, d));
  }
  return {
    text,
    lines: editedLines(prev.lines, text, p, oldEnd, newEnd),
    documents,
    caches: lazyCaches(text, documents, headers),
    regions: newRegions,
    scope: prev.scope,
    baselineKey: prev.baselineKey,
  };
}

/** True when the region uses CRLF line ends (chunked regions never mix them, so its first line end tells). */
function regionIsCrlf(text: string, region: DocRegion): boolean {
  const nl = text.indexOf('\n', region.start);
  return nl > region.start && nl < region.end && text.charCodeAt(nl - 1) === 13;
}
