// The quick parser against `yaml`: on every text it accepts, it must build the nodes parseDocument composes
// (kinds, values, sources, scalar types and formats, ranges). It must also accept the common shape (every chunk of
// the generated files and the examples), or the fast path would silently never run.
// SRM_QUICK_CASES=N scales the fuzz count; SRM_QUICK_SEED picks another sequence.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { generate, prng } from '../../bench/generate';
import { QUICK_DOC, YAML_OPTIONS, quickParse, quickParseFull, toPlain } from '../../server/src/service/parse/quickYaml';
import { duplicateKeys } from '../../server/src/service/check/facts';
import { segment } from '../../server/src/service/parse/segment';
import { headerOf } from '../../server/src/service/parse/chunks';

const root = path.resolve(import.meta.dirname, '../..');
const CASES = Number(process.env.SRM_QUICK_CASES ?? 20000);
const SEED = Number(process.env.SRM_QUICK_SEED ?? 1129);

/** The first difference between two node trees (comments and blank-line marks excepted), or undefined. */
export function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  const kind = (n: unknown) => (n === null ? 'null' : isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isPair(n) ? 'pair' : isAlias(n) ? 'alias' : typeof n);
  if (kind(a) !== kind(b)) return `${at}: ${kind(a)} vs ${kind(b)}`;
  if (a === null || typeof a !== 'object') return Object.is(a, b) ? undefined : `${at}: ${String(a)} vs ${String(b)}`;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const p of ['range', 'value', 'source', 'type', 'format', 'tag', 'anchor', 'flow', 'minFractionDigits']) {
    if (p === 'value' && !isScalar(a)) continue;
    const u = x[p];
    const v = y[p];
    const same = Array.isArray(u) && Array.isArray(v) ? u.length === v.length && u.every((e, i) => Object.is(e, v[i])) : Object.is(u, v);
    if (!same) return `${at}.${p}: ${JSON.stringify(u)} vs ${JSON.stringify(v)}`;
  }
  if (isPair(a)) return difference(x.key, y.key, `${at}.key`) ?? difference(x.value, y.value, `${at}.value`);
  if (isMap(a) || isSeq(a)) {
    const ia = x.items as unknown[];
    const ib = y.items as unknown[];
    if (ia.length !== ib.length) return `${at}.items: ${ia.length} vs ${ib.length}`;
    for (let i = 0; i < ia.length; i++) {
      const d = difference(ia[i], ib[i], `${at}[${i}]`);
      if (d) return d;
    }
  }
  return undefined;
}

/** undefined when the quick parser declines or agrees with yaml; else what differs. */
function check(src: string): { accepted: boolean; problem?: string } {
  const quick = quickParse(src);
  if (quick === undefined) return { accepted: false };
  const doc = parseDocument(src, YAML_OPTIONS);
  if (doc.errors.length > 0) return { accepted: true, problem: `accepted text yaml rejects: ${doc.errors[0]?.message}` };
  const d = difference(quick, doc.contents) ?? plainDifference(quick, doc) ?? builtOnTheWay(src);
  return { accepted: true, problem: d };
}

/** What quickParseFull finds while parsing: the plain value toPlain gives, and no repeated key when it says none. */
function builtOnTheWay(src: string): string | undefined {
  const full = quickParseFull(src);
  if (!full) return 'quickParseFull declines a text quickParse accepts';
  const want = toPlain(full.root, QUICK_DOC, 100);
  try {
    assert.deepStrictEqual(full.plain, want);
    // The same own keys in the same order (deepStrictEqual does not look at the order).
    assert.equal(JSON.stringify(full.plain), JSON.stringify(want));
  } catch {
    return `plain built while parsing: ${JSON.stringify(full.plain)} vs toPlain ${JSON.stringify(want)}`;
  }
  const repeated: string[] = [];
  duplicateKeys(full.root, (k) => repeated.push(k));
  if (full.dupFree && repeated.length > 0) return `dupFree, but duplicateKeys reports ${repeated.join(', ')}`;
  return undefined;
}

/** The plain values agree three ways: the fast conversion, yaml's own toJS run on the quick nodes, and yaml's. */
function plainDifference(quick: NonNullable<ReturnType<typeof quickParse>>, doc: ReturnType<typeof parseDocument>): string | undefined {
  const want = doc.toJS({ maxAliasCount: 100 }) as unknown;
  for (const [label, got] of [
    ['toPlain', toPlain(quick, QUICK_DOC, 100)],
    ['toJS on the quick nodes', quick.toJS(QUICK_DOC, { maxAliasCount: 100 })],
  ] as const) {
    try {
      assert.deepStrictEqual(got, want);
    } catch {
      return `${label}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`;
    }
  }
  if (!(quick instanceof YAMLMap || quick instanceof YAMLSeq || quick instanceof Scalar)) return 'a quick node is not an instance of its yaml class';
  return undefined;
}

