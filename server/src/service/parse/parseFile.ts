// Parsing a file into documents and parts, reusing the previous version's work: each chunk (a top-level section
// or a workload item) is parsed and analysed on its own and cached by its text, so an edit costs one chunk.
// Whenever chunks cannot vouch for the result (a parse error, an alias, a shape the line scan does not know)
// the document is parsed whole: the chunked result must always equal the whole-document result.
import type { Node } from 'yaml';
import { MICROSOFT_DIAGRAM } from '../../model';
import { LineIndex } from '../lines';
import { isBaselineRoot, looksLikeBaseline } from '../baselines/document';
import { analyzeBaselineDocument } from '../baselines/check';
import { BaselineScope, THIS_FILE, type BaselineEntry } from '../baselines/scope';
import { baselineOptionsKey, EMPTY_SCOPE, itemKey, selectBaseline } from '../baselines/select';
import { headerMapOf, headerOf, parseHeader, parseItem, tryParse } from './chunks';
import { parseEdited } from './keystroke';
import { cached, type Caches, type DocContext, type ParsedDocument, type ParsedFile, type ParseOptions, type WorkloadPart } from './parsedFile';
import { segment, type Chunk } from './segment';
import { isRegistryRoot, looksLikeRegistry } from '../registries/document';
import { analyzeRegistryDocument } from '../registries/check';
import type { RawFinding } from '../check/findings';
import { duplicateNames } from '../rules/duplicate-name';
import { parseWhole, yamlSyntaxOnly } from './wholeDocument';

export type { BaselineOptions, ParsedFile, ParsedDocument, WorkloadPart, ParseOptions } from './parsedFile';

export { THIS_FILE } from '../baselines/scope';

/** Parses `text`, reusing what `previous` (an earlier version of the same file) already parsed. */
export function parseFile(text: string, previous?: ParsedFile, options: ParseOptions = {}): ParsedFile {
  // A small edit inside one chunk of a chunked document: re-parse that chunk alone, shift the rest.
  const baselineKey = baselineOptionsKey(options.baselines);
  const edited = previous && !options.whole && previous.baselineKey === baselineKey ? parseEdited(text, previous) : undefined;
  if (edited) return edited;
  const old = previous?.caches;
  const caches: Caches = { items: new Map(), headers: new Map(), wholes: new Map() };
  const documents: ParsedDocument[] = [];
  const lineStarts = [0];
  const regions = segment(text, lineStarts);
  // The file's own baseline documents first: every document of the file may select them.
  const local = new Map<number, BaselineEntry | null>();
  for (const region of regions) {
    if (!region.hasContent || options.syntaxOnly) continue;
    const src = text.slice(region.start, region.end);
    if (looksLikeBaseline(src)) local.set(region.start, baselineEntry(src, region.start, text));
  }
  const outer = options.baselines?.scope ?? EMPTY_SCOPE;
  const scope = outer.withLocal([...local.values()].filter((e): e is BaselineEntry => e !== null));
  const ctx: DocContext = { scope, options: options.baselines, key: `${baselineKey}|${scope.key}`, once: options.once === true };
  let index = 0;
  for (const region of regions) {
    if (!region.hasContent) continue;
    const entry = local.get(region.start);
    const doc: ParsedDocument =
      (entry !== undefined ? baselineDocument(text, index, region.start, region.end, entry, scope) : undefined) ??
      (!options.syntaxOnly && looksLikeRegistry(text.slice(region.start, region.end))
        ? registryDocument(text, index, region.start, region.end)
        : undefined) ??
      (!options.whole && region.chunks && region.chunks.length > 0
        ? parseChunked(text, region.chunks, index, region.start, region.end, old, caches, ctx)
        : undefined) ??
      parseWhole(text, index, region.start, region.end, old, caches, options.syntaxOnly === true, ctx);
    documents.push(doc);
    index++;
  }
  const chunked = !options.whole && documents.length > 0 && documents.every((d) => !d.whole);
  return { text, lines: new LineIndex(text, lineStarts), documents, caches, scope, baselineKey, ...(chunked ? { regions } : {}) };
}


