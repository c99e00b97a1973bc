// Suppression comments, found by a scan for the marker: `# srm-disable-next-line RULE[, RULE...] [-- reason]` and
// `# srm-disable RULE` at the top of a document, with the line each silences (a `#` line inside a block scalar is text).
import type { ParsedFile } from '../parse/parsedFile';

export interface RuleToken {
  rule: string;
  start: number;
  end: number;
  used: boolean;
}

export interface Directive {
  kind: 'next-line' | 'document';
  /** Offsets of the comment (from '#' to the end of the line). */
  start: number;
  end: number;
  line: number;
  document: number;
  /** The line it silences (next-line), -1 for a misplaced document directive. */
  target: number;
  /** Empty means every rule. */
  rules: RuleToken[];
  reason?: string;
  misplaced: boolean;
  usedAll: boolean;
}

const DIRECTIVE = /^([ \t]*)#[ \t]*srm-disable(-next-line)?(?=$|[ \t])(.*)$/;

/** Finds every suppression comment in the file (a scan for the marker, no regex over the whole text). */
export function findDirectives(file: ParsedFile): Directive[] {
  const { text, lines } = file;
  const out: Directive[] = [];
  let from = 0;
  for (;;) {
    const hit = text.indexOf('srm-disable', from);
    if (hit < 0) break;
    const line = lines.lineAt(hit);
    const ls = lines.lineStart(line);
    const le = lines.lineEnd(line);
    from = Math.max(le, hit + 1);
    const m = DIRECTIVE.exec(text.slice(ls, le));
    if (!m || inBlockScalar(file, line, (m[1] as string).length)) continue;
    const docIdx = file.documents.findIndex((d) => ls >= d.start && ls < d.end);
    const doc = file.documents[docIdx];
    const hashAt = ls + (m[1] as string).length;
    const rest = m[3] as string;
    const restStart = le - rest.length;
    const sep = rest.indexOf(' -- ');
    const rulePart = sep >= 0 ? rest.slice(0, sep) : rest;
    const reason = sep >= 0 ? rest.slice(sep + 4).trim() : undefined;
    const rules: RuleToken[] = [];
    const tok = /[^\s,]+/g;
    for (let t = tok.exec(rulePart); t; t = tok.exec(rulePart)) {
      rules.push({ rule: t[0], start: restStart + t.index, end: restStart + t.index + t[0].length, used: false });
    }
    const kind = m[2] ? 'next-line' : 'document';
    let target = -1;
    let misplaced = false;
    if (kind === 'next-line') {
      target = line + 1;
      while (target < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(target))) target++;
    } else {
      // A document-wide directive must come before the document's first content line.
      const first = doc ? firstContentLine(file, doc.start) : -1;
      misplaced = first >= 0 && line > first;
    }
    out.push({
      kind,
      start: hashAt,
      end: le,
      line,
      document: docIdx < 0 ? 0 : docIdx,
      target,
      rules,
      reason: reason ? reason : undefined,
      misplaced,
      usedAll: false,
    });
  }
  return out;
}

const BLOCK_SCALAR_HEADER = /(?:^|[ \t:]|^[ \t]*-)[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Whether a `#` line at column `col` is text inside a block scalar (`description: |`), not a comment: such a line
 * is the user's text, and a "remove the unused suppression" fix must never delete it. Walks back to the first
 * less indented line that is not a comment and asks whether it opens a block scalar (bounded to 10,000 lines).
 */
function inBlockScalar(file: ParsedFile, line: number, col: number): boolean {
  if (col === 0) return false; // nothing is less indented: a top-level comment
  const { lines } = file;
  let at = col;
  for (let l = line - 1, n = 0; l >= 0 && n < 10_000; l--, n++) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const ind = t.length - t.trimStart().length;
    if (ind >= at) continue;
    // A less indented '#' line may itself be text of the same block scalar: look further up (in doubt, text wins).
    if (t.trimStart().startsWith('#')) {
      at = ind;
      continue;
    }
    return BLOCK_SCALAR_HEADER.test(t);
  }
  return false;
}

function firstContentLine(file: ParsedFile, start: number): number {
  const { lines } = file;
  for (let l = lines.lineAt(start); l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (/^\s*(#.*)?$/.test(t) || /^(---|\.\.\.)(\s|$)/.test(t) || t.startsWith('%')) continue;
    return l;
  }
  return -1;
}
