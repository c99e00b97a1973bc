// The built-in baselines as data (spec/baselines.md): Microsoft's diagram (the default, model.ts's LAYERS), the same
// page's 2026 responsibility table, and the AI shared responsibility model. Cells are the sources' facts; every doc
// string is our own paraphrase. Changing a cell here is the whole change: `npm run generate` writes the schemas and
// tables from it.
import { Baseline, type Column, type LayerDef, type ServiceEntry } from './baseline';
import { LAYERS, SERVICE_MODELS, SERVICE_MODEL_INFO } from './model';

export const DEFAULT_BASELINE = 'microsoft-diagram';

const MICROSOFT = { id: 'microsoft', label: 'Microsoft' } as const;

const CLASSIC_COLUMNS: readonly Column[] = SERVICE_MODELS.map((m) => ({
  id: m,
  label: SERVICE_MODEL_INFO[m].label,
  cloud: m !== 'on-premises',
  doc: SERVICE_MODEL_INFO[m].doc,
}));

const cells = (columns: readonly string[], values: string): Record<string, string> => {
  const party: Record<string, string> = { C: 'customer', M: 'microsoft', S: 'shared', D: 'depends' };
  return Object.fromEntries(columns.map((c, i) => [c, party[values[i] as string] as string]));
};

/** A catalogue entry; `basis` is the source, `inferred` when the page describes the service without naming a model. */
const svc = (name: string, aliases: string[], models: string[], confidence: 'stated' | 'inferred', source: string): ServiceEntry => ({
  name,
  aliases,
  models,
  confidence,
  source,
});
const SR = 'Microsoft Learn, “Shared responsibility in the cloud”';
const M365 = 'Microsoft Learn, “Shared responsibility in the cloud” (Microsoft 365)';

