// Turns a parsed file into findings: per-part results (cached), the cross-workload rules on a small index,
// severity overrides and suppressions.
import { canSuppress, getRule, RULE } from '../rules/registry';
import type { Named } from '../rules/duplicate-name';
import type { TeamRef } from '../rules/unknown-team';
import { guarded } from './analyze';
import type { ParsedDocument, ParsedFile } from '../parse/parseFile';
import { relocate, shift, type RawFinding } from './findings';
import { findDirectives } from './directives';
import { applySuppressions, suppressFix } from './suppressions';
import type { DiagnoseOptions, Finding, Severity, SeverityOrOff, TeamContext } from '../types';

/** Every finding of the file, sorted by position. */
export function diagnose(file: ParsedFile, options: DiagnoseOptions = {}): Finding[] {
  const raw: Finding[] = [];
  for (const doc of file.documents) collect(doc, raw, options.syntaxOnly === true, options.teams);
  if (options.syntaxOnly) {
    raw.push({
      code: 'file-too-large',
      severity: 'info',
      message: 'This file is above the size limit (srm.maxFileSize), so only its YAML syntax is checked.',
      start: 0,
      end: Math.min(file.text.length, file.lines.lineEnd(0)),
      fixes: [],
      document: 0,
    });
  }
  const sev = options.severities ?? {};
  const level = (code: string, dflt: Severity): SeverityOrOff => {
    const o = sev[code];
    return o ?? dflt;
  };
  const isOff = (code: string) => sev[code] === 'off';
  let active = raw;
  let suppressed: Finding[] = [];
  if (options.inlineSuppressions !== false && file.text.includes('srm-disable')) {
    const r = applySuppressions(file, raw, findDirectives(file), { requireReason: options.requireReason === true, isOff });
    active = [...r.active, ...r.problems];
    suppressed = r.suppressed;
  }
  const out: Finding[] = [];
  const finish = (f: Finding): Finding | undefined => {
    // Shared-responsibility rules keep their own severity split (customer-only-duty: shared is a warning);
    // an override replaces it, whatever it was.
    const meta = getRule(f.code);
    const s = meta ? level(f.code, f.severity) : f.severity;
    if (s === 'off') return undefined;
    const fixes = canSuppress(f.code) ? [...f.fixes, suppressFix(file, f)] : f.fixes;
    return { ...f, severity: s, fixes };
  };
  for (const f of active) {
    const g = finish(f);
    if (g) out.push(g);
  }
  if (options.includeSuppressed) {
    for (const f of suppressed) {
      const g = finish(f);
      if (g) out.push(g);
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return out;
}

/** A team id a registry listed earlier defines too: duplicate-name on this repeat (a registry's or a document's). */
function duplicateTeamOfRegistry(id: string, at: { start: number; end: number }, where: 'registry' | 'document'): RawFinding {
  return {
    code: 'duplicate-name',
    severity: 'error',
    message:
      where === 'registry'
        ? `A registry listed earlier in srm.config.yaml already defines team "${id}"; documents use the first.`
        : `Team "${id}" is already defined by a registry srm.config.yaml lists; remove this copy (or rename it).`,
    start: at.start,
    end: at.end,
    fixes: [],
  };
}

function collect(doc: ParsedDocument, out: Finding[], syntaxOnly: boolean, teamsCtx?: TeamContext): void {
  const d = doc.index;
  if (doc.registryDoc && doc.syntax.length === 0 && !syntaxOnly) {
    const map = doc.headerMap;
    for (const f of doc.registryDoc.findings) out.push(relocate(f, map, d));
    // A team an earlier registry of the same config already defines: this (later) registry's repeat.
    const earlier = teamsCtx?.earlierIds;
    if (earlier) {
      for (const t of doc.registryDoc.facts.teams) {
        if (t.id === undefined || !t.idSpan || !earlier.has(t.id)) continue;
        out.push(relocate(duplicateTeamOfRegistry(t.id, t.idSpan, 'registry'), map, d));
      }
    }
    return;
  }
  if (doc.baselineDoc && doc.syntax.length === 0 && !syntaxOnly) {
    const map = doc.headerMap;
    for (const f of doc.baselineDoc.analysis.findings) out.push(relocate(f, map, d));
    for (const f of doc.baselineDoc.meaning) out.push(relocate(f, map, d));
    return;
  }
  if (doc.syntax.length > 0 || syntaxOnly || !doc.header) {
    for (const f of doc.syntax) out.push(shift(f, 0, d));
    return;
  }
  const map = doc.headerMap;
  if (doc.baselineError) {
    // Rules run against a missing matrix would mislead: the baseline finding and duplicate keys only.
    out.push(relocate(doc.baselineError, map, d));
    for (const f of doc.header.findings) if (f.code === 'duplicate-key') out.push(relocate(f, map, d));
    for (const w of doc.workloads) for (const f of w.analysis.findings) if (f.code === 'duplicate-key') out.push(shift(f, w.base, d));
    return;
  }
  for (const f of doc.header.findings) out.push(relocate(f, map, d));
  const names: Named[] = [];
  const refs: TeamRef[] = [];
  for (const w of doc.workloads) {
    const a = w.analysis;
    for (const f of a.findings) out.push(shift(f, w.base, d));
    const n = a.facts;
    if (n.name !== undefined && n.nameSpan) {
      names.push({ name: n.name, span: { start: n.nameSpan.start + w.base, end: n.nameSpan.end + w.base } });
    }
    for (const r of a.teamRefs) refs.push({ ...r, span: { start: r.span.start + w.base, end: r.span.end + w.base } });
  }
  for (const r of doc.header.teamRefs) refs.push({ ...r, span: { start: map(r.span.start), end: map(r.span.end) } });
  const teams: Named[] = [];
  for (const t of doc.header.teams) {
    if (t.id !== undefined && t.idSpan) teams.push({ name: t.id, span: { start: map(t.idSpan.start), end: map(t.idSpan.end) } });
  }
  const at = { start: doc.start, end: doc.start };
  const cross: RawFinding[] = [];
  guarded('duplicate names', at, cross, () => {
    // A loop, not push(...): a file with 100,000+ repeats would overflow the stack with spread arguments.
    for (const f of [...RULE['duplicate-name'].check(names, 'workload'), ...RULE['duplicate-name'].check(teams, 'team')]) cross.push(f);
  });
  guarded('team references', at, cross, () => {
    const registry = teamsCtx && teamsCtx.teams.length > 0 ? teamsCtx : undefined;
    const ids = new Set(teams.map((t) => t.name));
    for (const t of registry?.teams ?? []) ids.add(t.id);
    for (const f of RULE['unknown-team'].check(refs, ids, registry?.registries)) cross.push(f);
    // A document's own team that repeats a registry's: the document's copy is the repeat.
    if (registry) {
      const reg = new Set(registry.teams.map((t) => t.id));
      for (const t of teams) if (reg.has(t.name)) cross.push(duplicateTeamOfRegistry(t.name, t.span, 'document'));
    }
  });
  for (const f of cross) out.push(shift(f, 0, d));
}
