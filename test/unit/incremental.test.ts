// The equivalence test of the incremental engine: after each of thousands of seeded random edits, the findings of
// the chunked parse that reuses the previous version equal those of a from-scratch whole-document parse.
// SRM_EQUIV_EDITS=N scales the edit count (default keeps the suite fast); SRM_EQUIV_SEED picks another sequence.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generate, prng } from '../../bench/generate';
import { diagnose } from '../../server/src/service/check/diagnose';
import { parseFile, type ParsedFile } from '../../server/src/service/parse/parseFile';
import type { DiagnoseOptions } from '../../server/src/service/types';

const root = path.resolve(import.meta.dirname, '../..');
const EDITS = Number(process.env.SRM_EQUIV_EDITS ?? 1000);
const SEED = Number(process.env.SRM_EQUIV_SEED ?? 20261129);
/** Edits applied in a row before going back to a clean base text (so the text does not drift into noise). */
const RUN = 30;

function bases(): Array<{ name: string; text: string }> {
  const dir = path.join(root, 'examples');
  const out = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
  out.push({ name: 'generated-8', text: generate(8, { seed: 3, teams: 3 }) });
  out.push({ name: 'generated-12-mistakes', text: generate(12, { seed: 5, mistakes: 0.5, teams: 2 }) });
  out.push({ name: 'generated-6-crlf', text: generate(6, { seed: 7, crlf: true, teams: 2 }) });
  const two = generate(4, { seed: 9, teams: 2 });
  out.push({ name: 'generated-two-documents', text: `${two}---\n${generate(3, { seed: 11, teams: 2 })}` });
  return out;
}

type Rnd = () => number;

const SNIPPETS = [
  ' ', '  ', '\n', '\r\n', '\t', ':', ': ', '-', '- ', '#', '# c', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '? ',
  '|', '>', '!', '!!str ', '%', '@', '`', '---', '---\n', '...\n', 'x', 'owner', 'microsoft', 'customer', 'iaas', '\\',
  '\u00e9', '\ufeff', 'workloads:', 'teams:', '<<: *a', 'name: dup', '  - ', '\n  - name: new\n',
];

const REPLACEMENTS = ['customer', 'microsoft', 'shared', 'paas', 'saas', 'iaas', 'on-premises', 'team-1', 'secops', 'x'];

/** One random edit: returns the new text. */
function edit(text: string, rnd: Rnd): string {
  const int = (n: number) => Math.floor(rnd() * n);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const line = int(lineStarts.length);
  const ls = lineStarts[line] as number;
  const le = line + 1 < lineStarts.length ? (lineStarts[line + 1] as number) : text.length;
  const at = int(text.length + 1);
  const splice = (s: number, e: number, ins: string) => text.slice(0, s) + ins + text.slice(e);
  switch (int(24)) {
    case 20: {
      // quote a key
      const m = /^( *)(- )?([A-Za-z][\w-]*):/.exec(text.slice(ls, le));
      if (!m) return text;
      const k0 = ls + (m[1] as string).length + (m[2] ?? '').length;
      const q = rnd() < 0.5 ? '"' : "'";
      return splice(k0, k0 + (m[3] as string).length, q + (m[3] as string) + q);
    }
    case 21: {
      // a value, tag or anchor after a section key (`workloads: !!seq`), or a second section
      const w = text.indexOf(rnd() < 0.7 ? 'workloads:' : 'teams:');
      if (w < 0) return text;
      const colon = text.indexOf(':', w) + 1;
      if (rnd() < 0.3) return splice(ls, ls, text.slice(w, colon) + '\n  - name: again\n');
      return splice(colon, colon, [' !!seq', ' &w', ' []', ' # c', ' ', '\t'][int(6)] as string);
    }
    case 22: {
      // one line's end becomes CRLF, LF or a lone CR
      const nl = text.indexOf('\n', ls);
      if (nl < 0) return text;
      const s0 = nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      return splice(s0, nl + 1, ['\r\n', '\n', '\r'][int(3)] as string);
    }
    case 23:
      // the file loses or gains its final line break
      return text.endsWith('\n') ? text.replace(/\r?\n$/, '') : text + (rnd() < 0.5 ? '\n' : '\r\n');
    case 16:
    case 17: {
      // typing: a letter into the line's text
      const col = ls + int(Math.max(1, le - ls));
      return splice(col, col, 'abcdefghijklmnopqrstuvwxyz-'[int(27)] as string);
    }
    case 18:
    case 19: {
      // backspace inside the line
      const col = ls + int(Math.max(1, le - ls));
      return splice(col, Math.min(le, col + 1), '');
    }
    case 0:
    case 1:
    case 2:
      return splice(at, at, SNIPPETS[int(SNIPPETS.length)] as string);
    case 3:
      return splice(at, Math.min(text.length, at + 1 + int(4)), '');
    case 4:
      return splice(ls, le, ''); // delete a line
    case 5:
      return splice(ls, ls, text.slice(ls, le)); // duplicate a line
    case 6:
      return splice(ls, ls, rnd() < 0.5 ? ' ' : '  '); // indent
    case 7: {
      const n = text.slice(ls, le).match(/^ */)?.[0].length ?? 0;
      return n > 0 ? splice(ls, ls + Math.min(n, 1 + int(2)), '') : text; // dedent
    }
    case 8:
      return splice(ls, ls, ['---\n', '--- # d\n', '...\n', '--- x\n', '---'][int(5)] as string);
    case 9:
      return splice(ls, ls, [`${' '.repeat(int(7))}# note\n`, '# srm-disable-next-line model-mismatch\n', '# srm-disable\n', '  # srm-disable-next-line schema -- why\n'][int(4)] as string);
    case 10: {
      // anchor a value, or alias one
      const colon = text.indexOf(': ', ls);
      if (colon < 0 || colon >= le) return splice(at, at, '*a');
      return splice(colon + 2, colon + 2, rnd() < 0.5 ? '&a ' : '*a ');
    }
    case 11:
      return splice(ls, ls, '\t'); // tab indentation
    case 12: {
      // change line ends to CRLF, or the other way round
      return rnd() < 0.5 ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n');
    }
    case 13: {
      // replace a value after a colon
      const colon = text.indexOf(': ', ls);
      if (colon < 0 || colon >= le) return text;
      const end = text.slice(0, le).replace(/\r?\n$/, '').length;
      return splice(colon + 2, end, REPLACEMENTS[int(REPLACEMENTS.length)] as string);
    }
    case 14: {
      // swap this line with the next
      if (line + 2 >= lineStarts.length) return text;
      const ne = lineStarts[line + 2] as number;
      return text.slice(0, ls) + text.slice(le, ne) + text.slice(ls, le) + text.slice(ne);
    }
    default: {
      // quote or bracket a value
      const colon = text.indexOf(': ', ls);
      if (colon < 0 || colon >= le) return splice(at, at, '"');
      const q = ['"', "'", '[', '{'][int(4)] as string;
      return splice(colon + 2, colon + 2, q);
    }
  }
}

