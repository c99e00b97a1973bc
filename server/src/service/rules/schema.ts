// schema: the document does not match the srm/v1 format. Turns ajv's errors into findings: exact ranges (the value,
// the unknown key, the parent key of a missing one), messages written for people, and "did you mean" fixes.
import type { ErrorObject } from 'ajv';
import { isMap, isScalar, type Node } from 'yaml';
import { API_VERSION, BASELINE_KIND, REGISTRY_KIND, BUILTIN_BASELINES, DEFAULT_BASELINE, FIELDS, KIND, MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import type { RawFinding } from '../check/findings';
import { firstKeyRange, keyRange, locate, pairFor, rangeOf, truncate, type Located, type Segment } from '../check/schemaValidation';
import { closest, didYouMean, suggestLayer, suggestParty, suggestServiceModel } from '../suggest';
import type { Fix } from '../types';
import type { Rule } from './rule';
import {
  capitalize,
  contentEnd,
  describeNode,
  fieldLabelOf,
  kebab,
  lowerFirst,
  quoteList,
  replaceFixes,
  TYPE_LABEL,
  valueEdit,
  WHERE_FIELDS,
  WHERE_LABEL,
  whereOf,
  wholeLines,
  type DocKind,
} from '../check/schemaMessages';

/** What the findings are about: the document's kind and, for an assignment document, the baseline it is checked against. */
export interface SchemaContext {
  document?: DocKind;
  baseline?: Baseline;
  /** The text the offsets index (lets a removal take its whole lines). */
  text?: string;
}

/**
 * Turns ajv errors (paths relative to `root`, whose full path is `prefix`) into findings with exact ranges.
 * `layerName`: for messages about assignments, the layer at hand.
 */
export function schemaFindings(
  errors: readonly ErrorObject[],
  root: Node | null,
  prefix: readonly Segment[],
  context: SchemaContext = {},
): RawFinding[] {
  const ctx: Required<SchemaContext> = { document: context.document ?? 'assignment', baseline: context.baseline ?? MICROSOFT_DIAGRAM, text: context.text ?? '' };
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    const rel = parsePointer(e.instancePath);
    const full = [...prefix, ...rel];
    const here = locate(root, rel);
    // anyOf (a layer's short or long form): keep only the branch that matches the value's shape.
    const anyOfAt = [...anyOfPaths].find((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
    if (anyOfAt !== undefined && e.keyword !== 'anyOf') {
      const at = locate(root, parsePointer(anyOfAt)).node;
      const branch = isMap(at) ? 1 : isScalar(at) && typeof at.value === 'string' ? 0 : -1;
      const m = /\/anyOf\/(\d+)\//.exec(e.schemaPath);
      if (branch === -1 || (m && Number(m[1]) !== branch)) continue;
      if (!m && branch !== 1) continue; // errors from the $ref'd long form only count for a mapping
    }
    if (e.keyword === 'anyOf') {
      const branch = isMap(here.node) ? 1 : isScalar(here.node) && typeof here.node.value === 'string' ? 0 : -1;
      if (branch !== -1) continue;
    }
    if (e.keyword === 'if') continue; // the branch's own error says what is wrong
    const f = toFinding(e, full, here, root, ctx);
    if (!f) continue;
    const key = `${f.start}:${f.end}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function parsePointer(p: string): Segment[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** What a finding is built from: the error, where it points and the document's kind and baseline. */
interface At {
  e: ErrorObject;
  full: Segment[];
  here: Located;
  root: Node | null;
  ctx: Required<SchemaContext>;
  kind: DocKind;
  b: Baseline;
  where: ReturnType<typeof whereOf>;
  valueRange: [number, number];
  last: Segment | undefined;
  layer: string | undefined;
  mk: (range: [number, number], message: string, fixes?: Fix[]) => RawFinding;
  fieldLabel: (p: readonly Segment[]) => string;
}

function toFinding(e: ErrorObject, full: Segment[], here: Located, root: Node | null, ctx: Required<SchemaContext>): RawFinding | null {
  const kind = ctx.document;
  const b = ctx.baseline;
  const where = whereOf(full, kind);
  const fieldLabel = (p: readonly Segment[]) => fieldLabelOf(p, kind);
  const valueRange = rangeOf(here.node) ?? keyRange(here.pair) ?? rangeOf(root) ?? [0, 0];
  const mk = (range: [number, number], message: string, fixes: Fix[] = []): RawFinding => ({
    code: 'schema',
    severity: 'error',
    message,
    start: range[0],
    end: range[1],
    fixes,
  });
  const last = full[full.length - 1];
  const layer =
    kind !== 'assignment' ? undefined : where === 'assignment' ? String(last) : full[2] === 'responsibilities' ? String(full[3]) : undefined;
  const at: At = { e, full, here, root, ctx, kind, b, where, valueRange, last, layer, mk, fieldLabel };
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownKey(at);
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const range = keyRange(here.pair) ?? firstKeyRange(here.node) ?? valueRange;
      const label = where === 'assignment' ? `The assignment of layer "${String(last)}"` : capitalize(WHERE_LABEL[where]);
      const doc = FIELDS[WHERE_FIELDS[where] ?? (kind === 'baseline' ? 'baselineRoot' : kind === 'registry' ? 'registryRoot' : 'root')]?.[missing]?.doc;
      return mk(range, `${label} is missing the required key "${missing}"${doc ? `: ${lowerFirst(doc)}` : '.'}`);
    }
    case 'enum':
      return notAllowed(at);
    case 'type': {
      const want = TYPE_LABEL[String((e.params as { type: string }).type)] ?? String((e.params as { type: string }).type);
      const empty = !here.node || (isScalar(here.node) && here.node.value === null && here.node.source === '');
      const range = empty ? keyRange(here.pair) ?? valueRange : valueRange;
      if (full.length === 0) {
        return mk(
          range,
          kind === 'baseline'
            ? `A baseline document must be a mapping with apiVersion, kind, metadata and layers, not ${describeNode(here.node)}.`
            : kind === 'registry'
              ? `A team registry must be a mapping with apiVersion, kind, metadata and teams, not ${describeNode(here.node)}.`
            : `A responsibility document must be a mapping with apiVersion, kind, metadata and workloads, not ${describeNode(here.node)}.`,
        );
      }
      const label = where === 'assignment' ? `Layer "${String(last)}"` : where === 'team' ? 'Each team' : where === 'workload' ? 'Each workload' : fieldLabel(full).includes('"') ? fieldLabel(full) : `"${fieldLabel(full)}"`;
      return mk(range, `${label} must be ${want}, not ${describeNode(here.node)}.`);
    }
    case 'anyOf':
      return mk(
        valueRange,
        `Layer "${String(last)}" must be a party (${b.parties.join(', ')}) or a mapping with an owner, not ${describeNode(here.node)}.`,
      );
    case 'false schema': {
      // provider/models with extends, or remove without it (the baseline document's if/then/else).
      const range = keyRange(here.pair) ?? valueRange;
      const key = String(last);
      return mk(
        range,
        key === 'remove'
          ? 'remove is only allowed with extends: a baseline that defines everything itself lists only the layers it has.'
          : `${key} is not allowed with extends: a baseline that extends another keeps its provider and models.`,
      );
    }
    case 'not':
      return mk(valueRange, `${fieldLabel(full)} must not be customer, shared or depends: the provider is a party of its own.`);
    case 'pattern': {
      const value = isScalar(here.node) ? String(here.node.value) : '';
      const k = kebab(value);
      const fixes: Fix[] = k && k !== value ? [{ title: `Change to "${k}"`, edits: [valueEdit(valueRange, k, here)], isPreferred: true, safe: true }] : [];
      return mk(
        valueRange,
        `${fieldLabel(full)} "${truncate(value)}" is not kebab-case: use lowercase letters and digits joined by single hyphens${k && k !== value ? ` (for example "${truncate(k)}")` : ''}.`,
        fixes,
      );
    }
    case 'minItems':
      return mk(keyRange(here.pair) ?? valueRange, `${String(last)} must list at least one ${last === 'workloads' ? 'workload' : 'item'}.`);
    case 'minLength':
      return mk(keyRange(here.pair) ?? valueRange, `${fieldLabel(full)} must not be empty.`);
    case 'format':
      return mk(valueRange, `${fieldLabel(full)} must be a URL (for example https://contoso.example/runbook), not ${describeNode(here.node)}.`);
    default:
      return mk(valueRange, `${fieldLabel(full)}: ${e.message ?? 'does not match the format'}.`);
  }
}

/** additionalProperties: an unknown layer (with did-you-mean, and where another edition has it) or key. */
function unknownKey(at: At): RawFinding {
  const { e, here, ctx, b, where, valueRange, mk } = at;
  const key = String((e.params as { additionalProperty: string }).additionalProperty);
  const pair = isMap(here.node) ? pairFor(here.node, key) : null;
  const range = keyRange(pair) ?? valueRange;
  if (where === 'responsibilities') {
    const s = suggestLayer(key, b);
    const dym = didYouMean(s);
    const others = BUILTIN_BASELINES.filter((x) => x.id !== b.id && x.layer(key)).map((x) => x.id);
    const elsewhere = others.length
      ? ` "${truncate(key)}" is a layer of ${others.join(' and ')}, not of ${b.id}: set metadata.baseline to use it.`
      : '';
    const whose = b.id === DEFAULT_BASELINE ? "The model's layers are" : `The layers of ${b.id} are`;
    const fixes = replaceFixes(range, s, `the layer`);
    // A layer of another edition (identity-and-directory-infrastructure under microsoft-2026): offer to drop it.
    // Not safe: --fix never deletes what a user wrote.
    const end = pair ? contentEnd(pair.value) : undefined;
    const cut = others.length > 0 && end !== undefined ? wholeLines(ctx.text, range[0], end) : undefined;
    if (cut) fixes.push({ title: `Remove layer "${truncate(key)}" (not a layer of ${b.id})`, edits: [cut], safe: false });
    return mk(range, `Unknown layer "${truncate(key)}".${dym}${elsewhere} ${whose}: ${b.layerIds.join(', ')}.`, fixes);
  }
  const fieldsOf = WHERE_FIELDS[where];
  const allowed = fieldsOf ? Object.keys(FIELDS[fieldsOf]) : [];
  const s = closest(key, allowed);
  return mk(
    range,
    `Unknown key "${truncate(key)}" in ${WHERE_LABEL[where]}.${didYouMean(s)}${
      allowed.length ? ` Allowed keys: ${allowed.join(', ')}.` : ''
    }`,
    replaceFixes(range, s, 'the key'),
  );
}

/** enum: a model, apiVersion/kind, a party, or another listed value. */
function notAllowed(at: At): RawFinding {
  const { e, full, here, kind, b, valueRange, last, layer, mk, fieldLabel } = at;
  const value = isScalar(here.node) ? String(here.node.value) : '';
  if (last === 'model' && kind === 'assignment') {
    const s = suggestServiceModel(value, b);
    const what = b.id === DEFAULT_BASELINE ? 'a service model' : `a model (column) of baseline ${b.id}`;
    return mk(
      valueRange,
      `"${truncate(value)}" is not ${what}.${didYouMean(s)} Use one of: ${b.columnIds.join(', ')}.`,
      replaceFixes(valueRange, s, 'the model', here),
    );
  }
  if ((last === 'apiVersion' || last === 'kind') && full.length === 1) {
    const want = last === 'apiVersion' ? API_VERSION : kind === 'baseline' ? BASELINE_KIND : kind === 'registry' ? REGISTRY_KIND : KIND;
    return mk(valueRange, `${last} must be "${want}", not ${describeNode(here.node)}.`, [
      { title: `Change ${last} to "${want}"`, edits: [valueEdit(valueRange, want, here)], isPreferred: true, safe: true },
    ]);
  }
  if (layer !== undefined) {
    const s = suggestParty(value, b);
    return mk(
      valueRange,
      `"${truncate(value)}" is not a party for layer "${layer}".${didYouMean(s)} Use one of: ${b.parties.join(', ')}.`,
      replaceFixes(valueRange, s, 'the owner', here),
    );
  }
  const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
  return mk(valueRange, `${fieldLabel(full)} must be one of ${quoteList(allowed)}, not ${describeNode(here.node)}.`);
}

export const rule: Rule<
  (errors: readonly ErrorObject[], root: Node | null, prefix: readonly Segment[], context?: SchemaContext) => RawFinding[]
> = {
  id: 'schema',
  defaultSeverity: 'error',
  summary: 'The document does not match the srm/v1 format: wrong type, missing or unknown key, bad value.',
  why: 'Every other check and every tool reading the file relies on its shape.',
  fix: 'Follow the message: it names the allowed keys or values and suggests the closest one.',
  scope: 'document',
  suppressible: true,
  check: schemaFindings,
};
