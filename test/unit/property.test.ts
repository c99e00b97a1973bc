// Property tests of the language service (fast-check): for any text and any edits to a valid example (baseline
// documents and documents selecting them included), nothing throws,
// every range lies inside the document, each call is bounded in time, fixes never break a document that parsed, and
// the incremental parse gives exactly the findings of a fresh one. Seed fixed; SRM_FC_RUNS / SRM_FC_SEED override.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { LAYER_IDS } from '../../server/src/model';
import {
  applyEdits,
  complete,
  fixAll,
  diagnose,
  foldingRanges,
  hover,
  parseFile,
  symbols,
  type Finding,
  type ParsedFile,
  type SymbolEntry,
} from '../../server/src/service';
import { CLEAN_DOCUMENT } from './model-documents';

const SEED = Number(process.env.SRM_FC_SEED ?? '20261129');
/** Multiplies every run count (SRM_FC_RUNS=10 for a long local fuzz; the defaults keep the file near 30 s in CI). */
const RUNS = Number(process.env.SRM_FC_RUNS ?? '1') || 1;
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * RUNS)) });
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
const EXAMPLES = readdirSync(EXAMPLES_DIR)
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
function checkedDiagnose(file: ParsedFile): Finding[] {
  const findings = timed('diagnose', () => diagnose(file));
  const len = file.text.length;
  for (const f of findings) {
    inside(len, f.start, f.end, f.code);
    assert.ok(f.message.length > 0 && f.message.length < 5000, `${f.code}: message of ${f.message.length} characters`);
    for (const x of f.fixes) for (const e of x.edits) inside(len, e.start, e.end, `fix "${x.title}"`);
  }
  return findings;
}

const syntaxCount = (fs: Finding[]) => fs.filter((f) => f.code === 'yaml-syntax').length;

