// unused-suppression: a suppression comment silences nothing (a rule that did not fire there, a whole-document
// comment below the document's first key); the fix removes the comment, or the one rule id that no longer fires.
import type { Directive, RuleToken } from '../check/directives';
import type { ParsedFile } from '../parse/parsedFile';
import { isRuleId, type Finding } from '../types';
import type { Rule } from './rule';

/** `isOff(rule)`: the rule is switched off, so a comment naming it is not "unused". Run after the findings were matched. */
function unusedSuppressions(d: Directive, file: ParsedFile, isOff: (rule: string) => boolean): Finding[] {
  const name = d.kind === 'next-line' ? 'srm-disable-next-line' : 'srm-disable';
  const mk = (start: number, end: number, message: string, fix: Finding['fixes'][number] | undefined): Finding => ({
    code: 'unused-suppression',
    severity: 'hint',
    message,
    start,
    end,
    fixes: fix ? [fix] : [],
    document: d.document,
  });
  if (d.misplaced) {
    return [
      mk(d.start, d.end, `"# srm-disable" silences a whole document only at its top, before the first key; here it silences nothing. Use "# srm-disable-next-line" for one line.`, undefined),
    ];
  }
  const out: Finding[] = [];
  for (const t of d.rules) {
    // An unknown id is unknown-rule's finding, not this rule's.
    if (!isRuleId(t.rule) || t.used || isOff(t.rule)) continue;
    const only = d.rules.length === 1;
    out.push(
      mk(only ? d.start : t.start, only ? d.end : t.end, `This ${name} for "${t.rule}" silences nothing: no ${t.rule} finding ${d.kind === 'next-line' ? 'is on the next line' : 'is in this document'}.`, only ? removeLineFix(file, d) : removeTokenFix(file, d, t)),
    );
  }
  if (d.rules.length === 0 && !d.usedAll) out.push(mk(d.start, d.end, `This ${name} silences nothing.`, removeLineFix(file, d)));
  return out;
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

export const rule: Rule<typeof unusedSuppressions> = {
  id: 'unused-suppression',
  defaultSeverity: 'hint',
  summary: 'A suppression comment silences nothing.',
  why: 'Stale suppressions hide future findings on that line.',
  fix: 'Delete the comment, or the rule id that no longer fires.',
  scope: 'suppression',
  suppressible: false,
  check: unusedSuppressions,
};
