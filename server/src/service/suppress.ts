// Suppression comments: `# srm-disable-next-line RULE[, RULE...] [-- reason]` and `# srm-disable RULE` at the top
// of a document; unused and unknown ones are reported, and (on request) those without a reason.
import { getRule, isRuleId } from './rules/catalog';
import { closest, didYouMean } from './suggest';
import type { ParsedFile } from './parse';
import type { RawFinding } from './raw';
import { RULE_IDS, type Finding, type Suppression } from './types';

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
/** Findings of these kinds are about suppressions themselves and cannot be silenced. */
const NOT_SUPPRESSIBLE = new Set(['unused-suppression', 'unknown-rule', 'suppression-reason', 'internal-error', 'file-too-large']);

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

/**
 * Marks findings silenced by directives (returns [active, suppressed]) and reports the directives' own problems.
 * `isOff(rule)` tells whether a rule is switched off (its directives are then not "unused").
 */
export function applySuppressions(
  file: ParsedFile,
  findings: Finding[],
  directives: Directive[],
  opts: { requireReason: boolean; isOff: (rule: string) => boolean },
): { active: Finding[]; suppressed: Finding[]; problems: Finding[] } {
  const byLine = new Map<number, Directive[]>();
  const byDoc = new Map<number, Directive[]>();
  for (const d of directives) {
    if (d.kind === 'next-line') {
      const list = byLine.get(d.target) ?? [];
      list.push(d);
      byLine.set(d.target, list);
    } else if (!d.misplaced) {
      const list = byDoc.get(d.document) ?? [];
      list.push(d);
      byDoc.set(d.document, list);
    }
  }
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    if (NOT_SUPPRESSIBLE.has(f.code)) {
      active.push(f);
      continue;
    }
    const line = file.lines.lineAt(f.start);
    const d = match(byLine.get(line), f.code) ?? match(byDoc.get(f.document), f.code);
    if (!d) {
      active.push(f);
      continue;
    }
    const s: Suppression = { kind: d.kind, start: d.start, end: d.end };
    if (d.reason) s.reason = d.reason;
    suppressed.push({ ...f, suppression: s });
  }
  const problems: Finding[] = [];
  const mk = (code: Finding['code'], d: Directive, start: number, end: number, message: string, fixes: Finding['fixes'] = []): Finding => ({
    code,
    severity: getRule(code)?.defaultSeverity ?? 'warning',
    message,
    start,
    end,
    fixes,
    document: d.document,
  });
  for (const d of directives) {
    const name = d.kind === 'next-line' ? 'srm-disable-next-line' : 'srm-disable';
    if (d.misplaced) {
      problems.push(
        mk('unused-suppression', d, d.start, d.end, `"# srm-disable" silences a whole document only at its top, before the first key; here it silences nothing. Use "# srm-disable-next-line" for one line.`),
      );
      continue;
    }
    for (const t of d.rules) {
      if (!isRuleId(t.rule)) {
        const s = closest(t.rule, RULE_IDS);
        problems.push(
          mk('unknown-rule', d, t.start, t.end, `"${t.rule}" is not an srm rule id, so this ${name} silences nothing for it.${didYouMean(s)}`, s.map((x, i) => ({
            title: `Change to "${x.value}"`,
            edits: [{ start: t.start, end: t.end, newText: x.value }],
            isPreferred: i === 0,
            safe: s.length === 1,
          }))),
        );
      } else if (!t.used && !opts.isOff(t.rule)) {
        const only = d.rules.length === 1;
        problems.push(
          mk('unused-suppression', d, only ? d.start : t.start, only ? d.end : t.end, `This ${name} for "${t.rule}" silences nothing: no ${t.rule} finding ${d.kind === 'next-line' ? 'is on the next line' : 'is in this document'}.`, [
            only ? removeLineFix(file, d) : removeTokenFix(file, d, t),
          ]),
        );
      }
    }
    if (d.rules.length === 0 && !d.usedAll) {
      problems.push(mk('unused-suppression', d, d.start, d.end, `This ${name} silences nothing.`, [removeLineFix(file, d)]));
    }
    if (opts.requireReason && !d.reason) {
      problems.push(
        mk('suppression-reason', d, d.start, d.end, `This ${name} gives no reason: add " -- " and why the finding is accepted (for example an exception id).`),
      );
    }
  }
  return { active, suppressed, problems };
}

function match(list: Directive[] | undefined, code: string): Directive | undefined {
  if (!list) return undefined;
  for (const d of list) {
    if (d.rules.length === 0) {
      d.usedAll = true;
      return d;
    }
    const t = d.rules.find((r) => r.rule === code);
    if (t) {
      t.used = true;
      return d;
    }
  }
  return undefined;
}

function removeLineFix(file: ParsedFile, d: Directive): Finding['fixes'][number] {
  const start = file.lines.lineStart(d.line);
  const next = d.line + 1 < file.lines.lineCount ? file.lines.lineStart(d.line + 1) : file.lines.lineEnd(d.line);
  return { title: 'Remove the unused suppression', edits: [{ start, end: next, newText: '' }], isPreferred: true, safe: true };
}

function removeTokenFix(file: ParsedFile, d: Directive, t: RuleToken): Finding['fixes'][number] {
  // Remove the token and one adjacent comma/space separator.
  const text = file.text;
  let start = t.start;
  let end = t.end;
  const after = /^\s*,\s*/.exec(text.slice(end, d.end));
  if (after) end += after[0].length;
  else {
    const before = /\s*,\s*$/.exec(text.slice(d.start, start));
    if (before) start -= before[0].length;
  }
  return { title: `Remove "${t.rule}" from the suppression`, edits: [{ start, end, newText: '' }], isPreferred: true, safe: true };
}

/** A fix inserting `# srm-disable-next-line RULE` above the finding's line (offered, never applied by --fix). */
export function suppressFix(file: ParsedFile, f: Finding): Finding['fixes'][number] {
  const line = file.lines.lineAt(f.start);
  const ls = file.lines.lineStart(line);
  const indent = /^[ \t]*/.exec(file.lines.lineText(line))?.[0] ?? '';
  const eol = file.text.charCodeAt(file.lines.lineEnd(line)) === 13 ? '\r\n' : '\n';
  return {
    title: `Suppress ${f.code} on this line`,
    edits: [{ start: ls, end: ls, newText: `${indent}# srm-disable-next-line ${f.code}${eol}` }],
    safe: false,
  };
}

export type { RawFinding };
