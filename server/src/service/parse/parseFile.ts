// Parsing a file into documents and parts, reusing the previous version's work: each chunk (a top-level section
// or a workload item) is parsed and analysed on its own and cached by its text, so an edit costs one chunk.
// Whenever chunks cannot vouch for the result (a parse error, an alias, a shape the line scan does not know)
// the document is parsed whole: the chunked result must always equal the whole-document result.
import { LineIndex } from '../lines';
import { headerMapOf, headerOf, parseHeader, parseItem } from './chunks';
import { parseEdited } from './keystroke';
import type { Caches, ParsedDocument, ParsedFile, ParseOptions, WorkloadPart } from './parsedFile';
import { segment, type Chunk } from './segment';
import { parseWhole } from './wholeDocument';

export type { ParsedFile, ParsedDocument, WorkloadPart, ParseOptions } from './parsedFile';

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
  const chunked = !options.whole && documents.length > 0 && documents.every((d) => !d.whole);
  return { text, lines: new LineIndex(text), documents, caches, ...(chunked ? { regions } : {}) };
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
  const name = h.analysis.name;
  return { index, start, end, syntax: [], header: h.analysis, ...(name === undefined ? {} : { name }), headerMap, workloads, whole: false };
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
