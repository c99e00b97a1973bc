// Helpers for the CLI tests: run the BUILT CLI (dist/cli.js) as a process (as nobody too), and lay out temporary file
// trees (test/temp-tree.ts).
// The committed fixtures complete their workloads from the model with `# @rest: expected` markers (see
// test/unit/fixtures.ts): `copyFixture` and `fixtureText` give them expanded, as the CLI is to see them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after } from 'node:test';
import { tempTree } from '../temp-tree';
import { expandFixture } from '../unit/fixtures';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(__dirname, 'fixtures');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd`; NO_COLOR and FORCE_COLOR are cleared unless given in env. */
export function srm(
  args: readonly string[],
  opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number; cli?: string } = {},
): Run {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [opts.cli ?? CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: { ...env, ...(opts.env ?? {}) },
    encoding: 'utf8',
    timeout: 60_000,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory holding `files` (relative path -> content). Removed by the caller's cleanup. */
export function tree(files: Record<string, string>): string {
  return tempTree('srm-cli-', files);
}

/**
 * How to run the CLI as the unprivileged user nobody, for the tests of a file that cannot be read: root reads every
 * file whatever its mode. The checkout may sit under a directory nobody cannot enter (a fresh clone in a mktemp -d
 * is 0700): nobody runs a copy of the bundled CLI (one self-contained file, its own worker script) from a directory
 * of its own, `dir`, which the caller removes. Not root: no options, no directory.
 */
export function asNobody(): { opts: { uid?: number; gid?: number; cli?: string }; dir?: string } {
  if (process.getuid?.() !== 0) return { opts: {} };
  const dir = tempTree('srm-cli-bin-');
  fs.chmodSync(dir, 0o755);
  fs.copyFileSync(CLI, path.join(dir, 'cli.js'));
  fs.chmodSync(path.join(dir, 'cli.js'), 0o644);
  return { opts: { uid: 65534, gid: 65534, cli: path.join(dir, 'cli.js') }, dir };
}

/** A custom baseline file over microsoft-2026: the customer keeps devices under saas (with the contract's reason). */
export const CONTRACT_BASELINE = [
  'apiVersion: srm/v1',
  'kind: ResponsibilityBaseline',
  'metadata:',
  '  name: contoso-contract',
  'extends: microsoft-2026',
  'layers:',
  '  - id: devices',
  '    owners: { saas: customer }',
  '    reason: Contoso runs endpoint protection itself',
  '',
].join('\n');

/** Copies a committed fixture tree (test/cli/fixtures/NAME) to `dest`, its YAML files' markers expanded. */
export function copyFixtureTo(name: string, dest: string): void {
  fs.cpSync(path.join(FIXTURES, name), dest, { recursive: true });
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) {
        const raw = fs.readFileSync(p, 'utf8');
        const text = expandFixture(raw);
        if (text !== raw) fs.writeFileSync(p, text);
      }
    }
  };
  walk(dest);
}

/** Copies a committed fixture tree (test/cli/fixtures/NAME) into a temporary directory, markers expanded. */
export function copyFixture(name: string): string {
  const dir = tempTree(`srm-${name}-`);
  copyFixtureTo(name, dir);
  return dir;
}

/** A committed fixture's text (relative to test/cli/fixtures), markers expanded. */
export function fixtureText(rel: string): string {
  return expandFixture(fs.readFileSync(path.join(FIXTURES, rel), 'utf8'));
}

export function rm(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** For a test file's temporary trees: `const temp = removedAfterAll();` at its top, then `temp(dir)` returns `dir`
 * and removes it once the file's tests are done. */
export function removedAfterAll(): (dir: string) => string {
  const dirs: string[] = [];
  after(() => dirs.forEach(rm));
  return (d) => (dirs.push(d), d);
}

export interface JsonReport {
  tool: string;
  version: string;
  files: Array<{
    path: string;
    findings: JsonFinding[];
    suppressed: JsonFinding[];
  }>;
  summary: Record<string, number>;
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
  document: number;
  workload?: string;
  layer?: string;
  fixable: boolean;
  suppression?: { kind: string; reason?: string };
}

export function json(r: Run): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
}

/** `file:line rule` for every finding of a JSON report: a compact, order-stable set to compare. */
export function summarize(report: JsonReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId}`));
}
