// unassigned-layer: one finding per workload listing every layer it leaves out, with a fix adding them all.
import { DEPENDS, MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import type { WorkloadFacts } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { suggestLayer } from '../suggest';
import { eolOf } from '../lines';
import type { Fix } from '../types';
import { workloadLabel } from './common';
import type { Rule } from './rule';

export function unassignedLayer(
  w: WorkloadFacts,
  model: string | undefined,
  text: string,
  b: Baseline = MICROSOFT_DIAGRAM,
): RawFinding | undefined {
  if (!w.responsibilitiesKey) return undefined;
  const have = new Set(w.assignments.map((a) => a.layer));
  // The common case: as many distinct keys as the baseline has layers, each one of them. Nothing is missing.
  if (have.size === b.layers.length && w.assignments.every((a) => b.layer(a.layer) !== undefined)) return undefined;
  const meant = meantByUnknownKeys(w, b);
  const missing = b.layers.filter((l) => !have.has(l.id) && !meant.has(l.id)).map((l) => l.id);
  if (missing.length === 0) return undefined;
  const fixes: Fix[] = [];
  if (model) {
    const fix = addLayersFix(w, model, missing, text, b);
    if (fix) fixes.push(fix);
  }
  const list = missing.length === b.layers.length ? 'any layer' : missing.map((m) => `"${m}"`).join(', ');
  return {
    code: 'unassigned-layer',
    severity: 'warning',
    message:
      `${capital(workloadLabel(w))}${model ? ` (${model})` : ''} leaves ${missing.length === 1 ? 'a layer' : `${missing.length} layers`} ` +
      `without an owner: ${list}.`,
    start: w.responsibilitiesKey.start,
    end: w.responsibilitiesKey.end,
    fixes,
    workload: w.name,
  };
}

/**
 * The layers an unknown key of the workload is taken for ("did you mean"). One mistake, one finding: the `schema`
 * finding on that key names them and carries the rename, so they are not listed as missing too (and "add the
 * missing layers" does not add a key the rename would write a second time).
 */
function meantByUnknownKeys(w: WorkloadFacts, b: Baseline): Set<string> {
  const meant = new Set<string>();
  for (const a of w.assignments) {
    if (b.layer(a.layer)) continue;
    for (const s of suggestLayer(a.layer, b)) meant.add(s.value);
  }
  return meant;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function columnOf(text: string, offset: number): number {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - ls;
}

function lineEndAt(text: string, offset: number): number {
  let e = text.indexOf('\n', offset);
  if (e < 0) e = text.length;
  if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

/**
 * Adds the missing layers with the owners the baseline gives them under `model`. A `depends` cell (any party is
 * accepted) is written as `customer`, the party that answers for the choice until it is made.
 */
export function addLayersFix(
  w: WorkloadFacts,
  model: string,
  missing: readonly string[],
  text: string,
  b: Baseline = MICROSOFT_DIAGRAM,
): Fix | undefined {
  const key = w.responsibilitiesKey;
  if (!key) return undefined;
  const eol = eolOf(text);
  const ownerOf = (l: string) => {
    const c = b.cell(l, model) ?? 'customer';
    return c === DEPENDS ? 'customer' : c;
  };
  const entries = missing.map((l) => `${l}: ${ownerOf(l)}`);
  const title = `Add ${missing.length === 1 ? `layer ${missing[0]}` : `the ${missing.length} missing layers`} with the owners ${model} expects`;
  const r = w.responsibilities;
  if (r === null || r === undefined) {
    const indent = ' '.repeat(columnOf(text, key.start) + 2);
    const at = lineEndAt(text, key.end);
    // Drop a trailing `responsibilities:` comment's position issue: insert after the whole line.
    return { title, edits: [{ start: at, end: at, newText: entries.map((e) => eol + indent + e).join('') }], isPreferred: true, safe: true };
  }
  if (r.kind === 'block' && w.firstLayerKey !== undefined && w.lastPairEnd !== undefined) {
    const indent = ' '.repeat(columnOf(text, w.firstLayerKey));
    const at = lineEndAt(text, Math.max(w.lastPairEnd - 1, w.firstLayerKey));
    return { title, edits: [{ start: at, end: at, newText: entries.map((e) => eol + indent + e).join('') }], isPreferred: true, safe: true };
  }
  if (r.kind === 'flow' && text.charCodeAt(r.span.end - 1) === 125 /* } */) {
    const at = r.span.end - 1;
    const empty = w.assignments.length === 0;
    const body = entries.join(', ');
    return { title, edits: [{ start: at, end: at, newText: empty ? ` ${body} ` : `, ${body}` }], isPreferred: true, safe: true };
  }
  return undefined;
}

export const rule: Rule<typeof unassignedLayer> = {
  id: 'unassigned-layer',
  defaultSeverity: 'warning',
  summary: 'A workload leaves layers out; one finding per workload lists every missing layer.',
  why: 'A layer nobody owns is the gap attackers use and auditors ask about.',
  fix: 'Add the missing layers (the quick fix adds them with the owners the model expects).',
  scope: 'workload',
  suppressible: true,
  check: unassignedLayer,
};
