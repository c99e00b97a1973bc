// Outline and folding from one line scan: workloads (with their model) and their layers (with the owner), and
// indentation-based folding ranges. Line-based so the outline survives half-typed, unparsable text.
import { shapeOf, plainValue, type Source } from './lineContext';

export interface SymbolEntry {
  name: string;
  detail?: string;
  kind: 'workload' | 'layer';
  /** The whole range (file offsets) and the part to select (the name or the key). */
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: SymbolEntry[];
}

export interface FoldingEntry {
  /** 0-based lines. */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

/** Workloads of every document, each with its layers. */
export function symbols(src: Source): SymbolEntry[] {
  const { lines, text } = src;
  const out: SymbolEntry[] = [];
  let inWorkloads = false;
  let itemCol = -1;
  let keyCol = -1;
  let respCol = -1;
  let layerCol = -1;
  let w: SymbolEntry | undefined;
  let layer: SymbolEntry | undefined;
  let layerKeyCol = -1;
  const closeLayer = () => {
    layer = undefined;
  };
  const closeWorkload = () => {
    closeLayer();
    w = undefined;
    respCol = -1;
    layerCol = -1;
  };
  for (let l = 0; l < lines.lineCount; l++) {
    const ls = lines.lineStart(l);
    const le = lines.lineEnd(l);
    const lt = text.slice(ls, le);
    if (lt.startsWith('---') || lt.startsWith('...')) {
      closeWorkload();
      inWorkloads = false;
      continue;
    }
    const s = shapeOf(lt);
    if (s.blank) continue;
    const first = s.entries[0];
    const col = first ? first.col : s.indent;
    if (col === 0 && first?.kind === 'key') {
      closeWorkload();
      inWorkloads = first.key === 'workloads' && !first.value;
      itemCol = -1;
      continue;
    }
    if (!inWorkloads) continue;
    let keyIdx = 0;
    if (first?.kind === 'item' && (itemCol < 0 || col === itemCol)) {
      closeWorkload();
      itemCol = col;
      const k = s.entries[1];
      keyCol = k ? k.col : col + 2;
      w = { name: '(unnamed workload)', kind: 'workload', start: ls + col, end: le, selectionStart: ls + col, selectionEnd: ls + col + 1, children: [] };
      out.push(w);
      keyIdx = 1;
    }
    if (!w) continue;
    if (col <= itemCol && keyIdx === 0) {
      closeWorkload();
      continue;
    }
    w.end = le;
    const k = s.entries[keyIdx];
    const startsLayer = k?.kind === 'key' && respCol >= 0 && k.col > respCol && (layerCol < 0 || k.col === layerCol);
    if (layer && !startsLayer && col > layerKeyCol) layer.end = le;
    if (!k || k.kind !== 'key') continue;
    if (k.col === keyCol) {
      closeLayer();
      respCol = -1;
      const v = plainValue(k.value);
      if (k.key === 'name' && v) {
        w.name = v;
        w.selectionStart = ls + (k.valueStart as number);
        w.selectionEnd = ls + (k.valueStart as number) + (k.value as string).length;
      } else if (k.key === 'model' && v) w.detail = v;
      else if (k.key === 'responsibilities') {
        respCol = k.col;
        layerCol = -1;
      }
      continue;
    }
    if (respCol >= 0 && k.col > respCol) {
      if (layerCol < 0) layerCol = k.col;
      if (k.col === layerCol) {
        const v = plainValue(k.value);
        layer = {
          name: k.key as string,
          detail: v && !/^[|>{]/.test(v) ? v : undefined,
          kind: 'layer',
          start: ls + k.col,
          end: le,
          selectionStart: ls + k.col,
          selectionEnd: ls + (k.keyEnd as number),
          children: [],
        };
        layerKeyCol = k.col;
        w.children.push(layer);
      } else if (layer && k.col > layerKeyCol && k.key === 'owner') {
        const v = plainValue(k.value);
        if (v) layer.detail = v;
      }
    }
  }
  return out;
}

/** Indentation-based folding: a line folds the lines below it that are indented deeper; comment blocks fold too. */
export function foldingRanges(src: Source): FoldingEntry[] {
  const { lines, text } = src;
  const out: FoldingEntry[] = [];
  const stack: Array<{ line: number; col: number }> = [];
  let last = -1;
  let commentStart = -1;
  let commentEnd = -1;
  const flushComments = () => {
    if (commentStart >= 0 && commentEnd > commentStart) out.push({ startLine: commentStart, endLine: commentEnd, kind: 'comment' });
    commentStart = -1;
  };
  for (let l = 0; l < lines.lineCount; l++) {
    const lt = text.slice(lines.lineStart(l), lines.lineEnd(l));
    const trimmed = lt.trimStart();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      if (commentStart < 0) commentStart = l;
      commentEnd = l;
      continue;
    }
    flushComments();
    const marker = lt.startsWith('---') || lt.startsWith('...');
    const col = marker ? -1 : lt.length - trimmed.length;
    while (stack.length > 0 && (stack[stack.length - 1] as { col: number }).col >= col) {
      const top = stack.pop() as { line: number; col: number };
      if (last > top.line) out.push({ startLine: top.line, endLine: last });
    }
    if (!marker) stack.push({ line: l, col });
    last = l;
  }
  flushComments();
  while (stack.length > 0) {
    const top = stack.pop() as { line: number; col: number };
    if (last > top.line) out.push({ startLine: top.line, endLine: last });
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
