// `npm run generate`: writes the generated files (schemas, README tables, package.json's srm.rules) from the model
// and the rule registry.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { CONFIG_SCHEMA_PATH, SCHEMA_PATH, configSchemaText, packageJsonText, readmeText, schemaText } from './generated';

mkdirSync('schemas', { recursive: true });
writeFileSync(SCHEMA_PATH, schemaText());
writeFileSync(CONFIG_SCHEMA_PATH, configSchemaText());
writeFileSync('README.md', readmeText(readFileSync('README.md', 'utf8')));
writeFileSync('package.json', packageJsonText(readFileSync('package.json', 'utf8')));
console.log(`wrote ${SCHEMA_PATH}, ${CONFIG_SCHEMA_PATH}, the README tables and package.json's srm.rules`);
