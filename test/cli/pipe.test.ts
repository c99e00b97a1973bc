// Standard output closed early (`srm lint | head`, `srm report | head`): srm stops writing without an error or a
// stack trace, and its exit code is the run's (1 for findings, 0 for a report), as with the whole output read.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { generate } from '../../bench/generate';
import { CLI } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-pipe-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
// Enough output (a few MB) that it cannot all sit in the pipe before the reader goes.
for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `f${i}.srm.yaml`), generate(60, { seed: 900 + i, mistakes: 0.3 }));

/** Runs srm, reads the first `bytes` of its standard output, then closes the pipe; its exit code and stderr. */
function headOf(args: string[], bytes: number): Promise<{ code: number | null; stderr: string; got: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let got = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= bytes) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('standard output closed early', () => {
  for (const format of ['stylish', 'json', 'sarif']) {
    it(`srm lint -f ${format} | head: exit 1 (the findings), nothing on stderr`, async () => {
      const r = await headOf(['lint', '--no-color', '-f', format, '.'], 2000);
      assert.ok(r.got >= 2000);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 1);
    });
  }

  it('srm report -f md | head: exit 0, nothing on stderr', async () => {
    const r = await headOf(['report', '-f', 'md', '.'], 2000);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
  });
});
