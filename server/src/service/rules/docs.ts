// What the rule documentation shows beyond a rule's own metadata: an example (a document that gets the finding and
// its corrected form), the tags code scanning files it under, and, for the ownership rules, a security severity.
// docs/rules/<id>.md (scripts/ruleDocs.ts, `npm run generate`) and SARIF's help and properties
// (cli/format/sarif.ts) read it; test/unit/rule-docs.test.ts runs the engine on every example.
import type { FILE_TOO_LARGE, INTERNAL_ERROR, RuleId, Severity } from '../types';

export interface RuleExample {
  /** A whole srm/v1 file that gets the rule's finding. */
  bad: string;
  /** The same file corrected: no finding at all. */
  good: string;
  /** What changed, or what else to know about the example (Markdown). */
  note?: string;
}

export interface RuleDoc {
  example: RuleExample;
  /** SARIF `properties.tags`: "security" marks the ownership rules (GitHub shows them as security alerts). */
  tags: string[];
  /**
   * SARIF `properties["security-severity"]`, a CVSS-like score from 0.0 to 10.0 that GitHub code scanning maps to
   * critical (9.0 and up), high (7.0 to 8.9), medium (4.0 to 6.9) or low (0.1 to 3.9). Only on the rules that say
   * who owns a duty; the others are about the file, not about security.
   */
  securitySeverity?: number;
}

// The example documents: one PaaS workload with every layer of the default baseline (microsoft-diagram), each
// given to the owner the model names. Each bad example changes one thing.
const HEADER = `apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: contoso-payroll
`;
const LAYERS = `      information-and-data: customer
      devices: customer
      accounts-and-identities: customer
      identity-and-directory-infrastructure: shared
      applications: shared
      network-controls: shared
      operating-system: microsoft
      physical-hosts: microsoft
      physical-network: microsoft
      physical-datacenter: microsoft
`;
const WORKLOAD = `workloads:
  - name: payroll-api
    model: paas
    service: Azure App Service
    responsibilities:
${LAYERS}`;
/** A clean document. */
const CLEAN = `${HEADER}${WORKLOAD}`;
/** A clean document with a team registry and one assignment in the long form, naming a team. */
const WITH_TEAMS = CLEAN.replace(
  'workloads:',
  `teams:
  - id: secops
    name: Security Operations
  - id: payroll-dev
    name: Payroll Engineering
workloads:`,
).replace(
  '      accounts-and-identities: customer\n',
  '      accounts-and-identities:\n        owner: customer\n        team: secops\n',
);
/** A clean document with one layer given against the model, waived by a suppression comment with a reason. */
const WAIVED = CLEAN.replace(
  '      network-controls: shared\n',
  '      # srm-disable-next-line model-mismatch -- private endpoints only; exception SEC-142\n      network-controls: customer\n',
);
/** A baseline document (Contoso's contract amends Microsoft's 2026 table) and a document that selects it. */
const BASELINE = `apiVersion: srm/v1
kind: ResponsibilityBaseline
metadata:
  name: contoso-contract
  source: https://contoso.example/contracts/c-17
extends: microsoft-2026
layers:
  - id: operating-system
    owners: { iaas: shared }
    reason: Contract C-17, 4.2 - the managed VMs get Azure's automatic guest patching
---
apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: contoso-vms
  baseline: contoso-contract
workloads:
  - name: managed-vms
    model: iaas
    responsibilities:
      information-and-data: customer
      devices: customer
      accounts-and-identities: customer
      configurations-and-settings: customer
      applications: customer
      network-controls: customer
      operating-system: shared
      physical-hosts: microsoft
      physical-network: microsoft
      physical-datacenter: microsoft
`;

