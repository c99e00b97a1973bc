// Generated files are committed and must match the generator ("run npm run generate"); the schema is valid
// for ajv in strict mode and documents every property and enum value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_PATH, configSchemaText, readmeText, schemaText, SCHEMA_PATH } from '../../scripts/generated';
import { createAjv } from '../../server/src/service/validate';
import { buildSchema, LAYERS, PARTIES, SERVICE_MODELS } from '../../server/src/model';
import { RULES } from '../../server/src/service';

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

test('ajv compiles the schema object in strict mode', () => {
  const ajv = createAjv();
  const validate = ajv.compile(JSON.parse(schemaText()));
  const example = readFileSync(path.join(root, 'examples/microsoft-365.srm.yaml'), 'utf8');
  assert.equal(typeof validate, 'function');
  assert.ok(example.length > 0);
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
