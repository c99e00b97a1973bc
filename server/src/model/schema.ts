// Derives the srm/v1 JSON Schema from the model. `npm run generate` writes it to schemas/srm.schema.json;
// the validator compiles this same object in memory.
import { API_VERSION, BASELINE_KIND, FIELDS, KEBAB_PATTERN, KIND, REGISTRY_KIND, type ObjectKind } from './fields';
import { PARTY_DOCS } from './model';
import { CUSTOMER, DEPENDS, SHARED, type Baseline, type LayerDef } from './baseline';
import { DEFAULT_BASELINE, MICROSOFT_DIAGRAM } from './builtins';
import { own } from './own';

export const SCHEMA_ID = 'https://srm.invalid/schemas/srm.schema.json';

type Json = { [k: string]: unknown };

function described(doc: string, extra: Json = {}): Json {
  return { description: plain(doc), markdownDescription: doc, ...extra };
}

/** Markdown to plain text for `description` (clients that do not render markdown). */
function plain(md: string): string {
  return md.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

export function ownersTable(layer: LayerDef, baseline: Baseline = MICROSOFT_DIAGRAM): string {
  const head = `| ${baseline.columns.map((c) => c.label).join(' | ')} |`;
  const rule = `|${baseline.columns.map(() => ' --- |').join('')}`;
  const row = `| ${baseline.columns.map((c) => own(layer.owners, c.id) ?? '').join(' | ')} |`;
  return `${head}\n${rule}\n${row}`;
}

export function layerMarkdown(layer: LayerDef, baseline: Baseline = MICROSOFT_DIAGRAM): string {
  const doc = layer.doc ? `: ${layer.doc}` : '.';
  return `**${layer.label}** (\`${layer.id}\`)${doc}\n\nGroup: ${baseline.groupOf(layer.id)}.\n\n${ownersTable(layer, baseline)}`;
}

function partyDocOf(baseline: Baseline, p: string): string {
  if (p === baseline.provider.id) {
    return p === 'microsoft' ? PARTY_DOCS.microsoft : `${baseline.provider.label}, as the provider, does this work and answers for it.`;
  }
  return p === CUSTOMER ? PARTY_DOCS.customer : p === SHARED ? PARTY_DOCS.shared : p;
}

function fieldProps(kind: ObjectKind, types: Record<string, Json>): Json {
  const out: Json = {};
  for (const [key, f] of Object.entries(FIELDS[kind])) {
    out[key] = described(f.doc, types[key] ?? {});
  }
  return out;
}

function required(kind: ObjectKind): string[] {
  return Object.entries(FIELDS[kind])
    .filter(([, f]) => f.required)
    .map(([k]) => k);
}

/** A field with one allowed value, described for editors (apiVersion, kind). */
function oneValue(value: string, doc: string, markdown = doc): Json {
  return { type: 'string', enum: [value], enumDescriptions: [doc], markdownEnumDescriptions: [markdown] };
}

const API_VERSION_FIELD = oneValue(API_VERSION, 'Version 1 of the srm format.');

const partyEnum = (b: Baseline): Json => ({
  type: 'string',
  enum: [...b.parties],
  enumDescriptions: b.parties.map((p) => partyDocOf(b, p)),
  markdownEnumDescriptions: b.parties.map((p) => `**${p}**: ${partyDocOf(b, p)}`),
});

/** The schema's $id for a baseline: the default keeps the file's id; the others get their own. */
export function schemaIdFor(b: Baseline): string {
  return b.id === DEFAULT_BASELINE ? SCHEMA_ID : `https://srm.invalid/schemas/baselines/${b.id}.schema.json`;
}

/** Builds the exact JSON Schema (draft 2020-12) of an srm/v1 document checked against `b` (default: the diagram). */
export function buildSchema(b: Baseline = MICROSOFT_DIAGRAM, options: { lean?: boolean } = {}): Json {
  const assignmentObject: Json = {
    type: 'object',
    ...described('The long form of an assignment: the owning party, and optionally a team, notes and evidence.'),
    additionalProperties: false,
    required: required('assignment'),
    properties: fieldProps('assignment', {
      owner: partyEnum(b),
      team: { type: 'string', pattern: KEBAB_PATTERN },
      notes: { type: 'string' },
      evidence: { type: 'string', format: 'uri' },
    }),
  };
  const layerProps: Json = {};
  // Lean (custom baselines, compiled in memory only): every layer refers to one shared definition, so a baseline of
  // 1,000 layers compiles one validator for the value instead of 1,000 inlined copies. The errors are the same.
  for (const layer of b.layers) {
    if (options.lean) {
      layerProps[layer.id] = { $ref: '#/$defs/layerValue' };
      continue;
    }
    layerProps[layer.id] = {
      ...described(layerMarkdown(layer, b)),
      anyOf: [
        { ...partyEnum(b), ...described(`Short form: the party that owns ${layer.label.toLowerCase()}.`) },
        { $ref: '#/$defs/assignment' },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaIdFor(b),
    title: b.id === DEFAULT_BASELINE ? 'srm/v1 responsibility assignment' : `srm/v1 responsibility assignment under ${b.id}`,
    ...described(
      b.id === DEFAULT_BASELINE
        ? 'Who owns each layer of Microsoft’s shared responsibility model (customer, Microsoft or shared), per workload.'
        : `Who owns each layer of the baseline ${b.id} (${b.def.title}), per workload.`,
    ),
    type: 'object',
    additionalProperties: false,
    required: required('root'),
    properties: fieldProps('root', {
      apiVersion: API_VERSION_FIELD,
      kind: oneValue(KIND, 'Assigns responsibilities for a set of workloads.'),
      metadata: { $ref: '#/$defs/metadata' },
      teams: { type: 'array', items: { $ref: '#/$defs/team' } },
      workloads: { type: 'array', minItems: 1, items: { $ref: '#/$defs/workload' } },
    }),
    $defs: {
      metadata: {
        type: 'object',
        ...described(FIELDS.root.metadata?.doc ?? ''),
        additionalProperties: false,
        required: required('metadata'),
        properties: fieldProps('metadata', {
          name: { type: 'string', pattern: KEBAB_PATTERN },
          owner: { type: 'string', pattern: KEBAB_PATTERN },
          description: { type: 'string' },
          baseline: { type: 'string', pattern: KEBAB_PATTERN },
        }),
      },
      team: {
        type: 'object',
        ...described('A customer team that can own duties.'),
        additionalProperties: false,
        required: required('team'),
        properties: fieldProps('team', {
          id: { type: 'string', pattern: KEBAB_PATTERN },
          name: { type: 'string' },
          contact: { type: 'string' },
        }),
      },
      workload: {
        type: 'object',
        ...described('A workload: a system that runs under one service model.'),
        additionalProperties: false,
        required: required('workload'),
        properties: fieldProps('workload', {
          name: { type: 'string', minLength: 1 },
          model: {
            type: 'string',
            enum: [...b.columnIds],
            enumDescriptions: b.columns.map((c) => c.doc ?? c.label),
            markdownEnumDescriptions: b.columns.map((c) => `**${c.label}**${c.doc ? `: ${c.doc}` : ''}`),
          },
          service: { type: 'string' },
          responsibilities: {
            // Empty (null) while being written: unassigned-layer then lists every layer.
            type: ['object', 'null'],
            additionalProperties: false,
            properties: layerProps,
          },
        }),
      },
      assignment: assignmentObject,
      ...(options.lean ? { layerValue: { anyOf: [partyEnum(b), { $ref: '#/$defs/assignment' }] } } : {}),
    },
  };
}

/** The JSON Schema of a baseline document (`kind: ResponsibilityBaseline`): its shape only; meaning is checked by
 *  the rule invalid-baseline (which cells, columns and layers exist). */
export function buildBaselineDocumentSchema(): Json {
  const kebab = { type: 'string', pattern: KEBAB_PATTERN };
  const cellValue = { type: 'string', pattern: KEBAB_PATTERN };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: BASELINE_DOCUMENT_SCHEMA_ID,
    title: 'srm/v1 responsibility baseline',
    ...described(
      'A responsibility matrix of its own, or one that extends another: documents select it with `metadata.baseline`.',
    ),
    type: 'object',
    additionalProperties: false,
    required: required('baselineRoot'),
    properties: fieldProps('baselineRoot', {
      apiVersion: API_VERSION_FIELD,
      kind: oneValue(BASELINE_KIND, 'A responsibility matrix that documents select with metadata.baseline.', 'A responsibility matrix that documents select with `metadata.baseline`.'),
      metadata: {
        type: 'object',
        additionalProperties: false,
        required: required('baselineMetadata'),
        properties: fieldProps('baselineMetadata', {
          name: kebab,
          description: { type: 'string' },
          source: { type: 'string', format: 'uri' },
        }),
      },
      extends: kebab,
      provider: {
        type: 'object',
        additionalProperties: false,
        required: required('baselineProvider'),
        properties: fieldProps('baselineProvider', {
          id: { type: 'string', pattern: KEBAB_PATTERN, not: { enum: [CUSTOMER, SHARED, DEPENDS] } },
          label: { type: 'string', minLength: 1 },
        }),
      },
      models: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: required('baselineModel'),
          properties: fieldProps('baselineModel', {
            id: kebab,
            label: { type: 'string', minLength: 1 },
            cloud: { type: 'boolean' },
            doc: { type: 'string' },
          }),
        },
      },
      layers: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: required('baselineLayer'),
          properties: fieldProps('baselineLayer', {
            id: kebab,
            label: { type: 'string', minLength: 1 },
            owners: { type: 'object', propertyNames: { pattern: KEBAB_PATTERN }, additionalProperties: cellValue },
            reason: { type: 'string' },
            group: { type: 'string', minLength: 1 },
            after: kebab,
            doc: { type: 'string' },
          }),
        },
      },
      remove: { type: 'array', items: kebab },
      services: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: required('baselineService'),
          properties: fieldProps('baselineService', {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            aliases: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 } },
            models: { type: 'array', minItems: 1, items: kebab },
            source: { type: 'string' },
            confidence: {
              type: 'string',
              enum: ['stated', 'inferred'],
              enumDescriptions: ['The source names the model.', 'The source describes the service as managed without naming a model.'],
              markdownEnumDescriptions: ['The source names the model.', 'The source describes the service as managed without naming a model.'],
            },
          }),
        },
      },
    }),
    // provider and models: required without extends, not allowed with it; remove only with extends.
    if: { required: ['extends'], properties: { extends: true } },
    then: { properties: { provider: false, models: false } },
    else: { required: ['provider', 'models'], properties: { remove: false } },
  };
}

