// `srm baselines`, `srm baselines show ID` and `srm baselines diff A B`, run as the built CLI (dist/cli.js): the list,
// each built-in in md/json/csv with spot-checked cells, the diff of the diagram and the 2026 table, and the usage errors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseCsv } from '../unit/export-readers';
import { CONTRACT_BASELINE, removedAfterAll, srm, tree } from './helpers';

const temp = removedAfterAll();

/** A working directory with no srm.config.yaml of its own: only the built-ins. */
const EMPTY = temp(tree({ 'README.txt': 'no config here\n' }));
const run = (...args: string[]) => srm(args, { cwd: EMPTY });

const BUILTINS = ['microsoft-diagram', 'microsoft-2026', 'microsoft-ai'];

/** The cells of a Markdown table row whose first cell is `` `id` ``. */
function mdRow(md: string, id: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
  assert.ok(line, `no row ${id} in\n${md}`);
  return line.slice(2, -2).split(' | ');
}

/** The index of a column (by its id or label) in a Markdown table's header. */
function mdColumn(md: string, header: RegExp): number {
  const head = md.split('\n').find((l) => l.startsWith('| layer id |'))!;
  const i = head.slice(2, -2).split(' | ').findIndex((h) => header.test(h));
  assert.ok(i >= 0, head);
  return i;
}

describe('srm baselines', () => {
  it('lists the built-ins in order, aligned, with provider, columns, rows, where and source', () => {
    const r = run('baselines');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^ID +PROVIDER +COLUMNS +ROWS +WHERE +SOURCE$/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(/ +/)[0]), BUILTINS);
    assert.match(lines[1]!, /^microsoft-diagram +microsoft +on-premises,iaas,paas,saas +10 +built-in +Microsoft Learn/);
    assert.match(lines[3]!, /^microsoft-ai +microsoft +iaas,paas,saas +14 +built-in +Microsoft Learn/);
    const at = lines[0]!.indexOf('WHERE');
    assert.ok(lines.slice(1).every((l) => l.slice(at).startsWith('built-in')), r.stdout);
    assert.equal(run('baselines', 'list').stdout, r.stdout);
  });

  it('--format json', () => {
    const r = run('baselines', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { baselines: Array<{ id: string; where: string; rows: number; columns: string[] }> };
    assert.deepEqual(j.baselines.map((b) => [b.id, b.where, b.rows]), [
      ['microsoft-diagram', 'built-in', 10],
      ['microsoft-2026', 'built-in', 10],
      ['microsoft-ai', 'built-in', 14],
    ]);
  });

  it(
    'lists the custom baselines of the nearest srm.config.yaml after the built-ins, with the defining file',
    () => {
      const dir = temp(
        tree({
          'srm.config.yaml': 'baselines: ["*.baseline.srm.yaml"]\n',
          'contract.baseline.srm.yaml': CONTRACT_BASELINE,
          'sub/.keep': '',
        }),
      );
      const r = srm(['baselines'], { cwd: path.join(dir, 'sub') });
      assert.equal(r.code, 0, r.stderr);
      const last = r.stdout.trimEnd().split('\n').at(-1)!;
      assert.match(last, /^contoso-contract +microsoft +on-premises,iaas,paas,saas +10 +\.\.\/contract\.baseline\.srm\.yaml/);
      const show = srm(['baselines', 'show', 'contoso-contract'], { cwd: dir });
      assert.equal(show.code, 0, show.stderr);
      assert.deepEqual(mdRow(show.stdout, 'devices').slice(3), ['customer', 'customer', 'customer', '**customer** (was shared)']);
      assert.match(show.stdout, /Contoso runs endpoint protection itself/);
    },
  );
});

