// Hostile input: every input of issue 7 gets a clear outcome (an exact finding, or nothing) in bounded time, never a throw.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { complete, diagnose, fixAll, foldingRanges, hover, parseFile, symbols, type DiagnoseOptions, type Finding, type SymbolEntry } from '../../server/src/service';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { LineIndex } from '../../server/src/service/lines';
import { CLEAN_DOCUMENT } from './model-documents';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
/** A valid file with no findings, every layer of the model assigned as it expects (in the landing-zone example's shape). */
const VALID = CLEAN_DOCUMENT;
const HEADER = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: hostile\n';
const MB = 1024 * 1024;
/** The size above which the server and the CLI check only the syntax (srm.maxFileSize's default). */
const SIZE_LIMIT = DEFAULT_SETTINGS.maxFileSize;
/** The issue's "5 MB file": the engine must check it whole in bounded time even though the front doors would not. */
const FIVE_MB = 5 * MB;

/**
 * Time bounds are in CPU time of this process (user + system), so a machine shared with other jobs does not fail
 * them while a hang or a blow-up still does; they leave room for a slow CI core. SRM_TEST_TIME_SCALE multiplies them.
 */
const SCALE = Number(process.env.SRM_TEST_TIME_SCALE ?? '1') || 1;
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs the engine on `text` as the front doors do, asserts it finished in time and every range is inside the text. */
function check(text: string, boundMs: number, options: DiagnoseOptions = {}): Finding[] {
  const t0 = cpuMs();
  const findings = diagnose(parseFile(text, undefined, { syntaxOnly: options.syntaxOnly }), options);
  const ms = cpuMs() - t0;
  assert.ok(ms < boundMs * SCALE, `took ${ms.toFixed(0)} ms of CPU, bound ${boundMs * SCALE} ms`);
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `range ${f.start}-${f.end} of ${f.code} outside 0-${text.length}`);
    for (const x of f.fixes) {
      for (const e of x.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `fix edit ${e.start}-${e.end} outside the text`);
    }
  }
  return findings;
}

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

/** A workload block with every layer assigned as the model says (no findings). */
const GOOD_WORKLOAD = VALID.slice(VALID.indexOf('workloads:'));

