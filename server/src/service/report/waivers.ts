// The report's waivers: every suppression comment of a file, with the findings it silences.
import { findDirectives } from '../check/directives';
import type { ReportFileInput } from './input';
import type { ReportWaiver } from './shape';

/** Appends the suppression comments of `input`'s file to `out`, in the order written. */
export function collectWaivers(input: ReportFileInput, out: ReportWaiver[]): void {
  const { parsed } = input;
  if (!parsed.text.includes('srm-disable')) return;
  const silenced = new Map<number, number>();
  for (const f of input.findings) if (f.suppression) silenced.set(f.suppression.start, (silenced.get(f.suppression.start) ?? 0) + 1);
  for (const d of findDirectives(parsed)) {
    const w: ReportWaiver = {
      file: input.path,
      line: d.line + 1,
      kind: d.kind,
      rules: d.rules.map((r) => r.rule),
      silenced: silenced.get(d.start) ?? 0,
      misplaced: d.misplaced,
    };
    if (d.reason !== undefined) w.reason = d.reason;
    out.push(w);
  }
}
