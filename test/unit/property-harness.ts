// The harness of the language service's property tests (property.test.ts, property-documents.test.ts): the fixed
// seed and run counts, the checks every generated text goes through (nothing throws, every range inside the document,
// each call bounded in CPU time, fixes keep a parsing document parsing, incremental = fresh) and the generators.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LAYER_IDS } from '../../server/src/model';
import {
  applyEdits,
  complete,
  diagnose,
  foldingRanges,
  hover,
  parseFile,
  symbols,
  type Finding,
  type ParsedFile,
  type SymbolEntry,
} from '../../server/src/service';

const SEED = Number(process.env.SRM_FC_SEED ?? '20261129');
/** Multiplies every run count (SRM_FC_RUNS=10 for a long local fuzz; the defaults keep each property file well under 30 s in CI). */
const RUNS = Number(process.env.SRM_FC_RUNS ?? '1') || 1;
export const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * RUNS)) });
/**
 * Per-call bound in CPU time of this process (a machine shared with other jobs does not fail it; a hang or a blow-up
 * does); SRM_TEST_TIME_SCALE multiplies it.
 */
const CALL_BOUND_MS = 3000 * (Number(process.env.SRM_TEST_TIME_SCALE ?? '1') || 1);
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');
export const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(join(EXAMPLES_DIR, f), 'utf8'));

function timed<T>(what: string, fn: () => T): T {
  const t0 = cpuMs();
  const r = fn();
  const ms = cpuMs() - t0;
  assert.ok(ms < CALL_BOUND_MS, `${what} took ${ms.toFixed(0)} ms (bound ${CALL_BOUND_MS} ms)`);
  return r;
}

function inside(len: number, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer range ${start}-${end}`);
  assert.ok(start >= 0 && start <= end && end <= len, `${what}: range ${start}-${end} outside 0-${len}`);
}

/** diagnose, with every range and every fix edit checked. */
export function checkedDiagnose(file: ParsedFile): Finding[] {
  const findings = timed('diagnose', () => diagnose(file));
  const len = file.text.length;
  for (const f of findings) {
    inside(len, f.start, f.end, f.code);
    assert.ok(f.message.length > 0 && f.message.length < 5000, `${f.code}: message of ${f.message.length} characters`);
    for (const x of f.fixes) for (const e of x.edits) inside(len, e.start, e.end, `fix "${x.title}"`);
  }
  return findings;
}

export const syntaxCount = (fs: Finding[]) => fs.filter((f) => f.code === 'yaml-syntax').length;

/** Applies every offered fix, one at a time: a document that parsed still parses. */
export function checkFixes(text: string, findings: Finding[], limit = 40): void {
  const before = syntaxCount(findings);
  let n = 0;
  for (const f of findings) {
    for (const x of f.fixes) {
      if (n++ >= limit) return;
      const fixed = applyEdits(text, x.edits);
      const after = diagnose(parseFile(fixed));
      // A document that did not parse gets no promise (its fixes come from other documents or suppressions).
      if (before === 0) {
        assert.equal(
          syntaxCount(after),
          0,
          `fix "${x.title}" for ${f.code} broke the YAML: ${after.find((a) => a.code === 'yaml-syntax')?.message}\n--- before\n${text}\n--- after\n${fixed}`,
        );
      }
    }
  }
}

function checkSymbols(len: number, list: SymbolEntry[], depth = 0): void {
  assert.ok(depth < 5);
  for (const s of list) {
    inside(len, s.start, s.end, `symbol ${s.name}`);
    inside(len, s.selectionStart, s.selectionEnd, `symbol selection ${s.name}`);
    checkSymbols(len, s.children, depth + 1);
  }
}

/** hover, complete, symbols and folding at the given offsets (some outside the text): never throw, ranges inside. */
export function checkFeatures(file: ParsedFile, offsets: number[]): void {
  const len = file.text.length;
  for (const raw of offsets) {
    const h = timed('hover', () => hover(file, raw));
    if (h) {
      inside(len, h.start, h.end, 'hover');
      assert.equal(typeof h.contents, 'string');
    }
    const c = timed('complete', () => complete(file, raw));
    inside(len, c.replaceStart, c.replaceEnd, 'completion replace range');
    for (const item of c.items) assert.equal(typeof item.insertText, 'string');
  }
  checkSymbols(len, timed('symbols', () => symbols(file)));
  for (const r of timed('foldingRanges', () => foldingRanges(file))) {
    assert.ok(r.startLine >= 0 && r.startLine <= r.endLine && r.endLine < file.lines.lineCount, `folding ${r.startLine}-${r.endLine}`);
  }
}

// ---- generators -----------------------------------------------------------------------------------------------

export const LAYERS = [...LAYER_IDS];
const WORDS = [
  'apiVersion', 'srm/v1', 'kind', 'ResponsibilityAssignment', 'metadata', 'name', 'owner', 'description', 'teams', 'id',
  'contact', 'workloads', 'model', 'service', 'responsibilities', 'team', 'notes', 'evidence', 'customer', 'microsoft',
  'shared', 'iaas', 'paas', 'saas', 'on-premises', 'PaaS', 'endpoints', 'secops', 'x', '', 'null', '~', 'true', '0x1F',
  '1e9', '2026-11-29', '<<', '!!str', '!custom', '?', '|', '>-', '%YAML 1.2', ...LAYERS,
  // Baseline documents and selecting them.
  'ResponsibilityBaseline', 'baseline', 'extends', 'layers', 'owners', 'remove', 'after', 'reason', 'provider', 'models',
  'label', 'group', 'cloud', 'depends', 'microsoft-2026', 'microsoft-ai', 'microsoft-diagram', 'model-tuning',
];
/** Pieces of baseline documents and of documents selecting one, inserted by the random edits too. */
const BASELINE_SNIPPETS = [
  'apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: b1\nextends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: customer }\n    reason: r\n---\n',
  'kind: ResponsibilityBaseline\n',
  '  baseline: b1\n',
  '\n  baseline: microsoft-ai',
  'extends: b1\n',
];
const PUNCT = [
  ': ', ':', '- ', '-', '\n', '\r\n', '\r', ' ', '  ', '    ', '\t', '"', "'", '[', ']', '{', '}', ', ', ',', '---\n',
  '...\n', '# ', '#', '&a ', '*a', '&b ', '*b', '\ufeff', '\u0000', '\ud800', '\udc00', '\\', '`', '@', '%',
  '# srm-disable-next-line model-mismatch\n', '# srm-disable customer-only-duty -- reason\n', '# srm-disable-next-line bogus-rule\n',
  ...BASELINE_SNIPPETS,
];
const token = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...PUNCT), fc.string({ maxLength: 4 }));

