// Parsing a file into documents and parts, reusing the previous version's work: each chunk (a top-level section
// or a workload item) is parsed and analysed on its own and cached by its text, so an edit costs one chunk.
// Whenever chunks cannot vouch for the result (a parse error, an alias, a shape the line scan does not know)
// the document is parsed whole: the chunked result must always equal the whole-document result.
import { parseDocument, isAlias, isMap, isSeq, visit, type Document, type Node } from 'yaml';
import { analyzeHeader, analyzeWorkload, MAX_ALIAS_COUNT, type HeaderAnalysis, type WorkloadAnalysis } from './analyze';
import { keyText } from './facts';
import type { RawFinding } from './raw';
import { parseEdited, remember } from './incremental';
import { segment, type Chunk } from './segment';
import { LineIndex, lastAtOrBefore } from './text';
import { QUICK_DOC, YAML_OPTIONS, quickParse } from './quickyaml';


/** Maps offsets of a part's text to offsets in the file. */
export interface OffsetMap {
  (offset: number): number;
}

export interface WorkloadPart {
  /** The item's range in the file (its chunk, or its node when the document was parsed whole). */
  start: number;
  end: number;
  /** Add to the analysis' offsets to get file offsets. */
  base: number;
  analysis: WorkloadAnalysis;
}

export interface ParsedDocument {
  index: number;
  start: number;
  end: number;
  /** YAML syntax errors (file offsets); when non-empty, nothing else is checked in this document. */
  syntax: RawFinding[];
  header: HeaderAnalysis | null;
  /** Maps header offsets to file offsets. */
  headerMap: OffsetMap;
  workloads: WorkloadPart[];
  /** True when the document was parsed whole rather than by chunks. */
  whole: boolean;
}

export interface ChunkEntry {
  ok: boolean;
  analysis?: WorkloadAnalysis;
}

export interface HeaderEntry {
  ok: boolean;
  analysis?: HeaderAnalysis;
}

export interface Caches {
  items: Map<string, ChunkEntry>;
  headers: Map<string, HeaderEntry>;
  wholes: Map<string, ParsedDocumentBody>;
}

type ParsedDocumentBody = Omit<ParsedDocument, 'index' | 'start' | 'end' | 'headerMap'> & { headerMap: OffsetMap };

export interface ParsedFile {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  /** Chunk caches carried to the next version. */
  readonly caches: Caches;
}

export interface ParseOptions {
  /** Never use chunks (the reference the chunked path is tested against). */
  whole?: boolean;
  /** Only YAML syntax (files above the size limit): chunks are still used (and cached), so a big file stays cheap
   *  per keystroke; only a document parsed whole skips the analysis. `diagnose({syntaxOnly})` reports syntax only. */
  syntaxOnly?: boolean;
}

/** Parses `text`, reusing what `previous` (an earlier version of the same file) already parsed. */
export function parseFile(text: string, previous?: ParsedFile, options: ParseOptions = {}): ParsedFile {
  // A small edit inside one chunk of a chunked document: re-parse that chunk alone, shift the rest.
  const edited = previous && !options.whole ? parseEdited(text, previous) : undefined;
  if (edited) return edited;
  const old = previous?.caches;
  const caches: Caches = { items: new Map(), headers: new Map(), wholes: new Map() };
  const documents: ParsedDocument[] = [];
  const regions = segment(text);
  let index = 0;
  for (const region of regions) {
    if (!region.hasContent) continue;
    const doc: ParsedDocument =
      (!options.whole && region.chunks && region.chunks.length > 0
        ? parseChunked(text, region.chunks, index, region.start, region.end, old, caches)
        : undefined) ?? parseWhole(text, index, region.start, region.end, old, caches, options.syntaxOnly === true);
    documents.push(doc);
    index++;
  }
  return remember({ text, lines: new LineIndex(text), documents, caches }, regions, options);
}

