// Enforces the architecture's layering by reading every import: model/ imports nothing outside itself,
// service/ imports no vscode*, fs, process or lsp/, only lsp/ imports vscode-languageserver*, the client imports
// nothing from server/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  return out;
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
}

test('model/ imports nothing outside itself', () => {
  const dir = path.join(root, 'server/src/model');
  for (const f of files(dir)) {
    for (const i of imports(f)) {
      const r = resolved(f, i);
      assert.ok(r.startsWith(dir), `${path.relative(root, f)} imports ${i}`);
    }
  }
});

test('service/ imports no vscode*, fs, process, child_process, net or lsp/ module', () => {
  const dir = path.join(root, 'server/src/service');
  const forbidden = /^(node:)?(fs|fs\/promises|process|child_process|net|http|https|os)$|^vscode/;
  for (const f of files(dir)) {
    for (const i of imports(f)) {
      assert.ok(!forbidden.test(i), `${path.relative(root, f)} imports ${i}`);
      const r = resolved(f, i);
      if (i.startsWith('.')) {
        assert.ok(r.startsWith(dir) || r.startsWith(path.join(root, 'server/src/model')), `${path.relative(root, f)} imports ${i}`);
      }
    }
    assert.ok(!/\bprocess\.(env|exit|cwd|argv)/.test(readFileSync(f, 'utf8')), `${path.relative(root, f)} uses process`);
  }
});

test('only lsp/ imports vscode-languageserver*', () => {
  for (const f of files(path.join(root, 'server/src'))) {
    if (f.includes(`${path.sep}lsp${path.sep}`)) continue;
    for (const i of imports(f)) assert.ok(!i.startsWith('vscode-languageserver'), `${path.relative(root, f)} imports ${i}`);
  }
});

test('the client imports nothing from server/', () => {
  for (const f of files(path.join(root, 'client/src'))) {
    for (const i of imports(f)) {
      assert.ok(!resolved(f, i).startsWith(path.join(root, 'server')), `${path.relative(root, f)} imports ${i}`);
    }
  }
});

test('the import reader sees imports (it cannot pass by reading nothing)', () => {
  const seen = files(path.join(root, 'server/src/service')).flatMap(imports);
  assert.ok(seen.includes('yaml'));
  assert.ok(seen.some((i) => i.startsWith('../model')));
});
