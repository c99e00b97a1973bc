// The validators compiled ahead (server/src/service/check/validators, npm run generate: the built-in baselines',
// the team registry's, the baseline document's) give exactly the errors of the validators ajv compiles at run time
// from the same schemas, on the workloads and headers of generated files with mistakes, on registry and baseline
// documents, and on values mutated at random: wrong types, unknown and missing keys, values out of their enums,
// empty strings, odd links.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { generate } from '../../bench/generate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { BUILTIN_BASELINES, buildBaselineDocumentSchema, buildRegistrySchema } from '../../server/src/model';
import { compileValidators, createAjv } from '../../server/src/service/check/schemaValidation';
import { BASELINE_DOCUMENT, PRECOMPILED, REGISTRY, type Validators } from '../../server/src/service/check/validators';
import { prng } from '../prng';

const ODD: unknown[] = [null, '', ' ', 0, -1, 1.5, true, false, [], {}, ['x'], { x: 1 }, 'customer', 'microsoft', 'shared', 'nobody', 'saas', 'https://x.example/a', 'not a link', 'ftp:', '__proto__', 'a'.repeat(300)];

/** `value` with one random change somewhere in it (a copy). */
function mutate(value: unknown, rnd: () => number): unknown {
  const copy = structuredClone(value) as unknown;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let node = copy;
  for (let depth = 0; depth < 6 && node && typeof node === 'object'; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0 || rnd() < 0.25) break;
    const k = pick(keys);
    const child = (node as Record<string, unknown>)[k];
    if (!child || typeof child !== 'object' || rnd() < 0.3) {
      const r = rnd();
      if (r < 0.6) (node as Record<string, unknown>)[k] = pick(ODD);
      else if (r < 0.8 && !Array.isArray(node)) delete (node as Record<string, unknown>)[k];
      else if (!Array.isArray(node)) (node as Record<string, unknown>)[`extra-${Math.floor(rnd() * 3)}`] = pick(ODD);
      return copy;
    }
    node = child;
  }
  return rnd() < 0.5 ? copy : pick(ODD);
}

const tally = { valid: 0, invalid: 0 };

function same(a: Validators, b: Validators, kind: 'workload' | 'header', value: unknown, what: string): void {
  sameOf(a[kind], b[kind], value, what);
}

function sameOf(a: ValidateFunction, b: ValidateFunction, value: unknown, what: string): void {
  const va = a(value);
  const vb = b(value);
  assert.equal(va, vb, `${what}: valid?`);
  tally[va ? 'valid' : 'invalid']++;
  assert.deepEqual(a.errors ?? null, b.errors ?? null, `${what}: errors`);
}

const root = path.join(__dirname, '..', '..');
const REGISTRY_TEXT = `apiVersion: srm/v1
kind: TeamRegistry
metadata:
  name: platform
  description: The platform teams
teams:
  - id: ops
    name: Operations
    contact: ops@contoso.example
  - id: sec
    name: Security
  - id: net
`;

describe('validators compiled ahead', () => {
  it('there is one per built-in baseline', () => {
    assert.deepEqual(Object.keys(PRECOMPILED).sort(), BUILTIN_BASELINES.map((b) => b.id).sort());
  });

  for (const b of BUILTIN_BASELINES) {
    it(`${b.id}: the same errors as the validators compiled at run time`, () => {
      const ahead = PRECOMPILED[b.id]!();
      const now = compileValidators(b);
      const rnd = prng(4242);
      let checked = 0;
      for (let f = 0; f < 12; f++) {
        const doc = parse(generate(8 + f, { seed: 300 + f, mistakes: 0.3, teams: 2 }).replace('kind: ResponsibilityAssignment', `kind: ResponsibilityAssignment\n# baseline ${b.id}`), { uniqueKeys: false }) as Record<string, unknown>;
        const header = { ...doc, metadata: { ...(doc.metadata as object), baseline: b.id } };
        same(ahead, now, 'header', header, `file ${f} header`);
        for (let m = 0; m < 20; m++) same(ahead, now, 'header', mutate(header, rnd), `file ${f} header, mutation ${m}`);
        for (const [i, w] of ((doc.workloads as unknown[]) ?? []).entries()) {
          same(ahead, now, 'workload', w, `file ${f} workload ${i}`);
          for (let m = 0; m < 10; m++) same(ahead, now, 'workload', mutate(w, rnd), `file ${f} workload ${i}, mutation ${m}`);
          checked++;
        }
      }
      assert.ok(checked > 100, `${checked} workloads`);
      // Both outcomes are exercised, many times.
      assert.ok(tally.valid > 200 && tally.invalid > 200, JSON.stringify(tally));
    });
  }

  const documents: Array<[string, () => ValidateFunction, () => object, string[]]> = [
    ['team registries', REGISTRY, buildRegistrySchema, [REGISTRY_TEXT]],
    [
      'baseline documents',
      BASELINE_DOCUMENT,
      buildBaselineDocumentSchema,
      ['examples/msp-contract.baseline.srm.yaml', 'test/fixtures/baselines/overrides.srm.yaml', 'test/fixtures/baselines/custom-provider.srm.yaml'].map((f) => readFileSync(path.join(root, f), 'utf8')),
    ],
  ];
  for (const [what, ahead, schema, texts] of documents) {
    it(`${what}: the same errors as the validator compiled at run time`, () => {
      const a = ahead();
      const b = createAjv().compile(schema());
      const rnd = prng(77);
      const before = { ...tally };
      for (const [i, text] of texts.entries()) {
        for (const doc of text.split(/^---$/m).map((t) => parse(t, { uniqueKeys: false }) as unknown).filter((d) => d && typeof d === 'object')) {
          sameOf(a, b, doc, `${what} ${i}`);
          for (let m = 0; m < 300; m++) sameOf(a, b, mutate(doc, rnd), `${what} ${i}, mutation ${m}`);
        }
      }
      assert.ok(tally.valid > before.valid && tally.invalid - before.invalid > 100, JSON.stringify(tally));
    });
  }
});
