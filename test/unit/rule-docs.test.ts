// docs/rules/<id>.md are what the generator writes (one page per rule and per code that is not a rule, no other
// file); every example in rules/docs.ts does what it says when the engine checks it; the links to the pages are built
// from package.json's repository URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RULE_DOCS_DIR, ruleDocFiles, securityLevel } from '../../scripts/ruleDocs';
import { assertGeneratedFolder } from './generated-folder';
import { REPOSITORY_URL, RULE_DOCS_URL, ruleDocUrl } from '../../shared/protocol';
import { CODE_DOCS, FILE_TOO_LARGE, INTERNAL_ERROR, RULES, RULE_DOCS, diagnose, parseFile, type RuleId } from '../../server/src/service';

const root = path.join(__dirname, '..', '..');

test('docs/rules/*.md are what the generator writes, one per rule and per non-rule code, no other file (run npm run generate)', () => {
  const files = ruleDocFiles();
  assert.deepEqual(
    files.map((f) => f.path),
    [...RULES.map((r) => r.id), INTERNAL_ERROR, FILE_TOO_LARGE].map((id) => `${RULE_DOCS_DIR}/${id}.md`),
  );
  assertGeneratedFolder(root, RULE_DOCS_DIR, files, 'not a rule any more');
});

test('each page says what, why, how to fix, shows the example, how to suppress and how to change the severity', () => {
  const byPath = new Map(ruleDocFiles().map((f) => [f.path, f.text]));
  for (const r of RULES) {
    const text = byPath.get(`${RULE_DOCS_DIR}/${r.id}.md`)!;
    const d = RULE_DOCS[r.id];
    for (const part of [`# \`${r.id}\``, `Default severity: **${r.defaultSeverity}**`, r.summary, r.why, r.fix, d.example.bad, d.example.good]) {
      assert.ok(text.includes(part), `${r.id}: ${part.slice(0, 60)}`);
    }
    if (d.example.note) assert.ok(text.includes(d.example.note), r.id);
    assert.ok(text.includes(`rules:\n  ${r.id}: `), `${r.id}: srm.config.yaml`);
    assert.ok(text.includes(`"srm.rules": { "${r.id}": `), `${r.id}: VS Code setting`);
    assert.equal(text.includes(`# srm-disable-next-line ${r.id} -- `), r.suppressible, `${r.id}: suppression comment`);
    assert.equal(text.includes('cannot be silenced'), !r.suppressible, `${r.id}: says it cannot be suppressed`);
    if (d.securitySeverity !== undefined) assert.ok(text.includes(`Security severity (GitHub code scanning): ${d.securitySeverity.toFixed(1)}`), r.id);
  }
  for (const c of CODE_DOCS) {
    const text = byPath.get(`${RULE_DOCS_DIR}/${c.id}.md`)!;
    for (const part of [c.summary, c.why, c.fix, c.note, 'is not a rule', 'Can be suppressed: **no**']) assert.ok(text.includes(part), `${c.id}: ${part}`);
  }
});

/** Besides the rule itself, what a bad example is meant to get too. */
const ALSO: Partial<Record<RuleId, string[]>> = {
  // The misspelt id silences nothing: the finding it meant to waive is reported.
  'unknown-rule': ['model-mismatch'],
};

test('every example: the bad file gets the rule (and nothing else), the corrected one no finding at all', () => {
  assert.deepEqual(Object.keys(RULE_DOCS).sort(), RULES.map((r) => r.id).sort());
  for (const r of RULES) {
    const { bad, good } = RULE_DOCS[r.id].example;
    // suppression-reason only fires where reasons are required (--require-reason).
    const options = r.id === 'suppression-reason' ? { requireReason: true } : {};
    const badCodes = new Set(diagnose(parseFile(bad), options).map((f) => f.code));
    assert.deepEqual([...badCodes].sort(), [r.id, ...(ALSO[r.id] ?? [])].sort(), `${r.id}: the bad example`);
    const goodFindings = diagnose(parseFile(good), options);
    assert.deepEqual(goodFindings.map((f) => `${f.code}: ${f.message}`), [], `${r.id}: the corrected example`);
    assert.notEqual(bad, good, r.id);
  }
});

test('security severities: on the ownership rules only, tagged security, scores GitHub understands', () => {
  const scored = RULES.filter((r) => RULE_DOCS[r.id].securitySeverity !== undefined).map((r) => r.id);
  assert.deepEqual(scored, ['customer-only-duty', 'provider-only-duty', 'model-mismatch', 'unassigned-layer', 'service-model-mismatch']);
  for (const r of RULES) {
    const d = RULE_DOCS[r.id];
    assert.ok(d.tags.length > 0 && d.tags.every((t) => /^[a-z][a-z-]*$/.test(t)), `${r.id}: tags`);
    assert.equal(d.tags.includes('security'), d.securitySeverity !== undefined, `${r.id}: security tag <=> security severity`);
    if (d.securitySeverity !== undefined) assert.ok(d.securitySeverity > 0 && d.securitySeverity <= 10, r.id);
  }
  assert.equal(securityLevel(9.0), 'critical');
  assert.equal(securityLevel(8.0), 'high');
  assert.equal(securityLevel(4.0), 'medium');
  assert.equal(securityLevel(3.9), 'low');
});

test("the rule pages' URL is built from package.json's repository url, and each points at a committed page", () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository: { url: string } };
  assert.equal(pkg.repository.url, 'https://github.com/srm-tools/srm.git');
  assert.equal(REPOSITORY_URL, pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
  assert.equal(RULE_DOCS_URL, `${REPOSITORY_URL}/blob/main/docs/rules/`);
  for (const id of [...RULES.map((r) => r.id), INTERNAL_ERROR, FILE_TOO_LARGE]) {
    const url = ruleDocUrl(id);
    assert.equal(url, `https://github.com/srm-tools/srm/blob/main/docs/rules/${id}.md`);
    const file = url.slice(`${REPOSITORY_URL}/blob/main/`.length);
    assert.ok(existsSync(path.join(root, file)), `${url}: ${file} is not in the repository`);
  }
});
