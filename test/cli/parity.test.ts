// The CLI and the language server give the same findings for the same files: both BUILT artifacts, as processes
// (dist/cli.js --format json, dist/server.js --stdio with pull diagnostics), on the examples and fixture trees.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, copyFixture, copyFixtureTo, fixtureText, json, rm, srm } from './helpers';
import { PARITY_SUITE, compareWithCli, startServer, type ParityServer } from './parity-harness';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) out.push(full);
  }
  return out;
}

describe('CLI findings equal language server findings', PARITY_SUITE, () => {
  let dir = '';
  let server: ParityServer | undefined;

  before(async () => {
    // One tree: the examples, the fixture trees (with their srm.config.yaml files), and a suppression sample.
    dir = copyFixture('mixed');
    fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    for (const t of ['config', 'fix']) copyFixtureTo(t, path.join(dir, t));
    fs.writeFileSync(
      path.join(dir, 'suppressed.srm.yaml'),
      fixtureText('mixed/a.srm.yaml').replace(
        '      operating-system: microsoft',
        '      # srm-disable-next-line model-mismatch, no-such-rule\n      operating-system: microsoft',
      ),
    );
    server = await startServer(dir);
  });

  after(async () => {
    await server?.stop();
    if (dir) rm(dir);
  });

  it('for every file the CLI checks, the same positions, severities, rule ids and messages', async () => {
    const { report, compared, mismatches } = await compareWithCli(server!, dir);
    assert.ok(report.files.length >= 10, `only ${report.files.length} files`);
    assert.deepEqual(mismatches, [], mismatches.slice(0, 3).join('\n\n'));
    assert.ok(compared >= 15, `only ${compared} findings compared`);
  });

  it('files the CLI skips (ignored, not responsibility files) get no diagnostics from the server either', async () => {
    const checked = new Set(json(srm(['lint', '-f', 'json'], { cwd: dir })).files.map((f) => path.join(dir, f.path)));
    const skipped = walk(dir).filter((f) => /\.ya?ml$/.test(f) && !checked.has(f) && !f.endsWith('srm.config.yaml'));
    assert.ok(skipped.length >= 3, skipped.join(', '));
    for (const file of skipped) {
      assert.deepEqual(await server!.findings(file, fs.readFileSync(file, 'utf8')), [], path.relative(dir, file));
    }
  });
});