/** A region that looks like a baseline document, read as one: its entry, or null when it does not parse as one. */
function baselineEntry(src: string, start: number, text: string): BaselineEntry | null {
  const parsed = tryParse(src);
  if (parsed instanceof Error || parsed.errors.length > 0) return null;
  const root = parsed.contents as Node | null;
  if (!isBaselineRoot(root)) return null;
  try {
    const analysis = analyzeBaselineDocument(root, parsed);
    return { name: analysis.facts.name?.value ?? '', source: THIS_FILE, text, base: start, analysis };
  } catch {
    return null; // an alias bomb: the whole-document path reports it
  }
}

/** The ParsedDocument of a team registry; undefined when it is not one after all (or does not parse: the usual
 *  whole-document path reports its syntax). */
function registryDocument(text: string, index: number, start: number, end: number): ParsedDocument | undefined {
  const parsed = tryParse(text.slice(start, end));
  if (parsed instanceof Error || parsed.errors.length > 0) return undefined;
  const root = parsed.contents as Node | null;
  if (!isRegistryRoot(root)) return undefined;
  let registryDoc;
  try {
    registryDoc = analyzeRegistryDocument(root, parsed);
  } catch {
    return undefined; // an alias bomb: the whole-document path reports it
  }
  const name = registryDoc.facts.name;
  return { ...documentWithoutWorkloads(index, start, end, [], name), registryDoc };
}

/** A document read whole that has no workloads: a registry, a baseline document, one that does not parse. */
function documentWithoutWorkloads(index: number, start: number, end: number, syntax: RawFinding[], name?: string): ParsedDocument {
  return { index, start, end, syntax, header: null, ...(name ? { name } : {}), headerMap: (o) => o + start, workloads: [], whole: true, baseline: MICROSOFT_DIAGRAM };
}

/** The ParsedDocument of a baseline document; undefined when it is not one after all (the usual paths take it). */
function baselineDocument(
  text: string,
  index: number,
  start: number,
  end: number,
  entry: BaselineEntry | null,
  scope: BaselineScope,
): ParsedDocument | undefined {
  if (entry === null) {
    // It does not parse: its syntax findings, and nothing else, as for any document.
    const syntax = yamlSyntaxOnly(text.slice(start, end), start);
    return syntax ? documentWithoutWorkloads(index, start, end, syntax) : undefined;
  }
  // The scope's entry of that name is this document unless an earlier document took the name.
  const taken = scope.entry(entry.name) !== entry;
  const mine = taken ? new BaselineScope([entry, ...scope.allEntries()]) : scope;
  const meaning = entry.name === '' ? [] : [...mine.findingsOf(entry.name)];
  const nameSpan = entry.analysis.facts.name?.span;
  if (taken && nameSpan && scope.entry(entry.name)?.source === THIS_FILE) {
    // Two baseline documents of one file with one name: documents select the first; the repeat is reported.
    meaning.push(duplicateNames([{ name: entry.name, span: nameSpan }, { name: entry.name, span: nameSpan }], 'baseline')[0] as RawFinding);
  }
  return { ...documentWithoutWorkloads(index, start, end, [], entry.name), baselineDoc: { analysis: entry.analysis, meaning } };
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
  ctx: DocContext,
): ParsedDocument | undefined {
  const { pieces, headerText, itemCount } = headerOf(text, chunks);
  const headerMap = headerMapOf(pieces);
  const h = cached(ctx, 'headers', caches, old, () => `${itemCount}\u0000${headerText}`, () => parseHeader(headerText, itemCount));
  if (!h.ok || !h.analysis) return undefined;
  const sel = selectBaseline(h.analysis, headerText, ctx.scope, ctx.options);
  const b = sel.baseline;
  const workloads: WorkloadPart[] = [];
  for (const c of chunks) {
    if (c.kind !== 'item') continue;
    const src = text.slice(c.start, c.end);
    const e = cached(ctx, 'items', caches, old, () => itemKey(b, src), () => parseItem(src, b));
    if (!e.ok || !e.analysis) return undefined;
    workloads.push({ start: c.start, end: c.end, base: c.start, analysis: e.analysis });
  }
  const name = h.analysis.name;
  return {
    index,
    start,
    end,
    syntax: [],
    header: h.analysis,
    ...(name === undefined ? {} : { name }),
    headerMap,
    workloads,
    whole: false,
    baseline: b,
    ...(sel.error ? { baselineError: sel.error } : {}),
  };
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
