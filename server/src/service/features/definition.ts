// Go to definition from a baseline id (metadata.baseline, or extends in a baseline document) to the baseline
// document that defines it: in the same file, or in a file srm.config.yaml lists. Reads the cursor's line only.
import type { FeatureContext } from './context';
import { cursorContext, plainValue, shapeOf, type Source } from './lineContext';

export interface DefinitionTarget {
  /** `this file`, or the path of the file the config lists. */
  source: string;
  /** The text the offsets index (the defining file's whole text). */
  text: string;
  /** The baseline's metadata.name value. */
  start: number;
  end: number;
}

/** The definition of the baseline id under the cursor; undefined elsewhere, and for built-in ids (no document). */
export function definition(src: Source, offset: number, fc: FeatureContext): DefinitionTarget | undefined {
  const ctx = cursorContext(src, offset);
  if (ctx.position !== 'value') return undefined;
  const parent = ctx.path.slice(0, -1).join('/');
  const key = ctx.key ?? '';
  const isRef = (fc.kind === 'assignment' && parent === 'metadata' && key === 'baseline') || (fc.kind === 'baseline' && parent === '' && key === 'extends');
  if (!isRef) return undefined;
  const entry = shapeOf(src.text.slice(ctx.lineStart, ctx.lineEnd)).entries.find((e) => e.kind === 'key');
  const id = plainValue(entry?.value ?? '');
  const e = id ? fc.scope.entry(id) : undefined;
  const name = e?.analysis.facts.name;
  if (!e || !name) return undefined;
  return { source: e.source, text: e.text, start: e.base + name.span.start, end: e.base + name.span.end };
}
