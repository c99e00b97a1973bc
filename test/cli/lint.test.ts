// `srm lint` as a process: discovery, every output format, exit codes, --output, usage errors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { asNobody, copyFixture, fixtureText, json, srm, summarize, tree, ROOT, removedAfterAll } from './helpers';

const temp = removedAfterAll();

describe('discovery', () => {
  it('checks every responsibility file under the working directory, by name or by apiVersion, and nothing else', () => {
    const dir = temp(copyFixture('mixed'));
    // Trees the walk must skip, holding files that would otherwise fail.
    for (const skip of ['.git', 'node_modules/pkg']) {
      fs.mkdirSync(path.join(dir, skip), { recursive: true });
      fs.writeFileSync(path.join(dir, skip, 'bad.srm.yaml'), fixtureText('mixed/a.srm.yaml'));
    }
    const r = srm(['lint', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const report = json(r);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['a.srm.yaml', 'deep/er/c.srm.yml', 'sub/b.yaml'],
    );
    assert.deepEqual(summarize(report), [
      'a.srm.yaml:9 customer-only-duty',
      'a.srm.yaml:15 model-mismatch',
      'sub/b.yaml:9 unassigned-layer',
    ]);
    assert.deepEqual(report.summary, { files: 3, error: 1, warning: 2, info: 0, hint: 0, suppressed: 0, fixable: 3 });
  });

  it('takes paths and quoted globs; a file named explicitly that is not a responsibility file is skipped', () => {
    const dir = temp(copyFixture('mixed'));
    const byGlob = json(srm(['lint', '-f', 'json', '**/*.yml', 'sub/*.yaml'], { cwd: dir }));
    assert.deepEqual(
      byGlob.files.map((f) => f.path),
      ['deep/er/c.srm.yml', 'sub/b.yaml'],
    );
    const named = json(srm(['lint', '-f', 'json', 'other.yaml', 'a.srm.yaml'], { cwd: dir }));
    assert.deepEqual(
      named.files.map((f) => f.path),
      ['a.srm.yaml'],
    );
    // A command-line glob without a slash is anchored at the working directory.
    const top = json(srm(['lint', '-f', 'json', '*.yaml'], { cwd: dir }));
    assert.deepEqual(
      top.files.map((f) => f.path),
      ['a.srm.yaml'],
    );
  });

  it('a missing path or a glob that matches nothing is a usage error (exit 2, one line naming it)', () => {
    const dir = temp(copyFixture('mixed'));
    const missing = srm(['lint', 'nope.srm.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^srm: no such file or directory: nope\.srm\.yaml\n$/);
    const glob = srm(['lint', 'zzz/**/*.srm.yaml'], { cwd: dir });
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /no file matches zzz\/\*\*\/\*\.srm\.yaml/);
  });

  it('a directory without responsibility files passes with no output', () => {
    const dir = temp(tree({ 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\n' }));
    const r = srm(['lint'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });
});

describe('the examples', () => {
  it('every example is checked; only with-mistakes.srm.yaml has findings, and they fail the run', () => {
    const r = srm(['lint', 'examples', '-f', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const report = json(r);
    const names = fs
      .readdirSync(path.join(ROOT, 'examples'))
      .filter((n) => /\.srm\.ya?ml$/.test(n))
      .map((n) => `examples/${n}`)
      .sort();
    assert.deepEqual(report.files.map((f) => f.path), names);
    for (const f of report.files) {
      if (f.path.endsWith('with-mistakes.srm.yaml')) assert.ok(f.findings.length > 0);
      else assert.deepEqual(f.findings, [], `${f.path} should be clean`);
    }
  });

  it('a clean file exits 0 with no output', () => {
    const dir = temp(tree({ 'clean.srm.yaml': fixtureText('clean.srm.yaml') }));
    const r = srm(['lint', 'clean.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    // Checked, not skipped (under this checkout, the root srm.config.yaml would ignore it).
    assert.deepEqual(json(srm(['lint', '-f', 'json', 'clean.srm.yaml'], { cwd: dir })).files.map((f) => [f.path, f.findings]), [['clean.srm.yaml', []]]);
  });
});

describe('formats', () => {
  const dir = temp(copyFixture('mixed'));

  it('stylish: file:line:col severity message rule-id, grouped by file, with a summary; no colour off a TTY', () => {
    const r = srm(['lint'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^a\.srm\.yaml:9:29 +error +Layer "information-and-data" .*microsoft\. +customer-only-duty$/);
    assert.match(lines[1]!, /^a\.srm\.yaml:15:25 +warning +Under iaas .* +model-mismatch$/);
    assert.equal(lines[2], '');
    assert.match(lines[3]!, /^sub\/b\.yaml:9:5 +warning +Workload "mail" .* +unassigned-layer$/);
    assert.equal(lines[4], '');
    assert.equal(lines[5], '✖ 3 problems (1 error, 2 warnings, 0 info, 0 hints)');
    assert.equal(lines[6], '  3 fixable with `srm lint --fix`');
    assert.doesNotMatch(r.stdout, /\u001b\[/);
  });

  it('stylish: colour when asked, never with NO_COLOR', () => {
    const coloured = srm(['lint', '--color'], { cwd: dir });
    assert.match(coloured.stdout, /\u001b\[31merror/);
    const no = srm(['lint', '--color'], { cwd: dir, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(no.stdout, /\u001b\[/);
    assert.equal(no.code, 1);
  });

  it('stylish: colour by itself on a terminal (a pseudo-terminal from script(1)), none there with NO_COLOR', { skip: !fs.existsSync('/usr/bin/script') && 'no script(1)' }, () => {
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const onTty = (extra: NodeJS.ProcessEnv) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${path.join(ROOT, 'dist/cli.js')}" lint`, '/dev/null'], {
        cwd: dir,
        env: { ...env, ...extra },
        encoding: 'utf8',
      }).stdout;
    assert.match(onTty({}), /\u001b\[31merror/);
    const plain = onTty({ NO_COLOR: '1' });
    assert.match(plain, /a\.srm\.yaml:9:29 +error/);
    assert.doesNotMatch(plain, /\u001b\[/);
  });

  it('json: positions, rule ids, workload and layer', () => {
    const report = json(srm(['lint', '-f', 'json', 'a.srm.yaml'], { cwd: dir }));
    assert.equal(report.tool, 'srm');
    const [first] = report.files[0]!.findings;
    assert.deepEqual(
      { ...first, message: undefined },
      {
        ruleId: 'customer-only-duty',
        severity: 'error',
        message: undefined,
        line: 9,
        column: 29,
        endLine: 9,
        endColumn: 38,
        start: first!.start,
        end: first!.start + 'microsoft'.length,
        document: 0,
        fixable: true,
        workload: 'vm-fleet',
        layer: 'information-and-data',
      },
    );
    const text = fixtureText('mixed/a.srm.yaml');
    assert.equal(text.slice(first!.start, first!.end), 'microsoft');
  });

  it('github: one workflow command per finding, notice/warning/error, escaped', () => {
    const r = srm(['lint', '-f', 'github'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(
      lines[0]!,
      /^::error file=a\.srm\.yaml,line=9,col=29,endLine=9,endColumn=38,title=srm customer-only-duty::Layer .*\(customer-only-duty\)$/,
    );
    assert.match(lines[2]!, /^::warning file=sub\/b\.yaml,line=9,col=5,/);
  });

  it('junit: one suite per file, one failure per finding, a passing case for a clean file, well-formed XML', () => {
    const d = temp(copyFixture('mixed'));
    fs.writeFileSync(path.join(d, 'clean.srm.yaml'), fixtureText('clean.srm.yaml'));
    const r = srm(['lint', '-f', 'junit'], { cwd: d });
    assert.equal(r.code, 1);
    const x = r.stdout;
    assert.match(x, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="srm" tests="5" failures="3" errors="0">/);
    assert.match(x, /<testsuite name="clean\.srm\.yaml" tests="1" failures="0" errors="0">\n {4}<testcase classname="clean\.srm\.yaml" name="srm"\/>/);
    assert.match(x, /<testsuite name="a\.srm\.yaml" tests="2" failures="2" errors="0">/);
    assert.match(x, /<testcase classname="a\.srm\.yaml" name="customer-only-duty 9:29">\n {6}<failure type="error" message="Layer &quot;information-and-data&quot;/);
    assert.equal((x.match(/<failure /g) ?? []).length, 3);
    // Balanced tags: every opened element is closed.
    for (const tag of ['testsuites', 'testsuite', 'failure']) {
      assert.equal((x.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length, (x.match(new RegExp(`</${tag}>`, 'g')) ?? []).length, tag);
    }
  });

  it('--output writes the report to a file, stdout stays empty; an unwritable output is exit 2', () => {
    const out = path.join(dir, 'report.sarif');
    const r = srm(['lint', '-f', 'sarif', '--output', out], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).version, '2.1.0');
    const bad = srm(['lint', '-o', path.join(dir, 'no/such/dir/r.json')], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^srm: cannot write .*r\.json: ENOENT\n$/);
  });
});

describe('exit codes', () => {
  const dir = temp(copyFixture('mixed'));

  it('0 when nothing is at or above --fail-on, 1 when something is', () => {
    // sub/b.yaml has one warning only.
    assert.equal(srm(['lint', 'sub'], { cwd: dir }).code, 0);
    assert.equal(srm(['lint', 'sub', '--fail-on', 'warning'], { cwd: dir }).code, 1);
    assert.equal(srm(['lint', 'sub', '--fail-on=info'], { cwd: dir }).code, 1);
    assert.equal(srm(['lint', 'a.srm.yaml', '--fail-on', 'error'], { cwd: dir }).code, 1);
  });

  it('--fail-on info counts info findings, and hints never fail', () => {
    const d = temp(copyFixture('mixed'));
    fs.writeFileSync(path.join(d, 'srm.config.yaml'), 'rules:\n  unassigned-layer: info\n  customer-only-duty: hint\n  model-mismatch: hint\n');
    assert.equal(srm(['lint', '--fail-on', 'warning'], { cwd: d }).code, 0);
    assert.equal(srm(['lint', '--fail-on', 'info'], { cwd: d }).code, 1);
    fs.writeFileSync(path.join(d, 'srm.config.yaml'), 'rules:\n  unassigned-layer: hint\n  customer-only-duty: hint\n  model-mismatch: hint\n');
    assert.equal(srm(['lint', '--fail-on', 'info'], { cwd: d }).code, 0);
  });

  it('--max-warnings N fails above N warnings only', () => {
    // Two warnings in the tree, one error in a.srm.yaml: look at warnings alone with sub + a relaxed error.
    const d = temp(copyFixture('mixed'));
    fs.writeFileSync(path.join(d, 'srm.config.yaml'), 'rules:\n  customer-only-duty: warning\n');
    assert.equal(srm(['lint', '--max-warnings', '3'], { cwd: d }).code, 0);
    assert.equal(srm(['lint', '--max-warnings', '2'], { cwd: d }).code, 1);
    const r = srm(['lint', '--max-warnings=0'], { cwd: d });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /3 warnings, more than --max-warnings 0/);
  });

  it('2 for usage errors, each a one-line message', () => {
    const cases: Array<[string[], RegExp]> = [
      [['lint', '--format', 'xml'], /--format must be one of stylish, json, sarif, github, junit, not "xml"/],
      [['lint', '--fail-on', 'fatal'], /--fail-on must be one of error, warning, info/],
      [['lint', '--max-warnings', '-1'], /--max-warnings (takes a whole number|needs a value)/],
      [['lint', '--bogus'], /unknown option --bogus/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['lint', '--fix', '--fix-dry-run'], /either --fix or --fix-dry-run/],
      [['lint', '--stdin-filepath', 'x.srm.yaml'], /--stdin-filepath needs --stdin/],
      [['lint', '--output'], /--output needs a value/],
      [['explain'], /usage: srm explain RULE/],
    ];
    for (const [args, re] of cases) {
      const r = srm(args, { cwd: dir });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, re, args.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, args.join(' '));
    }
  });

  it('an unreadable responsibility file is an I/O error (exit 2)', () => {
    const d = temp(copyFixture('mixed'));
    fs.chmodSync(path.join(d, 'a.srm.yaml'), 0);
    // Root reads every file whatever its mode: as root (CI), run the CLI as the unprivileged user nobody.
    const nobody = asNobody();
    if (nobody.dir) {
      temp(nobody.dir);
      fs.chmodSync(d, 0o755);
    }
    const r = srm(['lint'], { cwd: d, ...nobody.opts });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read .*a\.srm\.yaml: EACCES/);
  });
});

describe('help and version', () => {
  it('--help documents the commands and exit codes; --version prints package.json version', () => {
    const h = srm(['--help']);
    assert.equal(h.code, 0);
    for (const s of ['srm lint', 'srm explain RULE', 'srm matrix FILE', '--fail-on', '--max-warnings', 'Exit codes']) {
      assert.ok(h.stdout.includes(s), s);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const v = srm(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout, `${pkg.version}\n`);
    assert.equal(srm(['lint', '--help']).stdout, h.stdout);
  });
});
