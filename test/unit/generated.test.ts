// Generated files are committed and must match the generator ("run npm run generate"); the schema is valid
// for ajv in strict mode and documents every property and enum value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BASELINE_SCHEMAS_DIR,
  CONFIG_SCHEMA_PATH,
  baselineSchemaTexts,
  configSchemaText,
  packageJsonText,
  readmeText,
  schemaText,
  SCHEMA_PATH,
  VALIDATORS_DIR,
  validatorTexts,
} from '../../scripts/generated';
import { ALL_RULES_PATH, RULES_DIR, TYPES_PATH, allRulesText, currentRuleIds, ruleIds, typesText } from '../../scripts/ruleList';
import { createAjv } from '../../server/src/service/check/schemaValidation';
import { assertGeneratedFolder } from './generated-folder';
import {
  BASELINE_DOCUMENT_DEF,
  BUILTIN_BASELINES,
  DEFAULT_BASELINE,
  MICROSOFT_2026,
  MICROSOFT_AI,
  MICROSOFT_DIAGRAM,
  buildCustomShapeSchema,
  buildSchema,
  buildSchemaFile,
  LAYERS,
  PARTIES,
  SERVICE_MODELS,
  type Baseline,
} from '../../server/src/model';
import { RULE_IDS, RULES } from '../../server/src/service';
import { parseAllDocuments } from 'yaml';
import { readdirSync } from 'node:fs';

const root = path.join(__dirname, '..', '..');

test('schemas/srm.schema.json is what the generator writes (run npm run generate)', () => {
  assert.equal(readFileSync(path.join(root, SCHEMA_PATH), 'utf8'), schemaText(), 'stale: run npm run generate');
});

test('schemas/baselines/<id>.schema.json is what the generator writes, one per built-in baseline (run npm run generate)', () => {
  const files = baselineSchemaTexts();
  assert.deepEqual(
    files.map((f) => f.path),
    BUILTIN_BASELINES.map((b) => `${BASELINE_SCHEMAS_DIR}/${b.id}.schema.json`),
  );
  assertGeneratedFolder(root, BASELINE_SCHEMAS_DIR, files, 'not a built-in baseline any more');
  // Each is buildSchema(b) as is: the schema the engine compiles in memory.
  for (const b of BUILTIN_BASELINES) {
    assert.deepEqual(JSON.parse(readFileSync(path.join(root, BASELINE_SCHEMAS_DIR, `${b.id}.schema.json`), 'utf8')), buildSchema(b));
  }
});

test('the validators compiled ahead (built-in baselines, registries, baseline documents) are what the generator writes (run npm run generate)', () => {
  const files = validatorTexts();
  const names = [...BUILTIN_BASELINES.map((b) => `${b.id}.js`), 'registry.js', 'baseline-document.js', 'index.ts'];
  assert.deepEqual(files.map((f) => f.path).sort(), names.map((n) => `${VALIDATORS_DIR}/${n}`).sort());
  assertGeneratedFolder(root, VALIDATORS_DIR, files, 'not a built-in baseline any more');
});

test('schemas/srm-config.schema.json is what the generator writes (run npm run generate)', () => {
  assert.equal(readFileSync(path.join(root, CONFIG_SCHEMA_PATH), 'utf8'), configSchemaText(), 'stale: run npm run generate');
});

