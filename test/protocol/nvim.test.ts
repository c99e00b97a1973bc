// docs/editors.md's plugin-free Neovim snippet, as written, in headless Neovim against a fresh dist/server.js.
// Neovim is an independent LSP client that only knows push diagnostics. Needs `nvim` (Debian's neovim, 0.7);
// skipped without it, except under CI=true, where a missing nvim fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const DOC = path.join(ROOT, 'docs', 'editors.md');
const HARNESS = path.join(__dirname, 'nvim', 'harness.lua');
const FILE = path.join(ROOT, 'examples', 'with-mistakes.srm.yaml');
const PLACEHOLDER = '/path/to/srm';
const MISSING = 'nvim is not installed: apt-get install neovim';

/** `nvim --version`'s first line, or null when there is no nvim on PATH. */
function nvimVersion(): string | null {
  try {
    return execFileSync('nvim', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0] ?? '';
  } catch {
    return null;
  }
}

/** The ```lua block between the nvim-plugin-free markers of docs/editors.md, exactly as a reader copies it. */
function pluginFreeSnippet(markdown: string): string {
  const blocks = [...markdown.matchAll(/<!-- nvim-plugin-free:start -->\s*```lua\n([\s\S]*?)```\s*<!-- nvim-plugin-free:end -->/g)];
  assert.equal(blocks.length, 1, `${DOC} must hold exactly one \`\`\`lua block between <!-- nvim-plugin-free:start --> and <!-- nvim-plugin-free:end -->`);
  return blocks[0]![1]!;
}

interface Diagnostic {
  code?: string;
  severity?: number;
  line: number;
  character: number;
}
type Event =
  | { event: 'publish'; uri: string; count: number; diagnostics: Diagnostic[] | Record<string, never> }
  | { event: 'hover'; text: string }
  | { event: 'end'; stored: number }
  | { event: 'error'; message: string; messages: string };

/** The server exactly as `npm run build` bundles it (esbuild.mjs's own options), at `<dir>/dist/server.js`. */
async function buildServer(dir: string): Promise<string> {
  const esbuild = await import('esbuild');
  type Builds = (o: { production?: boolean; outdir?: string }) => BuildOptions[];
  const { builds } = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as { builds: Builds };
  const outfile = path.join(dir, 'dist', 'server.js');
  const server = builds({ outdir: path.join(dir, 'dist') }).find((b) => b.outfile === outfile);
  assert.ok(server, 'esbuild.mjs has no build writing dist/server.js');
  // A private copy, not the repository's dist/: other test files rebuild dist/ while this one runs.
  await esbuild.build({ ...server, absWorkingDir: ROOT, logLevel: 'silent' });
  return outfile;
}

const version = nvimVersion();
const skip = version === null && process.env.CI !== 'true' ? MISSING : false;

test('the plugin-free Neovim snippet of docs/editors.md gets the diagnostics (push) and a hover', { skip, timeout: 120_000 }, async () => {
  assert.ok(version !== null, `${MISSING} (CI=true, so this is a failure, not a skip)`);
  const snippet = pluginFreeSnippet(fs.readFileSync(DOC, 'utf8'));
  assert.ok(snippet.includes(`'node', '${PLACEHOLDER}/dist/server.js', '--stdio'`), `the snippet must run node ${PLACEHOLDER}/dist/server.js --stdio:\n${snippet}`);

  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'srm-nvim-')));
  try {
    // The directory stands in for the reader's clone; it goes into a Lua string, so it must need no escaping.
    assert.match(dir, /^[\w./-]+$/, `temporary directory ${dir} cannot be written into a Lua string as is`);
    await buildServer(dir);
    const ready = snippet.split(PLACEHOLDER).join(dir);
    assert.doesNotMatch(ready, /\/path\/to\//, 'the snippet must have /path/to/srm as its only placeholder');
    const snippetFile = path.join(dir, 'init-snippet.lua');
    fs.writeFileSync(snippetFile, ready);

    const xdg = path.join(dir, 'xdg');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // The snippet's `node` is the Node.js running the tests.
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      // Neovim's state, cache (the LSP log) and config stay in the temporary directory.
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_STATE_HOME: path.join(xdg, 'state'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
      SRM_NVIM_HARNESS: HARNESS,
      SRM_NVIM_SNIPPET: snippetFile,
      SRM_NVIM_FILE: FILE,
      SRM_NVIM_HOVER: '19:8',
      SRM_NVIM_TIMEOUT: '60000',
    };
    const args = ['--headless', '--clean', '-n', '-c', 'lua dofile(os.getenv("SRM_NVIM_HARNESS"))'];
    // The harness has its own 60 s deadline; this kill is for a Neovim that hangs outside it.
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile('nvim', args, { cwd: path.join(ROOT, 'examples'), env, encoding: 'utf8', timeout: 100_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
    const report = `${version}, exit ${String(run.code)}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
    const events = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Event);
    const failure = events.find((e) => e.event === 'error');
    assert.equal(failure, undefined, report);
    assert.equal(run.code, 0, report);

    // The latest publish for the file is what Neovim shows.
    const uri = pathToFileURL(FILE).href;
    const publishes = events.filter((e): e is Extract<Event, { event: 'publish' }> => e.event === 'publish' && e.uri === uri);
    const last = publishes.at(-1);
    assert.ok(last, report);
    // vim.json encodes an empty list as {}.
    const diagnostics = Array.isArray(last.diagnostics) ? last.diagnostics : [];
    const codes = diagnostics.map((d) => d.code);
    assert.equal(codes.length, 11, `codes: ${codes.join(', ')}\n${report}`);
    assert.ok(codes.includes('provider-only-duty') && codes.includes('unassigned-layer'), codes.join(', '));
    const end = events.find((e): e is Extract<Event, { event: 'end' }> => e.event === 'end');
    assert.equal(end?.stored, 11, `Neovim's own vim.diagnostic.get() for the buffer\n${report}`);

    const hover = events.find((e): e is Extract<Event, { event: 'hover' }> => e.event === 'hover');
    assert.match(hover?.text ?? '', /on-premises[^\n]*customer/, report);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
