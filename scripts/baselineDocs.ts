// docs/baselines.md's tables of the built-in baselines, written from the baselines' data (server/src/model/builtins.ts)
// with the same Markdown as `srm baselines show`. `npm run generate` writes them; test/unit/baseline-docs.test.ts
// fails when the committed page is stale. Pure: the current text in, the new text out.
import { BUILTIN_BASELINES } from '../server/src/model';
import { baselineMarkdown } from '../server/src/service';

export const BASELINE_DOCS_PATH = 'docs/baselines.md';

/** The name of a built-in's section: between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export const baselineSection = (id: string): string => `baseline-${id}`;

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` (the README's convention). */
function fill(doc: string, name: string, body: string): string {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  if (a < 0 || b < a) throw new Error(`${BASELINE_DOCS_PATH} has no ${open} ... ${close} section`);
  return `${doc.slice(0, a + open.length)}\n${body}\n${doc.slice(b)}`;
}

/** docs/baselines.md with every built-in's section filled from its data. */
export function baselineDocsText(current: string): string {
  let doc = current;
  for (const b of BUILTIN_BASELINES) doc = fill(doc, baselineSection(b.id), baselineMarkdown(b, { heading: false }).trimEnd());
  return doc;
}
