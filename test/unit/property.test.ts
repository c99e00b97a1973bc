// Property tests of the language service (fast-check): for any text and any edits to a valid example, nothing throws,
// every range lies inside the document, each call is bounded in time, fixes never break a document that parsed, and
// the incremental parse gives exactly the findings of a fresh one (property-harness.ts: the checks and generators;
// property-documents.test.ts: format-shaped and baseline documents). Seed fixed; SRM_FC_RUNS / SRM_FC_SEED override.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, diagnose, fixAll, parseFile } from '../../server/src/service';
import { CLEAN_DOCUMENT } from './model-documents';
import {
  EXAMPLES,
  LAYERS,
  anyText,
  applyRandomEdit,
  checkFeatures,
  checkFixes,
  checkText,
  checkedDiagnose,
  edit,
  lineish,
  offsets,
  runs,
  syntaxCount,
  warmUp,
  yamlish,
} from './property-harness';

describe('language service properties', () => {
  // The first call compiles the schema and warms the modules: not part of any call's bound.
  before(warmUp);

  it('any string: nothing throws, ranges inside, bounded time', () => {
    fc.assert(
      fc.property(anyText, offsets, (text, offs) => {
        checkText(text, offs);
      }),
      runs(150),
    );
  });

  it('YAML-ish text: nothing throws, ranges inside, fixes keep it parsing', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, lineish), offsets, (text, offs) => {
        const file = checkText(text, offs);
        checkFixes(text, diagnose(file));
      }),
      runs(200),
    );
  });

  it('a header and workloads with random lines: the rules run, fixes keep it parsing', () => {
    const head = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: fuzz\nworkloads:\n  - name: w\n    model: iaas\n    responsibilities:\n';
    const assignment = fc
      .tuple(fc.constantFrom(...LAYERS, 'endpoints', 'bogus'), fc.constantFrom('customer', 'microsoft', 'shared', 'Customer', 'nobody', ''), fc.boolean())
      .map(([l, p, long]) => (long ? `      ${l}:\n        owner: ${p}\n        team: secops\n` : `      ${l}: ${p}\n`));
    fc.assert(
      fc.property(fc.array(assignment, { maxLength: 14 }), fc.constantFrom('iaas', 'paas', 'saas', 'on-premises', 'PaaS', 'cloud'), offsets, (as, model, offs) => {
        const text = head.replace('model: iaas', `model: ${model}`) + as.join('');
        const file = checkText(text, offs);
        const fs = diagnose(file);
        assert.equal(syntaxCount(fs), 0, text);
        checkFixes(text, fs);
      }),
      runs(80),
    );
  });

  it('any sequence of edits to a valid example: incremental equals fresh, nothing throws, fixes keep it parsing', () => {
    fc.assert(
      fc.property(fc.nat({ max: EXAMPLES.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), offsets, (which, edits, offs) => {
        let text = EXAMPLES[which] as string;
        let previous = parseFile(text);
        for (const e of edits) {
          text = applyRandomEdit(text, e);
          previous = checkText(text, offs, previous);
        }
        checkFixes(text, diagnose(previous), 25);
      }),
      runs(60),
    );
  });

  it('the examples themselves: every fix keeps them parsing, features everywhere on a stride', () => {
    for (const text of EXAMPLES) {
      const file = parseFile(text);
      checkFixes(text, checkedDiagnose(file), 1000);
      const offs: number[] = [];
      for (let o = 0; o <= text.length; o += 7) offs.push(o);
      checkFeatures(file, offs);
    }
  });
});

describe('regressions the fuzzing found', () => {
  it('a fix for an empty value (`kind:` with nothing after it) adds the space YAML needs', () => {
    const text = 'apiVersion: srm/v1\nkind:\nmetadata:\n  name: x\nworkloads: []\n';
    const fs = diagnose(parseFile(text));
    const f = fs.find((x) => x.code === 'schema' && x.fixes.some((y) => /kind/.test(y.title)));
    assert.ok(f, fs.map((x) => x.message).join('\n'));
    const fixed = applyEdits(text, f.fixes[0]!.edits);
    assert.match(fixed, /\nkind: ResponsibilityAssignment\n/);
    assert.equal(syntaxCount(diagnose(parseFile(fixed))), 0);
    checkFixes(text, fs);
  });

  it('a fix replacing a block collection by a scalar puts the scalar on the key\'s line', () => {
    for (const text of [
      ' apiVersion:\n - apiVersion: apiVersion\n',
      'apiVersion:\n  a: b\nkind: ResponsibilityAssignment\n',
      'apiVersion: srm/v1\nkind:\n  - ResponsibilityAssignment\nmetadata:\n  name: x\n',
      'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: x\nworkloads:\n  - name: w\n    model:\n      - iaas\n',
    ]) {
      const fs = diagnose(parseFile(text));
      assert.ok(fs.some((f) => f.fixes.length > 0), text);
      checkFixes(text, fs);
    }
    const text = 'apiVersion:\n  a: b\nkind: ResponsibilityAssignment\n';
    const f = diagnose(parseFile(text)).find((x) => x.fixes.some((y) => /apiVersion/.test(y.title)));
    assert.ok(f);
    assert.equal(applyEdits(text, f.fixes[0]!.edits), 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\n');
  });

  it('a "# srm-disable" line inside a block scalar is the user\'s text: not a directive, never removed by a fix', () => {
    const valid = CLEAN_DOCUMENT;
    const text = valid.replace(/\n {2}description: [^\n]+\n/, '\n  description: |\n    Line one\n    # srm-disable-next-line model-mismatch\n      # srm-disable\n    Line three\n');
    assert.notEqual(text, valid);
    const fs = diagnose(parseFile(text));
    assert.deepEqual(fs.map((f) => f.code), []);
    assert.equal(fixAll(text).text, text);
    // A real directive right after the block scalar still counts.
    const real = text.replace('    Line three\n', '    Line three\n  # srm-disable-next-line model-mismatch\n');
    assert.deepEqual(diagnose(parseFile(real)).map((f) => f.code), ['unused-suppression']);
  });
});
