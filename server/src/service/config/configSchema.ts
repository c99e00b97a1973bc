// The JSON Schema of `srm.config.yaml`, derived from the rule catalogue; written to schemas/srm-config.schema.json.
import { RULES } from '../rules/registry';
import { SEVERITIES } from '../types';

const severity = {
  enum: [...SEVERITIES],
  description: 'The severity to report the rule at; `off` turns it off.',
};

/** File name of the configuration file, looked up by walking up from each checked file. */
export const CONFIG_FILE_NAME = 'srm.config.yaml';

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/srm-tools/srm/schemas/srm-config.schema.json',
  title: 'srm configuration (srm.config.yaml)',
  description:
    'Configuration of the srm CLI and VS Code extension. The nearest srm.config.yaml above a responsibility ' +
    'file applies to it. Globs are relative to the directory of the config file.',
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      type: 'object',
      description: 'Severity per rule id: error, warning, info, hint or off. Rules not listed keep their default.',
      additionalProperties: false,
      properties: Object.fromEntries(
        RULES.map((r) => [r.id, { ...severity, description: `${r.summary} Default: ${r.defaultSeverity}.` }]),
      ),
    },
    files: {
      type: 'array',
      description:
        'Globs of more files to treat as responsibility files, besides *.srm.yaml/*.srm.yml and any YAML file ' +
        'whose first document has apiVersion: srm/v1 (which always are).',
      items: { type: 'string', minLength: 1 },
    },
    ignore: {
      type: 'array',
      description: 'Globs of files and directories never to check (also applied to files named on the command line).',
      items: { type: 'string', minLength: 1 },
    },
    requireReason: {
      type: 'boolean',
      description: 'Report suppression comments that give no reason after ` -- ` (rule suppression-reason).',
    },
    inlineSuppressions: {
      type: 'boolean',
      description: 'Honour `# srm-disable` comments (default true). false: authors cannot waive their own findings.',
    },
    baseline: {
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      description:
        'The baseline every document under this folder is checked against unless its metadata.baseline says otherwise: ' +
        'microsoft-diagram (the default), microsoft-2026, microsoft-ai, or the name of a baseline listed under baselines.',
    },
    teams: {
      type: 'array',
      description: 'Globs of team registries (kind: TeamRegistry) whose teams every document under this folder may name.',
      items: { type: 'string', minLength: 1 },
    },
    baselines: {
      type: 'array',
      description: 'Globs of files holding baseline documents (kind: ResponsibilityBaseline) that documents may select by name.',
      items: { type: 'string', minLength: 1 },
    },
  },
} as const;