function syntaxFindings(doc: Document, base: number, len: number): RawFinding[] {
  // Nesting so deep that the parser ran out of stack: one clear finding, not the cascade of errors that follows.
  const deep = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message));
  if (deep) {
    const message = 'YAML syntax: the document is nested too deeply to check (too many levels of [ ], { } or indentation).';
    return [{ code: 'yaml-syntax', severity: 'error', message, start: base + Math.min(deep.pos[0], len), end: base + Math.min(len, Math.max(deep.pos[0], Math.min(deep.pos[1], deep.pos[0] + 1))), fixes: [] }];
  }
  // The parser may point one past the end of the text (an unterminated flow or quote): clamp into the document.
  const clamp = (o: number) => Math.max(0, Math.min(o, len));
  return doc.errors.map((e) => ({
    code: 'yaml-syntax' as const,
    severity: 'error' as const,
    message: yamlMessage(e.message),
    start: base + clamp(e.pos[0]),
    end: base + clamp(Math.max(e.pos[1], e.pos[0])),
    fixes: [],
  }));
}

/** The parser's message without its code excerpt (the editor shows the place). */
function yamlMessage(m: string): string {
  const first = m.split('\n')[0] ?? m;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`.replace(/\.?$/, '.');
}

export function tryParse(src: string): Document | Error {
  try {
    return parseDocument(src, YAML_OPTIONS) as Document;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

export function hasAlias(node: Node | null): boolean {
  if (!node) return false;
  let found = false;
  visit(node, (_k, n) => {
    if (isAlias(n)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

function parseWhole(
  text: string,
  index: number,
  start: number,
  end: number,
  old: Caches | undefined,
  caches: Caches,
  syntaxOnly: boolean,
): ParsedDocument {
  const src = text.slice(start, end);
  const key = (syntaxOnly ? 's' : 'f') + src;
  const body = old?.wholes.get(key) ?? caches.wholes.get(key) ?? parseWholeBody(src, start, syntaxOnly);
  caches.wholes.set(key, body);
  // Offsets in a cached body are relative to the region's start when it was parsed; re-base them.
  return { ...rebase(body, start), index, start, end };
}

/** Bodies are stored relative to offset 0 of the region; `rebase` moves them to `start`. */
function rebase(body: ParsedDocumentBody, start: number): ParsedDocumentBody {
  return {
    ...body,
    syntax: body.syntax.map((f) => ({ ...f, start: f.start + start, end: f.end + start })),
    headerMap: (o: number) => o + start,
    workloads: body.workloads.map((w) => ({ ...w, start: w.start + start, end: w.end + start, base: w.base + start })),
  };
}

function parseWholeBody(src: string, _start: number, syntaxOnly: boolean): ParsedDocumentBody {
  const parsed = tryParse(src);
  const empty = (syntax: RawFinding[]): ParsedDocumentBody => ({
    syntax,
    header: null,
    headerMap: (o) => o,
    workloads: [],
    whole: true,
  });
  if (parsed instanceof Error) {
    return empty([{ code: 'yaml-syntax', severity: 'error', message: limitMessage(parsed), start: 0, end: Math.min(src.length, 1), fixes: [] }]);
  }
  if (parsed.errors.length > 0) return empty(syntaxFindings(parsed, 0, src.length));
  if (syntaxOnly) return empty([]);
  // Expanding aliases is bounded: a "billion laughs" document gets one finding, not a hang.
  try {
    parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const r = parsed.contents?.range;
    return empty([{ code: 'yaml-syntax', severity: 'error', message: limitMessage(e), start: r?.[0] ?? 0, end: r?.[1] ?? 0, fixes: [] }]);
  }
  const root = parsed.contents as Node | null;
  let items: Node[] = [];
  let count: number | null = null;
  if (isMap(root)) {
    for (const p of root.items) {
      if (keyText(p) === 'workloads' && isSeq(p.value)) {
        items = p.value.items as Node[];
        count = items.length;
      }
    }
  }
  const header = analyzeHeader(root, parsed, count);
  const workloads: WorkloadPart[] = items.map((item) => {
    const r = item?.range ?? [0, 0];
    return { start: r[0], end: r[1], base: 0, analysis: analyzeWorkload(item, parsed, src) };
  });
  return { syntax: [], header, headerMap: (o) => o, workloads, whole: true };
}

function limitMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError || /call stack/i.test(m)) return 'YAML syntax: the document is nested too deeply to check (too many levels of [ ], { } or indentation).';
  if (/alias/i.test(m)) return `YAML syntax: ${m.replace(/\.?$/, '')} (aliases are expanded at most ${MAX_ALIAS_COUNT} times).`;
  return `YAML syntax: ${m}`;
}

/** The header of a chunk list: every non-item chunk, concatenated; its offsets map back piece by piece. */
export function headerOf(text: string, chunks: readonly Chunk[]): { pieces: HeaderPiece[]; headerText: string; itemCount: number } {
  const pieces: HeaderPiece[] = [];
  let headerText = '';
  let itemCount = 0;
  for (const c of chunks) {
    if (c.kind === 'item') {
      itemCount++;
      continue;
    }
    pieces.push({ at: headerText.length, from: c.start, len: c.end - c.start });
    headerText += text.slice(c.start, c.end);
  }
  return { pieces, headerText, itemCount };
}

/** Parses a document chunk by chunk; undefined when it must be parsed whole instead. */
function parseChunked(
  text: string,
  chunks: Chunk[],
  index: number,
  start: number,
  end: number,
  old: Caches | undefined,
  caches: Caches,
): ParsedDocument | undefined {
  const { pieces, headerText, itemCount } = headerOf(text, chunks);
  const headerMap = headerMapOf(pieces);
  const hKey = `${itemCount}\u0000${headerText}`;
  const h = old?.headers.get(hKey) ?? caches.headers.get(hKey) ?? parseHeader(headerText, itemCount);
  caches.headers.set(hKey, h);
  if (!h.ok || !h.analysis) return undefined;
  const workloads: WorkloadPart[] = [];
  for (const c of chunks) {
    if (c.kind !== 'item') continue;
    const src = text.slice(c.start, c.end);
    let e = caches.items.get(src) ?? old?.items.get(src);
    if (!e) e = parseItem(src);
    caches.items.set(src, e);
    if (!e.ok || !e.analysis) return undefined;
    workloads.push({ start: c.start, end: c.end, base: c.start, analysis: e.analysis });
  }
  return { index, start, end, syntax: [], header: h.analysis, headerMap, workloads, whole: false };
}

export interface HeaderPiece {
  at: number;
  from: number;
  len: number;
}

/** Maps header offsets to file offsets, piece by piece. */
export function headerMapOf(pieces: readonly HeaderPiece[]): OffsetMap {
  return (o: number) => {
    const p = pieces[lastAtOrBefore(pieces, o, (x) => x.at)];
    return p ? p.from + (o - p.at) : o;
  };
}

/**
 * A chunk's root node and the document it belongs to: the quick parser's for the common shape (the same nodes,
 * several times faster), else yaml's; undefined when the chunk cannot vouch for itself (a parse error, an alias).
 */
function parseChunk(src: string): { root: Node | null; doc: Document } | undefined {
  const quick = quickParse(src);
  if (quick) return { root: quick, doc: QUICK_DOC };
  const parsed = tryParse(src);
  if (parsed instanceof Error || parsed.errors.length > 0) return undefined;
  const root = parsed.contents as Node | null;
  // An alias needs a '*': most chunks have none, and the tree walk is skipped.
  if (src.includes('*') && hasAlias(root)) return undefined;
  return { root, doc: parsed };
}

/** Parses and analyses the header (every non-item chunk, concatenated). */
export function parseHeader(headerText: string, itemCount: number): HeaderEntry {
  const c = parseChunk(headerText);
  if (!c || !isMap(c.root)) return { ok: false };
  return { ok: true, analysis: analyzeHeader(c.root, c.doc, itemCount > 0 ? itemCount : null) };
}

export function parseItem(src: string): ChunkEntry {
  const c = parseChunk(src);
  if (!c || !isSeq(c.root) || c.root.items.length !== 1) return { ok: false };
  return { ok: true, analysis: analyzeWorkload(c.root.items[0] as Node, c.doc, src) };
}

/** The chunk or workload part holding `offset`, for hover and completion (no whole-file work). */
export function workloadAt(file: ParsedFile, offset: number): { doc: ParsedDocument; part: WorkloadPart } | undefined {
  for (const doc of file.documents) {
    if (offset < doc.start || offset > doc.end) continue;
    const ws = doc.workloads;
    let lo = 0;
    let hi = ws.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = ws[mid] as WorkloadPart;
      if (offset < w.start) hi = mid - 1;
      else if (offset > w.end) lo = mid + 1;
      else return { doc, part: w };
    }
  }
  return undefined;
}
