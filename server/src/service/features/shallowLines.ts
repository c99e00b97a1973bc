// An index of the shallow lines of one version of a text (indented 0-2, not blank or comments), so the cursor's
// context finds a column-0 or column-2 ancestor without walking every line above it.
import type { LineIndex } from '../lines';

/** What the index reads: the text and where its lines start (a line index, or a view of one). */
type Text = { text: string; lines: Pick<LineIndex, 'lineCount' | 'lineStart'> };

/**
 * The lines indented 0 to 2 spaces that are not blank or comments, in order, and for each the position of the
 * nearest one at or before it that is not an item at column 2 (`  - `): what the walk up needs once it looks for
 * a column-0 or column-2 ancestor. Built once per version of the text (held weakly with its line index).
 */
export interface ShallowLines {
  line: number[];
  beforeItems: number[];
}

const shallowCache = new WeakMap<object, ShallowLines>();

export function shallowLines(src: Text): ShallowLines {
  const hit = shallowCache.get(src.lines);
  if (hit) return hit;
  const { lines, text } = src;
  const line: number[] = [];
  const beforeItems: number[] = [];
  let lastNonItem = -1;
  for (let l = 0; l < lines.lineCount; l++) {
    const ls = lines.lineStart(l);
    let ind = 0;
    while (ind < 3 && text.charCodeAt(ls + ind) === 32) ind++;
    if (ind > 2) continue;
    const c = text.charCodeAt(ls + ind);
    if (c === 10 || c === 13 || c === 35 /* # */) continue;
    if (!(ind === 2 && c === 45 /* - */)) lastNonItem = line.length;
    line.push(l);
    beforeItems.push(lastNonItem);
  }
  const out = { line, beforeItems };
  shallowCache.set(src.lines, out);
  return out;
}

/** Index of the last element of the sorted `xs` below `x`, or -1. */
export function lastBefore(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
