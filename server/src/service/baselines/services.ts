// A baseline document's service catalogue (spec/services.md): the base's entries, then the document's, with the
// findings of its `services:` list.
import { serviceKey, type Baseline, type ServiceEntry } from '../../model';
import type { Span } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { invalidBaseline } from '../rules/invalid-baseline';
import { closest, didYouMean } from '../suggest';
import type { BaselineDocFacts } from './document';

/**
 * The catalogue: the base's entries, then the document's (an entry named like a base entry replaces it). A model
 * that is not a column is invalid-baseline on that model; a name or alias given twice in the document is a
 * duplicate-name on the repeat.
 */
export function buildServices(f: BaselineDocFacts, base: Baseline | undefined, columns: ReadonlySet<string>, findings: RawFinding[]): ServiceEntry[] {
  const out: ServiceEntry[] = [...(base?.services ?? [])];
  const seen = new Map<string, Span>();
  for (const s of f.services) {
    if (!s.name) continue;
    for (const n of [s.name, ...s.aliases]) {
      const k = serviceKey(n.value);
      if (seen.has(k)) {
        findings.push({
          code: 'duplicate-name',
          severity: 'error',
          message: `The service name "${n.value}" is already given in this baseline's services; each name and alias may appear once.`,
          start: n.span.start,
          end: n.span.end,
          fixes: [],
        });
      } else seen.set(k, n.span);
    }
    const models: string[] = [];
    for (const m of s.models) {
      if (columns.has(m.value)) models.push(m.value);
      else findings.push(invalidBaseline(m.span, `"${m.value}" is not a model (column) of this baseline. Columns: ${[...columns].join(', ')}.${didYouMean(closest(m.value, [...columns]))}`));
    }
    if (models.length === 0) continue;
    const entry: ServiceEntry = {
      name: s.name.value,
      aliases: s.aliases.map((a) => a.value),
      models,
      source: s.source ?? 'this baseline',
      confidence: s.confidence === 'inferred' ? 'inferred' : 'stated',
    };
    const i = out.findIndex((e) => serviceKey(e.name) === serviceKey(entry.name));
    if (i >= 0) out[i] = entry;
    else out.push(entry);
  }
  return out;
}
