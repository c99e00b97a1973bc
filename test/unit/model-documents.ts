// Documents built from the model, for tests that need complete workloads without writing the layer list out.
// Every layer of LAYERS is assigned the owner `expectedOwner` gives for the workload's service model, in model
// order; a test changes only the layers it is about. Adding a layer to the model then changes what these build,
// and no test that is not about the layer table has to know. (test/unit/matrix-combinations.test.ts restates
// the spec's table on purpose: it is the independent check of the model data, and fails when a layer is added.)
import { LAYER_IDS, expectedOwner, type ServiceModel } from '../../server/src/model';

/**
 * Per layer id, what to write instead of the model's `id: owner` line: any text (a wrong owner, a long form, a
 * misspelt key, a comment above it), or `null` to leave the layer out. Lines after the first carry their own
 * indentation, as in the document (`'operating-system:\n        owner: customer'`).
 */
export type Changes = Readonly<Record<string, string | null>>;

function checkLayer(id: string): void {
  if (!LAYER_IDS.includes(id)) throw new Error(`not a layer id of the model: ${id}`);
}

/** The `id: owner` line the model expects for every layer under `model`, in model order, with `changes` applied. */
export function assignments(model: ServiceModel, changes: Changes = {}): string[] {
  Object.keys(changes).forEach(checkLayer);
  const out: string[] = [];
  for (const id of LAYER_IDS) {
    const change = changes[id];
    if (change === null) continue;
    out.push(change ?? `${id}: ${expectedOwner(id, model)}`);
  }
  return out;
}

/** The layers the model has that `written` does not name, in model order. */
export function missingLayers(written: Iterable<string>): string[] {
  const have = new Set(written);
  return LAYER_IDS.filter((id) => !have.has(id));
}

/** The long form of one layer with the owner the model expects under `model`: `id:` then `owner:` and the given fields. */
export function longForm(id: string, model: ServiceModel, fields: Readonly<Record<string, string>> = {}, indent = 6): string {
  checkLayer(id);
  const pad = ' '.repeat(indent + 2);
  return [`${id}:`, `${pad}owner: ${expectedOwner(id, model)}`, ...Object.entries(fields).map(([k, v]) => `${pad}${k}: ${v}`)].join('\n');
}

/** The body of a `responsibilities:` block: one assignment a line, indented by `indent`, each ending in '\n'. */
export function responsibilities(model: ServiceModel, changes: Changes = {}, indent = 6): string {
  return assignments(model, changes)
    .map((l) => `${' '.repeat(indent)}${l}\n`)
    .join('');
}

export interface WorkloadSpec {
  name: string;
  model: ServiceModel;
  service?: string;
  changes?: Changes;
}

/** One workload item at two spaces (`  - name: ...`), its responsibilities complete unless `changes` say otherwise. */
export function workload(w: WorkloadSpec): string {
  const service = w.service === undefined ? '' : `    service: ${w.service}\n`;
  return `  - name: ${w.name}\n    model: ${w.model}\n${service}    responsibilities:\n${responsibilities(w.model, w.changes)}`;
}

/** apiVersion, kind and metadata.name, then `rest` (more metadata, teams) as written. */
export function header(name: string, rest = ''): string {
  return `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: ${name}\n${rest}`;
}

/** A document: `head` (see `header`), then `workloads:` and each workload. */
export function documentText(head: string, workloads: readonly WorkloadSpec[]): string {
  return `${head}workloads:\n${workloads.map(workload).join('')}`;
}

/**
 * A clean document in the style of examples/azure-landing-zone.srm.yaml (a comment first, metadata with owner and
 * description, teams, two IaaS workloads with services, long forms with teams, notes and evidence), with every
 * layer assigned as the model says: no findings, whatever the model's layers are.
 */
export const CLEAN_DOCUMENT = documentText(
  '# An Azure landing zone whose line-of-business servers run on virtual machines (IaaS).\n' +
    header(
      'contoso-landing-zone',
      '  owner: platform\n' +
        '  description: Shared services and line-of-business VMs in the Contoso landing zone\n' +
        'teams:\n' +
        '  - id: platform\n' +
        '    name: Cloud Platform\n' +
        '    contact: platform@contoso.example\n' +
        '  - id: secops\n' +
        '    name: Security Operations\n' +
        '    contact: secops@contoso.example\n' +
        '  - id: identity\n' +
        '    name: Identity and Access\n',
    ),
  [
    {
      name: 'erp-vms',
      model: 'iaas',
      service: 'Azure Virtual Machines',
      changes: {
        'information-and-data': longForm('information-and-data', 'iaas', {
          team: 'platform',
          notes: 'Azure Backup vault with 35-day retention',
          evidence: 'https://contoso.example/wiki/backup',
        }),
        'accounts-and-identities': longForm('accounts-and-identities', 'iaas', { team: 'identity' }),
        'network-controls': longForm('network-controls', 'iaas', { team: 'secops', notes: 'NSGs and Azure Firewall in the hub' }),
        'operating-system': longForm('operating-system', 'iaas', { team: 'platform', notes: 'Patched monthly with Azure Update Manager' }),
      },
    },
    { name: 'jump-hosts', model: 'iaas', service: 'Azure Virtual Machines behind Azure Bastion' },
  ],
);

/** One document of one iaas workload per owner, each giving information-and-data to it (and leaving the rest out). */
export function ownersDocument(owners: readonly string[]): string {
  const items = owners.flatMap((o, i) => [`  - name: w${i}`, '    model: iaas', '    responsibilities:', `      information-and-data: ${o}`]);
  return `${header('odd')}workloads:\n${items.join('\n')}\n`;
}
