// The shared responsibility model as data: the single source for the schema, rules, hovers and completions.
//
// Facts follow Microsoft's published diagram "Shared responsibility in the cloud" (Microsoft Learn,
// Azure security fundamentals; MicrosoftDocs/azure-docs articles/security/fundamentals/shared-responsibility.md).
// Prose is our own. Adding a layer is one entry in LAYERS, then `npm run generate`.

export const PARTIES = ['customer', 'microsoft', 'shared'] as const;
export type Party = (typeof PARTIES)[number];

export const SERVICE_MODELS = ['on-premises', 'iaas', 'paas', 'saas'] as const;
export type ServiceModel = (typeof SERVICE_MODELS)[number];

export const CLOUD_MODELS: readonly ServiceModel[] = ['iaas', 'paas', 'saas'];

/** How a layer's ownership behaves across service models; drives which rule checks it. */
export type LayerGroup = 'customer-always' | 'varies' | 'provider-in-cloud';

export interface GroupInfo {
  readonly id: LayerGroup;
  readonly label: string;
  readonly doc: string;
}

export const GROUPS: readonly GroupInfo[] = [
  {
    id: 'customer-always',
    label: 'Always the customer’s',
    doc: 'The customer keeps these duties under every service model, on-premises and in the cloud alike.',
  },
  {
    id: 'varies',
    label: 'Varies by service model',
    doc: 'Who owns these depends on the service model: the more the provider runs, the more it takes over.',
  },
  {
    id: 'provider-in-cloud',
    label: 'Moves to the provider in the cloud',
    doc: 'The customer owns these only on-premises; under IaaS, PaaS and SaaS Microsoft runs them.',
  },
];

type Owners = Readonly<Record<ServiceModel, Party>>;

export interface LayerInfo {
  /** Stable kebab-case id used as the YAML key. */
  readonly id: string;
  /** The label on Microsoft's diagram. */
  readonly label: string;
  readonly group: LayerGroup;
  /** Who owns the layer under each service model (the diagram's cell). */
  readonly owners: Owners;
  /** What the layer covers, in our own words. */
  readonly doc: string;
}

const C = 'customer';
const M = 'microsoft';
const S = 'shared';
const cell = (onPrem: Party, iaas: Party, paas: Party, saas: Party): Owners => ({
  'on-premises': onPrem,
  iaas,
  paas,
  saas,
});

/** The ten layers, in the diagram's display order (top row first). */
export const LAYERS: readonly LayerInfo[] = [
  {
    id: 'information-and-data',
    label: 'Information and data',
    group: 'customer-always',
    owners: cell(C, C, C, C),
    doc:
      'The organisation’s own content and records: how they are classified, who may read or change them, ' +
      'encryption, backup, retention and deletion. A service’s built-in redundancy (for example in Microsoft 365) ' +
      'is not a backup: recovering the data stays with the customer.',
  },
  {
    id: 'devices',
    label: 'Devices (Mobile and PCs)',
    group: 'customer-always',
    owners: cell(C, C, C, C),
    doc:
      'The phones, laptops and desktops people use to reach the service (often called endpoints): ' +
      'enrolment and management, patching, endpoint protection and compliance.',
  },
  {
    id: 'accounts-and-identities',
    label: 'Accounts and identities',
    group: 'customer-always',
    owners: cell(C, C, C, C),
    doc:
      'The user, administrator and service accounts themselves: how each signs in (multi-factor authentication), ' +
      'what each is allowed to do, and removing them when no longer needed.',
  },
  {
    id: 'identity-and-directory-infrastructure',
    label: 'Identity and directory infrastructure',
    group: 'varies',
    owners: cell(C, C, S, S),
    doc:
      'The directory and authentication services that store and verify identities: the tenant’s identity ' +
      'service, federation and sign-in policy.',
  },
  {
    id: 'applications',
    label: 'Applications',
    group: 'varies',
    owners: cell(C, C, S, M),
    doc: 'The software that delivers the workload: its code, its configuration and the security built into it.',
  },
  {
    id: 'network-controls',
    label: 'Network controls',
    group: 'varies',
    owners: cell(C, C, S, M),
    doc:
      'What traffic may reach or leave the workload: firewalls, network security groups, segmentation and ' +
      'private endpoints.',
  },
  {
    id: 'operating-system',
    label: 'Operating system',
    group: 'varies',
    owners: cell(C, C, M, M),
    doc: 'The operating system the workload runs on: its hardening, configuration and patching.',
  },
  {
    id: 'physical-hosts',
    label: 'Physical hosts',
    group: 'provider-in-cloud',
    owners: cell(C, M, M, M),
    doc: 'The physical servers and the virtualisation layer that runs on them.',
  },
  {
    id: 'physical-network',
    label: 'Physical network',
    group: 'provider-in-cloud',
    owners: cell(C, M, M, M),
    doc: 'Cabling, switches and routers inside and between datacenters.',
  },
  {
    id: 'physical-datacenter',
    label: 'Physical datacenter',
    group: 'provider-in-cloud',
    owners: cell(C, M, M, M),
    doc: 'The buildings themselves: who may enter, power and cooling.',
  },
];

