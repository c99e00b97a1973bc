// `npm run generate`: writes the generated files (schema, README tables) from the model and the rule catalogue.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { CONFIG_SCHEMA_PATH, SCHEMA_PATH, configSchemaText, readmeText, schemaText } from './generated';

mkdirSync('schemas', { recursive: true });
writeFileSync(SCHEMA_PATH, schemaText());
writeFileSync(CONFIG_SCHEMA_PATH, configSchemaText());
writeFileSync('README.md', readmeText(readFileSync('README.md', 'utf8')));
console.log(`wrote ${SCHEMA_PATH}, ${CONFIG_SCHEMA_PATH} and the README tables`);
