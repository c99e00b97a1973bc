// Checking a baseline document's shape (schema against the baseline-document schema, duplicate keys, a layer or
// model id given twice), and reading the baseline documents of a file listed by srm.config.yaml into a scope.
import { parseAllDocuments, type Document, type Node } from 'yaml';
import { duplicateKeys, MAX_ALIAS_COUNT } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { validateBaselineDocumentValue } from '../check/schemaValidation';
import { YAML_OPTIONS } from '../parse/quickYaml';
import { RULE } from '../rules/registry';
import { baselineFacts, isBaselineRoot, type BaselineDocAnalysis } from './document';
import { BaselineScope, type BaselineEntry, type BaselineSource } from './scope';

/** A scope of the baseline documents of the files srm.config.yaml lists (in the order given). */
export function scopeFromSources(sources: readonly BaselineSource[]): BaselineScope {
  return new BaselineScope(sources.flatMap((s) => entriesOf(s.source, s.text)));
}

/** The baseline documents of a file, read whole (a file that does not parse has none). */
export function entriesOf(source: string, text: string): BaselineEntry[] {
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, YAML_OPTIONS) as unknown as Document[];
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  const out: BaselineEntry[] = [];
  for (const d of docs) {
    if (d.errors.length > 0) continue;
    const root = d.contents as Node | null;
    if (!isBaselineRoot(root)) continue;
    let analysis: BaselineDocAnalysis;
    try {
      analysis = analyzeBaselineDocument(root, d);
    } catch {
      continue; // an alias bomb or the like: the file's own check reports it
    }
    const name = analysis.facts.name?.value;
    if (name !== undefined) out.push({ name, source, text, base: 0, analysis });
  }
  return out;
}

/** Reads and checks the shape of a baseline document (its root node, offsets relative to its text). */
export function analyzeBaselineDocument(root: Node | null, doc: Document): BaselineDocAnalysis {
  const findings: RawFinding[] = [];
  const facts = baselineFacts(root);
  let schemaCount = 0;
  const js = root ? root.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : null;
  for (const f of RULE.schema.check(validateBaselineDocumentValue(js), root, [], { document: 'baseline' })) {
    findings.push(f);
    schemaCount++;
  }
  duplicateKeys(root, (k, at) => findings.push(RULE['duplicate-key'].check(k, at)));
  const ids = facts.layers.flatMap((l) => (l.id ? [{ name: l.id.value, span: l.id.span }] : []));
  for (const f of RULE['duplicate-name'].check(ids, 'layer')) findings.push(f);
  if (facts.models) {
    const cols = facts.models.map((m, i) => ({ name: m.id, span: facts.modelSpans?.[i] ?? { start: 0, end: 0 } }));
    for (const f of RULE['duplicate-name'].check(cols, 'model')) findings.push(f);
  }
  return { facts, findings, shapeOk: schemaCount === 0 };
}