describe('hostile input', () => {
  // The first call compiles the schema: not part of any input's bound.
  before(() => diagnose(parseFile(VALID)));

  it('an empty file gives nothing', () => {
    assert.deepEqual(check('', 200), []);
    assert.deepEqual(check('\n\n   \n', 200), []);
  });

  it('a file of only comments gives nothing', () => {
    assert.deepEqual(check('# just a comment\n# and another\n', 200), []);
    assert.deepEqual(check('# a\n---\n# b\n...\n', 200), []);
  });

  it('a scalar at the root is one schema finding', () => {
    const fs = check('hello', 2000);
    assert.deepEqual(codes(fs), ['schema']);
    assert.match(fs[0]!.message, /must be a mapping/);
    assert.match(fs[0]!.message, /"hello"/);
  });

  it('a list at the root is one schema finding', () => {
    const fs = check('- a\n- b\n', 2000);
    assert.deepEqual(codes(fs), ['schema']);
    assert.match(fs[0]!.message, /must be a mapping.*not a list/);
  });

  it('tab indentation is a yaml-syntax finding, and nothing else', () => {
    const text = `${HEADER}teams:\n\t- id: secops\n`;
    const fs = check(text, 2000);
    assert.deepEqual(codes(fs), ['yaml-syntax']);
    assert.match(fs[0]!.message, /Tabs are not allowed/);
    // Tabs after a value (not indentation) are fine.
    assert.deepEqual(check(VALID.replace('apiVersion: srm/v1', 'apiVersion:\tsrm/v1\t'), 2000), []);
  });

  it('CRLF line endings give the same findings as LF, at the same lines', () => {
    const lf = readFileSync(join(EXAMPLES, 'with-mistakes.srm.yaml'), 'utf8');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = check(lf, 3000);
    const b = check(crlf, 3000);
    assert.ok(a.length > 0);
    const lineCol = (t: string, o: number) => {
      const before = t.slice(0, o);
      const line = before.split('\n').length - 1;
      return `${line}:${o - (before.lastIndexOf('\n') + 1)}`;
    };
    assert.deepEqual(
      b.map((f) => `${f.code} ${lineCol(crlf, f.start)} ${f.message}`),
      a.map((f) => `${f.code} ${lineCol(lf, f.start)} ${f.message}`),
    );
    assert.deepEqual(check(VALID.replace(/\n/g, '\r\n'), 2000), []);
    // Fixes keep CRLF: no bare '\n' appears.
    const fixed = fixAll(crlf).text;
    assert.ok(!/[^\r]\n/.test(fixed), 'a fix inserted a bare LF into a CRLF file');
  });

  it('a BOM is not content: a valid file with a BOM is clean', () => {
    assert.deepEqual(check('\ufeff' + VALID, 2000), []);
    assert.deepEqual(check('\ufeff', 200), []);
    const fs = check('\ufeffapiVersion: srm/v1\nkind: Oops\n', 2000);
    assert.ok(fs.every((f) => f.code === 'schema'));
    assert.ok(fs.some((f) => /kind must be "ResponsibilityAssignment"/.test(f.message)));
  });

  for (const [name, text, fragment] of [
    ['flow sequence [', `${HEADER}teams: [\n`, /Flow sequence .*end with a \]/],
    ['flow mapping {', `${HEADER}metadata2: {\n`, /Flow map .*end with a \}/],
    ['double quote', `${HEADER}kind: "ResponsibilityAssignment\n`, /Missing closing "quote/],
    ['single quote', `${HEADER}kind: 'ResponsibilityAssignment\n`, /Missing closing 'quote/],
  ] as const) {
    it(`an unterminated ${name} is yaml-syntax only`, () => {
      const fs = check(text, 2000);
      assert.ok(fs.length >= 1);
      assert.deepEqual([...new Set(codes(fs))], ['yaml-syntax']);
      assert.ok(fs.some((f) => fragment.test(f.message)), fs.map((f) => f.message).join('\n'));
    });
  }

  it('an unterminated flow inside a workload is yaml-syntax only, and the next document is still checked', () => {
    const broken = VALID.replace('model: iaas', 'model: [iaas');
    const fs = check(`${broken}---\nhello\n`, 3000);
    assert.ok(only(fs, 'yaml-syntax').length >= 1);
    assert.ok(only(fs, 'yaml-syntax').every((f) => f.document === 0));
    assert.deepEqual(fs.filter((f) => f.document === 1).map((f) => f.code), ['schema']);
  });

  it('duplicate keys are one duplicate-key finding on the repeat', () => {
    const text = VALID.replace('kind: ResponsibilityAssignment\n', 'kind: ResponsibilityAssignment\nkind: ResponsibilityAssignment\n');
    const fs = check(text, 2000);
    assert.deepEqual(codes(fs), ['duplicate-key']);
    const second = text.indexOf('kind:', text.indexOf('kind:') + 1);
    assert.equal(fs[0]!.start, second);
    assert.match(fs[0]!.message, /kind/);
  });

  it('anchors and aliases are expanded: a valid file written with them is clean', () => {
    const text = VALID.replace('model: iaas', 'model: &m iaas').replace(/(\n  - name: [^\n]+\n    model: )iaas/g, (m, p: string, i: number) => (i === VALID.indexOf('model: iaas') ? m : `${p}*m`));
    assert.notEqual(text, VALID);
    assert.ok(text.includes('&m'));
    assert.deepEqual(codes(check(text, 2000)), []);
    // An alias to an unknown anchor is a yaml-syntax finding.
    const fs = check(`${HEADER}x: *nowhere\n`, 2000);
    assert.deepEqual([...new Set(codes(fs))], ['yaml-syntax']);
  });

  it('a "billion laughs" document is one finding, not a hang (aliases are expanded at most 100 times)', () => {
    let text = `${HEADER}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${new Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const fs = check(text, 2000);
    assert.deepEqual(codes(fs), ['yaml-syntax']);
    assert.match(fs[0]!.message, /alias/i);
    assert.match(fs[0]!.message, /at most 100 times/);
    // Inside a workload as well.
    const inWorkload = VALID.replace(/(\n  - name: [^\n]+\n)/, `$1    service: &s0 [a, a, a, a, a, a, a, a, a, a]\n${[1, 2, 3, 4, 5, 6, 7, 8]
      .map((i) => `    x${i}: &s${i} [${new Array(10).fill(`*s${i - 1}`).join(', ')}]\n`)
      .join('')}`);
    const gs = check(inWorkload, 2000);
    assert.deepEqual(codes(gs), ['yaml-syntax']);
    assert.match(gs[0]!.message, /at most 100 times/);
  });

  it('a collection as a key is an unknown-key finding, with no warning on stderr', async () => {
    let warnings = 0;
    const onWarning = () => warnings++;
    process.on('warning', onWarning);
    try {
      const fs = check(`${HEADER}? {a: b}\n: x\n[c]: y\nworkloads: []\n`, 2000);
      assert.ok(fs.every((f) => f.code === 'schema'), codes(fs).join());
      assert.equal(fs.filter((f) => /Unknown key "\{ a: b \}"|Unknown key "\[ c \]"/.test(f.message)).length, 2, fs.map((f) => f.message).join('\n'));
      await new Promise((r) => setImmediate(r)); // process warnings are emitted on the next tick
      assert.equal(warnings, 0);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('100 aliases are fine; the limit is what the message says', () => {
    const text = VALID.replace('metadata:', `x-anchors: &a [lol]\nmetadata:`);
    const fs = check(text, 2000);
    assert.ok(fs.every((f) => f.code === 'schema'), codes(fs).join());
  });

  for (const [name, text] of [
    ['[[[[ (unterminated)', `${HEADER}x: ${'['.repeat(20_000)}\n`],
    ['[[[[ ]]]] (closed)', `${HEADER}x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    ['{a: {a: (unterminated)', `${HEADER}x: ${'{a: '.repeat(20_000)}\n`],
    ['- - - - on one line', `${HEADER}x:\n  ${'- '.repeat(20_000)}x\n`],
    // One space per level: 3,000 levels is already a 4.5 MB file (20,000 would be 200 MB).
    ['block indentation (3,000 levels)', Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')],
  ] as const) {
    it(`deep nesting by ${name} is one clear finding, no stack overflow`, () => {
      const fs = check(text, 15_000);
      assert.deepEqual(codes(fs), ['yaml-syntax'], fs.map((f) => f.message).slice(0, 3).join('\n'));
      assert.match(fs[0]!.message, /nested too deeply/);
    });
  }

  it('20,000-deep nesting inside a workload: one finding, the other documents still checked', () => {
    const deep = VALID.replace(/(\n  - name: [^\n]+\n)/, `$1    x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    const fs = check(`${deep}---\n${VALID}`, 15_000);
    assert.deepEqual(codes(fs), ['yaml-syntax']);
    assert.equal(fs[0]!.document, 0);
    assert.match(fs[0]!.message, /nested too deeply/);
  });

  it('a 1 MB line is checked in bounded time', () => {
    const value = 'X'.repeat(MB);
    const fs = check(VALID.replace('name: contoso-landing-zone', `name: ${value}`), 5000);
    assert.deepEqual(codes(fs), ['schema']);
    assert.match(fs[0]!.message, /kebab-case/);
    assert.ok(fs[0]!.message.length < 1000, 'the message quotes a shortened value');
    // A long free-text value is fine, and so is a long comment.
    assert.deepEqual(check(VALID.replace(/service: [^\n]+/, `service: ${'y '.repeat(MB / 2)}`), 5000), []);
    assert.deepEqual(check(VALID.replace('\n', `\n# ${'z'.repeat(MB)}\n`), 5000), []);
  });

  it('a 1 MB key is a clear yaml-syntax finding (implicit keys are at most 1024 characters)', () => {
    const fs = check(`${HEADER}${'k'.repeat(MB)}: 1\n`, 5000);
    assert.deepEqual(codes(fs), ['yaml-syntax']);
    assert.match(fs[0]!.message, /at most 1024 chars/);
    // A long key that is allowed (1000 characters) is an unknown key, with a short message.
    const gs = check(VALID.replace('metadata:', `${'k'.repeat(1000)}: 1\nmetadata:`), 3000);
    assert.deepEqual(codes(gs), ['schema']);
    assert.ok(gs[0]!.message.length < 2000);
  });

  it('thousands of --- documents: each checked on its own, in bounded time', () => {
    const docs = 3000;
    const text = new Array(docs).fill(`${HEADER}workloads: []\n`).join('---\n');
    const fs = check(text, 20_000);
    assert.equal(fs.length, docs);
    assert.ok(fs.every((f, i) => f.code === 'schema' && f.document === i));
    assert.deepEqual(check('---\n'.repeat(20_000), 5000), []);
    const valid = new Array(500).fill(VALID).join('---\n');
    assert.deepEqual(check(valid, 20_000), []);
  });

  it('NUL bytes are a yaml-syntax finding, not a crash', () => {
    const fs = check(VALID.replace('kind: ResponsibilityAssignment', 'kind: Responsibility\u0000Assignment'), 2000);
    assert.ok(fs.length >= 1);
    assert.ok(fs.every((f) => f.code === 'yaml-syntax' || f.code === 'schema'), codes(fs).join());
    // The parser reads a line of NULs as a plain scalar: a document that is not a mapping.
    const gs = check('\u0000'.repeat(10_000), 2000);
    assert.deepEqual(codes(gs), ['schema']);
    assert.match(gs[0]!.message, /must be a mapping/);
    const hs = check(`${HEADER}\u0000\n`, 2000);
    assert.deepEqual([...new Set(codes(hs))], ['yaml-syntax']);
  });

  it('lone surrogates are plain characters: a value with one is a schema finding, the file is otherwise checked', () => {
    const fs = check(VALID.replace('name: contoso-landing-zone', 'name: bad\ud800name').replace(/(metadata:\n  name: )[\w-]+/, '$1bad\ud800name'), 2000);
    assert.ok(fs.length >= 1);
    assert.ok(fs.every((f) => f.code === 'schema'), codes(fs).join());
    assert.ok(fs.some((f) => /kebab-case/.test(f.message)));
    // The finding serialises (the language server sends it as JSON).
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(fs)));
    assert.deepEqual(codes(check('\udfff\ud800', 2000)), ['schema']);
    assert.deepEqual(codes(check(VALID.replace('\n', '\n# \ud800 comment\n'), 2000)), []);
  });

  it('a 5 MB file (valid, many workloads) is checked in bounded time', () => {
    const body = GOOD_WORKLOAD.slice('workloads:\n'.length);
    const parts = [VALID];
    let size = VALID.length;
    for (let n = 0; size < FIVE_MB - body.length * 2; n++) {
      const b = body.replace(/name: ([\w-]+)/g, (_m, x: string) => `name: ${x}-${n}`);
      parts.push(b);
      size += b.length;
    }
    const text = parts.join('');
    assert.ok(text.length > 4.9 * MB && text.length <= FIVE_MB);
    // The YAML parser costs about 1-2 s per MB of small nodes on an idle core; 60 s leaves room for a loaded box.
    assert.deepEqual(check(text, 60_000), []);
    // An edit in the middle re-checks in a fraction of that (the chunk cache).
    const first = parseFile(text);
    const mid = text.indexOf('  - name:', text.length >> 1);
    const edited = text.slice(0, mid) + '  # a comment\n' + text.slice(mid);
    const t0 = cpuMs();
    assert.deepEqual(diagnose(parseFile(edited, first)), []);
    assert.ok(cpuMs() - t0 < 10_000 * SCALE);
  });

  it('above the size limit only the syntax is checked, with one file-too-large finding', () => {
    // Long free-text values: above the limit in size, cheap for the parser (the time is in nodes, not bytes).
    const item = `  - name: x\n    model: iaas\n    bogus: 1\n    service: ${'s'.repeat(20_000)}\n`;
    const text = `${HEADER}workloads:\n` + item.repeat(Math.ceil(SIZE_LIMIT / item.length) + 1);
    assert.ok(text.length > SIZE_LIMIT);
    const fs = check(text, 20_000, { syntaxOnly: true });
    assert.deepEqual(codes(fs), ['file-too-large']);
    assert.match(fs[0]!.message, /above the size limit/);
    // A syntax error in such a file is still reported.
    const gs = check(text + 'oops: [\n', 20_000, { syntaxOnly: true });
    assert.ok(only(gs, 'yaml-syntax').length >= 1);
    assert.equal(only(gs, 'file-too-large').length, 1);
  });

  it('hover, completion, symbols and folding on every hostile input: bounded, ranges inside', () => {
    const laughs = (() => {
      let t = `${HEADER}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
      for (let i = 1; i < 10; i++) t += `a${i}: &a${i} [${new Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
      return t;
    })();
    const big = VALID + GOOD_WORKLOAD.slice('workloads:\n'.length).repeat(Math.floor(FIVE_MB / GOOD_WORKLOAD.length));
    const inputs: Array<[string, string]> = [
      ['empty', ''],
      ['comments', '# a\n# b\n'],
      ['scalar', 'hello'],
      ['list', '- a\n- b\n'],
      ['tabs', `${HEADER}teams:\n\t- id: secops\n`],
      ['CRLF', VALID.replace(/\n/g, '\r\n')],
      ['BOM', '\ufeff' + VALID],
      ['unterminated', `${HEADER}teams: [\n`],
      ['billion laughs', laughs],
      ['deep [', `${HEADER}x: ${'['.repeat(20_000)}\n`],
      ['deep block', Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')],
      ['deep dashes', `${HEADER}x:\n  ${'- '.repeat(20_000)}x\n`],
      ['1 MB line', VALID.replace('name: contoso-landing-zone', `name: ${'X'.repeat(MB)}`)],
      ['1 MB key', `${HEADER}${'k'.repeat(MB)}: 1\n`],
      ['documents', new Array(3000).fill(`${HEADER}workloads: []\n`).join('---\n')],
      ['NUL', '\u0000'.repeat(10_000)],
      ['surrogates', '\udfff\ud800\n' + VALID.replace('customer', 'cust\ud800omer')],
      ['5 MB', big],
    ];
    for (const [name, text] of inputs) {
      // Hover, completion and symbols read lines, never the parse: give them only the text and its line index.
      const file = { text, lines: new LineIndex(text) };
      const len = text.length;
      const t0 = cpuMs();
      for (const o of [0, 1, len >> 1, len - 1, len, len + 10, -3]) {
        const c0 = cpuMs();
        const h = hover(file, o);
        if (h) assert.ok(h.start >= 0 && h.start <= h.end && h.end <= len, `${name}: hover ${h.start}-${h.end}`);
        const c = complete(file, o);
        assert.ok(c.replaceStart >= 0 && c.replaceStart <= c.replaceEnd && c.replaceEnd <= len, `${name}: completion ${c.replaceStart}-${c.replaceEnd}`);
        // The worst here is the 4.5 MB, 3,000-level block (about 0.5 s a call on an idle core: lines x depth).
        assert.ok(cpuMs() - c0 < 3_000 * SCALE, `${name}: hover + completion at ${o} took ${(cpuMs() - c0).toFixed(0)} ms`);
      }
      const walk = (xs: SymbolEntry[]) => {
        for (const x of xs) {
          assert.ok(x.start >= 0 && x.start <= x.selectionStart && x.selectionEnd <= x.end && x.end <= len, `${name}: symbol ${x.name}`);
          walk(x.children);
        }
      };
      walk(symbols(file));
      for (const r of foldingRanges(file)) assert.ok(r.startLine <= r.endLine && r.endLine < file.lines.lineCount, `${name}: folding`);
      const ms = cpuMs() - t0;
      assert.ok(ms < 15_000 * SCALE, `${name}: hover/completion/symbols/folding took ${ms.toFixed(0)} ms`);
    }
  });

  it('fixAll on hostile input never throws and leaves a broken document untouched', () => {
    for (const text of [
      '',
      'hello',
      `${HEADER}x: ${'['.repeat(5000)}\n`,
      `${HEADER}\u0000\n`,
      VALID.replace('model: iaas', 'model: [iaas'),
    ]) {
      const r = fixAll(text);
      if (diagnose(parseFile(text)).some((f) => f.code === 'yaml-syntax')) assert.equal(r.text, text);
    }
  });
});
