// `node dist/server.js --stdio` in headless Neovim, an independent LSP client that only knows push diagnostics.
// Runs when `nvim` is installed and the shared checking tools sit beside the repository (../shared/tools).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const TOOL = path.resolve(ROOT, '../shared/tools/nvim-lsp.sh');

function hasNvim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = !fs.existsSync(TOOL) ? `no ${TOOL}` : !hasNvim() ? 'nvim is not installed' : false;

test('headless Neovim gets the diagnostics (push) and a hover from the stdio server', { skip, timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-nvim-'));
  try {
    // Bundle the server as dist/server.js is bundled, into a private file (other tests rebuild dist/).
    const server = path.join(dir, 'server.js');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/lsp/main.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: server, logLevel: 'silent' });
    const file = path.join(ROOT, 'examples', 'with-mistakes.srm.yaml');
    const r = spawnSync('bash', [TOOL, '--timeout', '60000', '--hover', '19:8', file, '--', process.execPath, server, '--stdio'], { encoding: 'utf8', timeout: 110_000 });
    assert.equal(r.status, 0, r.stderr);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; code?: string; text?: string; source?: string });
    const codes = events.filter((e) => e.event === 'diagnostic').map((e) => e.code);
    assert.equal(codes.length, 11, r.stdout);
    assert.ok(codes.includes('provider-only-duty') && codes.includes('unassigned-layer'));
    const hover = events.find((e) => e.event === 'hover');
    assert.match(hover?.text ?? '', /on-premises[^\n]*customer/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
