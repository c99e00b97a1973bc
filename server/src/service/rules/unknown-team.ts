// unknown-team: an assignment's `team` (or metadata.owner) names no team in `teams`.
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { closest, didYouMean } from '../suggest';
import type { Fix } from '../types';
import { KEBAB_PATTERN } from '../../model';
import type { Rule } from './rule';

const KEBAB = new RegExp(KEBAB_PATTERN);

export interface TeamRef {
  team: string;
  span: Span;
  workload?: string;
  layer?: string;
  /** 'owner' for metadata.owner */
  where: 'assignment' | 'owner';
}

/** `registries`: the names of the registries searched besides the document's teams (srm.config.yaml `teams:`). */
export function unknownTeams(refs: readonly TeamRef[], teamIds: ReadonlySet<string>, registries?: readonly string[]): RawFinding[] {
  const out: RawFinding[] = [];
  const ids = [...teamIds];
  for (const r of refs) {
    // A value that is not a valid team id is the schema's finding; one value gets one rule.
    if (teamIds.has(r.team) || !KEBAB.test(r.team)) continue;
    const s = closest(r.team, ids);
    const fixes: Fix[] = s.map((x, i) => ({
      title: `Change the team to "${x.value}"`,
      edits: [{ start: r.span.start, end: r.span.end, newText: x.value }],
      isPreferred: i === 0 && s.length === 1,
      safe: s.length === 1,
    }));
    const subject =
      r.where === 'owner'
        ? 'metadata.owner'
        : `The team of layer "${r.layer}"${r.workload !== undefined ? ` in workload "${r.workload}"` : ''}`;
    const known = ids.length ? ` Known teams: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''}.` : ' The document defines no teams.';
    const where = registries && registries.length > 0 ? `teams or the registries ${registries.map((x) => `"${x}"`).join(', ')}` : 'teams';
    out.push({
      code: 'unknown-team',
      severity: 'error',
      message: `${subject} names "${r.team}", which is not a team in ${where}.${didYouMean(s)}${known}`,
      start: r.span.start,
      end: r.span.end,
      fixes,
      workload: r.workload,
      layer: r.layer,
    });
  }
  return out;
}

export const rule: Rule<typeof unknownTeams> = {
  id: 'unknown-team',
  defaultSeverity: 'error',
  summary: 'A team (or metadata.owner) names no team in teams.',
  why: 'A duty assigned to a team that does not exist has no one to carry it.',
  fix: 'Use an id from teams, or add the team to teams.',
  scope: 'document',
  suppressible: true,
  check: unknownTeams,
};