describe('srm baselines show', () => {
  for (const id of BUILTINS) {
    it(`${id} in md, json and csv: the same layers and cells`, () => {
      const md = run('baselines', 'show', id);
      assert.equal(md.code, 0, md.stderr);
      assert.equal(run('baselines', 'show', id, '--format', 'md').stdout, md.stdout, 'md is the default');
      assert.match(md.stdout, new RegExp(`^## \`${id}\`: `));
      assert.match(md.stdout, /\nSource: Microsoft Learn/);
      const json = run('baselines', 'show', id, '--format', 'json');
      assert.equal(json.code, 0, json.stderr);
      const o = JSON.parse(json.stdout) as { id: string; columns: { id: string }[]; layers: { id: string; group: string; owners: Record<string, string> }[] };
      assert.equal(o.id, id);
      const csv = run('baselines', 'show', id, '-f', 'csv');
      assert.equal(csv.code, 0, csv.stderr);
      const rows = parseCsv(csv.stdout);
      assert.deepEqual(rows[0], ['layer', 'label', 'group', ...o.columns.map((c) => c.id)]);
      assert.deepEqual(rows.slice(1).map((r) => r[0]), o.layers.map((l) => l.id));
      for (const l of o.layers) {
        const cells = o.columns.map((c) => l.owners[c.id]);
        assert.deepEqual(rows.find((r) => r[0] === l.id)!.slice(3), cells, `${id} ${l.id} csv`);
        assert.deepEqual(mdRow(md.stdout, l.id).slice(3), cells, `${id} ${l.id} md`);
        assert.equal(mdRow(md.stdout, l.id)[2], l.group);
      }
    });
  }

  it('spot checks: 2026 devices under saas is shared; AI model-tuning under paas depends; the diagram has the identity infrastructure row', () => {
    const y2026 = run('baselines', 'show', 'microsoft-2026').stdout;
    assert.equal(mdRow(y2026, 'devices')[mdColumn(y2026, /^SaaS/)], 'shared');
    assert.ok(!y2026.includes('identity-and-directory-infrastructure'));
    const o2026 = JSON.parse(run('baselines', 'show', 'microsoft-2026', '--format', 'json').stdout);
    assert.equal(o2026.layers.find((l: { id: string }) => l.id === 'devices').owners.saas, 'shared');

    const ai = run('baselines', 'show', 'microsoft-ai').stdout;
    assert.equal(mdRow(ai, 'model-tuning')[mdColumn(ai, /`paas`/)], 'depends');
    assert.equal(mdRow(ai, 'model-tuning')[2], 'AI platform');
    assert.match(ai, /\nNote: The diagram exists only as an image/);
    const aiCsv = parseCsv(run('baselines', 'show', 'microsoft-ai', '--format', 'csv').stdout);
    assert.equal(aiCsv.find((r) => r[0] === 'model-tuning')![aiCsv[0]!.indexOf('paas')], 'depends');
    assert.equal(aiCsv.find((r) => r[0] === 'usage-policy-and-admin-controls')![1], 'Usage policy, admin controls');

    const diagram = run('baselines', 'show', 'microsoft-diagram').stdout;
    assert.deepEqual(mdRow(diagram, 'identity-and-directory-infrastructure').slice(3), ['customer', 'customer', 'shared', 'shared']);
    const od = JSON.parse(run('baselines', 'show', 'microsoft-diagram', '--format', 'json').stdout);
    assert.ok(od.layers.some((l: { id: string }) => l.id === 'identity-and-directory-infrastructure'));
  });

  it('--output writes the table to a file', () => {
    const dir = temp(tree({}));
    const r = srm(['baselines', 'show', 'microsoft-ai', '--format', 'csv', '--output', 'ai.csv'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'ai.csv'), 'utf8'), run('baselines', 'show', 'microsoft-ai', '--format', 'csv').stdout);
  });
});

