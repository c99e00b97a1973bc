// `npm run package` output: the .vsix holds only the allow-listed files (bundles, schemas, grammar, docs, icon)
// and stays under 1 MB. Packages into a temporary file with the production build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

const ALLOWED = new Set([
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/icon.png',
  'extension/dist/client.js',
  'extension/dist/server.js',
  // The matrix view's webview assets (issue: matrix view).
  'extension/dist/matrix-webview.js',
  'extension/dist/matrix-webview.css',
  'extension/schemas/srm.schema.json',
  'extension/schemas/srm-config.schema.json',
  'extension/syntaxes/srm.tmLanguage.json',
  'extension/syntaxes/srm-injection.tmLanguage.json',
  'extension/syntaxes/language-configuration.json',
]);
const REQUIRED = ['extension/dist/client.js', 'extension/dist/server.js', 'extension/schemas/srm.schema.json', 'extension/syntaxes/srm.tmLanguage.json', 'extension/icon.png', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt'];

/** Names in a zip's central directory (the .vsix is a zip). */
function zipNames(buf: Buffer): string[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extra + comment;
  }
  return names;
}

test('the .vsix holds only the allow-list and is at most 1 MB', { timeout: 180_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-vsix-'));
  const out = path.join(dir, 'srm.vsix');
  try {
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'pipe' });
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const extra = (pkg.scripts.package ?? '').split('vsce package')[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(process.execPath, [vsce, 'package', ...extra, '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const size = fs.statSync(out).size;
    assert.ok(size <= 1024 * 1024, `vsix is ${size} bytes`);
    const names = zipNames(fs.readFileSync(out));
    const unexpected = names.filter((n) => !ALLOWED.has(n));
    assert.deepEqual(unexpected, [], 'files outside the allow-list (.vscodeignore)');
    for (const r of REQUIRED) assert.ok(names.includes(r), `missing ${r}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
