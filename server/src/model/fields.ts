// Documentation of every field of the srm/v1 format, keyed by the object it belongs to.
// The schema generator, hovers and completions all read from here.

export interface FieldDoc {
  readonly required: boolean;
  readonly doc: string;
  /** A short example value, shown in completions and docs. */
  readonly example?: string;
}

export type ObjectKind =
  | 'root'
  | 'metadata'
  | 'team'
  | 'workload'
  | 'assignment'
  | 'baselineRoot'
  | 'baselineMetadata'
  | 'baselineProvider'
  | 'baselineModel'
  | 'baselineLayer'
  | 'registryRoot'
  | 'registryMetadata'
  | 'baselineService';

export const API_VERSION = 'srm/v1';
export const KIND = 'ResponsibilityAssignment';
/** The kind of a baseline document (spec/baselines.md). */
export const BASELINE_KIND = 'ResponsibilityBaseline';
/** The kind of a team registry document (spec/workspace.md). */
export const REGISTRY_KIND = 'TeamRegistry';

export const FIELDS: Readonly<Record<ObjectKind, Readonly<Record<string, FieldDoc>>>> = {
  root: {
    apiVersion: { required: true, doc: `The format version. Always \`${API_VERSION}\`.`, example: API_VERSION },
    kind: { required: true, doc: `The document kind. Always \`${KIND}\`.`, example: KIND },
    metadata: { required: true, doc: 'What this assignment is: its name, owning team and a description.' },
    teams: {
      required: false,
      doc: 'The customer’s teams that can be named as owners (`team:` in an assignment, `metadata.owner`).',
    },
    workloads: {
      required: true,
      doc: 'The workloads this file assigns responsibilities for; at least one.',
    },
  },
  metadata: {
    name: { required: true, doc: 'The assignment’s name, in kebab-case.', example: 'contoso-payroll' },
    owner: { required: false, doc: 'The team that owns this file: an `id` from `teams`.', example: 'cloud-governance' },
    description: { required: false, doc: 'Free text: what the assignment covers.' },
    baseline: {
      required: false,
      doc:
        'The matrix this document is checked against: a built-in baseline (`microsoft-diagram`, the default; ' +
        '`microsoft-2026`; `microsoft-ai`) or the `metadata.name` of a baseline document in this file or listed ' +
        'by `srm.config.yaml`.',
      example: 'microsoft-2026',
    },
  },
  team: {
    id: { required: true, doc: 'The team’s id, in kebab-case, unique in the document.', example: 'secops' },
    name: { required: false, doc: 'The team’s display name.', example: 'Security Operations' },
    contact: { required: false, doc: 'How to reach the team (an e-mail address or channel).' },
  },
  workload: {
    name: { required: true, doc: 'The workload’s name, unique in the document.', example: 'payroll-api' },
    model: {
      required: true,
      doc: 'The service model the workload runs under: `on-premises`, `iaas`, `paas` or `saas`.',
      example: 'paas',
    },
    service: {
      required: false,
      doc: 'Free text: the product or service, e.g. “Azure App Service”. A service of the baseline’s catalogue is checked against `model` (rule service-model-mismatch).',
    },
    responsibilities: {
      required: true,
      doc: 'Who owns each layer of the model for this workload: a layer id mapped to a party or to an assignment.',
    },
  },
  assignment: {
    owner: { required: true, doc: 'The party that owns the layer: `customer`, `microsoft` or `shared`.' },
    team: { required: false, doc: 'The customer team that carries the duty: an `id` from `teams`.' },
    notes: { required: false, doc: 'Free text: how the duty is carried out.' },
    evidence: { required: false, doc: 'A URL to evidence that the duty is met (a runbook, a policy, an audit).' },
  },
  baselineRoot: {
    apiVersion: { required: true, doc: `The format version. Always \`${API_VERSION}\`.`, example: API_VERSION },
    kind: { required: true, doc: `The document kind: \`${BASELINE_KIND}\` for a baseline.`, example: BASELINE_KIND },
    metadata: { required: true, doc: 'The baseline’s name (what documents select it by), description and source.' },
    extends: {
      required: false,
      doc: 'The baseline this one starts from: a built-in id or another baseline’s name. Its layers are then overridden, added or removed.',
      example: 'microsoft-2026',
    },
    provider: {
      required: false,
      doc: 'The provider party (required without `extends`, not allowed with it): an `id` in kebab-case and a `label`.',
    },
    models: {
      required: false,
      doc: 'The columns, in order (required without `extends`, not allowed with it): each an `id`, a `label` and optionally `cloud: false`.',
    },
    layers: {
      required: true,
      doc: 'The rows: overrides of the base’s cells (with a `reason`), or new layers with a `label` and a cell for every column.',
    },
    remove: { required: false, doc: 'Layers of the base to drop (only with `extends`).' },
    services: {
      required: false,
      doc: 'The service catalogue: services and the models they run under (inherited through `extends`; an entry with a base entry’s name replaces it).',
    },
  },
  baselineService: {
    name: { required: true, doc: 'The service’s name, as workloads write it in `service:` (compared case-insensitively).', example: 'Azure Virtual Machines' },
    aliases: { required: false, doc: 'Other names of the service (compared the same way).' },
    models: { required: true, doc: 'The models (column ids) the service runs under; at least one.' },
    source: { required: false, doc: 'Where the model comes from (a page, a contract clause).' },
    confidence: { required: false, doc: '`stated` (the source names the model, the default) or `inferred`.' },
  },
  registryRoot: {
    apiVersion: { required: true, doc: `The format version. Always \`${API_VERSION}\`.`, example: API_VERSION },
    kind: { required: true, doc: `The document kind: \`${REGISTRY_KIND}\` for a registry of teams.`, example: REGISTRY_KIND },
    metadata: { required: true, doc: 'The registry’s name and description.' },
    teams: {
      required: true,
      doc: 'The teams every document governed by a `srm.config.yaml` that lists this registry under `teams:` may name; at least one.',
    },
  },
  registryMetadata: {
    name: { required: true, doc: 'The registry’s name, in kebab-case.', example: 'contoso-teams' },
    description: { required: false, doc: 'Free text: whose teams these are.' },
  },
  baselineMetadata: {
    name: {
      required: true,
      doc: 'The baseline’s name, in kebab-case and not a built-in id: documents select it with `metadata.baseline`.',
      example: 'contoso-contract',
    },
    description: { required: false, doc: 'Free text: what the baseline is for.' },
    source: { required: false, doc: 'A URL to where the matrix comes from (a contract, a provider’s page).' },
  },
  baselineProvider: {
    id: { required: true, doc: 'The provider party’s id, in kebab-case; not `customer`, `shared` or `depends`.', example: 'aws' },
    label: { required: true, doc: 'The provider’s name.', example: 'Amazon Web Services' },
  },
  baselineModel: {
    id: { required: true, doc: 'The model id workloads name with `model:`, in kebab-case.', example: 'infrastructure' },
    label: { required: true, doc: 'The column’s label.', example: 'Infrastructure services' },
    cloud: {
      required: false,
      doc: 'False for a column where the customer runs everything (like on-premises): a mismatch there is an error. Default true.',
    },
    doc: { required: false, doc: 'Free text: what the column covers.' },
  },
  baselineLayer: {
    id: { required: true, doc: 'The layer id: one of the base’s to override its cells, or a new one in kebab-case.', example: 'devices' },
    label: { required: false, doc: 'The layer’s label (required for a new layer).' },
    owners: {
      required: true,
      doc: 'Column id -> cell: `customer`, the provider’s id, `shared` or `depends` (any party accepted there).',
    },
    reason: { required: false, doc: 'Why a base cell is overridden (a contract clause, an agreed exception): shown in hovers and reports.' },
    group: { required: false, doc: 'A display group for the matrix; default: derived from the cells.' },
    after: { required: false, doc: 'Place a new layer after this one (default: last).' },
    doc: { required: false, doc: 'Free text: what the layer covers (hovers).' },
  },
};

/** kebab-case: lowercase letters and digits in words joined by single hyphens. */
export const KEBAB_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
