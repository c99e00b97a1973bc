// Parsing one chunk (a workload item, or the header: every non-item chunk of a document, concatenated): the quick
// parser for the common shape, else yaml; undefined when the chunk cannot vouch for itself (an error, an alias).
import { parseDocument, isAlias, isMap, isSeq, visit, type Document, type Node } from 'yaml';
import { MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import { analyzeHeader, analyzeWorkload, type Prepared } from '../check/analyze';
import { lastAtOrBefore } from '../lines';
import type { ChunkEntry, HeaderEntry, OffsetMap } from './parsedFile';
import { QUICK_DOC, YAML_OPTIONS, quickParseFull } from './quickYaml';
import type { Chunk } from './segment';

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
function parseChunk(src: string): { root: Node | null; doc: Document; quick?: Prepared } | undefined {
  const quick = quickParseFull(src);
  if (quick) return { root: quick.root, doc: QUICK_DOC, quick: { plain: quick.plain, dupFree: quick.dupFree } };
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
  return { ok: true, analysis: analyzeHeader(c.root, c.doc, itemCount > 0 ? itemCount : null, c.quick) };
}

export function parseItem(src: string, b: Baseline = MICROSOFT_DIAGRAM): ChunkEntry {
  const c = parseChunk(src);
  if (!c || !isSeq(c.root) || c.root.items.length !== 1) return { ok: false };
  const pre = c.quick && { plain: (c.quick.plain as unknown[])[0], dupFree: c.quick.dupFree };
  return { ok: true, analysis: analyzeWorkload(c.root.items[0] as Node, c.doc, src, b, pre) };
}
