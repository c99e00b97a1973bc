// Walks every (layer, model, party) combination, 10 × 4 × 3, against the spec's table and rules, restated
// here on purpose: this is the independent check that the model data and the rules say what the spec says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, parseFile } from '../../server/src/service';

const C = 'customer';
const M = 'microsoft';
const S = 'shared';
// shared/spec/model.md, "Layers (rows), in display order": on-premises, iaas, paas, saas.
const SPEC: Record<string, [string, string, string, string]> = {
  'information-and-data': [C, C, C, C],
  devices: [C, C, C, C],
  'accounts-and-identities': [C, C, C, C],
  'identity-and-directory-infrastructure': [C, C, S, S],
  applications: [C, C, S, M],
  'network-controls': [C, C, S, M],
  'operating-system': [C, C, M, M],
  'physical-hosts': [C, M, M, M],
  'physical-network': [C, M, M, M],
  'physical-datacenter': [C, M, M, M],
};
const MODELS = ['on-premises', 'iaas', 'paas', 'saas'] as const;
const CUSTOMER_ONLY = ['information-and-data', 'devices', 'accounts-and-identities'];
const PHYSICAL = ['physical-hosts', 'physical-network', 'physical-datacenter'];

/** What shared/spec/format.md says must fire for `layer` assigned to `party` under `model`. */
function specExpectation(layer: string, model: (typeof MODELS)[number], party: string): { code: string; severity: string } | null {
  const expected = SPEC[layer]?.[MODELS.indexOf(model)];
  if (party === expected) return null;
  if (CUSTOMER_ONLY.includes(layer)) return { code: 'customer-only-duty', severity: party === S ? 'warning' : 'error' };
  if (PHYSICAL.includes(layer) && model !== 'on-premises') return { code: 'provider-only-duty', severity: 'error' };
  return { code: 'model-mismatch', severity: model === 'on-premises' ? 'error' : 'warning' };
}

function documentFor(model: (typeof MODELS)[number], layer: string, party: string): string {
  const lines = Object.entries(SPEC).map(([l, owners]) => `      ${l}: ${l === layer ? party : owners[MODELS.indexOf(model)]}`);
  return [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  name: combinations',
    'workloads:',
    '  - name: w',
    `    model: ${model}`,
    '    responsibilities:',
    ...lines,
    '',
  ].join('\n');
}

test('every (layer, model, party) combination fires exactly what the spec says, on the owner value', () => {
  let checked = 0;
  for (const layer of Object.keys(SPEC)) {
    for (const model of MODELS) {
      for (const party of [C, M, S]) {
        const text = documentFor(model, layer, party);
        const findings = diagnose(parseFile(text));
        const want = specExpectation(layer, model, party);
        const label = `${layer} under ${model} assigned to ${party}`;
        if (!want) {
          assert.deepEqual(findings, [], label);
        } else {
          assert.equal(findings.length, 1, `${label}: ${JSON.stringify(findings.map((f) => f.code))}`);
          const f = findings[0]!;
          assert.equal(f.code, want.code, label);
          assert.equal(f.severity, want.severity, label);
          const at = text.indexOf(`${layer}: ${party}`) + layer.length + 2;
          assert.deepEqual([f.start, f.end], [at, at + party.length], `${label}: range`);
          for (const word of [layer, model, party]) assert.ok(f.message.includes(word), `${label}: message names ${word}: ${f.message}`);
        }
        checked++;
      }
    }
  }
  assert.equal(checked, 120);
});