function chunksOf(text: string): string[] {
  const out: string[] = [];
  for (const r of segment(text)) {
    if (!r.chunks || r.chunks.length === 0) continue;
    for (const c of r.chunks) if (c.kind === 'item') out.push(text.slice(c.start, c.end));
    out.push(headerOf(text, r.chunks).headerText);
  }
  return out;
}

test('the quick parser accepts and matches every chunk of the generated files', () => {
  let n = 0;
  for (const [size, seed, mistakes, crlf] of [[200, 1, 0, false], [300, 42, 0.2, false], [50, 7, 1, false], [60, 9, 0.2, true]] as const) {
    for (const src of chunksOf(generate(size, { seed, mistakes, crlf }))) {
      const r = check(src);
      assert.equal(r.problem, undefined, `${r.problem}\n${src}`);
      // Mistakes the generator makes are in values and keys, never in the YAML shape: all must take the fast path.
      assert.ok(r.accepted, `declined:\n${src}`);
      n++;
    }
  }
  assert.ok(n > 500);
});

test('the quick parser matches yaml on every example chunk it accepts, and accepts most', () => {
  const dir = path.join(root, 'examples');
  let accepted = 0;
  let total = 0;
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    for (const src of chunksOf(readFileSync(path.join(dir, f), 'utf8'))) {
      const r = check(src);
      assert.equal(r.problem, undefined, `${f}: ${r.problem}\n${src}`);
      total++;
      if (r.accepted) accepted++;
    }
  }
  assert.ok(total > 10 && accepted / total > 0.5, `accepted ${accepted} of ${total}`);
});

// ------------------------------------------------------------------------------------------------ the fuzzer

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const KEYS = ['name', 'model', 'owner', 'team', 'a', 'b', 'responsibilities', 'x-y', 'k_1', '1', 'true', 'null', '~', 'on', 'a b', 'a.b', 'é', '__proto__', 'toString', 'constructor', '<<', '0x1F', '1.50', '"q"'];
const VALUES = [
  'customer', 'microsoft', 'shared', 'iaas', 'Azure SQL Database', 'https://x.example/a#b', 'a:b', 'x-1', 'team@x.example',
  '1', '-1', '+2', '0o17', '0x1F', '1.50', '1e3', '.5', '.inf', '-.Inf', '.nan', 'true', 'False', 'NULL', '~', 'null', 'yes',
  '"quoted"', '"a # b"', "'single'", "'it''s'", '""', "''", '"a\\"b"', 'a, b', 'a]', '{x}', '[1]', '&a x', '*a', '!t x', '| x',
  '-x', ':x', '?x', '- x', '@x', '`x', '%x', 'a #c', 'a#c', 'x:', 'a: b', 'é', '10:30', '2026-11-29',
];
const COMMENTS = ['# c', '#', '# srm-disable-next-line', '#x'];

/** A random document in (and around) the quick subset. */
function randomDoc(rnd: Rnd): string {
  const lines: string[] = [];
  const lead = pick(rnd, [0, 0, 2, 4]);
  const pad = (n: number) => ' '.repeat(n);
  const maybeNoise = (ind: number) => {
    const r = rnd();
    if (r < 0.08) lines.push('');
    else if (r < 0.14) lines.push(pad(Math.max(0, ind + pick(rnd, [-2, 0, 0, 2, 4]))) + pick(rnd, COMMENTS));
    else if (r < 0.16) lines.push(pad(Math.floor(rnd() * 6)));
  };
  const value = () => pick(rnd, VALUES) + (rnd() < 0.15 ? pick(rnd, [' # t', '  #t', ' ', '   ']) : '');
  const node = (ind: number, depth: number, first: string | null): void => {
    // first: a prefix ('- ') for the first line (a compact node), or null for its own lines
    const isSeq = rnd() < 0.3;
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const prefix = i === 0 && first !== null ? first : pad(ind);
      if (i > 0 || first === null) maybeNoise(ind);
      if (isSeq) {
        const r = rnd();
        if (r < 0.5 || depth > 3) lines.push(`${prefix}- ${value()}`);
        else if (r < 0.9) node(ind + 2, depth + 1, `${prefix}- `);
        else lines.push(`${prefix}-`);
      } else {
        const k = pick(rnd, KEYS);
        const r = rnd();
        if (r < 0.55 || depth > 3) lines.push(`${prefix}${k}: ${value()}`);
        else if (r < 0.65) lines.push(`${prefix}${k}:${rnd() < 0.3 ? '  ' : ''}`);
        else if (r < 0.72) {
          lines.push(`${prefix}${k}:`);
          node(ind, depth + 1, null); // a sequence at the key's column, or a mapping (an error)
        } else {
          lines.push(`${prefix}${k}:${rnd() < 0.1 ? ' # c' : ''}`);
          node(ind + pick(rnd, [2, 2, 4, 1]), depth + 1, null);
        }
      }
    }
  };
  if (rnd() < 0.3) lines.push(pad(lead) + pick(rnd, COMMENTS));
  node(lead, 0, null);
  if (rnd() < 0.2) maybeNoise(lead);
  const eol = rnd() < 0.2 ? '\r\n' : '\n';
  let text = lines.join(eol) + (rnd() < 0.8 ? eol : '');
  // Sometimes one random edit on top.
  if (rnd() < 0.3) {
    const at = Math.floor(rnd() * (text.length + 1));
    text = text.slice(0, at) + pick(rnd, [' ', '\n', ':', '-', '#', '"', "'", '  ', '\n  ', 'x', '\t', '\r\n', '\r', '---\n']) + text.slice(at);
  }
  return text;
}

