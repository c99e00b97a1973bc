// The JSON Schema files handed to other tools (spec/baselines.md, "The JSON Schemas"): `schemas/srm.schema.json`
// dispatches on `kind` and `metadata.baseline` to one closed schema per case (each built-in baseline exactly, a
// baseline document, and the shape of a document under a custom baseline); `schemas/baselines/<id>.schema.json` is
// buildSchema(b) for each built-in. The language server and the CLI do not read these files: they compile
// buildSchema(b) in memory, for custom baselines too.
import { API_VERSION, BASELINE_KIND, FIELDS, KEBAB_PATTERN, REGISTRY_KIND } from './fields';
import { DEPENDS } from './baseline';
import { BUILTIN_BASELINES, DEFAULT_BASELINE, MICROSOFT_DIAGRAM } from './builtins';
import { SCHEMA_ID, buildBaselineDocumentSchema, buildRegistrySchema, buildSchema } from './schema';

type Json = { [k: string]: unknown };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** The `$defs` name of the baseline-document branch. */
export const BASELINE_DOCUMENT_DEF = 'baseline-document';
/** The `$defs` name of the team-registry branch. */
export const REGISTRY_DEF = 'team-registry';
/** The `$defs` name of the custom-baseline branch (its sub-definitions are `custom-baseline.<name>`). */
export const CUSTOM_BASELINE_DEF = 'custom-baseline';

function described(doc: string, extra: Json = {}): Json {
  return { description: doc.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1'), markdownDescription: doc, ...extra };
}

function obj(v: unknown, where: string): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`schema has no object at ${where}`);
  return v as Json;
}

/** Rewrites every local `$ref` (`#`, `#/$defs/NAME...`) of `node` to point into the flat `$defs` under `prefix`. */
function rewriteRefs(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, prefix));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string') {
      if (v === '#') out[k] = `#/$defs/${prefix}`;
      else if (v.startsWith('#/$defs/')) out[k] = `#/$defs/${prefix}.${v.slice('#/$defs/'.length)}`;
      else throw new Error(`cannot embed a schema with the non-local $ref ${v}`);
    } else {
      out[k] = rewriteRefs(v, prefix);
    }
  }
  return out;
}

/** A self-contained schema as flat `$defs` entries: NAME (its root, without `$schema`/`$id`/`$defs`) and
 *  NAME.SUB for each of its own `$defs`, refs rewritten to match. */
