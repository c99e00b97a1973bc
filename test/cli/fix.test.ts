// --fix and --fix-dry-run: safe fixes only, comments and untouched lines kept, atomic writes, idempotent.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, fixtureText, json, srm, summarize, tree, removedAfterAll } from './helpers';

const temp = removedAfterAll();

const EXPECTED_FIXED = fixtureText('fix/fixable.srm.yaml')
  .replace('      devices: microsoft', '      devices: customer')
  .replace('        owner: customer   # wrong under paas', '        owner: microsoft   # wrong under paas');

describe('--fix', () => {
  it('applies the safe fixes in place, keeping comments, order and formatting of untouched lines', () => {
    const dir = temp(copyFixture('fix'));
    const before = json(srm(['lint', '-f', 'json', 'fixable.srm.yaml'], { cwd: dir }));
    assert.deepEqual(summarize(before), ['fixable.srm.yaml:14 customer-only-duty', 'fixable.srm.yaml:20 model-mismatch']);

    const r = srm(['lint', '--fix', 'fixable.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    const after1 = fs.readFileSync(path.join(dir, 'fixable.srm.yaml'), 'utf8');
    // Exactly the two values changed: every comment and every other byte is as it was.
    assert.equal(after1, EXPECTED_FIXED);

    // A second run has nothing left to fix.
    const again = srm(['lint', '--fix', '-f', 'json', 'fixable.srm.yaml'], { cwd: dir });
    assert.equal(again.code, 0);
    assert.deepEqual(summarize(json(again)), []);
    assert.equal(fs.readFileSync(path.join(dir, 'fixable.srm.yaml'), 'utf8'), after1);
  });

  it('reports what is left after fixing, and never touches a file with a YAML syntax error', () => {
    const dir = temp(copyFixture('fix'));
    const brokenBefore = fs.readFileSync(path.join(dir, 'broken.srm.yaml'));
    const statBefore = fs.statSync(path.join(dir, 'broken.srm.yaml'));
    const r = srm(['lint', '--fix', '-f', 'json'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.deepEqual(summarize(json(r)), ['broken.srm.yaml:11 yaml-syntax']);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'broken.srm.yaml')), brokenBefore);
    assert.equal(fs.statSync(path.join(dir, 'broken.srm.yaml')).ino, statBefore.ino);
    assert.equal(fs.readFileSync(path.join(dir, 'fixable.srm.yaml'), 'utf8'), EXPECTED_FIXED);
  });

  it('a file with one broken document among good ones is left whole', () => {
    const dir = temp(copyFixture('fix'));
    const text = `${fixtureText('fix/fixable.srm.yaml')}---\n${fixtureText('fix/broken.srm.yaml')}`;
    fs.writeFileSync(path.join(dir, 'multi.srm.yaml'), text);
    srm(['lint', '--fix', 'multi.srm.yaml'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'multi.srm.yaml'), 'utf8'), text);
  });

  it('writes atomically: same permissions, no temporary file left, through a symbolic link to the real file', () => {
    const dir = temp(copyFixture('fix'));
    const file = path.join(dir, 'fixable.srm.yaml');
    fs.chmodSync(file, 0o640);
    fs.mkdirSync(path.join(dir, 'links'));
    fs.symlinkSync(file, path.join(dir, 'links', 'alias.srm.yaml'));
    const r = srm(['lint', '--fix', 'links/alias.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), EXPECTED_FIXED);
    assert.ok(fs.lstatSync(path.join(dir, 'links', 'alias.srm.yaml')).isSymbolicLink());
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['broken.srm.yaml', 'fixable.srm.yaml', 'links']);
  });

  it('CRLF line endings and a byte-order mark survive', () => {
    const dir = temp(copyFixture('fix'));
    const crlf = `\uFEFF${fixtureText('fix/fixable.srm.yaml').replace(/\n/g, '\r\n')}`;
    fs.writeFileSync(path.join(dir, 'fixable.srm.yaml'), crlf);
    srm(['lint', '--fix'], { cwd: dir });
    const out = fs.readFileSync(path.join(dir, 'fixable.srm.yaml'), 'utf8');
    assert.equal(out, `\uFEFF${EXPECTED_FIXED.replace(/\n/g, '\r\n')}`);
  });

  it('a file that is not valid UTF-8 is reported but never rewritten (its bytes would be lost)', () => {
    const dir = temp(copyFixture('fix'));
    const file = path.join(dir, 'fixable.srm.yaml');
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(' (Latin-1)\n'), fs.readFileSync(file)]);
    fs.writeFileSync(file, bytes);
    const r = srm(['lint', '--fix', '-f', 'json', 'fixable.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.deepEqual(summarize(json(r)), ['fixable.srm.yaml:15 customer-only-duty', 'fixable.srm.yaml:21 model-mismatch']);
    assert.deepEqual(fs.readFileSync(file), bytes);
  });

  it('adds missing layers with the owners the model expects (unassigned-layer)', () => {
    const dir = temp(copyFixture('mixed'));
    const r = srm(['lint', '--fix', '-f', 'json', 'sub/b.yaml', '--fail-on', 'warning'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout);
    const text = fs.readFileSync(path.join(dir, 'sub/b.yaml'), 'utf8');
    // b.yaml assigns every layer but physical-datacenter: the fix adds it after the last one, every other byte kept.
    assert.equal(text, `${fixtureText('mixed/sub/b.yaml')}      physical-datacenter: microsoft\n`);
    assert.ok(text.startsWith('# Not named *.srm.yaml: a responsibility file by its apiVersion.\n'));
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff, changes nothing, exits 1 while fixes are pending', () => {
    const dir = temp(copyFixture('fix'));
    const before = fs.readFileSync(path.join(dir, 'fixable.srm.yaml'), 'utf8');
    const r = srm(['lint', '--fix-dry-run'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        '--- a/fixable.srm.yaml',
        '+++ b/fixable.srm.yaml',
        '@@ -11,13 +11,13 @@',
        '     model: paas',
        '     responsibilities:',
        '       information-and-data: customer   # our data, our backups',
        '-      devices: microsoft',
        '+      devices: customer',
        '       accounts-and-identities: customer',
        '       identity-and-directory-infrastructure: shared',
        '       applications: shared',
        '       network-controls: shared',
        '       operating-system:',
        '-        owner: customer   # wrong under paas',
        '+        owner: microsoft   # wrong under paas',
        '         team: secops',
        '         notes: kept as written',
        // The third line of context: the first of the layers the fixture's `# @rest: expected` stands for.
        ` ${before.split('\n')[22]}`,
        '',
      ].join('\n'),
    );
    assert.equal(fs.readFileSync(path.join(dir, 'fixable.srm.yaml'), 'utf8'), before);
    // After --fix, the dry run has nothing to show and passes.
    srm(['lint', '--fix'], { cwd: dir });
    const clean = srm(['lint', '--fix-dry-run', 'fixable.srm.yaml'], { cwd: dir });
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '');
  });

  it('the diff applies with patch(1) to give the --fix result', { skip: !fs.existsSync('/usr/bin/patch') && 'no patch(1)' }, () => {
    const dir = temp(copyFixture('mixed'));
    const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
    const diff = srm(['lint', '--fix-dry-run'], { cwd: dir }).stdout;
    const fixedDir = temp(copyFixture('mixed'));
    srm(['lint', '--fix'], { cwd: fixedDir });
    const p = spawnSync('patch', ['-p1', '-s'], { cwd: dir, input: diff, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr + p.stdout);
    for (const f of ['a.srm.yaml', 'sub/b.yaml']) {
      assert.equal(fs.readFileSync(path.join(dir, f), 'utf8'), fs.readFileSync(path.join(fixedDir, f), 'utf8'), f);
    }
    // CRLF files too: the diff keeps the carriage returns.
    const crlf = temp(copyFixture('fix'));
    const crlfText = fixtureText('fix/fixable.srm.yaml').replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(crlf, 'fixable.srm.yaml'), crlfText);
    const crlfDiff = srm(['lint', '--fix-dry-run', 'fixable.srm.yaml'], { cwd: crlf }).stdout;
    const q = spawnSync('patch', ['-p1', '-s'], { cwd: crlf, input: crlfDiff, encoding: 'utf8' });
    assert.equal(q.status, 0, q.stderr + q.stdout);
    assert.equal(fs.readFileSync(path.join(crlf, 'fixable.srm.yaml'), 'utf8'), EXPECTED_FIXED.replace(/\n/g, '\r\n'));
  });
});

// Fixes that compose: one consistent set of edits, re-checked before it is written.
describe('--fix composes its fixes', () => {
  const typoAndMissing = fixtureText('../../fixtures/fix/typo-and-missing-layers.srm.yaml');

  it('a layer typo and missing layers: the typo is renamed once and the layer it meant is not added again', () => {
    const dir = temp(tree({ 'a.srm.yaml': typoAndMissing }));
    const before = json(srm(['lint', '-f', 'json', 'a.srm.yaml'], { cwd: dir }));
    // One mistake, one finding: unassigned-layer does not list operating-system, the layer the typo means.
    assert.deepEqual(summarize(before), ['a.srm.yaml:8 unassigned-layer', 'a.srm.yaml:10 schema']);
    assert.doesNotMatch(before.files[0]!.findings[0]!.message, /"operating-system"/);

    const r = srm(['lint', '--fix', 'a.srm.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, '');
    const fixed = fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8');
    assert.equal((fixed.match(/^ {6}operating-system: microsoft$/gm) ?? []).length, 1, fixed);
    assert.doesNotMatch(fixed, /operating-sytem/);
    assert.deepEqual(summarize(json(srm(['lint', '-f', 'json', 'a.srm.yaml'], { cwd: dir }))), []);
    // A second --fix changes nothing.
    srm(['lint', '--fix', 'a.srm.yaml'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8'), fixed);
  });

  it('a fix that would add a finding is not applied, and the CLI says which and why', () => {
    // Two typos that both mean operating-system: renaming both writes the key twice; renaming the first (owner
    // microsoft under iaas) would add a model-mismatch. The second is renamed, the first is left and reported.
    const text = typoAndMissing.replace('model: paas', 'model: iaas') + '      operatin-system: customer\n';
    const dir = temp(tree({ 'a.srm.yaml': text }));
    const before = summarize(json(srm(['lint', '-f', 'json', 'a.srm.yaml'], { cwd: dir })));
    const r = srm(['lint', '--fix', '-f', 'json', 'a.srm.yaml'], { cwd: dir });
    assert.match(r.stderr, /^srm: a\.srm\.yaml:10:7: not applied: Change the layer to "operating-system" \(schema\); it would add (model-mismatch|duplicate-key)/m);
    const fixed = fs.readFileSync(path.join(dir, 'a.srm.yaml'), 'utf8');
    assert.match(fixed, /^ {6}operating-sytem: microsoft$/m);
    assert.equal((fixed.match(/^ {6}operating-system: customer$/gm) ?? []).length, 1, fixed);
    const after1 = summarize(json(r));
    assert.deepEqual(after1, ['a.srm.yaml:10 schema']);
    assert.ok(after1.every((f) => before.includes(f)), `--fix added a finding: ${after1.join(', ')} (before: ${before.join(', ')})`);
  });
});
