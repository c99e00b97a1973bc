// Enforces the architecture's layering by reading every import: model/ imports nothing outside itself,
// service/ imports no vscode*, fs, process or lsp/, lsp/, cli/ and node/ reach service/ only through its index.ts,
// only lsp/ imports vscode-languageserver*, the client imports nothing from server/, and no import cycle anywhere.
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

test('lsp/, cli/ and node/ reach service/ only through service/index.ts', () => {
  const service = path.join(root, 'server/src/service');
  for (const layer of ['lsp', 'cli', 'node']) {
    for (const f of files(path.join(root, 'server/src', layer))) {
      for (const i of imports(f)) {
        const r = resolved(f, i);
        if (!i.startsWith('.') || !(r === service || r.startsWith(service + path.sep))) continue;
        assert.ok(r === service || r === path.join(service, 'index'), `${path.relative(root, f)} imports ${i}: use '../service'`);
      }
    }
  }
});

/** The file a relative import names (with .ts, or a folder's index.ts); undefined for packages. */
function target(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const r = path.resolve(path.dirname(file), spec);
  for (const c of [r, `${r}.ts`, path.join(r, 'index.ts')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

test('no import cycle in server/src, client/src or shared/ (type-only imports count too)', () => {
  const all = ['server/src', 'client/src', 'shared'].flatMap((d) => files(path.join(root, d)));
  const edges = new Map(all.map((f) => [f, imports(f).map((i) => target(f, i)).filter((t): t is string => t !== undefined)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      const cycle = [...stack.slice(stack.indexOf(f)), f].map((x) => path.relative(root, x));
      assert.fail(`import cycle: ${cycle.join(' -> ')}`);
    }
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f) ?? []) visit(t);
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of all) visit(f);
  assert.ok(all.length > 50 && [...edges.values()].flat().length > 100, 'the reader saw the files and their imports');
});

test('the import reader sees imports (it cannot pass by reading nothing)', () => {
  const seen = files(path.join(root, 'server/src/service')).flatMap(imports);
  assert.ok(seen.includes('yaml'));
  assert.ok(seen.some((i) => i.startsWith('../model')));
});
