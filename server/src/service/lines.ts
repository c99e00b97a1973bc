// Line bookkeeping: offsets <-> (line, character) in UTF-16 code units, as LSP and editors count them.

export interface Position {
  line: number;
  character: number;
}

/** Start offsets of every line of a text; built once per text version. */
export class LineIndex {
  readonly starts: number[];
  /** `starts` may be given when already known (an edited version's, derived from the previous one's). */
  constructor(readonly text: string, known?: number[]) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    let i = text.indexOf('\n');
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line holding `offset` (clamped to the text). */
  lineAt(offset: number): number {
    return offset <= 0 ? 0 : lastAtOrBefore(this.starts, offset, (s) => s);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - (this.starts[line] as number) };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line] as number;
    const end = this.lineEnd(pos.line);
    return Math.max(start, Math.min(start + Math.max(0, pos.character), end));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] as number;
  }

  /** Offset of the end of a line's content (before '\r\n' or '\n'). */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line] as number);
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** The line ending the text mostly uses, for inserted lines. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** In `items` sorted by `key`, the last index whose key is at most `x` (binary search); 0 when none is. */
export function lastAtOrBefore<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(items[mid] as T) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