/** Applies every offered fix, one at a time: a document that parsed still parses. */
function checkFixes(text: string, findings: Finding[], limit = 40): void {
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
function checkFeatures(file: ParsedFile, offsets: number[]): void {
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

const LAYERS = [...LAYER_IDS];
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
const yamlish = fc.array(token, { maxLength: 120 }).map((ts) => ts.join(''));

/** Lines shaped like the format, with random indentation and values: closer to the real thing. */
const line = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.boolean(), fc.constantFrom(...WORDS), fc.oneof(fc.constantFrom(...WORDS), fc.constant(''), token))
  .map(([ind, dash, k, v]) => `${' '.repeat(ind)}${dash ? '- ' : ''}${k}:${v === '' ? '' : ` ${v}`}`);
const lineish = fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n') + '\n');

/** Any UTF-16 string, lone surrogates and control characters included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((cs) => String.fromCharCode(...cs)),
);

const snippet = fc.oneof(
  { weight: 3, arbitrary: token },
  { weight: 2, arbitrary: fc.array(token, { maxLength: 8 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...EXAMPLES.map((e) => e.slice(0, 200))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.integer({ min: 0, max: 30 }), ins: snippet });
type Edit = { at: number; del: number; ins: string };

function applyRandomEdit(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
}

const offsets = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, -1000, 2, 1e9)), { minLength: 1, maxLength: 4 });
const toOffsets = (len: number, fs: number[]) => fs.map((f) => (f >= 0 && f <= 1 ? Math.floor(f * (len + 1)) : f === 2 ? len + 3 : f));

/** The whole property for one text: diagnose, fixes, features, and incremental = fresh. */
function checkText(text: string, offs: number[], previous?: ParsedFile): ParsedFile {
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

// ---- properties -----------------------------------------------------------------------------------------------

describe('language service properties', () => {
  // The first call compiles the schema and warms the modules: not part of any call's bound.
  before(() => {
    for (const text of EXAMPLES) {
      const file = parseFile(text);
      diagnose(file);
      checkFeatures(file, [0]);
    }
  });

  it('any string: nothing throws, ranges inside, bounded time', () => {
    fc.assert(
      fc.property(anyText, offsets, (text, offs) => {
        checkText(text, offs);
      }),
      runs(150),
    );
  });

  it('YAML-ish text: nothing throws, ranges inside, fixes keep it parsing', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, lineish), offsets, (text, offs) => {
        const file = checkText(text, offs);
        checkFixes(text, diagnose(file));
      }),
      runs(200),
    );
  });

  it('a header and workloads with random lines: the rules run, fixes keep it parsing', () => {
    const head = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: fuzz\nworkloads:\n  - name: w\n    model: iaas\n    responsibilities:\n';
    const assignment = fc
      .tuple(fc.constantFrom(...LAYERS, 'endpoints', 'bogus'), fc.constantFrom('customer', 'microsoft', 'shared', 'Customer', 'nobody', ''), fc.boolean())
      .map(([l, p, long]) => (long ? `      ${l}:\n        owner: ${p}\n        team: secops\n` : `      ${l}: ${p}\n`));
    fc.assert(
      fc.property(fc.array(assignment, { maxLength: 14 }), fc.constantFrom('iaas', 'paas', 'saas', 'on-premises', 'PaaS', 'cloud'), offsets, (as, model, offs) => {
        const text = head.replace('model: iaas', `model: ${model}`) + as.join('');
        const file = checkText(text, offs);
        const fs = diagnose(file);
        assert.equal(syntaxCount(fs), 0, text);
        checkFixes(text, fs);
      }),
      runs(80),
    );
  });

  it('format-shaped documents in every style (block, flow, long form, comments, CRLF, suppressions): fixes and fixAll keep them parsing', () => {
    const party = fc.constantFrom('customer', 'microsoft', 'shared', 'Microsoft', 'cust', '"customer"', "'shared'", '');
    const layer = fc.constantFrom(...LAYERS, 'endpoints', 'operating-sytem', 'Devices', 'configurations-and-settings', 'model-tuning', 'data-governance');
    const comment = fc.constantFrom('', '', '', ' # note', '  # srm-disable-next-line model-mismatch');
    const assignment = fc.record({ layer, party, long: fc.boolean(), team: fc.constantFrom(undefined, 'secops', 'nobody'), comment, above: fc.constantFrom('', '', '', '# srm-disable-next-line customer-only-duty', '# srm-disable-next-line bogus, model-mismatch -- why', '# a comment') });
    const workload = fc.record({
      name: fc.constantFrom('web', 'web', 'Web App', 'db', ''),
      model: fc.constantFrom('iaas', 'paas', 'saas', 'on-premises', 'PaaS', 'IaaS', 'cloud', ''),
      style: fc.constantFrom('block', 'flow', 'empty', 'missing'),
      items: fc.array(assignment, { maxLength: 12 }),
    });
    const doc = fc.record({
      ind: fc.constantFrom(2, 4),
      crlf: fc.boolean(),
      teams: fc.boolean(),
      owner: fc.constantFrom(undefined, 'secops', 'ghost'),
      kind: fc.constantFrom('ResponsibilityAssignment', 'Responsibility', ''),
      workloads: fc.array(workload, { minLength: 1, maxLength: 3 }),
      header: fc.constantFrom('', '# srm-disable unassigned-layer\n', '# srm-disable\n', '---\n'),
      baseline: fc.constantFrom(undefined, undefined, undefined, 'microsoft-2026', 'microsoft-ai', 'nope'),
    });
    const render = (d: { ind: number; crlf: boolean; teams: boolean; owner?: string; baseline?: string; kind: string; header: string; workloads: Array<{ name: string; model: string; style: string; items: Array<{ layer: string; party: string; long: boolean; team?: string; comment: string; above: string }> }> }) => {
      const i1 = ' '.repeat(d.ind);
      const eol = d.crlf ? '\r\n' : '\n';
      const lines = [`${d.header.replace(/\n/g, eol)}apiVersion: srm/v1`, `kind: ${d.kind}`, 'metadata:', `${i1}name: shaped`];
      if (d.owner) lines.push(`${i1}owner: ${d.owner}`);
      if (d.baseline) lines.push(`${i1}baseline: ${d.baseline}`);
      if (d.teams) lines.push('teams:', `${i1}- id: secops`);
      lines.push('workloads:');
      for (const w of d.workloads) {
        const iw = i1 + '  ';
        lines.push(`${i1}- name: ${w.name}`, `${iw}model: ${w.model}`);
        if (w.style === 'missing') continue;
        if (w.style === 'empty') {
          lines.push(`${iw}responsibilities:`);
          continue;
        }
        if (w.style === 'flow') {
          lines.push(`${iw}responsibilities: {${w.items.map((a) => `${a.layer}: ${a.long ? `{owner: ${a.party}${a.team ? `, team: ${a.team}` : ''}}` : a.party}`).join(', ')}}`);
          continue;
        }
        lines.push(`${iw}responsibilities:`);
        const ia = iw + i1;
        for (const a of w.items) {
          if (a.above) lines.push(`${ia}${a.above}`);
          if (a.long) {
            lines.push(`${ia}${a.layer}:${a.comment}`, `${ia}${i1}owner: ${a.party}`);
            if (a.team) lines.push(`${ia}${i1}team: ${a.team}`);
          } else lines.push(`${ia}${a.layer}: ${a.party}${a.comment}`);
        }
      }
      return lines.join(eol) + eol;
    };
    fc.assert(
      fc.property(doc, offsets, (d, offs) => {
        const text = render(d);
        const file = checkText(text, offs);
        const fs = diagnose(file);
        if (syntaxCount(fs) > 0) return; // e.g. an empty party before a comment: not what this property is about
        checkFixes(text, fs, 30);
        const fixed = fixAll(text).text;
        assert.equal(syntaxCount(diagnose(parseFile(fixed))), 0, `fixAll broke the YAML:\n${text}\n---\n${fixed}`);
        if (d.crlf) assert.ok(!/[^\r]\n/.test(fixed), `fixAll put a bare LF in a CRLF file:\n${JSON.stringify(fixed)}`);
      }),
      runs(40),
    );
  });

  it('baseline documents (valid, cycles, unknown extends, garbage cells, built-in names) and documents selecting them: fixes and fixAll keep them parsing, edits keep incremental = fresh', () => {
    const names = ['b1', 'b2', 'b3', 'microsoft-ai'];
    const ids = ['b1', 'b2', 'b3', 'microsoft-2026', 'microsoft-ai', 'microsoft-diagram', 'nope', 'B1', ''];
    const layerIds = ['devices', 'operating-system', 'model-tuning', 'physical-network', 'backup', 'customer-data', 'Devices', ''];
    const cell = fc.constantFrom('customer', 'microsoft', 'shared', 'depends', 'acme', 'nobody', '42', '""', '[x]', '{a: b}', '');
    const column = fc.constantFrom('on-premises', 'iaas', 'paas', 'saas', 'hosted', 'cloud', 'SaaS');
    const layer = fc.record({
      id: fc.constantFrom(...layerIds),
      label: fc.constantFrom(undefined, 'A label'),
      after: fc.constantFrom(undefined, undefined, 'devices', 'nowhere', 'backup'),
      reason: fc.constantFrom(undefined, 'Contract C-17'),
      cells: fc.array(fc.tuple(column, cell), { maxLength: 5 }),
      flow: fc.boolean(),
    });
    const baseline = fc.record({
      name: fc.constantFrom(...names),
      extends: fc.constantFrom(...ids, undefined),
      own: fc.boolean(), // provider and models of its own (a shape error together with extends)
      layers: fc.array(layer, { maxLength: 4 }),
      remove: fc.array(fc.constantFrom(...layerIds), { maxLength: 2 }),
    });
    const workload = fc.record({
      model: fc.constantFrom('iaas', 'paas', 'saas', 'on-premises', 'hosted', 'managed', 'cloud'),
      items: fc.array(fc.tuple(fc.constantFrom(...layerIds, 'information-and-data', 'user-training-and-accountability'), fc.constantFrom('customer', 'microsoft', 'shared', 'acme', 'Customer')), { maxLength: 6 }),
    });
    const assignment = fc.record({ baseline: fc.constantFrom(...ids, undefined), workloads: fc.array(workload, { minLength: 1, maxLength: 2 }) });
    const file = fc.record({
      docs: fc.array(fc.oneof(baseline.map((b) => ({ kind: 'baseline' as const, b })), assignment.map((a) => ({ kind: 'assignment' as const, a }))), { minLength: 1, maxLength: 5 }),
      crlf: fc.boolean(),
    });
    type Layer = { id: string; label?: string; after?: string; reason?: string; cells: [string, string][]; flow: boolean };
    const renderLayer = (l: Layer) => {
      const out = [`  - id: ${l.id}`];
      if (l.label) out.push(`    label: ${l.label}`);
      if (l.after) out.push(`    after: ${l.after}`);
      if (l.flow) out.push(`    owners: { ${l.cells.map(([c, v]) => `${c}: ${v}`).join(', ')} }`);
      else out.push('    owners:', ...l.cells.map(([c, v]) => `      ${c}: ${v}`));
      if (l.reason) out.push(`    reason: ${l.reason}`);
      return out;
    };
    const render = (f: typeof file extends fc.Arbitrary<infer T> ? T : never) => {
      const eol = f.crlf ? '\r\n' : '\n';
      return (
        f.docs
          .map((d) => {
            if (d.kind === 'baseline') {
              const b = d.b;
              const lines = ['apiVersion: srm/v1', 'kind: ResponsibilityBaseline', 'metadata:', `  name: ${b.name}`];
              if (b.extends !== undefined) lines.push(`extends: ${b.extends}`);
              if (b.own || b.extends === undefined) lines.push('provider: { id: acme, label: Acme }', 'models:', '  - { id: hosted, label: Hosted }', '  - { id: managed, label: Managed, cloud: false }');
              lines.push(b.layers.length === 0 ? 'layers: []' : 'layers:', ...b.layers.flatMap(renderLayer));
              if (b.remove.length > 0) lines.push(`remove: [${b.remove.join(', ')}]`);
              return lines.join(eol);
            }
            const a = d.a;
            const lines = ['apiVersion: srm/v1', 'kind: ResponsibilityAssignment', 'metadata:', '  name: selects'];
            if (a.baseline !== undefined) lines.push(`  baseline: ${a.baseline}`);
            lines.push('workloads:');
            a.workloads.forEach((w, i) => lines.push(`  - name: w${i}`, `    model: ${w.model}`, '    responsibilities:', ...w.items.map(([k, v]) => `      ${k}: ${v}`)));
            return lines.join(eol);
          })
          .join(`${eol}---${eol}`) + eol
      );
    };
    fc.assert(
      fc.property(file, fc.array(edit, { maxLength: 3 }), offsets, (f, edits, offs) => {
        let text = render(f);
        let previous = checkText(text, offs);
        const fs = diagnose(previous);
        if (syntaxCount(fs) === 0) {
          checkFixes(text, fs, 20);
          const fixed = fixAll(text).text;
          assert.equal(syntaxCount(diagnose(parseFile(fixed))), 0, `fixAll broke the YAML:\n${text}\n---\n${fixed}`);
        }
        for (const e of edits) {
          text = applyRandomEdit(text, e);
          previous = checkText(text, offs, previous);
        }
      }),
      runs(25),
    );
  });

  it('any sequence of edits to a valid example: incremental equals fresh, nothing throws, fixes keep it parsing', () => {
    fc.assert(
      fc.property(fc.nat({ max: EXAMPLES.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), offsets, (which, edits, offs) => {
        let text = EXAMPLES[which] as string;
        let previous = parseFile(text);
        for (const e of edits) {
          text = applyRandomEdit(text, e);
          previous = checkText(text, offs, previous);
        }
        checkFixes(text, diagnose(previous), 25);
      }),
      runs(60),
    );
  });

  it('the examples themselves: every fix keeps them parsing, features everywhere on a stride', () => {
    for (const text of EXAMPLES) {
      const file = parseFile(text);
      checkFixes(text, checkedDiagnose(file), 1000);
      const offs: number[] = [];
      for (let o = 0; o <= text.length; o += 7) offs.push(o);
      checkFeatures(file, offs);
    }
  });
});