/** Every rule's documentation data (the compiler asks for an entry per rule id). */
export const RULE_DOCS: Record<RuleId, RuleDoc> = {
  schema: {
    example: {
      bad: CLEAN.replace('model: paas', 'model: serverless'),
      good: CLEAN,
      note: '`model` is one of `on-premises`, `iaas`, `paas`, `saas` (or a custom baseline’s columns).',
    },
    tags: ['correctness', 'format'],
  },
  'yaml-syntax': {
    example: {
      bad: CLEAN.replace('service: Azure App Service', 'service: "Azure App Service'),
      good: CLEAN,
      note: 'The quote opened before `Azure App Service` is never closed.',
    },
    tags: ['correctness', 'yaml'],
  },
  'duplicate-key': {
    example: {
      bad: CLEAN.replace('      physical-hosts: microsoft\n', '      operating-system: microsoft\n      physical-hosts: microsoft\n'),
      good: CLEAN,
      note: '`operating-system` is given twice. Had the two values differed, tools would disagree on its owner.',
    },
    tags: ['correctness', 'yaml'],
  },
  'customer-only-duty': {
    example: {
      bad: CLEAN.replace('information-and-data: customer', 'information-and-data: microsoft'),
      good: CLEAN,
      note: 'The data stays the customer’s under every service model; `shared` is reported too, as a warning.',
    },
    tags: ['security', 'shared-responsibility', 'ownership'],
    // High: nobody protects the data, the devices or the identities if the customer believes someone else does.
    securitySeverity: 8.0,
  },
  'provider-only-duty': {
    example: {
      bad: CLEAN.replace('physical-hosts: microsoft', 'physical-hosts: shared'),
      good: CLEAN,
      note: 'If the workload really runs in your own datacenter, set `model: on-premises` instead.',
    },
    tags: ['security', 'shared-responsibility', 'ownership'],
    // Medium, low end: the provider still runs its hardware; the customer claims a duty it cannot carry, which
    // misleads audits and plans rather than leaving an asset unprotected.
    securitySeverity: 4.0,
  },
  'model-mismatch': {
    example: {
      bad: CLEAN.replace('operating-system: microsoft', 'operating-system: customer'),
      good: CLEAN,
      note: 'Under PaaS the platform patches the operating system. If a contract says otherwise, keep the assignment and suppress the finding with the reason (below).',
    },
    tags: ['security', 'shared-responsibility', 'ownership'],
    // Medium: the two parties disagree about who does the work, so it may fall between them; often deliberate
    // (a contract), which is what a suppression with a reason records.
    securitySeverity: 5.5,
  },
  'unassigned-layer': {
    example: {
      bad: CLEAN.replace('      physical-network: microsoft\n      physical-datacenter: microsoft\n', ''),
      good: CLEAN,
      note: 'The quick fix (and `srm lint --fix`) adds the missing layers with the owners the model expects.',
    },
    tags: ['security', 'shared-responsibility', 'coverage'],
    // Medium: a layer nobody has written down is one nobody is accountable for.
    securitySeverity: 6.5,
  },
  'unknown-team': {
    example: {
      bad: WITH_TEAMS.replace('team: secops', 'team: sec-ops'),
      good: WITH_TEAMS,
      note: 'Teams may also come from a team registry that `srm.config.yaml` lists.',
    },
    tags: ['correctness', 'teams'],
  },
  'duplicate-name': {
    example: {
      bad: WITH_TEAMS.replace('  - id: payroll-dev\n', '  - id: secops\n'),
      good: WITH_TEAMS,
      note: 'The second team reused the id `secops`.',
    },
    tags: ['correctness', 'naming'],
  },
  'unused-suppression': {
    example: {
      bad: CLEAN.replace(
        '      operating-system: microsoft\n',
        '      # srm-disable-next-line model-mismatch -- legacy VM\n      operating-system: microsoft\n',
      ),
      good: CLEAN,
      note: 'The line below the comment is correct, so the comment silences nothing: delete it.',
    },
    tags: ['maintainability', 'suppression'],
  },
  'unknown-rule': {
    example: {
      bad: WAIVED.replace('srm-disable-next-line model-mismatch', 'srm-disable-next-line model-missmatch'),
      good: WAIVED,
      note: 'The misspelt rule id silenced nothing, so the `model-mismatch` below it is reported too.',
    },
    tags: ['correctness', 'suppression'],
  },
  'suppression-reason': {
    example: {
      bad: WAIVED.replace(' -- private endpoints only; exception SEC-142', ''),
      good: WAIVED,
      note: 'Reported only with `srm lint --require-reason`, `requireReason: true` in `srm.config.yaml` or the `srm.requireSuppressionReason` setting.',
    },
    tags: ['governance', 'suppression'],
  },
  'service-model-mismatch': {
    example: {
      bad: CLEAN.replace('    service: Azure App Service\n', '    service: Azure Virtual Machines\n'),
      good: CLEAN,
      note: 'Azure Virtual Machines runs under iaas only: the workload is either on App Service (paas) or on VMs (model: iaas, with the operating system the customer’s).',
    },
    tags: ['security', 'shared-responsibility', 'service-catalogue'],
    // Medium: every layer is checked against the wrong column, so real customer duties can go unnoticed.
    securitySeverity: 5.0,
  },
  'invalid-baseline': {
    example: {
      bad: BASELINE.replace('owners: { iaas: shared }', 'owners: { iaas: contoso }'),
      good: BASELINE,
      note: 'The baseline extends Microsoft’s table, whose parties are `customer`, `microsoft` and `shared`: `contoso` is none of them. The document that selects the baseline is reported too.',
    },
    tags: ['correctness', 'baseline'],
  },
  'unknown-baseline': {
    example: {
      bad: CLEAN.replace('  name: contoso-payroll\n', '  name: contoso-payroll\n  baseline: microsoft-diagrams\n'),
      good: CLEAN.replace('  name: contoso-payroll\n', '  name: contoso-payroll\n  baseline: microsoft-diagram\n'),
      note: 'Built-in baselines: `microsoft-diagram` (the default), `microsoft-2026`, `microsoft-ai`.',
    },
    tags: ['correctness', 'baseline'],
  },
};

/** A code the engine reports that is not a rule: no configurable severity, no suppression, no example. */
export interface CodeDoc {
  id: typeof INTERNAL_ERROR | typeof FILE_TOO_LARGE;
  /** Its fixed severity. */
  defaultSeverity: Severity;
  summary: string;
  why: string;
  fix: string;
  tags: string[];
  /** What to know instead of an example (Markdown). */
  note: string;
}

/** The two codes that are not rules, described so that every SARIF result has a rule and every code a page. */
export const CODE_DOCS: readonly CodeDoc[] = [
  {
    id: 'internal-error',
    defaultSeverity: 'error',
    summary: 'A rule failed with an internal error while checking this document.',
    why: 'The other rules still ran; this one could not. Please report it with the file.',
    fix: 'Report the problem; the finding goes away once the rule is fixed.',
    tags: ['tool'],
    note: 'The message names the rule that failed. Nothing in the file is necessarily wrong.',
  },
  {
    id: 'file-too-large',
    defaultSeverity: 'info',
    summary: 'The file is above the size limit: only its YAML syntax was checked.',
    why: 'Checking very large files in full would make the editor and CI slow.',
    fix: 'Split the file into smaller files.',
    tags: ['tool', 'performance'],
    note: 'The limit is 2,000,000 characters: the CLI’s, and the editor’s by default (the `srm.maxFileSize` setting changes the editor’s).',
  },
];
