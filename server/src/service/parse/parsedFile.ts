// What parsing a file produces: its documents, each a header and workload parts with their analyses, the chunk
// caches carried to the next version, and the segmentation the keystroke path starts from. Types only.
import type { HeaderAnalysis, WorkloadAnalysis } from '../check/analysis';
import type { RawFinding } from '../check/findings';
import type { LineIndex } from '../lines';
import type { DocRegion } from './segment';

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
  /** `metadata.name` when it is a string (read off the partial tree when the document does not parse). */
  name?: string;
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

export type ParsedDocumentBody = Omit<ParsedDocument, 'index' | 'start' | 'end' | 'headerMap'> & { headerMap: OffsetMap };

export interface ParsedFile {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  /** Chunk caches carried to the next version. */
  readonly caches: Caches;
  /** How the file was segmented, when every document was parsed by chunks: the keystroke path starts from it. */
  readonly regions?: readonly DocRegion[];
}

export interface ParseOptions {
  /** Never use chunks (the reference the chunked path is tested against). */
  whole?: boolean;
  /** Only YAML syntax (files above the size limit): chunks are still used (and cached), so a big file stays cheap
   *  per keystroke; only a document parsed whole skips the analysis. `diagnose({syntaxOnly})` reports syntax only. */
  syntaxOnly?: boolean;
}
