// Unit tests of the CLI's pure helpers: the glob matcher, the unified diff, argument parsing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { UsageError, parseArgs } from '../../server/src/cli/args';
import { unifiedDiff } from '../../server/src/cli/diff';
import { globBase, matchesGlob } from '../../server/src/service/config/glob';

describe('glob', () => {
  const yes: Array<[string, string]> = [
    ['a.srm.yaml', '*.srm.yaml'],
    ['deep/dir/a.srm.yaml', '*.srm.yaml'], // no slash: any depth
    ['legacy/a/b.yaml', 'legacy'], // a directory takes its subtree
    ['legacy/a/b.yaml', 'legacy/'],
    ['legacy/a/b.yaml', 'legacy/**'],
    ['a/b/c/d.yaml', 'a/**/d.yaml'],
    ['a/d.yaml', 'a/**/d.yaml'],
    ['x.yml', '*.{yaml,yml}'],
    ['p1.yaml', 'p[0-9].yaml'],
    ['pa.yaml', 'p[!0-9].yaml'],
    ['a/b.yaml', './a/b.yaml'],
    ['a/b.yaml', '**'],
    ['a.b', 'a?b'],
  ];
  const no: Array<[string, string]> = [
    ['a/b.yaml', 'a/*.yml'],
    ['a/b/c.yaml', 'a/*.yaml'],
    ['xlegacy/a.yaml', 'legacy'],
    ['a/b', 'a?b'],
    ['p1.yaml', 'p[!0-9].yaml'],
    ['a.yaml', 'a.yaml/'.slice(0, 0) + 'b.yaml'],
  ];
  it('matches', () => {
    for (const [p, g] of yes) assert.equal(matchesGlob(p, g), true, `${p} ~ ${g}`);
    for (const [p, g] of no) assert.equal(matchesGlob(p, g), false, `${p} !~ ${g}`);
  });
  it('anchored (command line): a pattern without a slash matches at the base only', () => {
    assert.equal(matchesGlob('a.yaml', '*.yaml', true), true);
    assert.equal(matchesGlob('sub/a.yaml', '*.yaml', true), false);
  });
  it('regex metacharacters are literal; bad patterns match nothing and never throw', () => {
    assert.equal(matchesGlob('a+b(1).yaml', 'a+b(1).yaml'), true);
    assert.equal(matchesGlob('aab1.yaml', 'a+b(1).yaml'), false);
    fc.assert(
      fc.property(fc.string(), fc.string(), (p, g) => {
        matchesGlob(p, g);
      }),
    );
  });
  it('globBase is the fixed directory prefix', () => {
    assert.equal(globBase('a/b/**/*.yaml'), 'a/b');
    assert.equal(globBase('**/*.yaml'), '');
    assert.equal(globBase('./x/*.yaml'), 'x');
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and has context and hunk headers otherwise', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'a', 'b'), '');
    const a = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\n';
    const b = a.replace('l2\n', 'L2\n').replace('l9\n', 'l9\nnew\n');
    assert.equal(
      unifiedDiff(a, b, 'a/f', 'b/f'),
      '--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -7,4 +7,5 @@\n l7\n l8\n l9\n+new\n l10\n',
    );
    // Changes at most 2 x 3 kept lines apart share one hunk.
    const c = a.replace('l2\n', 'L2\n').replace('l8\n', 'L8\n');
    assert.equal(
      unifiedDiff(a, c, 'a/f', 'b/f'),
      '--- a/f\n+++ b/f\n@@ -1,10 +1,10 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n l6\n l7\n-l8\n+L8\n l9\n l10\n',
    );
    const far = Array.from({ length: 30 }, (_, i) => `x${i}`).join('\n') + '\n';
    const farB = far.replace('x1\n', 'y1\n').replace('x25\n', 'y25\n');
    const d = unifiedDiff(far, farB, 'a', 'b');
    assert.deepEqual(d.match(/^@@.*@@$/gm), ['@@ -1,5 +1,5 @@', '@@ -23,7 +23,7 @@']);
  });
  it('marks a missing final newline', () => {
    assert.equal(unifiedDiff('a\nb', 'a\nc', 'x', 'y'), '--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });
  it('property: applying the hunks to the old lines gives the new lines', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (xs, ys) => {
        const a = xs.map((x) => `${x}\n`).join('');
        const b = ys.map((y) => `${y}\n`).join('');
        const d = unifiedDiff(a, b, 'a', 'b');
        if (a === b) return d === '';
        // Re-apply: walk the hunks over a's lines.
        const old = a.split('\n').slice(0, -1);
        const out: string[] = [];
        let i = 0;
        const lines = d.split('\n').slice(2, -1);
        for (const l of lines) {
          const h = /^@@ -(\d+),(\d+) /.exec(l);
          if (h) {
            const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
            while (i < start) out.push(old[i++]!);
            continue;
          }
          if (l[0] === ' ') {
            assert.equal(old[i], l.slice(1));
            out.push(old[i++]!);
          } else if (l[0] === '-') {
            assert.equal(old[i], l.slice(1));
            i++;
          } else if (l[0] === '+') out.push(l.slice(1));
        }
        while (i < old.length) out.push(old[i++]!);
        assert.deepEqual(out, b.split('\n').slice(0, -1));
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseArgs', () => {
  it('commands, options with = or a separate value, --help and --version win', () => {
    const o = parseArgs(['lint', 'a', '--format=json', '-o', 'out.json', '--max-warnings', '0', 'b']);
    assert.deepEqual([o.command, o.positionals, o.format, o.output, o.maxWarnings], ['lint', ['a', 'b'], 'json', 'out.json', 0]);
    assert.equal(parseArgs(['lint', '--help']).command, 'help');
    assert.equal(parseArgs(['--version']).command, 'version');
    assert.equal(parseArgs([]).command, 'help');
    assert.deepEqual(parseArgs(['lint', '--', '--weird-name.srm.yaml']).positionals, ['--weird-name.srm.yaml']);
    assert.throws(() => parseArgs(['lint', '--fix=yes']), UsageError);
  });
  it('property: any argv parses or is a UsageError, never another exception', () => {
    const word = fc.oneof(fc.string(), fc.constantFrom('lint', 'explain', 'matrix', '--format', '-f', '--max-warnings', '--fail-on', '--', '-', '--fix=', '--output='));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        try {
          parseArgs(argv);
        } catch (e) {
          assert.ok(e instanceof UsageError, String(e));
        }
      }),
      { numRuns: 500 },
    );
  });
});