/** The services of Microsoft's cloud (spec/services.md): the catalogue of microsoft-diagram and microsoft-2026. */
export const MICROSOFT_SERVICES: readonly ServiceEntry[] = [
  svc('Azure Virtual Machines', ['Virtual Machines', 'Azure VM', 'Azure VMs'], ['iaas'], 'stated', `${SR}; Microsoft Learn, “Describe Azure virtual machines”`),
  svc('Azure Virtual Machine Scale Sets', ['VM Scale Sets', 'VMSS', 'Virtual Machine Scale Sets'], ['iaas'], 'stated', `${SR} (groups of virtual machines)`),
  svc('Azure Virtual Network', ['VNet', 'Virtual Network', 'virtual networks'], ['iaas'], 'stated', SR),
  svc('Azure Disk Storage', ['Managed Disks', 'Azure Managed Disks'], ['iaas'], 'stated', SR),
  svc('SQL Server on Azure Virtual Machines', ['SQL Server on Azure VM', 'SQL Server on Azure VMs'], ['iaas'], 'stated', 'Microsoft Learn, Azure SQL, “IaaS vs PaaS”'),
  svc('Azure Kubernetes Service', ['AKS'], ['iaas', 'paas'], 'stated', 'Microsoft Learn, AKS support policies (“not a PaaS”: Microsoft runs the control plane, the agent nodes are shared)'),
  svc('Azure App Service', ['App Service', 'Web Apps', 'Azure Web Apps'], ['paas'], 'stated', SR),
  svc('Azure Functions', ['Functions'], ['paas'], 'stated', SR),
  svc('Azure Container Apps', ['Container Apps'], ['paas'], 'stated', 'Microsoft Learn, compute decision tree'),
  svc('Azure Container Instances', ['Container Instances', 'ACI'], ['paas'], 'stated', 'Microsoft Learn, containers unit'),
  svc('Azure SQL Database', ['SQL Database'], ['paas'], 'stated', SR),
  svc('Azure SQL Managed Instance', ['SQL Managed Instance'], ['paas'], 'stated', 'Microsoft Learn, Azure SQL overview'),
  svc('Azure Storage', ['Blob Storage', 'Azure Blob Storage', 'Azure Files', 'Queue Storage', 'Table Storage'], ['paas'], 'stated', SR),
  svc('Azure Cosmos DB', ['Cosmos DB'], ['paas'], 'inferred', 'Microsoft Learn, Azure Cosmos DB overview (a fully managed database)'),
  svc('Azure Database for PostgreSQL', [], ['paas'], 'inferred', 'Microsoft Learn, Azure Database for PostgreSQL overview (a managed service)'),
  svc('Azure Database for MySQL', [], ['paas'], 'inferred', 'Microsoft Learn, Azure Database for MySQL overview (a managed service)'),
  svc('Azure Logic Apps', ['Logic Apps'], ['paas'], 'inferred', 'Microsoft Learn, Azure Logic Apps overview'),
  svc('Azure Key Vault', ['Key Vault'], ['paas'], 'inferred', 'Microsoft Learn, Azure Key Vault overview'),
  svc('Azure Service Bus', ['Service Bus'], ['paas'], 'inferred', 'Microsoft Learn, Azure Service Bus overview'),
  svc('Azure Event Hubs', ['Event Hubs'], ['paas'], 'inferred', 'Microsoft Learn, Azure Event Hubs overview'),
  svc('Azure API Management', ['API Management', 'APIM'], ['paas'], 'inferred', 'Microsoft Learn, Azure API Management overview'),
  svc('Microsoft 365', ['Office 365', 'M365', 'O365'], ['saas'], 'stated', SR),
  svc('Exchange Online', [], ['saas'], 'stated', M365),
  svc('SharePoint Online', [], ['saas'], 'stated', M365),
  svc('Microsoft Teams', ['Teams'], ['saas'], 'stated', M365),
  svc('OneDrive for Business', ['OneDrive'], ['saas'], 'inferred', M365),
  svc('Dynamics 365', [], ['saas'], 'stated', SR),
  svc('Microsoft Entra ID', ['Entra ID', 'Azure AD', 'Azure Active Directory'], ['saas'], 'stated', 'Microsoft Learn, Microsoft Entra ID (“identity as a service”)'),
];

const AI_PAGE = 'Microsoft Learn, “Artificial intelligence (AI) shared responsibility model”';

/** The AI services of microsoft-ai's catalogue. */
export const AI_SERVICES: readonly ServiceEntry[] = [
  svc('Azure OpenAI', ['Azure OpenAI Service'], ['paas'], 'stated', AI_PAGE),
  svc('Azure AI Foundry', ['Azure AI Studio'], ['paas'], 'inferred', 'Microsoft Learn, Azure AI Foundry overview'),
  svc('Microsoft 365 Copilot', ['Copilot for Microsoft 365'], ['saas'], 'stated', AI_PAGE),
  svc('Microsoft Security Copilot', ['Security Copilot'], ['saas'], 'stated', AI_PAGE),
  svc('GitHub Copilot', [], ['saas'], 'stated', AI_PAGE),
];

const SOURCE_PAGE =
  'Microsoft Learn, “Shared responsibility in the cloud” (Azure security fundamentals), ' +
  'MicrosoftDocs/azure-docs articles/security/fundamentals/shared-responsibility.md';

export const MICROSOFT_DIAGRAM = new Baseline({
  id: 'microsoft-diagram',
  title: 'Microsoft’s shared responsibility diagram (the default)',
  description:
    'The diagram on Microsoft’s “Shared responsibility in the cloud” page: ten layers under on-premises, IaaS, PaaS and SaaS.',
  source: `${SOURCE_PAGE}, the diagram`,
  provider: MICROSOFT,
  columns: CLASSIC_COLUMNS,
  builtin: true,
  layers: LAYERS.map((l) => ({ id: l.id, label: l.label, doc: l.doc, owners: { ...l.owners } })),
  services: MICROSOFT_SERVICES,
});