function check(text: string, prev: ParsedFile | undefined, options: DiagnoseOptions, where: string): ParsedFile {
  const syntaxOnly = options.syntaxOnly === true;
  const inc = parseFile(text, prev, { syntaxOnly });
  const ref = parseFile(text, undefined, { whole: true, syntaxOnly });
  const a = diagnose(inc, options);
  const b = diagnose(ref, options);
  try {
    assert.deepStrictEqual(a, b);
  } catch (e) {
    const msg = `${where}: chunked findings differ from the whole parse on this text:\n----\n${JSON.stringify(text)}\n----\n`;
    throw Object.assign(e as Error, { message: msg + (e as Error).message });
  }
  return inc;
}

test(`incremental findings equal a whole re-check after ${EDITS} random edits (seed ${SEED})`, () => {
  const rnd = prng(SEED);
  const all = bases();
  const optionSets: DiagnoseOptions[] = [{}, { includeSuppressed: true, requireReason: true }, { syntaxOnly: true }];
  let done = 0;
  let chunkedDocs = 0;
  let docs = 0;
  while (done < EDITS) {
    const base = all[Math.floor(rnd() * all.length)] as { name: string; text: string };
    const options = optionSets[Math.floor(rnd() * optionSets.length)] as DiagnoseOptions;
    let text = base.text;
    let prev = check(text, undefined, options, `${base.name} (start)`);
    for (let k = 0; k < RUN && done < EDITS; k++, done++) {
      const before = text;
      text = edit(text, rnd);
      prev = check(text, prev, options, `${base.name} edit ${k} (#${done})`);
      let whole = false;
      for (const d of prev.documents) {
        docs++;
        if (d.whole) whole = true;
        else chunkedDocs++;
      }
      // Most edits that force a whole parse (a syntax error) are undone, as a user fixes a typo: this checks the
      // way back from a whole parse to chunks, and keeps the text close to valid so most steps stay chunked.
      if (whole && rnd() < 0.9) text = before;
    }
  }
  // The test means something only if most documents still went the chunked way.
  assert.ok(chunkedDocs > docs * 0.3, `only ${chunkedDocs} of ${docs} documents were chunked`);
});

test('a generated file is chunked, not parsed whole', () => {
  const f = parseFile(generate(50, { seed: 2 }));
  assert.equal(f.documents.length, 1);
  assert.equal(f.documents[0]?.whole, false);
  assert.equal(f.documents[0]?.workloads.length, 50);
});
