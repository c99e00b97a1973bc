// Documentation of every field of the srm/v1 format, keyed by the object it belongs to.
// The schema generator, hovers and completions all read from here.

export interface FieldDoc {
  readonly required: boolean;
  readonly doc: string;
  /** A short example value, shown in completions and docs. */
  readonly example?: string;
}

export type ObjectKind = 'root' | 'metadata' | 'team' | 'workload' | 'assignment';

export const API_VERSION = 'srm/v1';
export const KIND = 'ResponsibilityAssignment';

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
    service: { required: false, doc: 'Free text: the product or service, e.g. “Azure App Service”.' },
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
};

/** kebab-case: lowercase letters and digits in words joined by single hyphens. */
export const KEBAB_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