test('README tables are what the generator writes (run npm run generate)', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.equal(readme, readmeText(readme), 'stale: run npm run generate');
  for (const r of RULES) assert.ok(readme.includes(`[\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} |`), `README lists ${r.id}, linked to its page`);
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
  const examples = readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.srm.yaml'));
  assert.ok(examples.length >= 5, examples.join(', '));
  for (const f of examples) {
    const docs = parseAllDocuments(readFileSync(path.join(root, 'examples', f), 'utf8'));
    assert.ok(Array.isArray(docs) && docs.length > 0, f);
    const ok = docs.every((d) => d.errors.length === 0 && validate(d.toJS()));
    // with-mistakes.srm.yaml breaks the format on purpose (PaaS, endpoints, microsft); the others are clean.
    assert.equal(ok, f !== 'with-mistakes.srm.yaml', `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

/** Properties without description/markdownDescription and enums without (markdown)enumDescriptions in `schema`.
 *  Boolean property schemas carry nothing; `if` conditions and `not` only select or forbid, an editor offers
 *  nothing from them. */
function undocumented(schema: unknown, opts: { enums: (where: string) => boolean } = { enums: () => true }): string[] {
  const missing: string[] = [];
  const walk = (s: unknown, where: string) => {
    if (!s || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') {
      for (const [k, v] of Object.entries(o.properties as Record<string, unknown>)) {
        if (typeof v === 'boolean') continue;
        const p = v as Record<string, unknown>;
        if (typeof p.description !== 'string' || typeof p.markdownDescription !== 'string') missing.push(`${where}.${k}`);
      }
    }
    if (Array.isArray(o.enum) && opts.enums(where)) {
      const d = o.enumDescriptions as unknown[] | undefined;
      const md = o.markdownEnumDescriptions as unknown[] | undefined;
      if (!d || !md || d.length !== o.enum.length || md.length !== o.enum.length) missing.push(`${where} enum`);
    }
    for (const [k, v] of Object.entries(o)) if (typeof v === 'object' && k !== 'if' && k !== 'not') walk(v, `${where}/${k}`);
  };
  walk(schema, '#');
  return missing;
}

test('every property and enum value carries description and markdownDescription', () => {
  assert.deepEqual(undocumented(buildSchema()), []);
  for (const b of BUILTIN_BASELINES) assert.deepEqual(undocumented(buildSchema(b)), [], b.id);
  assert.deepEqual(undocumented(buildCustomShapeSchema()), []);
  // The baseline document's apiVersion and kind enums carry no enumDescriptions (buildBaselineDocumentSchema).
  const file = undocumented(buildSchemaFile(), { enums: (where) => !where.startsWith(`#/$defs/${BASELINE_DOCUMENT_DEF}/`) });
  assert.deepEqual(file, []);
  const text = schemaText();
  for (const v of [...PARTIES, ...SERVICE_MODELS, ...LAYERS.map((l) => l.id)]) assert.ok(text.includes(`"${v}"`), v);
  for (const b of BUILTIN_BASELINES) for (const v of [...b.layerIds, ...b.columnIds, ...b.parties]) assert.ok(text.includes(`"${v}"`), `${b.id}: ${v}`);
});

// ---- Verdicts of the committed schema files (ajv, strict mode) on small documents.

const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

type Doc = Record<string, unknown>;
const assignmentDoc = (baseline: string | undefined, model: string, responsibilities: Record<string, unknown>, extra: Doc = {}): Doc => ({
  apiVersion: 'srm/v1',
  kind: 'ResponsibilityAssignment',
  metadata: { name: 'generated-check', ...(baseline === undefined ? {} : { baseline }) },
  workloads: [{ name: 'app', model, responsibilities }],
  ...extra,
});
/** Every layer of `b` under `model`, given to the baseline's own cell (`depends`: the customer). */
const complete = (b: Baseline, model: string): Record<string, unknown> =>
  Object.fromEntries(b.layers.map((l) => [l.id, l.owners[model] === 'depends' ? 'customer' : l.owners[model]]));

const baselineDoc = (extra: Doc = {}): Doc => ({
  apiVersion: 'srm/v1',
  kind: 'ResponsibilityBaseline',
  metadata: { name: 'contoso-contract', source: 'https://contoso.example/contracts/c-17' },
  extends: 'microsoft-2026',
  layers: [
    { id: 'devices', owners: { saas: 'customer' }, reason: 'Contoso runs endpoint protection itself' },
    { id: 'backup-and-recovery', label: 'Backup and recovery', after: 'information-and-data', owners: { 'on-premises': 'customer', iaas: 'customer', paas: 'customer', saas: 'customer' } },
  ],
  remove: ['physical-network'],
  ...extra,
});
const ownBaselineDoc = (extra: Doc = {}): Doc => ({
  apiVersion: 'srm/v1',
  kind: 'ResponsibilityBaseline',
  metadata: { name: 'aws-service-classes' },
  provider: { id: 'aws', label: 'Amazon Web Services' },
  models: [{ id: 'infrastructure', label: 'Infrastructure services' }, { id: 'abstracted', label: 'Abstracted services', cloud: true }],
  layers: [{ id: 'customer-data', label: 'Customer data', group: 'Always the customer’s', owners: { infrastructure: 'customer', abstracted: 'customer' } }],
  ...extra,
});

const m2026 = { ...complete(MICROSOFT_2026, 'saas'), devices: 'shared', 'configurations-and-settings': { owner: 'customer', notes: 'tenant settings' } };
const ai = { 'user-training-and-accountability': 'customer', 'model-tuning': 'microsoft', 'ai-compute-infrastructure': { owner: 'microsoft' } };
const custom = { 'backup-and-recovery': 'aws', devices: { owner: 'customer', evidence: 'https://contoso.example/edr' } };

/** [what, document, valid under the dispatching schema] */
const DISPATCH_CASES: Array<[string, Doc, boolean]> = [
  ['default: every diagram layer', assignmentDoc(undefined, 'paas', complete(MICROSOFT_DIAGRAM, 'paas')), true],
  ['default: a 2026 layer', assignmentDoc(undefined, 'saas', { 'configurations-and-settings': 'customer' }), false],
  ['default: an unknown root key', assignmentDoc(undefined, 'saas', { devices: 'customer' }, { extra: 1 }), false],
  ['default: an unknown party', assignmentDoc(undefined, 'saas', { devices: 'aws' }), false],
  ['microsoft-diagram named: a 2026 layer', assignmentDoc('microsoft-diagram', 'saas', { 'configurations-and-settings': 'customer' }), false],
  ['microsoft-diagram named: identity infrastructure', assignmentDoc('microsoft-diagram', 'saas', { 'identity-and-directory-infrastructure': 'shared' }), true],
  ['microsoft-2026: devices shared, configurations-and-settings', assignmentDoc('microsoft-2026', 'saas', m2026), true],
  ['microsoft-2026: identity-and-directory-infrastructure', assignmentDoc('microsoft-2026', 'saas', { ...m2026, 'identity-and-directory-infrastructure': 'shared' }), false],
  ['microsoft-2026: model on-premises', assignmentDoc('microsoft-2026', 'on-premises', { devices: 'customer' }), true],
  ['microsoft-ai: AI layers', assignmentDoc('microsoft-ai', 'paas', ai), true],
  ['microsoft-ai: every layer', assignmentDoc('microsoft-ai', 'iaas', complete(MICROSOFT_AI, 'iaas')), true],
  ['microsoft-ai: a diagram layer', assignmentDoc('microsoft-ai', 'paas', { ...ai, 'operating-system': 'microsoft' }), false],
  ['microsoft-ai: model on-premises', assignmentDoc('microsoft-ai', 'on-premises', ai), false],
  ['baseline document with extends', baselineDoc(), true],
  ['baseline document with extends and provider', baselineDoc({ provider: { id: 'contoso', label: 'Contoso' } }), false],
  ['baseline document with extends and models', baselineDoc({ models: [{ id: 'x', label: 'X' }] }), false],
  ['baseline document with an unknown key', baselineDoc({ extra: 1 }), false],
  ['baseline document of its own', ownBaselineDoc(), true],
  ['baseline document of its own with remove', ownBaselineDoc({ remove: ['customer-data'] }), false],
  ['baseline document of its own without provider', ownBaselineDoc({ provider: undefined }), false],
  ['baseline document whose provider is shared', ownBaselineDoc({ provider: { id: 'shared', label: 'Shared' } }), false],
  ['custom baseline: its own layers, parties and models', assignmentDoc('contoso-contract', 'infrastructure', custom), true],
  ['custom baseline: responsibilities still being written (null)', assignmentDoc('contoso-contract', 'infrastructure', null as never), true],
  ['custom baseline: an unknown root key', assignmentDoc('contoso-contract', 'infrastructure', custom, { extra: 1 }), false],
  ['custom baseline: an unknown assignment key', assignmentDoc('contoso-contract', 'infrastructure', { devices: { owner: 'customer', who: 'x' } }), false],
  ['custom baseline: a layer key not in kebab-case', assignmentDoc('contoso-contract', 'infrastructure', { Devices: 'customer' }), false],
  ['custom baseline: a party not in kebab-case', assignmentDoc('contoso-contract', 'infrastructure', { devices: 'Contoso Ltd' }), false],
  ['custom baseline: depends is not a party', assignmentDoc('contoso-contract', 'infrastructure', { devices: 'depends' }), false],
  ['custom baseline: a model not in kebab-case', assignmentDoc('contoso-contract', 'Infrastructure', custom), false],
  ['a baseline name not in kebab-case', assignmentDoc('Contoso', 'infrastructure', custom), false],
];

test('schemas/srm.schema.json compiles with ajv in strict mode and dispatches on kind and metadata.baseline', () => {
  const schema = readJson(SCHEMA_PATH);
  assert.equal(schema.$id, 'https://srm.invalid/schemas/srm.schema.json');
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const validate = createAjv().compile(schema);
  const wrong: string[] = [];
  for (const [what, doc, valid] of DISPATCH_CASES) {
    const json = JSON.parse(JSON.stringify(doc)) as Doc; // drops the undefined keys
    if (validate(json) !== valid) wrong.push(`${what}: expected ${valid ? 'valid' : 'invalid'}; ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
  assert.deepEqual(wrong, []);
});

test('schemas/srm.schema.json is exact, branch by branch, where schemas/baselines/<id>.schema.json and buildSchema(b) are', () => {
  const file = createAjv().compile(readJson(SCHEMA_PATH));
  const wrong: string[] = [];
  for (const b of BUILTIN_BASELINES) {
    const exact = createAjv().compile(readJson(`${BASELINE_SCHEMAS_DIR}/${b.id}.schema.json`));
    for (const [what, doc] of DISPATCH_CASES) {
      if ((doc as { kind?: string }).kind !== 'ResponsibilityAssignment') continue;
      const json = JSON.parse(JSON.stringify(doc)) as Doc;
      const selected = ((json.metadata as Doc).baseline as string | undefined) ?? DEFAULT_BASELINE;
      if (selected !== b.id) continue;
      if (file(json) !== exact(json)) wrong.push(`${b.id}, ${what}: the file says ${file(json)}, the baseline's schema ${exact(json)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('schemas/baselines/<id>.schema.json compiles with ajv in strict mode and is exact for its baseline', () => {
  const verdicts: Record<string, Array<[Record<string, unknown>, boolean]>> = {
    'microsoft-diagram': [
      [complete(MICROSOFT_DIAGRAM, 'iaas'), true],
      [{ 'configurations-and-settings': 'customer' }, false],
    ],
    'microsoft-2026': [
      [m2026, true],
      [{ 'identity-and-directory-infrastructure': 'shared' }, false],
    ],
    'microsoft-ai': [
      [ai, true],
      [{ 'operating-system': 'microsoft' }, false],
    ],
  };
  for (const b of BUILTIN_BASELINES) {
    // A fresh ajv each: microsoft-diagram's schema keeps the $id of schemas/srm.schema.json (the engine's default).
    const validate = createAjv().compile(readJson(`${BASELINE_SCHEMAS_DIR}/${b.id}.schema.json`));
    const model = b.columnIds.includes('saas') ? 'saas' : (b.columnIds[0] as string);
    for (const [resp, valid] of verdicts[b.id] ?? []) {
      // The baseline's schema does not read metadata.baseline: the file's name says which matrix it is.
      assert.equal(validate(assignmentDoc(b.id, model, resp)), valid, `${b.id} ${JSON.stringify(resp)}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    }
    assert.equal(validate(assignmentDoc(b.id, 'not-a-model', {})), false, `${b.id}: an unknown model`);
  }
  assert.ok(Object.keys(verdicts).every((id) => BUILTIN_BASELINES.some((b) => b.id === id)));
});
