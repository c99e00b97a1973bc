// Soak test of the real language server (`server.js --stdio` in a child process, freshly bundled from source):
// random valid and hostile edits (to the examples and to files of baseline documents: custom baselines with
// documents selecting them, broken ones with cycles, unknown extends and garbage cells) interleaved with hover,
// completion, symbols, folding, code actions, pull diagnostics, cancellations, unknown documents, out-of-range
// positions and malformed requests. The process must
// never exit, every request must get a result or a proper JSON-RPC error within seconds (never InternalError, malformed
// or not), its memory must stay bounded, and afterwards a clean document gets exactly the engine's diagnostics.
// The malformed params of every request method, one by one on the wire: malformed.test.ts.
// Also: above srm.maxFileSize (set tiny for limit-* documents) the server reports exactly the syntax-only findings.
// SRM_SOAK_MS sets the duration (default 20 s), SRM_SOAK_SEED the seed, SRM_TEST_TIME_SCALE stretches the bounds.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { diagnose, parseFile } from '../../server/src/service';
import { LineIndex } from '../../server/src/service';
import { buildServer, capabilities, prng, ROOT, Soak } from './harness';

const SOAK_MS = Number(process.env.SRM_SOAK_MS ?? '20000');
const SEED = Number(process.env.SRM_SOAK_SEED ?? '20261129');
/** The server's resident memory never goes above this. */
const RSS_BOUND_MB = 600;

const baselineDoc = (name: string, body: string) => `apiVersion: srm/v1\nkind: ResponsibilityBaseline\nmetadata:\n  name: ${name}\n${body}`;
const selecting = (name: string, baseline: string, model: string, rows: string) =>
  `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: ${name}\n  baseline: ${baseline}\nworkloads:\n  - name: w\n    model: ${model}\n    responsibilities:\n${rows}`;
/** Files with baseline documents: one defining a baseline and documents selecting it, one of broken baselines. */
const BASELINE_INPUTS = [
  [
    baselineDoc('soak-contract', 'extends: microsoft-2026\nlayers:\n  - id: devices\n    owners: { saas: customer }\n    reason: C-17\n  - id: backup\n    label: Backup\n    after: information-and-data\n    owners: { on-premises: customer, iaas: customer, paas: shared, saas: depends }\nremove: [physical-network]\n'),
    selecting('uses-it', 'soak-contract', 'saas', '      information-and-data: customer\n      backup: microsoft\n      devices: shared\n      physical-network: microsoft\n'),
    baselineDoc('soak-aws', 'provider: { id: aws, label: AWS }\nmodels:\n  - { id: hosted, label: Hosted }\n  - { id: outposts, label: Outposts, cloud: false }\nlayers:\n  - { id: data, label: Data, owners: { hosted: customer, outposts: customer } }\n  - { id: racks, label: Racks, owners: { hosted: aws, outposts: customer } }\n'),
    selecting('uses-aws', 'soak-aws', 'hosted', '      data: aws\n      racks: microsoft\n'),
    selecting('uses-ai', 'microsoft-ai', 'paas', '      model-tuning: shared\n      devices: customer\n'),
  ].join('---\n'),
  [
    baselineDoc('cycle-a', 'extends: cycle-b\nlayers: []\n'),
    baselineDoc('cycle-b', 'extends: cycle-a\nlayers: []\n'),
    baselineDoc('itself', 'extends: itself\nlayers: []\n'),
    baselineDoc('unknown-base', 'extends: microsoft-2025\nlayers:\n  - id: devices\n    owners: { saas: nobody }\n'),
    baselineDoc('garbage', 'extends: microsoft-diagram\nlayers:\n  - id: devices\n    owners: { saas: [x], cloud: customer, iaas: 42 }\n  - id: new-one\n    owners: {}\n  - id: devices\n    after: nowhere\n    owners: { paas: nobody }\nremove: [ghost, devices]\n'),
    baselineDoc('microsoft-2026', 'extends: microsoft-diagram\nlayers: []\n'),
    selecting('uses-cycle', 'cycle-a', 'saas', '      devices: microsoft\n'),
    selecting('uses-garbage', 'garbage', 'saas', '      devices: microsoft\n'),
    selecting('uses-nothing', 'contoso-contrat', 'iaas', '      devices: microsoft\n'),
  ].join('---\n'),
];