test(`the quick parser matches yaml on ${CASES} fuzzed texts (seed ${SEED})`, () => {
  const rnd = prng(SEED);
  let accepted = 0;
  for (let i = 0; i < CASES; i++) {
    const src = randomDoc(rnd);
    const r = check(src);
    if (r.problem) assert.fail(`case ${i}: ${r.problem}\n${JSON.stringify(src)}`);
    if (r.accepted) accepted++;
  }
  // The fuzzer aims at the subset's edges: a good share must still be accepted, or the comparison proves little.
  assert.ok(accepted / CASES > 0.2, `accepted ${accepted} of ${CASES}`);
  if (process.env.SRM_QUICK_CASES) console.log(`quick parser accepted ${accepted} of ${CASES} fuzzed texts`);
});

test("an empty value before the last comments (a header's `workloads:` before its first item's comment) takes the fast path and matches yaml", () => {
  const texts = [
    'apiVersion: srm/v1\nworkloads:\n  # workload 1\n',
    'a: 1\nworkloads:\n# c\n',
    'a: 1\nworkloads:   \n  # c\n  # d\n\n',
    't:\n  k:\n    # c\n',
    't:\n  k:\n      # c',
    't:\n  k:\n\n  # c\n\n',
    '- a:\n  # c\n',
    't:\n  - id: x\nworkloads:\n  # c\r\n',
  ];
  for (const src of texts) {
    const r = check(src);
    assert.equal(r.problem, undefined, `${r.problem}\n${JSON.stringify(src)}`);
    assert.ok(r.accepted, `declined: ${JSON.stringify(src)}`);
  }
  // Still left to yaml: a quoted empty string, and a comment after an empty value with more content after it.
  for (const src of ['a: ""\n  # c\n', 'a:\n  # c\nb: 1\n']) assert.equal(check(src).accepted, false, JSON.stringify(src));
});

test('long runs of comments, blank lines and keys take linear time', () => {
  for (const src of ['  - a: b\n' + '  # padding\n'.repeat(200_000), '  - a:\n' + '\n'.repeat(200_000) + '    c: d\n', '  - a: b\n' + '    c: d\n'.repeat(200_000)]) {
    const t = performance.now();
    assert.ok(quickParse(src));
    assert.ok(performance.now() - t < 5_000, 'bounded');
    assert.equal(check(src).problem, undefined);
  }
});

test('the quick parser tells whether a key repeats, so that the duplicate-key walk runs only where one may', () => {
  const plain = quickParseFull('- name: a\n  responsibilities:\n    devices: customer\n    applications:\n      owner: customer\n');
  assert.equal(plain?.dupFree, true);
  assert.deepEqual(plain?.plain, [{ name: 'a', responsibilities: { devices: 'customer', applications: { owner: 'customer' } } }]);
  for (const src of [
    '- name: a\n  name: b\n',
    '- name: a\n  responsibilities:\n    devices: customer\n    devices: microsoft\n',
    'a: 1\n"a": 2\n'.replace('"a"', 'a'),
    // Not repeated, but __proto__ (made an own property apart): the walk runs (it reports nothing).
    '__proto__: x\n',
  ]) {
    const r = quickParseFull(src);
    assert.ok(r, src);
    assert.equal(r.dupFree, false, src);
  }
  // Names Object.prototype has are keys like any other.
  assert.equal(quickParseFull('toString: x\nconstructor: y\nhasOwnProperty: z\n')?.dupFree, true);
  // A repeat inside a nested mapping, after its parent's other keys: found; equal keys in sibling mappings are not repeats.
  assert.equal(quickParseFull('a:\n  b: 1\n  c:\n    d: 1\n    d: 2\n  e: 1\n')?.dupFree, false);
  assert.equal(quickParseFull('a:\n  b: 1\nb:\n  b: 1\n  a: 2\n')?.dupFree, true);
  assert.equal(quickParseFull('- a: 1\n- a: 2\n')?.dupFree, true);
  const last = quickParseFull('a: 1\nb: 2\na: 3\n');
  assert.deepEqual(last?.plain, { a: 3, b: 2 });
});