const docOf = (id: string): string | undefined => LAYERS.find((l) => l.id === id)?.doc;
const classic = SERVICE_MODELS as readonly string[];

const layers2026: LayerDef[] = [
  { id: 'information-and-data', label: 'Customer data', doc: docOf('information-and-data'), owners: cells(classic, 'CCCC') },
  {
    id: 'configurations-and-settings',
    label: 'Configurations and settings',
    doc:
      'How the customer has set the service up: tenant and subscription settings, feature switches, policies and ' +
      'the secure defaults it chose to keep or change.',
    owners: cells(classic, 'CCCC'),
  },
  { id: 'accounts-and-identities', label: 'Identities and users', doc: docOf('accounts-and-identities'), owners: cells(classic, 'CCCC') },
  {
    id: 'devices',
    label: 'Client devices',
    doc: docOf('devices'),
    notes: 'Shared under SaaS: the service brings device controls, but protecting each endpoint stays with the customer.',
    owners: cells(classic, 'CCCS'),
  },
  {
    id: 'applications',
    label: 'Applications',
    doc: docOf('applications'),
    notes:
      'Shared under PaaS and SaaS: the provider runs the application platform; the customer keeps its configuration, ' +
      'the security of its own code and who may use it.',
    owners: cells(classic, 'CCSS'),
  },
  {
    id: 'network-controls',
    label: 'Network controls',
    doc: docOf('network-controls'),
    notes: 'Shared under PaaS: the provider gives a baseline of network protection; the customer sets the application’s own controls.',
    owners: cells(classic, 'CCSM'),
  },
  {
    id: 'operating-system',
    label: 'Operating system',
    doc: docOf('operating-system'),
    notes: 'The page counts the hypervisor among the provider’s duties in the cloud.',
    owners: cells(classic, 'CCMM'),
  },
  { id: 'physical-hosts', label: 'Physical hosts', doc: docOf('physical-hosts'), owners: cells(classic, 'CMMM') },
  { id: 'physical-network', label: 'Physical network', doc: docOf('physical-network'), owners: cells(classic, 'CMMM') },
  { id: 'physical-datacenter', label: 'Physical datacenter', doc: docOf('physical-datacenter'), owners: cells(classic, 'CMMM') },
];

export const MICROSOFT_2026 = new Baseline({
  id: 'microsoft-2026',
  title: 'Microsoft’s 2026 responsibility table',
  description:
    'The “Responsibility matrix” table of the same page (updated 2026-01-12): a configurations row, no identity ' +
    'infrastructure row, client devices shared under SaaS, applications shared under PaaS and SaaS.',
  source: `${SOURCE_PAGE}, the responsibility matrix table (ms.date 2026-01-12)`,
  provider: MICROSOFT,
  columns: CLASSIC_COLUMNS,
  builtin: true,
  layers: layers2026,
  services: MICROSOFT_SERVICES,
});

const AI_COLUMNS: readonly Column[] = [
  { id: 'iaas', label: 'IaaS (bring your own model)', cloud: true, doc: 'The customer brings and runs its own model on the provider’s AI infrastructure.' },
  { id: 'paas', label: 'PaaS (Azure AI)', cloud: true, doc: 'The customer builds on a platform of models the provider hosts (for example Azure OpenAI).' },
  { id: 'saas', label: 'SaaS (Copilot)', cloud: true, doc: 'The customer uses an AI application the provider runs (for example Microsoft 365 Copilot).' },
];
const ai = ['iaas', 'paas', 'saas'];
const aiLayer = (group: string, id: string, label: string, values: string, doc: string, aliases?: string[]): LayerDef => ({
  id,
  label,
  group,
  doc,
  owners: cells(ai, values),
  ...(aliases ? { aliases } : {}),
});
const USAGE = 'AI usage';
const APP = 'AI application';
const PLATFORM = 'AI platform';

