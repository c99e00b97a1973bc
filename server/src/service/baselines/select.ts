// Which baseline a document is checked against: its metadata.baseline, else the front door's fallback (--baseline,
// then srm.config.yaml's baseline:), else the default; resolved in the file's scope. A document whose baseline does
// not resolve gets one finding on its baseline value (or its first line when the id came from outside).
import { DEFAULT_BASELINE, MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import type { HeaderAnalysis } from '../check/analysis';
import type { RawFinding } from '../check/findings';
import type { BaselineOptions } from '../parse/parsedFile';
import { invalidBaseline } from '../rules/invalid-baseline';
import { unknownBaseline } from '../rules/unknown-baseline';
import { BaselineScope } from './scope';

export const EMPTY_SCOPE = new BaselineScope([]);

export interface Selection {
  baseline: Baseline;
  /** In header offsets. */
  error?: RawFinding;
}

export function selectBaseline(header: HeaderAnalysis | null, headerText: string, scope: BaselineScope, options: BaselineOptions | undefined): Selection {
  const own = header?.baseline;
  const id = own?.id ?? options?.fallback?.id ?? DEFAULT_BASELINE;
  if (id === DEFAULT_BASELINE) return { baseline: MICROSOFT_DIAGRAM };
  const r = scope.resolve(id);
  if (r.ok) return { baseline: r.baseline };
  const from = own ? 'document' : (options?.fallback?.from ?? 'config');
  let at = own?.span;
  if (!at) {
    const nl = headerText.indexOf('\n');
    at = { start: 0, end: nl < 0 ? headerText.length : headerText.charCodeAt(nl - 1) === 13 ? nl - 1 : nl };
  }
  const error = r.kind === 'unknown' ? unknownBaseline(id, at, scope.known(), from) : invalidBaseline(at, `${r.message} Only YAML syntax and duplicate keys are checked until it is fixed.`);
  return { baseline: MICROSOFT_DIAGRAM, error };
}

/** What identifies the baseline options: a parse is reused (keystroke path) only under the same key. */
export function baselineOptionsKey(o: BaselineOptions | undefined): string {
  return `${o?.fallback?.id ?? ''}|${o?.fallback?.from ?? ''}|${o?.scope?.key ?? ''}`;
}

/** The cache key of a workload chunk analysed against `b`: the text alone under the default (as before baselines). */
export function itemKey(b: Baseline, src: string): string {
  return b === MICROSOFT_DIAGRAM ? src : `${b.key}\u0000${src}`;
}