export const BASELINE_DOCUMENT_SCHEMA_ID = 'https://srm.invalid/schemas/srm-baseline.schema.json';
export const REGISTRY_SCHEMA_ID = 'https://srm.invalid/schemas/srm-team-registry.schema.json';

/** The JSON Schema of a team registry (`kind: TeamRegistry`): a name and at least one team, as in a document. */
export function buildRegistrySchema(): Json {
  const team = (buildSchema() as { $defs: { team: Json } }).$defs.team;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: REGISTRY_SCHEMA_ID,
    title: 'srm/v1 team registry',
    ...described('Teams that the documents a `srm.config.yaml` governs may name (the config lists the registry under `teams:`).'),
    type: 'object',
    additionalProperties: false,
    required: required('registryRoot'),
    properties: fieldProps('registryRoot', {
      apiVersion: API_VERSION_FIELD,
      kind: oneValue(REGISTRY_KIND, 'A registry of teams shared by many documents.'),
      metadata: {
        type: 'object',
        additionalProperties: false,
        required: required('registryMetadata'),
        properties: fieldProps('registryMetadata', { name: { type: 'string', pattern: KEBAB_PATTERN }, description: { type: 'string' } }),
      },
      teams: { type: 'array', minItems: 1, items: team },
    }),
  };
}

/** Keywords the schema carries for editors (VS Code, the Red Hat YAML extension) that ajv must accept. */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions'] as const;
