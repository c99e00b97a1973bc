// What parsing a file produces: its documents, each a header and workload parts with their analyses, the chunk
// caches carried to the next version, and the segmentation the keystroke path starts from. Types only.
import type { Baseline } from '../../model';
import type { BaselineDocAnalysis } from '../baselines/document';
import type { BaselineScope } from '../baselines/scope';
import type { RegistryAnalysis } from '../registries/document';
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
  /** The baseline the document is checked against (an assignment document's; the default when it cannot resolve). */
  baseline: Baseline;
  /** unknown-baseline or invalid-baseline, in header offsets: the document's baseline did not resolve. */
  baselineError?: RawFinding;
  /** A baseline document (`kind: ResponsibilityBaseline`): its shape analysis and meaning findings (header offsets). */
  baselineDoc?: { analysis: BaselineDocAnalysis; meaning: RawFinding[] };
  /** A team registry (`kind: TeamRegistry`): its shape analysis (header offsets). */
  registryDoc?: RegistryAnalysis;
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

type CacheValue<K extends keyof Caches> = Caches[K] extends Map<string, infer V> ? V : never;

/**
 * What the `kind` cache of this parse (`cur`) or of the previous one (`old`) holds for `key()`, else `make()`; kept in
 * `cur` for the next parse. A parse checked once (DocContext.once) neither looks nor keeps: `make()`, no key made.
 */
export function cached<K extends keyof Caches>(ctx: DocContext, kind: K, cur: Caches, old: Caches | undefined, key: () => string, make: () => CacheValue<K>): CacheValue<K> {
  if (ctx.once) return make();
  const k = key();
  const map = cur[kind] as Map<string, CacheValue<K>>;
  const v = map.get(k) ?? (old?.[kind] as Map<string, CacheValue<K>> | undefined)?.get(k) ?? make();
  map.set(k, v);
  return v;
}

/** What a document needs to select and resolve its baseline. */
export interface DocContext {
  scope: BaselineScope;
  options: BaselineOptions | undefined;
  /** Part of the whole-document cache key: a document parsed whole is reused only under the same baselines. */
  key: string;
  /** ParseOptions.once: nothing is looked up in or added to the caches. */
  once: boolean;
}

/** Which baseline a document that names none is checked against, and the baseline documents in reach. */
export interface BaselineOptions {
  /** `srm lint --baseline`, else srm.config.yaml's `baseline:`; a document's own metadata.baseline wins over both. */
  fallback?: { id: string; from: 'config' | 'cli' };
  /** The baseline documents of the files srm.config.yaml lists under `baselines:`. */
  scope?: BaselineScope;
}

export interface ParsedFile {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  /** Chunk caches carried to the next version. */
  readonly caches: Caches;
  /** How the file was segmented, when every document was parsed by chunks: the keystroke path starts from it. */
  readonly regions?: readonly DocRegion[];
  /** The baselines in reach of this file: the config's and its own baseline documents. */
  readonly scope: BaselineScope;
  /** Identifies the baseline options the file was parsed with (the keystroke path reuses a parse only under the same). */
  readonly baselineKey: string;
}

export interface ParseOptions {
  /** Never use chunks (the reference the chunked path is tested against). */
  whole?: boolean;
  /** Only YAML syntax (files above the size limit): chunks are still used (and cached), so a big file stays cheap
   *  per keystroke; only a document parsed whole skips the analysis. `diagnose({syntaxOnly})` reports syntax only. */
  syntaxOnly?: boolean;
  baselines?: BaselineOptions;
  /**
   * The parse is checked once and never becomes the `previous` of another (the CLI, the workspace index, a fix's
   * re-check): its chunks are not cached (each lookup hashed the chunk's whole text), so `caches` stay empty.
   */
  once?: boolean;
}
