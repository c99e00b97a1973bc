// Derives the srm/v1 JSON Schema from the model. `npm run generate` writes it to schemas/srm.schema.json;
// the validator compiles this same object in memory.
import { API_VERSION, FIELDS, KEBAB_PATTERN, KIND, type ObjectKind } from './fields';
import {
  LAYERS,
  PARTIES,
  PARTY_DOCS,
  SERVICE_MODELS,
  SERVICE_MODEL_INFO,
  GROUPS,
  type LayerInfo,
} from './model';

export const SCHEMA_ID = 'https://srm.invalid/schemas/srm.schema.json';

type Json = { [k: string]: unknown };

function described(doc: string, extra: Json = {}): Json {
  return { description: plain(doc), markdownDescription: doc, ...extra };
}

/** Markdown to plain text for `description` (clients that do not render markdown). */
function plain(md: string): string {
  return md.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

export function ownersTable(layer: LayerInfo): string {
  const head = `| ${SERVICE_MODELS.map((m) => SERVICE_MODEL_INFO[m].label).join(' | ')} |`;
  const rule = `|${SERVICE_MODELS.map(() => ' --- |').join('')}`;
  const row = `| ${SERVICE_MODELS.map((m) => layer.owners[m]).join(' | ')} |`;
  return `${head}\n${rule}\n${row}`;
}

export function layerMarkdown(layer: LayerInfo): string {
  const group = GROUPS.find((g) => g.id === layer.group);
  return `**${layer.label}** (\`${layer.id}\`): ${layer.doc}\n\nGroup: ${group?.label ?? layer.group}.\n\n${ownersTable(layer)}`;
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

const partyEnum = (): Json => ({
  type: 'string',
  enum: [...PARTIES],
  enumDescriptions: PARTIES.map((p) => PARTY_DOCS[p]),
  markdownEnumDescriptions: PARTIES.map((p) => `**${p}**: ${PARTY_DOCS[p]}`),
});

/** Builds the JSON Schema (draft 2020-12) of an srm/v1 document. */
export function buildSchema(): Json {
  const assignmentObject: Json = {
    type: 'object',
    ...described('The long form of an assignment: the owning party, and optionally a team, notes and evidence.'),
    additionalProperties: false,
    required: required('assignment'),
    properties: fieldProps('assignment', {
      owner: partyEnum(),
      team: { type: 'string', pattern: KEBAB_PATTERN },
      notes: { type: 'string' },
      evidence: { type: 'string', format: 'uri' },
    }),
  };
  const layerProps: Json = {};
  for (const layer of LAYERS) {
    layerProps[layer.id] = {
      ...described(layerMarkdown(layer)),
      anyOf: [
        { ...partyEnum(), ...described(`Short form: the party that owns ${layer.label.toLowerCase()}.`) },
        { $ref: '#/$defs/assignment' },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'srm/v1 responsibility assignment',
    ...described(
      'Who owns each layer of Microsoft’s shared responsibility model (customer, Microsoft or shared), per workload.',
    ),
    type: 'object',
    additionalProperties: false,
    required: required('root'),
    properties: fieldProps('root', {
      apiVersion: {
        type: 'string',
        enum: [API_VERSION],
        enumDescriptions: ['Version 1 of the srm format.'],
        markdownEnumDescriptions: ['Version 1 of the srm format.'],
      },
      kind: {
        type: 'string',
        enum: [KIND],
        enumDescriptions: ['Assigns responsibilities for a set of workloads.'],
        markdownEnumDescriptions: ['Assigns responsibilities for a set of workloads.'],
      },
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
            enum: [...SERVICE_MODELS],
            enumDescriptions: SERVICE_MODELS.map((m) => SERVICE_MODEL_INFO[m].doc),
            markdownEnumDescriptions: SERVICE_MODELS.map(
              (m) => `**${SERVICE_MODEL_INFO[m].label}**: ${SERVICE_MODEL_INFO[m].doc}`,
            ),
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
    },
  };
}

/** Keywords the schema carries for editors (VS Code, the Red Hat YAML extension) that ajv must accept. */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions'] as const;