const EXAMPLES = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.srm.yaml'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8')),
  ...BASELINE_INPUTS,
];

const HEADER = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: soak\n';
function billionLaughs(): string {
  let s = `${HEADER}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i < 10; i++) s += `a${i}: &a${i} [${new Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return s;
}
/** Hostile snippets inserted at random places. */
const HOSTILE: Array<() => string> = [
  () => '['.repeat(3000),
  () => '{a: '.repeat(2000),
  () => billionLaughs(),
  () => 'x'.repeat(100_000),
  () => '\u0000\u0000',
  () => '\ud800',
  () => '\udc00x',
  () => '\t',
  () => '\r\n',
  () => '\r',
  () => '\ufeff',
  () => '---\n'.repeat(300),
  () => '"',
  () => "'",
  () => '[',
  () => '{',
  () => '&a ',
  () => '*a',
  () => '*nowhere',
  () => ': :',
  () => '- - -',
  () => '# srm-disable-next-line model-mismatch\n',
  () => '# srm-disable nope\n',
  () => '  description: |\n    # srm-disable-next-line x\n',
  () => '\nkind: ResponsibilityBaseline\n',
  () => 'extends: cycle-a\n',
  () => '\n  baseline: nowhere\n',
];
const VALID_SNIPPETS = [
  'customer',
  'microsoft',
  'shared',
  'iaas',
  'paas',
  '\n      devices: customer',
  '\n  - name: extra\n    model: saas\n    responsibilities:\n      devices: customer\n',
  '\n',
  ' ',
  'operating-system',
  'model: ',
  '  ',
  '\n  baseline: microsoft-2026',
  '\n  baseline: soak-contract',
  'depends',
];

interface Doc {
  uri: string;
  text: string;
  version: number;
  open: boolean;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  return new LineIndex(text).positionAt(offset);
}

describe('language server soak', () => {
  let dir = '';
  let soak: Soak;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'srm-soak-'));
    soak = new Soak(await buildServer(dir));
  });

  after(async () => {
    await soak.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives random valid and hostile traffic, answers everything in time, memory bounded, then diagnoses exactly', async () => {
    const rand = prng(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const int = (n: number) => Math.floor(rand() * n);

    const init = (await soak.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'soak' }],
      capabilities: capabilities(true), // an editor with pull diagnostics, as the other protocol tests declare it
    })) as { capabilities?: { textDocumentSync?: unknown } } | undefined;
    assert.ok(init?.capabilities, `initialize failed: ${soak.stderr}`);
    await soak.rpc.sendNotification('initialized', {});

    // Documents live in a directory with no srm.config.yaml (the files need not exist on disk).
    const docs: Doc[] = EXAMPLES.map((text, i) => ({ uri: pathToFileURL(join(dir, `doc${i}.srm.yaml`)).href, text, version: 1, open: false }));
    const open = async (d: Doc) => {
      d.version++;
      d.open = true;
      await soak.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'srm', version: d.version, text: d.text } });
    };
    for (const d of docs) await open(d);

    const change = async (d: Doc) => {
      const r = rand();
      const start = int(d.text.length + 1);
      const end = Math.min(d.text.length, start + int(40));
      if (rand() < 0.1) {
        // Reset to a valid example now and then, so valid states keep coming.
        const text = pick(EXAMPLES);
        d.version++;
        d.text = text;
        await soak.rpc.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges: [{ text }] });
        return;
      }
      // Never split a surrogate pair by accident on the client side: the server would then hold a different text.
      const insert = r < 0.35 ? pick(HOSTILE)() : r < 0.55 ? '' : pick(VALID_SNIPPETS);
      const range = { start: positionAt(d.text, start), end: positionAt(d.text, end) };
      d.text = d.text.slice(0, start) + insert + d.text.slice(end);
      d.version++;
      await soak.rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri: d.uri, version: d.version },
        contentChanges: [{ range, text: insert }],
      });
    };

    const unknownUri = pathToFileURL(join(dir, 'never-opened.srm.yaml')).href;
    const position = (d: Doc) => {
      const r = rand();
      if (r < 0.1) return { line: 1_000_000, character: 5 };
      if (r < 0.15) return { line: 0, character: 1_000_000 };
      if (r < 0.2) return { line: -1, character: -1 };
      return positionAt(d.text, int(d.text.length + 1));
    };

    const deadline = performance.now() + SOAK_MS;
    let round = 0;
    let nextRss = 0;
    while (performance.now() < deadline) {
      round++;
      assert.equal(soak.exited, undefined, `the server exited: ${JSON.stringify(soak.exited)}\n${soak.stderr}`);
      if (performance.now() >= nextRss) {
        soak.sampleRss();
        nextRss = performance.now() + 500;
      }
      const d = pick(docs);
      // A burst of edits, then a batch of concurrent requests on whatever state that left.
      for (let k = int(4); k >= 0; k--) await change(d);
      if (rand() < 0.03) {
        await soak.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: d.uri } });
        d.open = false;
        await open(d);
      }
      const td = { uri: rand() < 0.1 ? unknownUri : d.uri };
      const cancel = () => (rand() < 0.2 ? int(5) : undefined);
      const batch: Array<Promise<unknown>> = [
        soak.request('textDocument/diagnostic', { textDocument: td }, cancel()),
        soak.request('textDocument/hover', { textDocument: td, position: position(d) }, cancel()),
        soak.request('textDocument/completion', { textDocument: td, position: position(d) }, cancel()),
      ];
      if (rand() < 0.5) batch.push(soak.request('textDocument/documentSymbol', { textDocument: td }, cancel()));
      if (rand() < 0.3) batch.push(soak.request('textDocument/foldingRange', { textDocument: td }, cancel()));
      if (rand() < 0.5) {
        const a = position(d);
        batch.push(
          soak.request(
            'textDocument/codeAction',
            { textDocument: td, range: { start: a, end: a }, context: { diagnostics: [], only: rand() < 0.3 ? ['source.fixAll.srm'] : undefined } },
            cancel(),
          ),
        );
      }
      if (rand() < 0.05) batch.push(soak.request('textDocument/hover', { textDocument: null, position: null }, undefined, true));
      if (rand() < 0.05) batch.push(soak.request('textDocument/completion', {}, undefined, true));
      if (rand() < 0.05) batch.push(soak.request('srm/noSuchMethod', { x: 1 }, undefined, true));
      await Promise.all(batch);
      // Code actions on the diagnostics the server just reported (their fixes travel in `data`).
      if (rand() < 0.3 && td.uri === d.uri) {
        const rep = (await soak.request('textDocument/diagnostic', { textDocument: td })) as { items?: Array<{ range: unknown }> } | undefined;
        const items = rep?.items ?? [];
        if (items.length > 0) {
          const diag = items[int(items.length)] as { range: unknown };
          await soak.request('textDocument/codeAction', { textDocument: td, range: diag.range, context: { diagnostics: [diag] } });
        }
      }
    }
    soak.sampleRss();
    assert.equal(soak.exited, undefined, `the server exited: ${JSON.stringify(soak.exited)}\n${soak.stderr}`);
    assert.deepEqual(soak.bad, [], `requests without a proper answer:\n${soak.bad.slice(0, 10).join('\n')}`);
    assert.deepEqual(soak.internal, [], `handlers threw (InternalError answered):\n${soak.internal.slice(0, 5).join('\n')}\n${soak.stderr.slice(0, 3000)}`);

    // Afterwards: a clean document gets exactly the engine's diagnostics, on every open document.
    const expected = (text: string) => {
      const file = parseFile(text);
      const sev = { error: 1, warning: 2, info: 3, hint: 4 } as const;
      return diagnose(file).map((f) => ({
        code: f.code,
        severity: sev[f.severity],
        message: f.message,
        range: { start: file.lines.positionAt(f.start), end: file.lines.positionAt(Math.max(f.start, f.end)) },
      }));
    };
    for (const [i, d] of docs.entries()) {
      const text = EXAMPLES[(i + 1) % EXAMPLES.length] as string;
      d.version++;
      d.text = text;
      await soak.rpc.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges: [{ text }] });
      const rep = (await soak.request('textDocument/diagnostic', { textDocument: { uri: d.uri } })) as
        | { kind: string; items: Array<{ code?: unknown; severity?: number; message: string; range: unknown }> }
        | undefined;
      assert.ok(rep, 'no diagnostics report');
      assert.equal(rep.kind, 'full');
      const got = rep.items.map((x) => ({ code: x.code, severity: x.severity, message: x.message, range: x.range }));
      assert.deepEqual(got, expected(text), `document ${i} after the soak`);
    }
    // And an incremental edit back to a known text gives the same as a fresh parse.
    const d0 = docs[0] as Doc;
    const edited = d0.text.replace('customer', 'microsoft');
    const at = d0.text.indexOf('customer');
    d0.version++;
    await soak.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: d0.uri, version: d0.version },
      contentChanges: [{ range: { start: positionAt(d0.text, at), end: positionAt(d0.text, at + 'customer'.length) }, text: 'microsoft' }],
    });
    d0.text = edited;
    const rep = (await soak.request('textDocument/diagnostic', { textDocument: { uri: d0.uri } })) as { items: Array<{ code?: unknown; severity?: number; message: string; range: unknown }> };
    assert.deepEqual(
      rep.items.map((x) => ({ code: x.code, severity: x.severity, message: x.message, range: x.range })),
      expected(edited),
    );

    // Above srm.maxFileSize: exactly the engine's syntax-only findings (one file-too-large), and a syntax error still shows.
    const limitUri = pathToFileURL(join(dir, 'limit-big.srm.yaml')).href;
    const big = EXAMPLES.find((e) => e.length > 1000 && e.length < 10_000) as string;
    for (const [v, text] of [big, big + 'oops: [\n'].entries()) {
      if (v === 0) await soak.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: limitUri, languageId: 'srm', version: 1, text } });
      else await soak.rpc.sendNotification('textDocument/didChange', { textDocument: { uri: limitUri, version: 2 }, contentChanges: [{ text }] });
      const lim = (await soak.request('textDocument/diagnostic', { textDocument: { uri: limitUri } })) as { items: Array<{ code?: unknown; severity?: number; message: string; range: unknown }> };
      const file = parseFile(text, undefined, { syntaxOnly: true });
      const sev = { error: 1, warning: 2, info: 3, hint: 4 } as const;
      const want = diagnose(file, { syntaxOnly: true }).map((f) => ({
        code: f.code,
        severity: sev[f.severity],
        message: f.message,
        range: { start: file.lines.positionAt(f.start), end: file.lines.positionAt(Math.max(f.start, f.end)) },
      }));
      assert.ok(want.some((f) => f.code === 'file-too-large'));
      assert.equal(want.some((f) => f.code === 'yaml-syntax'), v === 1);
      assert.deepEqual(lim.items.map((x) => ({ code: x.code, severity: x.severity, message: x.message, range: x.range })), want);
    }

    const maxRss = Math.max(...soak.rss);
    const summary = [...soak.outcomes].sort().map(([k, v]) => `${k}: ${v}`).join(', ');
    const trace = [0, 0.25, 0.5, 0.75, 1].map((q) => soak.rss[Math.min(soak.rss.length - 1, Math.floor(q * soak.rss.length))]?.toFixed(0)).join(' → ');
    console.log(`soak: ${round} rounds in ${SOAK_MS} ms; RSS ${trace} MB (max ${maxRss.toFixed(0)}); ${summary}`);
    if (soak.slow.length > 0) console.log(`slow answers: ${soak.slow.slice(0, 10).join('; ')}`);
    assert.ok(maxRss < RSS_BOUND_MB, `the server's RSS reached ${maxRss.toFixed(0)} MB (bound ${RSS_BOUND_MB} MB)`);
    // Bounded, not growing without end: the last third of the run stays within reach of the first third's peak.
    const third = Math.max(1, Math.floor(soak.rss.length / 3));
    const early = Math.max(...soak.rss.slice(0, third));
    const late = Math.max(...soak.rss.slice(-third));
    assert.ok(late < early * 2 + 100, `RSS grew from ${early.toFixed(0)} MB to ${late.toFixed(0)} MB`);
    assert.ok(round > 10, `only ${round} rounds ran`);
    assert.equal(soak.exited, undefined);
  });
});