describe('regressions the fuzzing found', () => {
  it('a fix for an empty value (`kind:` with nothing after it) adds the space YAML needs', () => {
    const text = 'apiVersion: srm/v1\nkind:\nmetadata:\n  name: x\nworkloads: []\n';
    const fs = diagnose(parseFile(text));
    const f = fs.find((x) => x.code === 'schema' && x.fixes.some((y) => /kind/.test(y.title)));
    assert.ok(f, fs.map((x) => x.message).join('\n'));
    const fixed = applyEdits(text, f.fixes[0]!.edits);
    assert.match(fixed, /\nkind: ResponsibilityAssignment\n/);
    assert.equal(syntaxCount(diagnose(parseFile(fixed))), 0);
    checkFixes(text, fs);
  });

  it('a fix replacing a block collection by a scalar puts the scalar on the key\'s line', () => {
    for (const text of [
      ' apiVersion:\n - apiVersion: apiVersion\n',
      'apiVersion:\n  a: b\nkind: ResponsibilityAssignment\n',
      'apiVersion: srm/v1\nkind:\n  - ResponsibilityAssignment\nmetadata:\n  name: x\n',
      'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: x\nworkloads:\n  - name: w\n    model:\n      - iaas\n',
    ]) {
      const fs = diagnose(parseFile(text));
      assert.ok(fs.some((f) => f.fixes.length > 0), text);
      checkFixes(text, fs);
    }
    const text = 'apiVersion:\n  a: b\nkind: ResponsibilityAssignment\n';
    const f = diagnose(parseFile(text)).find((x) => x.fixes.some((y) => /apiVersion/.test(y.title)));
    assert.ok(f);
    assert.equal(applyEdits(text, f.fixes[0]!.edits), 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\n');
  });

  it('a "# srm-disable" line inside a block scalar is the user\'s text: not a directive, never removed by a fix', () => {
    const valid = CLEAN_DOCUMENT;
    const text = valid.replace(/\n {2}description: [^\n]+\n/, '\n  description: |\n    Line one\n    # srm-disable-next-line model-mismatch\n      # srm-disable\n    Line three\n');
    assert.notEqual(text, valid);
    const fs = diagnose(parseFile(text));
    assert.deepEqual(fs.map((f) => f.code), []);
    assert.equal(fixAll(text).text, text);
    // A real directive right after the block scalar still counts.
    const real = text.replace('    Line three\n', '    Line three\n  # srm-disable-next-line model-mismatch\n');
    assert.deepEqual(diagnose(parseFile(real)).map((f) => f.code), ['unused-suppression']);
  });
});
