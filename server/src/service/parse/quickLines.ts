// The quick parser's line tables (quickYaml.ts): where each line of the text it parses starts and ends, its indent
// and kind, kept from one parse to the next.

/**
 * The line tables of a parse, kept from one parse to the next and grown when a text has more lines: no arrays to
 * allocate and grow per chunk (a big file has tens of thousands of chunks).
 */
export interface Lines {
  starts: Int32Array;
  ends: Int32Array;
  nexts: Int32Array;
  indents: Int32Array;
  kinds: Int32Array;
  nextTable: Int32Array;
}
let tables: Lines | undefined;

/** The shared tables, with room for at least `lines` lines; the first `keep` lines' entries are kept when they grow. */
export function tablesFor(lines: number, keep = 0): Lines {
  if (!tables || tables.starts.length < lines) {
    const old = tables;
    const size = Math.max(lines, 2 * (old?.starts.length ?? 0), 256);
    const a = (from: Int32Array | undefined): Int32Array => {
      const t = new Int32Array(size);
      if (from && keep > 0) t.set(from.subarray(0, keep));
      return t;
    };
    tables = { starts: a(old?.starts), ends: a(old?.ends), nexts: a(old?.nexts), indents: a(old?.indents), kinds: a(old?.kinds), nextTable: a(old?.nextTable) };
  }
  return tables;
}
