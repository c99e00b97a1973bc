// `npm run generate`: writes the generated files from the model and the rule files: first the rule list (types.ts's
// RULE_IDS, rules/all.ts), then, from the registry built on it, the schemas, README tables and package.json's srm.rules.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { ALL_RULES_PATH, RULES_DIR, TYPES_PATH, allRulesText, currentRuleIds, ruleIds, typesText } from './ruleList';

const ruleFiles = readdirSync(RULES_DIR).map((name) => ({ name, text: readFileSync(`${RULES_DIR}/${name}`, 'utf8') }));
const types = readFileSync(TYPES_PATH, 'utf8');
const ids = ruleIds(ruleFiles, currentRuleIds(types));
writeFileSync(TYPES_PATH, typesText(types, ids));
writeFileSync(ALL_RULES_PATH, allRulesText(ids));

// Loaded only now, so the registry is built from the rule list just written.
void import('./generated').then((g) => {
  mkdirSync('schemas', { recursive: true });
  writeFileSync(g.SCHEMA_PATH, g.schemaText());
  mkdirSync(g.BASELINE_SCHEMAS_DIR, { recursive: true });
  const baselineSchemas = g.baselineSchemaTexts();
  for (const f of baselineSchemas) writeFileSync(f.path, f.text);
  for (const name of readdirSync(g.BASELINE_SCHEMAS_DIR)) {
    const p = `${g.BASELINE_SCHEMAS_DIR}/${name}`;
    if (name.endsWith('.schema.json') && !baselineSchemas.some((f) => f.path === p)) rmSync(p); // a built-in that is gone
  }
  writeFileSync(g.CONFIG_SCHEMA_PATH, g.configSchemaText());
  mkdirSync(g.VALIDATORS_DIR, { recursive: true });
  const validators = g.validatorTexts();
  for (const f of validators) writeFileSync(f.path, f.text);
  for (const name of readdirSync(g.VALIDATORS_DIR)) {
    const p = `${g.VALIDATORS_DIR}/${name}`;
    if (!validators.some((f) => f.path === p)) rmSync(p); // a built-in that is gone
  }
  writeFileSync('README.md', g.readmeText(readFileSync('README.md', 'utf8')));
  writeFileSync('package.json', g.packageJsonText(readFileSync('package.json', 'utf8')));
  console.log(`wrote ${TYPES_PATH}'s rule ids, ${ALL_RULES_PATH}, ${g.SCHEMA_PATH}, ${g.BASELINE_SCHEMAS_DIR}/*.schema.json, ${g.CONFIG_SCHEMA_PATH}, ${g.VALIDATORS_DIR}/*, the README tables and package.json's srm.rules`);
});
void import('./baselineDocs').then((d) => writeFileSync(d.BASELINE_DOCS_PATH, d.baselineDocsText(readFileSync(d.BASELINE_DOCS_PATH, 'utf8'))));
void import('./ruleDocs').then((d) => d.writeRuleDocs());