export const MICROSOFT_AI = new Baseline({
  id: 'microsoft-ai',
  title: 'Microsoft’s AI shared responsibility model',
  description:
    'Fourteen layers in three groups (AI usage, application, platform) under bring-your-own-model IaaS, Azure AI PaaS ' +
    'and Copilot SaaS; the platform cells under PaaS depend on the model chosen.',
  source:
    'Microsoft Learn, “Artificial intelligence (AI) shared responsibility model”, its diagram, ' +
    'MicrosoftDocs/azure-docs articles/security/fundamentals/shared-responsibility-ai.md',
  sourceNote: 'The diagram exists only as an image: these cells were read from it, not from text.',
  provider: MICROSOFT,
  columns: AI_COLUMNS,
  builtin: true,
  services: AI_SERVICES,
  layers: [
    aiLayer(USAGE, 'user-training-and-accountability', 'User training and accountability', 'CCC',
      'Teaching people to use AI safely and holding them to it: acceptable use, checking what the AI produces.'),
    aiLayer(USAGE, 'usage-policy-and-admin-controls', 'Usage policy, admin controls', 'CCC',
      'The organisation’s rules for AI use and the admin settings that enforce them.'),
    aiLayer(USAGE, 'identity-device-and-access-management', 'Identity, device and access management', 'CCS',
      'Who and what may reach the AI: accounts, sign-in, device compliance and permissions.',
      ['accounts-and-identities', 'devices']),
    aiLayer(USAGE, 'data-governance', 'Data governance', 'CCS',
      'Classifying, labelling and protecting the data the AI may read or produce.', ['information-and-data']),
    aiLayer(APP, 'plugins-and-data-connections', 'AI plugins and data connections', 'CCS',
      'The plugins, connectors and data sources the AI application is allowed to call.'),
    aiLayer(APP, 'application-design-and-implementation', 'Application design and implementation', 'CCM',
      'How the AI application is built: prompts, orchestration, grounding and its code.', ['applications']),
    aiLayer(APP, 'application-infrastructure', 'Application infrastructure', 'CCM',
      'The compute, network and storage the AI application itself runs on.'),
    aiLayer(APP, 'application-safety-systems', 'Application safety systems', 'CCM',
      'Filters and checks around the application: content filtering, abuse monitoring, prompt-injection defences.'),
    aiLayer(PLATFORM, 'model-safety-and-security-systems', 'Model safety and security systems', 'CSM',
      'The safety and security systems built around the model itself.'),
    aiLayer(PLATFORM, 'model-accountability', 'Model accountability', 'CDM',
      'Answering for the model’s behaviour: its responsible-AI review and documentation.'),
    aiLayer(PLATFORM, 'model-tuning', 'Model tuning', 'CDM', 'Fine-tuning the model on further data.'),
    aiLayer(PLATFORM, 'model-design-and-implementation', 'Model design and implementation', 'CDM',
      'Choosing and building the model: its architecture and its implementation.'),
    aiLayer(PLATFORM, 'model-training-and-data-governance', 'Model training and data governance', 'CDM',
      'The data the model is trained on and how that data is governed.'),
    aiLayer(PLATFORM, 'ai-compute-infrastructure', 'AI compute infrastructure', 'SMM',
      'The accelerators, hosts and datacenters that train and run models.', ['physical-hosts', 'physical-datacenter']),
  ],
});

/** The built-in baselines, the default first. */
export const BUILTIN_BASELINES: readonly Baseline[] = [MICROSOFT_DIAGRAM, MICROSOFT_2026, MICROSOFT_AI];

const builtinById = new Map(BUILTIN_BASELINES.map((b) => [b.id, b]));

export function builtinBaseline(id: string): Baseline | undefined {
  return builtinById.get(id);
}

export const BUILTIN_IDS: readonly string[] = BUILTIN_BASELINES.map((b) => b.id);
