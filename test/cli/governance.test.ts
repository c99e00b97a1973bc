// Suppression governance (--require-reason, --no-inline-suppressions), --stdin, `srm explain`.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service';
import { fixtureText, json, srm, summarize, tree, removedAfterAll } from './helpers';

const temp = removedAfterAll();

// Two suppressions: one with a reason, one without.
const BASE = fixtureText('mixed/a.srm.yaml');
const SUPPRESSED = BASE.replace(
  '      information-and-data: microsoft',
  '      # srm-disable-next-line customer-only-duty\n      information-and-data: microsoft',
).replace(
  '      operating-system: microsoft',
  '      # srm-disable-next-line model-mismatch -- legacy VM, exception SEC-142\n      operating-system: microsoft',
);

describe('suppression governance', () => {
  const dir = temp(tree({ 'a.srm.yaml': SUPPRESSED }));

  it('by default both comments silence their findings, which JSON lists under suppressed with the reason', () => {
    const r = srm(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(r.code, 0);
    const report = json(r);
    assert.deepEqual(summarize(report), []);
    assert.deepEqual(
      report.files[0]!.suppressed.map((f) => [f.ruleId, f.line, f.suppression]),
      [
        ['customer-only-duty', 10, { kind: 'next-line' }],
        ['model-mismatch', 17, { kind: 'next-line', reason: 'legacy VM, exception SEC-142' }],
      ],
    );
    assert.equal(report.summary.suppressed, 2);
  });

  it('--require-reason turns the suppression without a reason into a finding, on the comment', () => {
    const r = srm(['lint', '-f', 'json', '--require-reason'], { cwd: dir });
    const report = json(r);
    assert.deepEqual(summarize(report), ['a.srm.yaml:9 suppression-reason']);
    assert.equal(r.code, 0, 'suppression-reason is a warning by default');
    assert.equal(srm(['lint', '--require-reason', '--fail-on', 'warning'], { cwd: dir }).code, 1);
  });

  it('--no-inline-suppressions ignores every comment: the findings count again', () => {
    const r = srm(['lint', '-f', 'json', '--no-inline-suppressions'], { cwd: dir });
    assert.equal(r.code, 1);
    const report = json(r);
    assert.deepEqual(summarize(report), ['a.srm.yaml:10 customer-only-duty', 'a.srm.yaml:17 model-mismatch']);
    assert.deepEqual(report.files[0]!.suppressed, []);
  });
});

describe('--stdin', () => {
  it('checks standard input, reporting under --stdin-filepath, with that path’s config', () => {
    const dir = temp(tree({ 'team/srm.config.yaml': 'rules:\n  model-mismatch: error\n' }));
    const input = fixtureText('mixed/a.srm.yaml');
    const r = srm(['lint', '--stdin', '--stdin-filepath', 'team/new.srm.yaml', '-f', 'json'], { cwd: dir, input });
    assert.equal(r.code, 1);
    const report = json(r);
    assert.deepEqual(summarize(report), ['team/new.srm.yaml:9 customer-only-duty', 'team/new.srm.yaml:15 model-mismatch']);
    assert.equal(report.files[0]!.findings[1]!.severity, 'error');
    // The same text as a file gives the same findings.
    const asFile = temp(tree({ 'team/srm.config.yaml': 'rules:\n  model-mismatch: error\n', 'team/new.srm.yaml': input }));
    assert.deepEqual(json(srm(['lint', '-f', 'json'], { cwd: asFile })).files, report.files);
  });

  it('without a file path the text is checked and reported as <stdin>', () => {
    const r = srm(['lint', '--stdin'], { input: fixtureText('mixed/a.srm.yaml') });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<stdin>:9:29 +error /);
  });

  it('a path that is not a responsibility file, or is ignored, gives no findings', () => {
    const other = srm(['lint', '--stdin', '--stdin-filepath', 'k8s/deploy.yaml', '-f', 'json'], {
      input: 'apiVersion: apps/v1\nkind: Deployment\n',
    });
    assert.equal(other.code, 0);
    assert.deepEqual(json(other).files, []);
    const dir = temp(tree({ 'srm.config.yaml': 'ignore: [legacy]\n' }));
    const ignored = srm(['lint', '--stdin', '--stdin-filepath', 'legacy/x.srm.yaml'], { cwd: dir, input: fixtureText('mixed/a.srm.yaml') });
    assert.equal(ignored.code, 0);
    assert.equal(ignored.stdout, '');
  });

  it('--stdin --fix prints the fixed text; --stdin --fix-dry-run prints the diff', () => {
    const input = fixtureText('fix/fixable.srm.yaml');
    const fixed = srm(['lint', '--stdin', '--stdin-filepath', 'x.srm.yaml', '--fix'], { input });
    assert.equal(fixed.code, 0);
    assert.equal(
      fixed.stdout,
      input.replace('devices: microsoft', 'devices: customer').replace('owner: customer   #', 'owner: microsoft   #'),
    );
    const diff = srm(['lint', '--stdin', '--stdin-filepath', 'x.srm.yaml', '--fix-dry-run'], { input });
    assert.equal(diff.code, 1);
    assert.match(diff.stdout, /^--- a\/x\.srm\.yaml\n\+\+\+ b\/x\.srm\.yaml\n@@ /);
    // A file that is not checked passes through unchanged.
    const other = 'apiVersion: apps/v1\nkind: Deployment\n';
    assert.equal(srm(['lint', '--stdin', '--stdin-filepath', 'd.yaml', '--fix'], { input: other }).stdout, other);
  });

  it('bad input is data: binary noise, an empty text, a huge line', () => {
    const cases = ['', '\u0000\u0001\u0002', '\uFFFD'.repeat(10), `apiVersion: srm/v1\nkind: ${'x'.repeat(200_000)}\n`, '[[[[[[', 'a: &a [*a, *a]\n'];
    for (const input of cases) {
      const r = srm(['lint', '--stdin', '-f', 'json'], { input });
      assert.ok(r.code === 0 || r.code === 1, `${JSON.stringify(input.slice(0, 20))}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      json(r);
    }
  });

  it('a file above the size limit gets its syntax checked only, with a file-too-large note', () => {
    const big = `${fixtureText('mixed/a.srm.yaml')}${'# padding\n'.repeat(210_000)}`;
    const r = srm(['lint', '--stdin', '--stdin-filepath', 'big.srm.yaml', '-f', 'json', '--fail-on', 'info'], { input: big });
    assert.deepEqual(summarize(json(r)), ['big.srm.yaml:1 file-too-large']);
  });
});

describe('srm explain', () => {
  it('prints what every rule catches, why and how to fix it', () => {
    for (const rule of RULES) {
      const r = srm(['explain', rule.id]);
      assert.equal(r.code, 0, rule.id);
      assert.ok(r.stdout.startsWith(`${rule.id} (default severity: ${rule.defaultSeverity})\n`));
      for (const part of [rule.summary, rule.why, rule.fix, `https://github.com/srm-tools/srm/blob/main/docs/rules/${rule.id}.md`]) {
        assert.ok(r.stdout.includes(part), `${rule.id}: ${part}`);
      }
      // The severity example changes something: never the rule's own default.
      const example = /rules: \{ ([\w-]+): (\w+) \}/.exec(r.stdout);
      assert.equal(example?.[1], rule.id, r.stdout);
      assert.notEqual(example?.[2], rule.defaultSeverity, `${rule.id}: the example sets its default`);
    }
  });

  it('an unknown rule is a usage error that lists the rules', () => {
    const r = srm(['explain', 'model-mismatc']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^srm: unknown rule "model-mismatc"; rules: schema, yaml-syntax, .*model-mismatch/);
  });
});

void path;
