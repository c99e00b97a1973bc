// srm.config.yaml: discovery by walking up, severities, files/ignore, --config, bad configs, and its JSON Schema.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseConfig } from '../../server/src/service/config/configFile';
import { CONFIG_SCHEMA } from '../../server/src/service/config/configSchema';
import { ConfigResolver, findConfigFile, loadConfigFile } from '../../server/src/node/config';
import { copyFixture, fixtureText, json, srm, summarize, tree, ROOT, FIXTURES, removedAfterAll } from './helpers';

const temp = removedAfterAll();

describe('config discovery (CLI)', () => {
  it('the nearest srm.config.yaml applies: severities raised, turned off, ignore globs honoured', () => {
    const dir = temp(copyFixture('config'));
    const r = srm(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const report = json(r);
    // legacy/ and *.draft.srm.yaml are ignored; nested/ turns model-mismatch off; team/ raises it to error.
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['nested/x.srm.yaml', 'team/app.srm.yaml'],
    );
    assert.deepEqual(summarize(report), ['team/app.srm.yaml:15 model-mismatch']);
    assert.equal(report.files[1]!.findings[0]!.severity, 'error');
  });

  it('is found from each file, not from the working directory', () => {
    const dir = temp(copyFixture('config'));
    const r = srm(['lint', '-f', 'json', path.join(dir, 'team/app.srm.yaml'), path.join(dir, 'nested/x.srm.yaml')], { cwd: ROOT });
    const report = json(r);
    assert.deepEqual(
      report.files.map((f) => [path.basename(f.path), f.findings.map((x) => `${x.ruleId}:${x.severity}`)]),
      [
        ['x.srm.yaml', []],
        ['app.srm.yaml', ['model-mismatch:error']],
      ],
    );
  });

  it('ignore globs apply to files named on the command line too', () => {
    const dir = temp(copyFixture('config'));
    const r = srm(['lint', '-f', 'json', 'legacy/old.srm.yaml', 'team/wip.draft.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.deepEqual(json(r).files, []);
  });

  it('an ignored directory is not entered: a broken srm.config.yaml below it is never read', () => {
    const dir = temp(
      tree({
        'srm.config.yaml': 'ignore:\n  - /fixtures\n',
        'fixtures/bad/srm.config.yaml': 'rules:\n  customer-only-dutty: error\n',
        'fixtures/bad/x.srm.yaml': fixtureText('mixed/a.srm.yaml'),
        'fixtures/y.srm.yaml': fixtureText('mixed/a.srm.yaml'),
        'policies/p.srm.yaml': fixtureText('clean.srm.yaml'),
      }),
    );
    const r = srm(['lint', '-f', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(json(r).files.map((f) => f.path), ['policies/p.srm.yaml']);
  });

  it('srm lint in this checkout checks the bundled examples only (the root srm.config.yaml ignores /test and /bench)', () => {
    const r = srm(['lint', '-f', 'json'], { cwd: ROOT });
    assert.equal(r.code, 1, r.stderr);
    const files = json(r).files.map((f) => f.path);
    assert.ok(files.length >= 5, files.join(', '));
    assert.ok(files.every((f) => f.startsWith('examples/')), files.join(', '));
    assert.ok(files.includes('examples/with-mistakes.srm.yaml'));
  });

  it('files globs add files that are neither named *.srm.yaml nor carry apiVersion', () => {
    const dir = temp(
      tree({
        'srm.config.yaml': 'files:\n  - "policies/**/*.yaml"\n',
        'policies/a/p.yaml': 'kind: ResponsibilityAssignment\n',
        'other/p.yaml': 'kind: ResponsibilityAssignment\n',
      }),
    );
    const report = json(srm(['lint', '-f', 'json'], { cwd: dir }));
    assert.deepEqual(report.files.map((f) => f.path), ['policies/a/p.yaml']);
    assert.ok(report.files[0]!.findings.some((f) => f.ruleId === 'schema'));
  });

  it('--config FILE replaces discovery for every file', () => {
    const dir = temp(copyFixture('config'));
    fs.writeFileSync(path.join(dir, 'strict.yaml'), 'rules:\n  model-mismatch: warning\n');
    const report = json(srm(['lint', '-f', 'json', '--config', 'strict.yaml', 'nested', 'team/app.srm.yaml'], { cwd: dir }));
    // nested/srm.config.yaml (off) is not used: both files report the mismatch as a warning.
    assert.deepEqual(
      report.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.ruleId}:${x.severity}`)),
      ['nested/x.srm.yaml model-mismatch:warning', 'team/app.srm.yaml model-mismatch:warning'],
    );
    const missing = srm(['lint', '--config', 'nope.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^srm: bad config nope\.yaml:1:1: file not found\n$/);
  });

  it('config requireReason and inlineSuppressions: false apply like the command-line flags', () => {
    const file =
      fixtureText('config/team/app.srm.yaml').replace(
        '      operating-system: microsoft',
        '      # srm-disable-next-line model-mismatch\n      operating-system: microsoft',
      );
    const dir = temp(tree({ 'a.srm.yaml': file }));
    assert.deepEqual(summarize(json(srm(['lint', '-f', 'json'], { cwd: dir }))), []);
    fs.writeFileSync(path.join(dir, 'srm.config.yaml'), 'requireReason: true\n');
    assert.deepEqual(summarize(json(srm(['lint', '-f', 'json'], { cwd: dir }))), ['a.srm.yaml:15 suppression-reason']);
    fs.writeFileSync(path.join(dir, 'srm.config.yaml'), 'inlineSuppressions: false\n');
    assert.deepEqual(summarize(json(srm(['lint', '-f', 'json'], { cwd: dir }))), ['a.srm.yaml:16 model-mismatch']);
  });
});

describe('bad config: exit 2 with file, line and what is wrong', () => {
  it('an unknown rule id, with a did-you-mean', () => {
    const dir = temp(copyFixture('bad-config'));
    const r = srm(['lint'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'srm: bad config srm.config.yaml:3:3: unknown rule id `customer-only-dutty` in `rules` (did you mean `customer-only-duty`?)\n',
    );
  });

  it('the same config found from a file in a subdirectory, and when it excludes every file', () => {
    const dir = temp(tree({ 'srm.config.yaml': 'ignore: legacy\n', 'sub/readme.md': '# nothing to check\n' }));
    const r = srm(['lint'], { cwd: path.join(dir, 'sub') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /srm\.config\.yaml:1:9: `ignore` must be a list of glob strings\n$/);
  });

  it('every kind of mistake is reported at its position', () => {
    const cases: Array<[string, string]> = [
      ['rules:\n  model-mismatch: fatal\n', '2:19: rule `model-mismatch`: severity must be one of error, warning, info, hint, off, not `fatal`'],
      ['rule:\n  model-mismatch: error\n', '1:1: unknown key `rule` (did you mean `rules`?); allowed: rules, files, ignore, requireReason, inlineSuppressions'],
      ['files:\n  - ""\n', '2:5: every entry of `files` must be a non-empty glob string'],
      ['requireReason: yes\n', '1:16: `requireReason` must be true or false'],
      ['rules: [a, b]\n', '1:8: `rules` must be a mapping of rule id to severity (error, warning, info, hint, off)'],
      ['- rules\n', '1:1: the config must be a mapping with keys rules, files, ignore, requireReason, inlineSuppressions'],
      ['rules:\n  a: [\n', '3:1: YAML syntax error'],
      ['rules: {}\nrules: {}\n', '2:1: YAML syntax error: Map keys must be unique'],
    ];
    for (const [text, expected] of cases) {
      const dir = temp(tree({ 'srm.config.yaml': text, 'a.srm.yaml': fixtureText('clean.srm.yaml') }));
      const r = srm(['lint'], { cwd: dir });
      assert.equal(r.code, 2, text);
      assert.ok(r.stderr.startsWith(`srm: bad config srm.config.yaml:${expected}`), `${JSON.stringify(text)} -> ${r.stderr}`);
    }
  });

  it('an empty or comment-only config is valid', () => {
    for (const text of ['', '# nothing yet\n', '---\n']) {
      const dir = temp(tree({ 'srm.config.yaml': text, 'a.srm.yaml': fixtureText('clean.srm.yaml') }));
      assert.equal(srm(['lint'], { cwd: dir }).code, 0, JSON.stringify(text));
    }
  });
});

describe('config modules', () => {
  it('parseConfig never throws on arbitrary input', () => {
    const samples = ['\u0000', '{', '[', 'rules:\n  - x', '&a [*a]', '%YAML 9.9\n---\n', 'rules: !!binary AAAA', 'a: *nope'];
    for (const s of samples) {
      const r = parseConfig(s);
      assert.ok(Array.isArray(r.errors));
    }
    assert.deepEqual(parseConfig('rules:\n  schema: off\nignore: [a, "b/**"]\n'), {
      config: { rules: { schema: 'off' }, ignore: ['a', 'b/**'] },
      errors: [],
    });
  });

  it('findConfigFile walks up to the nearest config; ConfigResolver caches per directory', () => {
    const dir = temp(copyFixture('config'));
    assert.equal(findConfigFile(path.join(dir, 'team')), path.join(dir, 'srm.config.yaml'));
    assert.equal(findConfigFile(path.join(dir, 'nested')), path.join(dir, 'nested', 'srm.config.yaml'));
    assert.equal(findConfigFile(path.join(dir, 'team'), path.join(dir, 'team')), undefined);
    const resolver = new ConfigResolver();
    const a = resolver.forFile(path.join(dir, 'team', 'app.srm.yaml'));
    assert.equal(a?.path, path.join(dir, 'srm.config.yaml'));
    assert.deepEqual(a?.config.rules, { 'model-mismatch': 'error' });
    assert.equal(resolver.forFile(path.join(dir, 'legacy', 'old.srm.yaml')), a);
    assert.equal(loadConfigFile(path.join(dir, 'missing.yaml')).errors[0]?.message, 'file not found');
  });

  it('the committed schemas/srm-config.schema.json equals the schema object (run npm run generate)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'srm-config.schema.json'), 'utf8'));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });

  it('the JSON Schema and the validator agree on valid and invalid configs', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(CONFIG_SCHEMA as object);
    const { parse } = require('yaml') as typeof import('yaml');
    const samples = [
      'rules:\n  model-mismatch: error\n  unassigned-layer: off\n',
      'files: ["a/**"]\nignore: [legacy]\nrequireReason: true\ninlineSuppressions: false\n',
      'rules:\n  nope: error\n',
      'rules:\n  schema: loud\n',
      'ignore: legacy\n',
      'files: [""]\n',
      'other: 1\n',
      'requireReason: "yes"\n',
      fs.readFileSync(path.join(FIXTURES, 'config', 'srm.config.yaml'), 'utf8'),
    ];
    for (const s of samples) {
      assert.equal(validate(parse(s)), parseConfig(s).errors.length === 0, s);
    }
  });
});