function embed(name: string, schema: Json): Record<string, Json> {
  const { $schema: _s, $id: _i, $defs, ...root } = schema;
  const out: Record<string, Json> = { [name]: rewriteRefs(root, name) as Json };
  for (const [sub, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
    out[`${name}.${sub}`] = rewriteRefs(def, name) as Json;
  }
  return out;
}

/** Every `required` key also named in the same object's `properties` (as `true` where it was not): ajv's
 *  strictRequired wants that of an `if: { required: [...] }` that sits next to, not inside, the `properties`. */
function requiredDeclared(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(requiredDeclared);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = k === 'enum' || k === 'const' ? v : requiredDeclared(v);
  if (Array.isArray(out.required)) {
    const props = { ...((out.properties as Json | undefined) ?? {}) };
    for (const key of out.required as string[]) if (!(key in props)) props[key] = true;
    out.properties = props;
  }
  return out;
}

/** The shape of a document under a custom baseline (one defined by a baseline document): the keys of an assignment
 *  document, closed everywhere, but layer keys, parties and model ids open (any kebab-case value). The exact schema
 *  of a custom baseline is built in memory by the language server and the CLI. */
export function buildCustomShapeSchema(): Json {
  const s = structuredClone(buildSchema(MICROSOFT_DIAGRAM)) as Json;
  s.$id = 'https://srm.invalid/schemas/srm-custom-baseline.schema.json';
  s.title = 'srm/v1 responsibility assignment under a custom baseline';
  Object.assign(
    s,
    described(
      'Who owns each layer of a custom baseline (a baseline document’s `metadata.name`), per workload. This checks ' +
        'the shape only: which layers, parties and models exist is checked by srm against the baseline.',
    ),
  );
  const defs = obj(s.$defs, '$defs');
  const workloadProps = obj(obj(defs.workload, '$defs.workload').properties, '$defs.workload.properties');
  obj(workloadProps.model, 'workload.model');
  workloadProps.model = {
    ...described('The service model the workload runs under: a model id (column) of the baseline, in kebab-case.'),
    type: 'string',
    pattern: KEBAB_PATTERN,
  };
  const party = {
    ...described('A party: `customer`, the baseline’s provider or `shared`, in kebab-case.'),
    type: 'string',
    pattern: KEBAB_PATTERN,
    not: { enum: [DEPENDS] },
  };
  const responsibilities = obj(workloadProps.responsibilities, 'workload.responsibilities');
  workloadProps.responsibilities = {
    ...described(FIELDS.workload.responsibilities?.doc ?? ''),
    type: responsibilities.type,
    propertyNames: { pattern: KEBAB_PATTERN },
    additionalProperties: {
      ...described('A layer of the baseline: a party (short form) or an assignment (long form).'),
      anyOf: [{ ...party, ...described('Short form: the party that owns the layer.') }, { $ref: '#/$defs/assignment' }],
    },
  };
  const assignmentProps = obj(obj(defs.assignment, '$defs.assignment').properties, '$defs.assignment.properties');
  assignmentProps.owner = { ...party, ...described('The party that owns the layer: `customer`, the baseline’s provider or `shared`.') };
  return s;
}

const kindIs = (kind: string): Json => ({
  type: 'object',
  required: ['kind'],
  properties: { kind: { const: kind } },
});

const baselineIs = (condition: Json): Json => ({
  type: 'object',
  required: ['metadata'],
  properties: { metadata: { type: 'object', required: ['baseline'], properties: { baseline: condition } } },
});

/** `schemas/srm.schema.json`: a baseline document against the baseline-document schema; otherwise a document
 *  under a built-in baseline (absent `metadata.baseline`: the default) exactly against that baseline's schema, and
 *  one under any other baseline against the custom shape. Each branch is a complete closed schema in `$defs`. */
export function buildSchemaFile(): Json {
  const defs: Record<string, Json> = {};
  const add = (entries: Record<string, Json>) => {
    for (const [k, v] of Object.entries(entries)) {
      if (k in defs) throw new Error(`two schemas want the $defs name ${k}`);
      defs[k] = v;
    }
  };
  add(embed(BASELINE_DOCUMENT_DEF, requiredDeclared(buildBaselineDocumentSchema()) as Json));
  for (const b of BUILTIN_BASELINES) add(embed(b.id, buildSchema(b)));
  add(embed(CUSTOM_BASELINE_DEF, buildCustomShapeSchema()));
  add(embed(REGISTRY_DEF, buildRegistrySchema()));

  // Innermost first: not a built-in id (so a custom one) -> the custom shape, else (absent, or the default) -> the default.
  const builtinIds = BUILTIN_BASELINES.map((b) => b.id);
  let chain: Json = {
    if: baselineIs({ not: { enum: builtinIds } }),
    then: { $ref: `#/$defs/${CUSTOM_BASELINE_DEF}` },
    else: { $ref: `#/$defs/${DEFAULT_BASELINE}` },
  };
  for (const b of [...BUILTIN_BASELINES].reverse()) {
    if (b.id === DEFAULT_BASELINE) continue;
    chain = { if: baselineIs({ const: b.id }), then: { $ref: `#/$defs/${b.id}` }, else: chain };
  }
  return {
    $schema: DRAFT,
    $id: SCHEMA_ID,
    title: 'srm/v1 responsibility file',
    ...described(
      `An \`${API_VERSION}\` document: a responsibility assignment checked against the baseline its ` +
        '`metadata.baseline` selects (a built-in one exactly: `' +
        builtinIds.join('`, `') +
        `\`; default \`${DEFAULT_BASELINE}\`; a custom one by shape only), or a baseline document ` +
        `(\`kind: ${BASELINE_KIND}\`), or a team registry (\`kind: ${REGISTRY_KIND}\`).`,
    ),
    type: 'object',
    if: kindIs(BASELINE_KIND),
    then: { $ref: `#/$defs/${BASELINE_DOCUMENT_DEF}` },
    else: { if: kindIs(REGISTRY_KIND), then: { $ref: `#/$defs/${REGISTRY_DEF}` }, else: chain },
    $defs: defs,
  };
}

/** Where each built-in's exact schema file is written, and its content: buildSchema(b) as is. */
export function baselineSchemaFiles(): { path: string; schema: Json }[] {
  return BUILTIN_BASELINES.map((b) => ({ path: `schemas/baselines/${b.id}.schema.json`, schema: buildSchema(b) }));
}
