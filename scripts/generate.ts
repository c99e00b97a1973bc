// `npm run generate`: writes the generated files (schema, README tables) from the model and the rule catalogue.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { SCHEMA_PATH, readmeText, schemaText } from './generated';

mkdirSync('schemas', { recursive: true });
writeFileSync(SCHEMA_PATH, schemaText());
writeFileSync('README.md', readmeText(readFileSync('README.md', 'utf8')));
console.log(`wrote ${SCHEMA_PATH} and the README tables`);