describe('srm baselines diff', () => {
  it('microsoft-diagram microsoft-2026: a row only in each, devices and applications under saas; labels do not count', () => {
    const r = run('baselines', 'diff', 'microsoft-diagram', 'microsoft-2026');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Layers only in `microsoft-diagram`:\n\n- `identity-and-directory-infrastructure`/);
    assert.match(r.stdout, /Layers only in `microsoft-2026`:\n\n- `configurations-and-settings`/);
    const table = r.stdout.split('\n').filter((l) => /^\| `/.test(l));
    assert.deepEqual(table, ['| `devices` | `saas` | customer | shared |', '| `applications` | `saas` | microsoft | shared |']);
    assert.ok(!r.stdout.includes('Customer data'), 'label changes are not differences');

    const j = JSON.parse(run('baselines', 'diff', 'microsoft-diagram', 'microsoft-2026', '--format', 'json').stdout);
    assert.deepEqual(j.layers.onlyInA.map((l: { id: string }) => l.id), ['identity-and-directory-infrastructure']);
    assert.deepEqual(j.layers.onlyInB.map((l: { id: string }) => l.id), ['configurations-and-settings']);
    assert.deepEqual(j.columns, { onlyInA: [], onlyInB: [] });
    assert.deepEqual(j.cells, [
      { layer: 'devices', column: 'saas', a: 'customer', b: 'shared' },
      { layer: 'applications', column: 'saas', a: 'microsoft', b: 'shared' },
    ]);
  });

  it('columns by id: on-premises is only in microsoft-2026 against microsoft-ai', () => {
    const j = JSON.parse(run('baselines', 'diff', 'microsoft-2026', 'microsoft-ai', '--format', 'json').stdout);
    assert.deepEqual(j.columns.onlyInA.map((c: { id: string }) => c.id), ['on-premises']);
    assert.deepEqual(j.columns.onlyInB, []);
    assert.match(run('baselines', 'diff', 'microsoft-ai', 'microsoft-ai').stdout, /No differences/);
  });
});

describe('errors (exit 2)', () => {
  it('an unknown id, with a did-you-mean, in show and in diff', () => {
    const r = run('baselines', 'show', 'microsoft-2025');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^srm: unknown baseline "microsoft-2025"\. Did you mean "microsoft-2026"\? Baselines: microsoft-diagram, microsoft-2026, microsoft-ai\n$/);
    const d = run('baselines', 'diff', 'microsoft-diagram', 'microsoft-ia');
    assert.equal(d.code, 2);
    assert.match(d.stderr, /unknown baseline "microsoft-ia"\. Did you mean "microsoft-ai"\?/);
    const far = run('baselines', 'show', 'aws');
    assert.equal(far.code, 2);
    assert.match(far.stderr, /^srm: unknown baseline "aws"\. Baselines: /);
  });

  it('a bad --format for each form', () => {
    for (const [args, msg] of [
      [['baselines', '--format', 'md'], /--format for baselines must be one of text, json, not "md"/],
      [['baselines', 'show', 'microsoft-ai', '--format', 'html'], /--format for baselines show must be one of md, json, csv, not "html"/],
      [['baselines', 'diff', 'microsoft-ai', 'microsoft-2026', '--format', 'csv'], /--format for baselines diff must be one of md, json, not "csv"/],
    ] as const) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, msg);
    }
  });

  it('a missing or extra operand, an unknown subcommand', () => {
    for (const [args, msg] of [
      [['baselines', 'show'], /usage: srm baselines show ID/],
      [['baselines', 'show', 'microsoft-ai', 'microsoft-2026'], /usage: srm baselines show ID/],
      [['baselines', 'diff', 'microsoft-ai'], /usage: srm baselines diff A B/],
      [['baselines', 'diff', 'a', 'b', 'c'], /usage: srm baselines diff A B/],
      [['baselines', 'list', 'extra'], /usage: srm baselines/],
      [['baselines', 'microsoft-ai'], /unknown baselines subcommand "microsoft-ai" \(to see it: srm baselines show microsoft-ai\)/],
    ] as const) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, msg);
    }
  });

  it('--help lists the baselines commands', () => {
    const r = run('--help');
    assert.match(r.stdout, /srm baselines show ID \[--format md\|json\|csv\]/);
    assert.match(r.stdout, /srm baselines diff A B \[--format md\|json\]/);
  });
});
