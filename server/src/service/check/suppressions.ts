// Applying suppression comments (check/directives.ts finds them): findings they silence are set aside, those of rules
// that cannot be silenced stay; the comments' own problems come from the three suppression rules.
import type { ParsedFile } from '../parse/parseFile';
import type { Finding, Suppression } from '../types';
import { canSuppress, RULE } from '../rules/registry';
import type { Directive } from './directives';

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
    if (!canSuppress(f.code)) {
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
  for (const d of directives) {
    for (const f of RULE['unused-suppression'].check(d, file, opts.isOff)) problems.push(f);
    if (d.misplaced) continue; // says nothing more about a comment that silences nothing where it stands
    for (const f of RULE['unknown-rule'].check(d)) problems.push(f);
    if (opts.requireReason) for (const f of RULE['suppression-reason'].check(d)) problems.push(f);
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