export const PARTY_DOCS: Readonly<Record<Party, string>> = {
  customer: 'The organisation that uses the cloud service (you): it does this work and answers for it.',
  microsoft: 'Microsoft, as the cloud provider, does this work and answers for it.',
  shared: 'Both share the duty: Microsoft provides the platform controls, the customer configures and uses them.',
};

export const SERVICE_MODEL_INFO: Readonly<Record<ServiceModel, { label: string; doc: string }>> = {
  'on-premises': {
    label: 'On-premises',
    doc: 'The customer runs everything in its own datacenter: every layer is the customer’s.',
  },
  iaas: {
    label: 'IaaS',
    doc:
      'Infrastructure as a service (for example Azure Virtual Machines): Microsoft runs the physical hosts, ' +
      'network and datacenter; the customer runs the operating system and everything above it.',
  },
  paas: {
    label: 'PaaS',
    doc:
      'Platform as a service (for example Azure App Service): Microsoft also runs the operating system; ' +
      'applications, network controls and identity infrastructure are shared.',
  },
  saas: {
    label: 'SaaS',
    doc:
      'Software as a service (for example Microsoft 365): Microsoft runs the application and its network controls; ' +
      'the customer keeps its data, devices and accounts, and shares identity infrastructure.',
  },
};

/**
 * The source article's words (and other common phrasings) for layers and service models, mapped to ids.
 * Keys are compared after normalisation (lowercase, separators collapsed to '-'); see `normalizeTerm`.
 */
export const LAYER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'data-security-and-privacy': ['information-and-data'],
  'data-security': ['information-and-data'],
  data: ['information-and-data'],
  information: ['information-and-data'],
  endpoints: ['devices'],
  endpoint: ['devices'],
  'mobile-and-pcs': ['devices'],
  accounts: ['accounts-and-identities'],
  identities: ['accounts-and-identities'],
  'identity-infrastructure': ['identity-and-directory-infrastructure'],
  directory: ['identity-and-directory-infrastructure'],
  os: ['operating-system'],
  apps: ['applications'],
  application: ['applications'],
  network: ['network-controls'],
  firewalls: ['network-controls'],
  'management-of-hardware-and-network': ['physical-hosts', 'physical-network'],
  hardware: ['physical-hosts'],
  hosts: ['physical-hosts'],
  'data-center-security': ['physical-datacenter'],
  'datacenter-security': ['physical-datacenter'],
  'data-center': ['physical-datacenter'],
  datacenter: ['physical-datacenter'],
  'physical-data-center': ['physical-datacenter'],
  'cloud-infrastructure-security': ['physical-hosts', 'physical-network', 'physical-datacenter'],
};

export const SERVICE_MODEL_SYNONYMS: Readonly<Record<string, ServiceModel>> = {
  onprem: 'on-premises',
  'on-prem': 'on-premises',
  'on-premise': 'on-premises',
  onpremises: 'on-premises',
  'infrastructure-as-a-service': 'iaas',
  'platform-as-a-service': 'paas',
  'software-as-a-service': 'saas',
};

export const PARTY_SYNONYMS: Readonly<Record<string, Party>> = {
  ms: 'microsoft',
  azure: 'microsoft',
  provider: 'microsoft',
  'cloud-provider': 'microsoft',
  csp: 'microsoft',
  us: 'customer',
  client: 'customer',
  tenant: 'customer',
  both: 'shared',
  joint: 'shared',
};

/** Lowercase and collapse spaces/underscores/dots to '-', the form synonyms are keyed by. */
export function normalizeTerm(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_./]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export const SOURCES: readonly string[] = [
  'Microsoft Learn, “Shared responsibility in the cloud” (Azure security fundamentals), diagram and matrix',
  'Microsoft Learn, “AI shared responsibility model”',
  'Microsoft 365 Backup FAQ',
  '“What Is the Microsoft Shared Responsibility Model?” (ne Digital)',
];
