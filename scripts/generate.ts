// `npm run generate`: writes the generated files from the model and the rule files: first the rule list (types.ts's
// RULE_IDS, rules/all.ts), then, from the registry built on it, the schemas, README tables and package.json's srm.rules.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { writeGeneratedFolder } from './folder';
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
  writeGeneratedFolder(g.BASELINE_SCHEMAS_DIR, g.baselineSchemaTexts(), (name) => name.endsWith('.schema.json'));
  writeFileSync(g.CONFIG_SCHEMA_PATH, g.configSchemaText());
  writeGeneratedFolder(g.VALIDATORS_DIR, g.validatorTexts());
  writeFileSync('README.md', g.readmeText(readFileSync('README.md', 'utf8')));
  writeFileSync('package.json', g.packageJsonText(readFileSync('package.json', 'utf8')));
  console.log(`wrote ${TYPES_PATH}'s rule ids, ${ALL_RULES_PATH}, ${g.SCHEMA_PATH}, ${g.BASELINE_SCHEMAS_DIR}/*.schema.json, ${g.CONFIG_SCHEMA_PATH}, ${g.VALIDATORS_DIR}/*, the README tables and package.json's srm.rules`);
});
void import('./baselineDocs').then((d) => writeFileSync(d.BASELINE_DOCS_PATH, d.baselineDocsText(readFileSync(d.BASELINE_DOCS_PATH, 'utf8'))));
void import('./ruleDocs').then((d) => d.writeRuleDocs());
