// What `npm run generate` produces, as pure functions: the JSON Schemas, the README's reference tables, and
// package.json's `srm.rules` setting (one property per rule of the registry).
// A test compares each with the committed file, so a stale file fails CI ("run npm run generate").
import { LAYERS, SERVICE_MODELS, SERVICE_MODEL_INFO, GROUPS, baselineSchemaFiles, buildSchemaFile } from '../server/src/model';
import { RULES, SEVERITIES } from '../server/src/service';
import { CONFIG_SCHEMA } from '../server/src/service/config/configSchema';
import { RULE_DOCS_DIR } from './ruleDocs';

export const SCHEMA_PATH = 'schemas/srm.schema.json';

/** The schema file for other tools: it dispatches on `kind` and `metadata.baseline` (server/src/model/schemaFile.ts). */
export function schemaText(): string {
  return `${JSON.stringify(buildSchemaFile(), null, 2)}\n`;
}

export const BASELINE_SCHEMAS_DIR = 'schemas/baselines';

/** One exact schema per built-in baseline: `schemas/baselines/<id>.schema.json`. */
export function baselineSchemaTexts(): { path: string; text: string }[] {
  return baselineSchemaFiles().map((f) => ({ path: f.path, text: `${JSON.stringify(f.schema, null, 2)}\n` }));
}

export const CONFIG_SCHEMA_PATH = 'schemas/srm-config.schema.json';

export function configSchemaText(): string {
  return `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
}

export function ruleTable(): string {
  // The anchor keeps old links to README#<id> working; the id links to the rule's page (scripts/ruleDocs.ts).
  const rows = RULES.map((r) => `| <a id="${r.id}"></a>[\`${r.id}\`](${RULE_DOCS_DIR}/${r.id}.md) | ${r.defaultSeverity} | ${r.summary} |`);
  return ['| rule id | default | what it catches |', '| --- | --- | --- |', ...rows].join('\n');
}

export function layerTable(): string {
  const head = `| layer id | Microsoft's label | group | ${SERVICE_MODELS.map((m) => SERVICE_MODEL_INFO[m].label).join(' | ')} |`;
  const rule = `| --- | --- | --- |${SERVICE_MODELS.map(() => ' --- |').join('')}`;
  const rows = LAYERS.map(
    (l) =>
      `| \`${l.id}\` | ${l.label} | ${GROUPS.find((g) => g.id === l.group)?.label ?? l.group} | ${SERVICE_MODELS.map((m) => l.owners[m]).join(' | ')} |`,
  );
  return [head, rule, ...rows].join('\n');
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function fillSection(doc: string, name: string, body: string): string {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  if (a < 0 || b < a) throw new Error(`README has no ${open} ... ${close} section`);
  return `${doc.slice(0, a + open.length)}\n${body}\n${doc.slice(b)}`;
}

/** package.json with `contributes.configuration.properties["srm.rules"].properties` written from the registry. */
export function packageJsonText(current: string): string {
  const pj = JSON.parse(current) as { contributes: { configuration: { properties: Record<string, { properties?: unknown }> } } };
  const setting = pj.contributes.configuration.properties['srm.rules'];
  if (!setting) throw new Error('package.json has no srm.rules setting');
  setting.properties = Object.fromEntries(
    RULES.map((r) => [r.id, { type: 'string', enum: [...SEVERITIES], description: `${r.summary} (default: ${r.defaultSeverity})` }]),
  );
  return `${JSON.stringify(pj, null, 2)}\n`;
}

export function readmeText(current: string): string {
  return fillSection(fillSection(current, 'rules', ruleTable()), 'layers', layerTable());
}
