// `srm lint --jobs N` (server/src/cli/pool.ts): on a generated tree of ~200 files (mixed mistakes, two configs with
// their own severities, a custom baseline listed under `baselines:` and selected by some files, a glob that matches
// nothing, suppressions, CRLF, invalid UTF-8, a YAML file found by its apiVersion, a dangling link and a directory
// named *.srm.yaml), every format's report, the standard error and the exit code are byte for byte the same with
// --jobs 1 (in this thread), --jobs 2, --jobs 3 (worker threads), the default (in this thread for a tree this small:
// threadsFor is tested below) and SRM_NO_WORKERS=1; so are --fix (the files it writes)
// and --fix-dry-run; a worker that cannot start or dies mid-run changes nothing but a note; an unreadable file is
// the same I/O error; a bad --jobs is a usage error.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generate } from '../../bench/generate';
import { spawnSync } from 'node:child_process';
import { MAX_DEFAULT_JOBS, MAX_JOBS, MIN_BYTES_FOR_WORKERS, threadsFor } from '../../server/src/cli/pool';
import { tempTree } from '../temp-tree';
import { CLI, asNobody, json, rm, type Run } from './helpers';

const cleanups: string[] = [];
after(() => cleanups.forEach(rm));

/** helpers.ts's srm(), with room for the reports of 200 files (megabytes) and without SRM_ variables from outside. */
function srm(args: readonly string[], opts: { cwd: string; input?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cli?: string }): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'SRM_NO_WORKERS', 'SRM_TEST_WORKER_FAULT']) delete env[k];
  const r = spawnSync(process.execPath, [opts.cli ?? CLI, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    env: { ...env, ...(opts.env ?? {}) },
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1 << 28,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CONTOSO = `apiVersion: srm/v1
kind: ResponsibilityBaseline
metadata:
  name: contoso
extends: microsoft-2026
layers:
  - id: devices
    owners: { saas: customer }
    reason: Contract C-17 keeps endpoint protection with Contoso
`;

/** The tree: relative path -> content (Buffer for bytes that are not UTF-8). */
function files(): Record<string, string | Buffer> {
  const out: Record<string, string | Buffer> = {
    'srm.config.yaml': 'rules:\n  model-mismatch: error\n  unassigned-layer: info\n  duplicate-name: warning\nbaselines: ["baselines/*.srm.yaml", "nothing-here/*.srm.yaml"]\n',
    'baselines/contoso.srm.yaml': CONTOSO,
    // A second config: the nearest one governs its folder (its own severities and baseline, no custom baselines).
    'apps/team-3/srm.config.yaml': 'baseline: microsoft-2026\nrules:\n  customer-only-duty: warning\n  unknown-team: hint\n',
  };
  for (let i = 0; i < 200; i++) {
    let text = generate(3 + ((i * 7) % 30), { seed: 7000 + i, mistakes: 0.08 + (i % 5) * 0.04, teams: 1 + (i % 4), crlf: i % 23 === 0 });
    if (i % 5 === 0) text = text.replace('metadata:\n', 'metadata:\n  baseline: contoso\n');
    if (i % 7 === 0) text = `# srm-disable schema, model-mismatch -- generated tree\n${text}`;
    const dir = `apps/team-${i % 6}/area-${i % 4}`;
    out[i % 17 === 0 ? `${dir}/plain-${i}.yaml` : `${dir}/file-${String(i).padStart(3, '0')}.srm.yaml`] = text;
  }
  out['apps/team-1/bad-bytes.srm.yaml'] = Buffer.concat([Buffer.from(generate(6, { seed: 3, mistakes: 0.5 })), Buffer.from('# \xff\xfe here\n', 'latin1')]);
  out['apps/team-2/not-yaml.txt'] = 'apiVersion: srm/v1\n';
  return out;
}

/** Writes the tree into a fresh directory readable by everyone (the unreadable-file case runs as nobody). */
function makeTree(): string {
  const dir = tempTree('srm-jobs-', files(), { dir: 0o755, file: 0o644 });
  cleanups.push(dir);
  fs.chmodSync(dir, 0o755);
  fs.symlinkSync('no-such-target.srm.yaml', path.join(dir, 'apps/team-4/dangling.srm.yaml'));
  fs.mkdirSync(path.join(dir, 'apps/team-5/dir.srm.yaml'));
  return dir;
}

const same = (a: Run, b: Run, label: string): void => {
  assert.equal(b.code, a.code, `${label}: exit code (${b.stderr.slice(0, 500)})`);
  assert.equal(b.stderr, a.stderr, `${label}: standard error`);
  assert.ok(b.stdout === a.stdout, `${label}: standard output differs (${a.stdout.length} vs ${b.stdout.length} characters)`);
};

describe('srm lint --jobs: the same results in every thread arrangement', () => {
  let dir = '';
  before(() => {
    dir = makeTree();
  });

  it('the tree has findings of every kind that matters here', () => {
    const r = srm(['lint', '-f', 'json', '--jobs', '1'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const report = json(r);
    assert.ok(report.files.length >= 200, `${report.files.length} files`);
    const rules = new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
    for (const id of ['customer-only-duty', 'model-mismatch', 'unassigned-layer', 'unknown-team', 'duplicate-name', 'schema', 'unknown-baseline']) {
      assert.ok(rules.has(id), `no ${id} finding: ${[...rules].join(', ')}`);
    }
    assert.ok(report.files.some((f) => f.suppressed.length > 0), 'no suppressed finding');
    assert.ok(report.files.some((f) => f.path.endsWith('plain-17.yaml')), 'the apiVersion-detected file');
    // The custom baseline is resolved (a file selecting it under the root config has none of unknown-baseline).
    const contoso = report.files.find((f) => f.path === 'apps/team-4/area-2/file-010.srm.yaml')!;
    assert.ok(!contoso.findings.some((x) => x.ruleId === 'unknown-baseline'), JSON.stringify(contoso.findings.slice(0, 3)));
    // The glob that matches nothing is reported once, on standard error.
    assert.match(r.stderr, /^srm: config: srm\.config\.yaml: baselines: "nothing-here\/\*\.srm\.yaml" matches no file\n$/);
  });

  for (const format of ['json', 'sarif', 'stylish', 'github', 'junit']) {
    const all = format === 'json' || format === 'sarif';
    it(`-f ${format}: --jobs 1, --jobs 2${all ? ', --jobs 3, the default and SRM_NO_WORKERS=1 give' : ' give'} the same bytes and exit code`, () => {
      const one = srm(['lint', '-f', format, '--jobs', '1'], { cwd: dir });
      assert.ok(one.stdout.length > 1000, one.stderr);
      same(one, srm(['lint', '-f', format, '--jobs', '2'], { cwd: dir }), '--jobs 2');
      if (all) {
        same(one, srm(['lint', '-f', format, '--jobs', '3'], { cwd: dir }), '--jobs 3');
        same(one, srm(['lint', '-f', format], { cwd: dir }), 'default');
        same(one, srm(['lint', '-f', format, '--jobs', '2'], { cwd: dir, env: { SRM_NO_WORKERS: '1' } }), 'SRM_NO_WORKERS=1');
      }
    });
  }

  it('the options that change findings and exit codes: --quiet, --fail-on, --max-warnings, --baseline, --require-reason', () => {
    for (const flags of [
      ['--quiet', '--fail-on', 'info'],
      ['--max-warnings', '3', '--baseline', 'microsoft-ai'],
      ['--require-reason', '--no-inline-suppressions', 'apps/team-3', 'apps/team-1/area-1'],
    ]) {
      const one = srm(['lint', '-f', 'json', '--jobs', '1', ...flags], { cwd: dir });
      same(one, srm(['lint', '-f', 'json', '--jobs', '2', ...flags], { cwd: dir }), flags.join(' '));
    }
    const stylish = srm(['lint', '--max-warnings', '0', '--jobs', '1'], { cwd: dir });
    assert.match(stylish.stderr, /more than --max-warnings 0/);
    same(stylish, srm(['lint', '--max-warnings', '0', '--jobs', '2'], { cwd: dir }), 'stylish --max-warnings');
  });

  it('--fix-dry-run prints the same diff; --fix writes the same files and reports the same', () => {
    const dry = srm(['lint', '--fix-dry-run', '--jobs', '1'], { cwd: dir });
    assert.equal(dry.code, 1);
    assert.match(dry.stdout, /^--- a\/apps\//m);
    same(dry, srm(['lint', '--fix-dry-run', '--jobs', '2'], { cwd: dir }), '--fix-dry-run --jobs 2');
    same(dry, srm(['lint', '--fix-dry-run'], { cwd: dir }), '--fix-dry-run default');

    const a = makeTree();
    const b = makeTree();
    const fixedOne = srm(['lint', '--fix', '-f', 'json', '--jobs', '1'], { cwd: a });
    const fixedTwo = srm(['lint', '--fix', '-f', 'json', '--jobs', '2'], { cwd: b });
    same(fixedOne, fixedTwo, '--fix');
    let changed = 0;
    for (const rel of Object.keys(files())) {
      const x = fs.readFileSync(path.join(a, rel));
      assert.deepEqual(fs.readFileSync(path.join(b, rel)), x, rel);
      if (!x.equals(fs.readFileSync(path.join(dir, rel)))) changed++;
    }
    assert.ok(changed > 50, `${changed} files fixed`);
    // The file that is not valid UTF-8 is never rewritten.
    assert.deepEqual(fs.readFileSync(path.join(b, 'apps/team-1/bad-bytes.srm.yaml')), files()['apps/team-1/bad-bytes.srm.yaml']);
  });

  it('--stdin is checked in this thread whatever --jobs says', () => {
    const text = fs.readFileSync(path.join(dir, 'apps/team-3/area-3/file-003.srm.yaml'), 'utf8');
    for (const flags of [['-f', 'json'], ['--fix'], ['--fix-dry-run']]) {
      const args = ['lint', '--stdin', '--stdin-filepath', 'apps/team-3/x.srm.yaml', ...flags];
      const one = srm([...args, '--jobs', '1'], { cwd: dir, input: text });
      same(one, srm([...args, '--jobs', '4'], { cwd: dir, input: text }), flags.join(' '));
    }
  });

  it('a worker that cannot start is left out silently; one that dies mid-run is noted and its files are checked in the main thread', () => {
    const one = srm(['lint', '-f', 'sarif', '--jobs', '1'], { cwd: dir });
    same(one, srm(['lint', '-f', 'sarif', '--jobs', '3'], { cwd: dir, env: { SRM_TEST_WORKER_FAULT: 'start' } }), 'workers that fail to start');
    // Every worker dies on the first file it is given (after it started): the main thread checks everything.
    const crashed = srm(['lint', '-f', 'sarif', '--jobs', '3'], { cwd: dir, env: { SRM_TEST_WORKER_FAULT: '.yaml' } });
    assert.equal(crashed.code, one.code);
    assert.ok(crashed.stdout === one.stdout, 'the report differs after a worker crash');
    const notes = crashed.stderr.split('\n').filter((l) => /worker thread stopped/.test(l));
    assert.equal(notes.length, 2, crashed.stderr);
    for (const n of notes) assert.match(n, /^srm: a worker thread stopped \(exit code 70\); its \d+ unfinished files? were checked in the main thread$/);
    assert.equal(crashed.stderr.split('\n').filter((l) => !/worker thread stopped/.test(l)).join('\n'), one.stderr);
  });

  it('an unreadable file in the middle of the tree is the same I/O error (exit 2) with and without workers (those discovery started are ended: no hang)', () => {
    const d = makeTree();
    const victim = path.join(d, 'apps/team-2/area-2/file-098.srm.yaml');
    assert.ok(fs.existsSync(victim));
    fs.chmodSync(victim, 0);
    // Root reads every file whatever its mode: as root, run a copy of the bundled CLI (one self-contained file, its
    // own worker script) as nobody, from a directory nobody can read.
    const nobody = asNobody();
    if (nobody.dir) cleanups.push(nobody.dir);
    const asUser = nobody.opts;
    const one = srm(['lint', '-f', 'json', '--jobs', '1'], { cwd: d, ...asUser });
    assert.equal(one.code, 2, one.stderr);
    assert.equal(one.stdout, '');
    assert.match(one.stderr, /^srm: cannot read .*file-098\.srm\.yaml: EACCES\n$/);
    same(one, srm(['lint', '-f', 'json', '--jobs', '2'], { cwd: d, ...asUser }), 'unreadable, --jobs 2');
    same(one, srm(['lint', '-f', 'json'], { cwd: d, ...asUser }), 'unreadable, default');
    // And the same tree without that file: the copy as nobody works with workers too.
    fs.rmSync(victim);
    const ok1 = srm(['lint', '-f', 'json', '--jobs', '1'], { cwd: d, ...asUser });
    assert.equal(ok1.code, 1, ok1.stderr);
    same(ok1, srm(['lint', '-f', 'json', '--jobs', '2'], { cwd: d, ...asUser }), 'as another user, --jobs 2');
  });
});

describe('srm lint --jobs: how many threads', () => {
  it('by default one per core (at most 8) from 16 MB of text, else 1; --jobs N as given (at most one per file, and 64); SRM_NO_WORKERS=1: 1', () => {
    const big = MIN_BYTES_FOR_WORKERS;
    assert.equal(threadsFor(2000, big, undefined, {}, 2), 2);
    assert.equal(threadsFor(2000, big, undefined, {}, 32), MAX_DEFAULT_JOBS);
    assert.equal(threadsFor(2000, big - 1, undefined, {}, 2), 1);
    assert.equal(threadsFor(1, big * 4, undefined, {}, 2), 1);
    assert.equal(threadsFor(5, 100, 3, {}, 2), 3);
    assert.equal(threadsFor(2, 100, 3, {}, 2), 2);
    assert.equal(threadsFor(10_000, 100, 1000, {}, 2), MAX_JOBS);
    assert.equal(threadsFor(10_000, big, 1, {}, 8), 1);
    for (const v of ['1', 'yes']) assert.equal(threadsFor(2000, big, 4, { SRM_NO_WORKERS: v }, 8), 1);
    for (const v of ['', '0']) assert.equal(threadsFor(2000, big, 4, { SRM_NO_WORKERS: v }, 8), 4);
  });
});

describe('srm lint --jobs: usage', () => {
  it('--jobs takes a whole number >= 1: anything else is a usage error (exit 2, one line)', () => {
    for (const v of ['0', 'x', '-1', '1.5', '2x', '']) {
      const r = srm(['lint', `--jobs=${v}`], { cwd: os.tmpdir() });
      assert.equal(r.code, 2, `--jobs=${v}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, v === '' ? /^srm: --jobs needs a value\n$/ : new RegExp(`^srm: --jobs takes a whole number >= 1, not "${v.replace('.', '\\.')}"\\n$`), `--jobs=${v}`);
    }
    assert.equal(srm(['lint', '--jobs'], { cwd: os.tmpdir() }).code, 2);
    assert.match(srm(['--help'], { cwd: os.tmpdir() }).stdout, /--jobs N/);
  });
});
