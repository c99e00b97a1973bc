// Parsing a document whole (when its chunks cannot vouch for the result: a parse error, an alias, a shape the line
// scan does not know), cached by its text; syntax errors become yaml-syntax findings, nothing else is checked then.
import { isMap, isSeq, type Node } from 'yaml';
import { MICROSOFT_DIAGRAM } from '../../model';
import { isBaselineRoot } from '../baselines/document';
import { isRegistryRoot } from '../registries/document';
import { analyzeRegistryDocument } from '../registries/check';
import { analyzeBaselineDocument } from '../baselines/check';
import { BaselineScope, THIS_FILE } from '../baselines/scope';
import { selectBaseline } from '../baselines/select';
import { analyzeHeader, analyzeWorkload } from '../check/analyze';
import { keyText, MAX_ALIAS_COUNT, metadataName } from '../check/facts';
import { limitMessage, rule as yamlSyntax } from '../rules/yaml-syntax';
import type { RawFinding } from '../check/findings';
import { tryParse } from './chunks';
import { cached, type Caches, type DocContext, type ParsedDocument, type ParsedDocumentBody, type WorkloadPart } from './parsedFile';

/** The yaml-syntax findings of a document that does not parse (file offsets), or undefined when it parses. */
export function yamlSyntaxOnly(src: string, start: number): RawFinding[] | undefined {
  const body = parseWholeBody(src, false, undefined);
  if (body.syntax.length === 0) return undefined;
  return body.syntax.map((f) => ({ ...f, start: f.start + start, end: f.end + start }));
}

export function parseWhole(
  text: string,
  index: number,
  start: number,
  end: number,
  old: Caches | undefined,
  caches: Caches,
  syntaxOnly: boolean,
  ctx: DocContext,
): ParsedDocument {
  const src = text.slice(start, end);
  const body = cached(ctx, 'wholes', caches, old, () => `${syntaxOnly ? 's' : 'f'}${ctx.key}\u0000${src}`, () => parseWholeBody(src, syntaxOnly, ctx));
  // Offsets in a cached body are relative to the region's start when it was parsed; re-base them.
  return { ...rebase(body, start), index, start, end };
}

/** Bodies are stored relative to offset 0 of the region; `rebase` moves them to `start`. */
function rebase(body: ParsedDocumentBody, start: number): ParsedDocumentBody {
  return {
    ...body,
    syntax: body.syntax.map((f) => ({ ...f, start: f.start + start, end: f.end + start })),
    headerMap: (o: number) => o + start,
    workloads: body.workloads.map((w) => ({ ...w, start: w.start + start, end: w.end + start, base: w.base + start })),
  };
}

function parseWholeBody(src: string, syntaxOnly: boolean, ctx: DocContext | undefined): ParsedDocumentBody {
  const parsed = tryParse(src);
  const empty = (syntax: RawFinding[], name?: string): ParsedDocumentBody => ({
    syntax,
    header: null,
    ...(name === undefined ? {} : { name }),
    headerMap: (o) => o,
    workloads: [],
    whole: true,
    baseline: MICROSOFT_DIAGRAM,
  });
  if (parsed instanceof Error) {
    return empty([{ code: 'yaml-syntax', severity: 'error', message: limitMessage(parsed), start: 0, end: Math.min(src.length, 1), fixes: [] }]);
  }
  if (parsed.errors.length > 0) return empty(yamlSyntax.check(parsed, 0, src.length), metadataName(parsed.contents));
  if (syntaxOnly) return empty([], metadataName(parsed.contents));
  // Expanding aliases is bounded: a "billion laughs" document gets one finding, not a hang.
  try {
    parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const r = parsed.contents?.range;
    return empty([{ code: 'yaml-syntax', severity: 'error', message: limitMessage(e), start: r?.[0] ?? 0, end: r?.[1] ?? 0, fixes: [] }]);
  }
  const root = parsed.contents as Node | null;
  if (isRegistryRoot(root)) return { ...empty([], metadataName(root)), registryDoc: analyzeRegistryDocument(root, parsed) };
  if (isBaselineRoot(root)) {
    // A baseline document the line scan did not recognise (flow style, say): checked here, selectable from nowhere.
    const analysis = analyzeBaselineDocument(root, parsed);
    const name = analysis.facts.name?.value;
    const meaning = name ? new BaselineScope([{ name, source: THIS_FILE, text: src, base: 0, analysis }, ...(ctx?.scope.allEntries() ?? [])]).findingsOf(name) : [];
    return { ...empty([], name), baselineDoc: { analysis, meaning } };
  }
  let items: Node[] = [];
  let count: number | null = null;
  if (isMap(root)) {
    for (const p of root.items) {
      if (keyText(p) === 'workloads' && isSeq(p.value)) {
        items = p.value.items as Node[];
        count = items.length;
      }
    }
  }
  const header = analyzeHeader(root, parsed, count);
  const sel = ctx ? selectBaseline(header, src, ctx.scope, ctx.options) : { baseline: MICROSOFT_DIAGRAM };
  const b = sel.baseline;
  const workloads: WorkloadPart[] = items.map((item) => {
    const r = item?.range ?? [0, 0];
    return { start: r[0], end: r[1], base: 0, analysis: analyzeWorkload(item, parsed, src, b) };
  });
  return {
    syntax: [],
    header,
    ...(header.name === undefined ? {} : { name: header.name }),
    headerMap: (o) => o,
    workloads,
    whole: true,
    baseline: b,
    ...('error' in sel && sel.error ? { baselineError: sel.error } : {}),
  };
}

