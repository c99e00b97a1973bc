// Findings as rules produce them (default severity, offsets relative to a chunk), and shifting them to the file.
import type { Finding } from '../types';

/** A finding before it is placed in a document and matched against suppressions. */
export type RawFinding = Omit<Finding, 'document' | 'suppression'>;

/** Places a finding in document `document`, moving its range and its fixes' edits through `map`. */
export function relocate(f: RawFinding, map: (offset: number) => number, document: number): Finding {
  return {
    ...f,
    start: map(f.start),
    end: map(f.end),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ start: map(e.start), end: map(e.end), newText: e.newText })) })),
    document,
  };
}

/** `relocate` by a constant offset (the common case: a chunk's base); no copying of fixes when it is 0. */
export function shift(f: RawFinding, by: number, document: number): Finding {
  return by === 0 ? { ...f, document } : relocate(f, (o) => o + by, document);
}
