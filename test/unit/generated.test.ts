// Generated files are committed and must match the generator ("run npm run generate"); the schema is valid
// for ajv in strict mode and documents every property and enum value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_PATH, configSchemaText, packageJsonText, readmeText, schemaText, SCHEMA_PATH } from '../../scripts/generated';
import { ALL_RULES_PATH, RULES_DIR, TYPES_PATH, allRulesText, currentRuleIds, ruleIds, typesText } from '../../scripts/ruleList';
import { createAjv } from '../../server/src/service/check/schemaValidation';
import { buildSchema, LAYERS, PARTIES, SERVICE_MODELS } from '../../server/src/model';
import { RULE_IDS, RULES } from '../../server/src/service';
import { parseAllDocuments } from 'yaml';
import { readdirSync } from 'node:fs';

const root = path.join(__dirname, '..', '..');

test('schemas/srm.schema.json is what the generator writes (run npm run generate)', () => {
  assert.equal(readFileSync(path.join(root, SCHEMA_PATH), 'utf8'), schemaText(), 'stale: run npm run generate');
});

test('schemas/srm-config.schema.json is what the generator writes (run npm run generate)', () => {
  assert.equal(readFileSync(path.join(root, CONFIG_SCHEMA_PATH), 'utf8'), configSchemaText(), 'stale: run npm run generate');
});

test('README tables are what the generator writes (run npm run generate)', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.equal(readme, readmeText(readme), 'stale: run npm run generate');
  for (const r of RULES) assert.ok(readme.includes(`\`${r.id}\` | ${r.defaultSeverity} |`), `README lists ${r.id}`);
  for (const l of LAYERS) assert.ok(readme.includes(`\`${l.id}\``), `README lists ${l.id}`);
});

test("package.json's srm.rules properties are what the generator writes from the registry (run npm run generate)", () => {
  const text = readFileSync(path.join(root, 'package.json'), 'utf8');
  assert.equal(text, packageJsonText(text), 'stale: run npm run generate');
  const props = JSON.parse(text).contributes.configuration.properties['srm.rules'].properties as Record<string, unknown>;
  assert.deepEqual(Object.keys(props), RULES.map((r) => r.id));
});

test('the rule list (types.ts RULE_IDS, rules/all.ts) is what the generator writes from the rule files (run npm run generate)', () => {
  const dir = path.join(root, RULES_DIR);
  const ruleFiles = readdirSync(dir).map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
  const types = readFileSync(path.join(root, TYPES_PATH), 'utf8');
  const ids = ruleIds(ruleFiles, currentRuleIds(types));
  assert.equal(types, typesText(types, ids), 'stale: run npm run generate');
  assert.equal(readFileSync(path.join(root, ALL_RULES_PATH), 'utf8'), allRulesText(ids), 'stale: run npm run generate');
  assert.deepEqual([...RULE_IDS], ids);
  assert.deepEqual(RULES.map((r) => r.id), ids);
  // A new rule file is appended; a removed one dropped; the order of the others kept.
  const added = ruleIds([...ruleFiles, { name: 'a-new-rule.ts', text: 'export const rule: Rule<never> = {};' }], ids);
  assert.deepEqual(added, [...ids, 'a-new-rule']);
  assert.deepEqual(ruleIds(ruleFiles.filter((f) => f.name !== 'schema.ts'), ids), ids.slice(1));
});

test('ajv compiles the committed schema in strict mode, and it accepts every clean example and rejects the broken one', () => {
  const validate = createAjv().compile(JSON.parse(readFileSync(path.join(root, SCHEMA_PATH), 'utf8')));
  const examples = readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.yaml'));
  assert.ok(examples.length >= 5, examples.join(', '));
  for (const f of examples) {
    const docs = parseAllDocuments(readFileSync(path.join(root, 'examples', f), 'utf8'));
    assert.ok(Array.isArray(docs) && docs.length > 0, f);
    const ok = docs.every((d) => d.errors.length === 0 && validate(d.toJS()));
    // with-mistakes.srm.yaml breaks the format on purpose (PaaS, endpoints, microsft); the others are clean.
    assert.equal(ok, f !== 'with-mistakes.srm.yaml', `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('every property and enum value carries description and markdownDescription', () => {
  const missing: string[] = [];
  const walk = (s: unknown, where: string) => {
    if (!s || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') {
      for (const [k, v] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
        if (typeof v.description !== 'string' || typeof v.markdownDescription !== 'string') missing.push(`${where}.${k}`);
      }
    }
    if (Array.isArray(o.enum)) {
      const d = o.enumDescriptions as unknown[] | undefined;
      const md = o.markdownEnumDescriptions as unknown[] | undefined;
      if (!d || !md || d.length !== o.enum.length || md.length !== o.enum.length) missing.push(`${where} enum`);
    }
    for (const [k, v] of Object.entries(o)) if (typeof v === 'object') walk(v, `${where}/${k}`);
  };
  walk(buildSchema(), '#');
  assert.deepEqual(missing, []);
  const text = schemaText();
  for (const v of [...PARTIES, ...SERVICE_MODELS, ...LAYERS.map((l) => l.id)]) assert.ok(text.includes(`"${v}"`), v);
});
