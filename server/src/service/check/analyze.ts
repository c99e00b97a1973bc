// Per-part analysis: one workload item (schema, duplicate keys, layer rules, unassigned layers) and the header
// (apiVersion, kind, metadata, teams). Results are relative to the part's text and cached by that text.
import type { Document, Node } from 'yaml';
import { isMap, isSeq } from 'yaml';
import { MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import { duplicateKeys, keyText, MAX_ALIAS_COUNT, metadataName, span, stringOf, teamFacts, workloadFacts, type TeamFacts } from './facts';
import type { HeaderAnalysis, WorkloadAnalysis } from './analysis';
import type { RawFinding } from './findings';
import { ASSIGNMENT_RULES, RULE } from '../rules/registry';
import type { LayerCheck } from '../rules/common';
import { addModelFix } from '../rules/service-model-mismatch';
import type { TeamRef } from '../rules/unknown-team';
import { validateHeaderValue, validateWorkloadValue } from './schemaValidation';
import { toPlain } from '../parse/quickYaml';

/**
 * Runs `fn`; a throw becomes one internal-error finding at `at` and the other rules go on. `what` may be a function
 * for a label that costs a string to make (called only when `fn` throws: the layer rules run a million times).
 */
export function guarded<T>(what: string | (() => string), at: { start: number; end: number }, out: RawFinding[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    out.push({
      code: 'internal-error',
      severity: 'error',
      message: `srm failed while checking ${typeof what === 'string' ? what : what()}: ${e instanceof Error ? e.message : String(e)}. Please report this.`,
      start: at.start,
      end: at.end,
      fixes: [],
    });
    return undefined;
  }
}

/**
 * What the quick parser found out about a node while building it (quickYaml.ts QuickParse): its plain value, so that
 * toPlain need not walk it again, and whether a key repeats, so that duplicateKeys need not when none does.
 */
export interface Prepared {
  plain: unknown;
  dupFree: boolean;
}

/** Analyses one workload item against baseline `b`. `text` is the text the item's offsets index into. */
export function analyzeWorkload(item: Node | null, doc: Document, text: string, b: Baseline = MICROSOFT_DIAGRAM, pre?: Prepared): WorkloadAnalysis {
  const findings: RawFinding[] = [];
  const where = span(item) ?? { start: 0, end: 0 };
  const facts = guarded('a workload', where, findings, () => workloadFacts(item, doc)) ?? { span: where, assignments: [] };
  const js = pre ? pre.plain : guarded('a workload', where, findings, () => toPlain(item, doc, MAX_ALIAS_COUNT));
  guarded('the schema', where, findings, () => {
    for (const f of RULE.schema.check(validateWorkloadValue(js, b), item, ['workloads', 0], { baseline: b, text })) findings.push(f);
  });
  if (!pre?.dupFree) {
    guarded('duplicate keys', where, findings, () =>
      duplicateKeys(item, (k, at) => findings.push({ ...RULE['duplicate-key'].check(k, at), workload: facts.name })),
    );
  }
  for (const f of findings) if (f.workload === undefined && facts.name !== undefined) f.workload = facts.name;
  const model = b.hasColumn(facts.model) ? facts.model : undefined;
  if (model) {
    for (const a of facts.assignments) {
      if (!b.isParty(a.owner) || !a.ownerSpan || !b.layer(a.layer)) continue;
      const check = { a, model, w: facts, b } as LayerCheck;
      const label = (): string => `layer "${a.layer}"`;
      // In precedence order: the first rule that reports wins (one value gets one rule).
      for (const rule of ASSIGNMENT_RULES) {
        const r = guarded(label, a.ownerSpan, findings, () => rule.check(check));
        if (r) {
          findings.push(r);
          break; // one value gets one rule
        }
      }
    }
  }
  const missing = guarded('unassigned layers', where, findings, () => RULE['unassigned-layer'].check(facts, model, text, b));
  if (missing) findings.push(missing);
  const svc = guarded('the service', where, findings, () => RULE['service-model-mismatch'].check(facts, model, b));
  if (svc) findings.push(svc);
  // A missing model with a catalogued service: the schema finding gets the fix that adds the service's model.
  const addModel = facts.model === undefined && !facts.modelSpan ? guarded('the service', where, findings, () => addModelFix(facts, b, text)) : undefined;
  if (addModel) {
    const f = findings.find((x) => x.code === 'schema' && /missing the required key "model"/.test(x.message));
    if (f) f.fixes = [addModel, ...f.fixes];
  }
  const teamRefs: TeamRef[] = [];
  for (const a of facts.assignments) {
    if (a.team !== undefined && a.teamSpan) {
      teamRefs.push({ team: a.team, span: a.teamSpan, workload: facts.name, layer: a.layer, where: 'assignment' });
    }
  }
  return { facts, findings, teamRefs };
}

/**
 * Analyses the document's header: the root mapping with the workload items left out.
 * `workloadCount` stands in for the items (for "at least one workload"); `skip` hides the items' nodes when the
 * root was parsed whole.
 */
export function analyzeHeader(root: Node | null, doc: Document, workloadCount: number | null, pre?: Prepared): HeaderAnalysis {
  const findings: RawFinding[] = [];
  const where = span(root) ?? { start: 0, end: 0 };
  let teams: TeamFacts[] = [];
  const teamRefs: TeamRef[] = [];
  let workloadsSeq: Node | null = null;
  let baseline: HeaderAnalysis['baseline'];
  if (isMap(root)) {
    for (const p of root.items) {
      const k = keyText(p);
      if (k === 'teams') teams = guarded('teams', where, findings, () => teamFacts(p.value)) ?? [];
      if (k === 'workloads' && isSeq(p.value)) workloadsSeq = p.value as Node;
      if (k === 'metadata' && isMap(p.value)) {
        for (const mp of p.value.items) {
          if (keyText(mp) === 'owner') {
            const team = stringOf(mp.value);
            const s = span(mp.value as Node);
            if (team !== undefined && s) teamRefs.push({ team, span: s, where: 'owner' });
          } else if (keyText(mp) === 'baseline') {
            const id = stringOf(mp.value);
            const s = span(mp.value as Node);
            if (id !== undefined && s) baseline = { id, span: s };
          }
        }
      }
    }
  }
  guarded('the schema', where, findings, () => {
    let js = pre ? pre.plain : toPlain(root, doc, MAX_ALIAS_COUNT);
    if (workloadCount !== null && js && typeof js === 'object' && !Array.isArray(js)) {
      js = { ...(js as object), workloads: new Array(workloadCount).fill(null) };
    }
    for (const f of RULE.schema.check(validateHeaderValue(js), root, [])) findings.push(f);
  });
  if (!pre?.dupFree) {
    guarded('duplicate keys', where, findings, () =>
      duplicateKeys(root, (k, at) => findings.push(RULE['duplicate-key'].check(k, at)), (n) => n === workloadsSeq),
    );
  }
  const name = metadataName(root);
  return { findings, teams, teamRefs, ...(name === undefined ? {} : { name }), ...(baseline ? { baseline } : {}) };
}