/** YAML-ish text: random keys, indentation, dashes, colons, quotes, brackets, markers. */
export const yamlish = fc.array(token, { maxLength: 120 }).map((ts) => ts.join(''));

/** Lines shaped like the format, with random indentation and values: closer to the real thing. */
const line = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.boolean(), fc.constantFrom(...WORDS), fc.oneof(fc.constantFrom(...WORDS), fc.constant(''), token))
  .map(([ind, dash, k, v]) => `${' '.repeat(ind)}${dash ? '- ' : ''}${k}:${v === '' ? '' : ` ${v}`}`);
export const lineish = fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n') + '\n');

/** Any UTF-16 string, lone surrogates and control characters included. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((cs) => String.fromCharCode(...cs)),
);

const snippet = fc.oneof(
  { weight: 3, arbitrary: token },
  { weight: 2, arbitrary: fc.array(token, { maxLength: 8 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...EXAMPLES.map((e) => e.slice(0, 200))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);
export const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 30 }), ins: snippet });
type Edit = { at: number; del: number; ins: string };

export function applyRandomEdit(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
}

export const offsets = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, -1000, 2, 1e9)), { minLength: 1, maxLength: 4 });
const toOffsets = (len: number, fs: number[]) => fs.map((f) => (f >= 0 && f <= 1 ? Math.floor(f * (len + 1)) : f === 2 ? len + 3 : f));

/** The whole property for one text: diagnose, fixes, features, and incremental = fresh. */
export function checkText(text: string, offs: number[], previous?: ParsedFile): ParsedFile {
  const fresh = timed('parseFile', () => parseFile(text));
  const findings = checkedDiagnose(fresh);
  if (previous) {
    const incremental = timed('parseFile (incremental)', () => parseFile(text, previous));
    assert.deepEqual(strip(diagnose(incremental)), strip(findings), 'the incremental parse disagrees with a fresh parse');
  }
  checkFeatures(fresh, toOffsets(text.length, offs));
  return fresh;
}

/** Findings without functions or volatile parts, for comparison. */
function strip(fs: Finding[]): unknown {
  return JSON.parse(JSON.stringify(fs));
}

/** The first call compiles the schema and warms the modules: run before the properties, outside any call's bound. */
export function warmUp(): void {
  for (const text of EXAMPLES) {
    const file = parseFile(text);
    diagnose(file);
    checkFeatures(file, [0]);
  }
}
