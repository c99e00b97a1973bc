// .pre-commit-hooks.yaml: well-formed, runs the package's `srm` bin, and its file filter picks responsibility files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT, fixtureText, rm, srm, tree } from './helpers';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  it('declares srm-lint and srm-fix on the package bin, for YAML files', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['srm-lint', 'srm-fix']);
    for (const h of hooks) {
      assert.equal(h.language, 'node');
      assert.equal(h.entry.split(' ')[0], 'srm');
      assert.equal(pkg.bin.srm, './dist/cli.js');
      const re = new RegExp(h.files);
      for (const f of ['a.srm.yaml', 'x/b.srm.yml', 'policy.yaml']) assert.ok(re.test(f), f);
      assert.ok(!re.test('README.md'));
    }
  });

  it('run as pre-commit runs it (entry + staged file names), non-responsibility YAML passes', () => {
    const dir = tree({ 'a.srm.yaml': fixtureText('mixed/a.srm.yaml'), 'k8s.yaml': 'apiVersion: v1\nkind: Pod\n', 'srm.config.yaml': 'rules: {}\n' });
    try {
      const lint = hooks.find((h) => h.id === 'srm-lint')!;
      const args = [...lint.entry.split(' ').slice(1), 'k8s.yaml', 'srm.config.yaml'];
      assert.equal(srm(args, { cwd: dir }).code, 0);
      assert.equal(srm([...args, 'a.srm.yaml'], { cwd: dir }).code, 1);
    } finally {
      rm(dir);
    }
  });
});
