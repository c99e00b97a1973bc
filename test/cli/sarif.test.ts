// SARIF 2.1.0 output: valid against the official schema, complete rule metadata, stable fingerprints, suppressions.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { CODE_DOCS, RULES, RULE_DOCS } from '../../server/src/service';
import { ruleDocUrl } from '../../shared/protocol';
import { FIXTURES, copyFixture, fixtureText, srm, tree, removedAfterAll } from './helpers';

const temp = removedAfterAll();

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: string; justification?: string }>;
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[]; 'security-severity'?: string };
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    results: SarifResult[];
    automationDetails?: { id: string };
  }>;
}

function sarif(cwd: string, args: string[] = []): SarifLog {
  const r = srm(['lint', '--format', 'sarif', ...args], { cwd });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as SarifLog;
}

const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
// unicodeRegExp: false: the schema's `language` pattern has a stray `]` that only non-unicode RegExps accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
// The schema's formats, checked for real: absolute URIs, URI references, RFC 3339 date-times.
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
const validate = ajv.compile(schema);

/** The case of the fingerprint tests: config/team/app.srm.yaml with three findings (information-and-data given to
 * microsoft, physical-hosts shared), alone in a tree, and its SARIF results. */
function threeFindings(): { original: string; dir: string; before: SarifResult[] } {
  const original = fixtureText('config/team/app.srm.yaml')
    .replace('information-and-data: customer', 'information-and-data: microsoft')
    .replace('physical-hosts: microsoft', 'physical-hosts: shared');
  const dir = temp(tree({ 'app.srm.yaml': original }));
  const before = sarif(dir).runs[0]!.results;
  assert.equal(before.length, 3);
  return { original, dir, before };
}

const SUPPRESSED = fixtureText('mixed/a.srm.yaml').replace(
  '      operating-system: microsoft',
  '      # srm-disable-next-line model-mismatch -- legacy VM, exception SEC-142\n      operating-system: microsoft',
);

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 JSON Schema (findings, suppressions, clean files, odd names)', () => {
    const dir = temp(copyFixture('mixed'));
    fs.writeFileSync(path.join(dir, 'a.srm.yaml'), SUPPRESSED);
    fs.writeFileSync(path.join(dir, 'with space & ü.srm.yaml'), fixtureText('clean.srm.yaml'));
    const log = sarif(dir);
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.ok(log.runs[0]!.results.length >= 3);
    // A schema that accepts anything would prove nothing: break the log and see it rejected.
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    broken.runs[0]!.results[0]!.level = 'fatal';
    assert.equal(validate(broken), false);
    const noVersion = { ...log, version: undefined };
    assert.equal(validate(noVersion), false);
  });

  it('describes every rule: short and full description, helpUri and default level', () => {
    const log = sarif(temp(copyFixture('mixed')));
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'srm');
    const byId = new Map(driver.rules.map((r) => [r.id, r]));
    for (const rule of RULES) {
      const r = byId.get(rule.id);
      assert.ok(r, rule.id);
      assert.equal(r.shortDescription.text, rule.summary);
      assert.ok(r.fullDescription.text.includes(rule.why));
      assert.equal(r.helpUri, `https://github.com/srm-tools/srm/blob/main/docs/rules/${rule.id}.md`);
      assert.equal(r.helpUri, ruleDocUrl(rule.id));
      const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.defaultSeverity];
      assert.equal(r.defaultConfiguration.level, level, rule.id);
    }
  });

  it('results carry ruleId, ruleIndex, level, message and a %SRCROOT%-relative location', () => {
    const log = sarif(temp(copyFixture('mixed')));
    const run = log.runs[0]!;
    const results = run.results;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine]),
      [
        ['customer-only-duty', 'error', 'a.srm.yaml', 9],
        ['model-mismatch', 'warning', 'a.srm.yaml', 15],
        ['unassigned-layer', 'warning', 'sub/b.yaml', 9],
      ],
    );
    for (const r of results) {
      assert.equal(r.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.equal(run.tool.driver.rules[r.ruleIndex!]!.id, r.ruleId);
      assert.ok(r.message.text.length > 0);
    }
  });

  it('suppressed findings stay in the log with suppressions: inSource and the reason as justification', () => {
    const dir = temp(tree({ 'a.srm.yaml': SUPPRESSED }));
    const results = sarif(dir).runs[0]!.results;
    const sup = results.filter((r) => r.suppressions);
    assert.equal(sup.length, 1);
    assert.equal(sup[0]!.ruleId, 'model-mismatch');
    assert.deepEqual(sup[0]!.suppressions, [{ kind: 'inSource', justification: 'legacy VM, exception SEC-142' }]);
    // The JSON and stylish reports leave it out of the findings that count.
    const r = srm(['lint'], { cwd: dir });
    assert.doesNotMatch(r.stdout, /model-mismatch/);
    // --no-inline-suppressions: it is an ordinary result again.
    const strict = sarif(dir, ['--no-inline-suppressions']).runs[0]!.results;
    assert.deepEqual(
      strict.filter((x) => x.ruleId === 'model-mismatch').map((x) => x.suppressions),
      [undefined],
    );
  });

  it('fingerprints do not change when lines are inserted above, and are unique', () => {
    const { original, dir, before } = threeFindings();
    const moved = original
      .replace('apiVersion', '# A header comment\n# added later\n\napiVersion')
      .replace('  - name: app', '  # the main app\n  - name: app');
    fs.writeFileSync(path.join(dir, 'app.srm.yaml'), moved);
    const afterLog = sarif(dir).runs[0]!.results;
    const key = (r: SarifResult) => `${r.ruleId} ${JSON.stringify(r.partialFingerprints)}`;
    assert.deepEqual(afterLog.map(key), before.map(key));
    // ... while the lines did move.
    assert.deepEqual(
      afterLog.map((r) => r.locations[0]!.physicalLocation.region.startLine),
      before.map((r) => r.locations[0]!.physicalLocation.region.startLine + 4),
    );
    const fps = afterLog.map((r) => Object.values(r.partialFingerprints)[0]);
    assert.equal(new Set(fps).size, fps.length);
  });

  it('a finding elsewhere changes only its own fingerprint', () => {
    const base = fixtureText('config/team/app.srm.yaml');
    const dir = temp(tree({ 'app.srm.yaml': base }));
    const one = sarif(dir).runs[0]!.results.map((r) => Object.values(r.partialFingerprints)[0]);
    fs.writeFileSync(path.join(dir, 'app.srm.yaml'), base.replace('devices: customer', 'devices: microsoft'));
    const two = sarif(dir).runs[0]!.results.map((r) => Object.values(r.partialFingerprints)[0]);
    assert.equal(two.length, one.length + 1);
    for (const fp of one) assert.ok(two.includes(fp));
  });

  it('unassigned-layer keeps its fingerprint when one of the missing layers is added', () => {
    const base = fixtureText('config/team/app.srm.yaml');
    const dir = temp(tree({ 'app.srm.yaml': base.replace(/ {6}physical-(network|datacenter): microsoft\n/g, '') }));
    const one = sarif(dir).runs[0]!.results.filter((r) => r.ruleId === 'unassigned-layer');
    fs.writeFileSync(path.join(dir, 'app.srm.yaml'), base.replace(/ {6}physical-network: microsoft\n/, ''));
    const two = sarif(dir).runs[0]!.results.filter((r) => r.ruleId === 'unassigned-layer');
    assert.equal(one.length, 1);
    assert.notEqual(one[0]!.message.text, two[0]!.message.text);
    assert.deepEqual(two[0]!.partialFingerprints, one[0]!.partialFingerprints);
  });

  it('the same rule, workload and layer on two documents of one file get distinct fingerprints', () => {
    const doc = fixtureText('config/team/app.srm.yaml');
    const dir = temp(tree({ 'two.srm.yaml': `${doc}---\n${doc}` }));
    const results = sarif(dir).runs[0]!.results;
    assert.equal(results.length, 2);
    const fps = results.map((r) => Object.values(r.partialFingerprints)[0]);
    assert.notEqual(fps[0], fps[1]);
  });

  it('every rule has help.text and help.markdown (what, why, how to fix, an example), tags, and a security-severity on the ownership rules', () => {
    const log = sarif(temp(copyFixture('mixed')));
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    const rules = log.runs[0]!.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), [...RULES.map((r) => r.id), ...CODE_DOCS.map((c) => c.id)]);
    for (const rule of RULES) {
      const r = rules.find((x) => x.id === rule.id)!;
      const doc = RULE_DOCS[rule.id];
      for (const part of [rule.summary, rule.why, rule.fix, '```yaml\n', doc.example.bad, doc.example.good, ruleDocUrl(rule.id)]) {
        assert.ok(r.help.markdown.includes(part), `${rule.id} help.markdown: ${part.slice(0, 60)}`);
      }
      for (const part of [rule.summary, rule.why, rule.fix, doc.example.bad]) assert.ok(r.help.text.includes(part), `${rule.id} help.text`);
      assert.equal(r.help.markdown.includes(`# srm-disable-next-line ${rule.id} -- `), rule.suppressible, rule.id);
      assert.deepEqual(r.properties.tags, doc.tags);
      assert.ok(r.properties.tags.length > 0, rule.id);
    }
    for (const c of CODE_DOCS) {
      const r = rules.find((x) => x.id === c.id)!;
      for (const part of [c.summary, c.why, c.fix, c.note]) assert.ok(r.help.markdown.includes(part), `${c.id}: ${part}`);
      assert.deepEqual(r.properties.tags, c.tags);
      assert.equal(r.helpUri, ruleDocUrl(c.id));
    }
    const severities = Object.fromEntries(rules.filter((r) => r.properties['security-severity'] !== undefined).map((r) => [r.id, r.properties['security-severity']]));
    assert.deepEqual(severities, {
      'customer-only-duty': '8.0',
      'provider-only-duty': '4.0',
      'model-mismatch': '5.5',
      'unassigned-layer': '6.5',
      'service-model-mismatch': '5.0',
    });
    for (const id of Object.keys(severities)) assert.ok(rules.find((r) => r.id === id)!.properties.tags.includes('security'), id);
  });

  it('primaryLocationLineHash: a hash of the line content and rule with an occurrence count, unchanged when lines are inserted above', () => {
    const { original, dir, before } = threeFindings();
    const hashes = before.map((r) => r.partialFingerprints.primaryLocationLineHash!);
    for (const h of hashes) assert.match(h, /^[0-9a-f]{16}:1$/);
    assert.equal(new Set(hashes).size, hashes.length);
    // Lines inserted above (a header, a comment inside the workload): the hashes stay, the lines moved.
    fs.writeFileSync(
      path.join(dir, 'app.srm.yaml'),
      original.replace('apiVersion', '# A header\n\n# more\napiVersion').replace('    responsibilities:\n', '    # owners per layer\n    responsibilities:\n'),
    );
    const moved = sarif(dir).runs[0]!.results;
    const lineHashes = (rs: SarifResult[]) => rs.map((r) => [r.ruleId, r.partialFingerprints.primaryLocationLineHash]);
    assert.deepEqual(lineHashes(moved), lineHashes(before));
    assert.deepEqual(
      moved.map((r) => r.locations[0]!.physicalLocation.region.startLine),
      before.map((r) => r.locations[0]!.physicalLocation.region.startLine + 4),
    );
    // A finding's line changed: its hash changes, the others' do not.
    fs.writeFileSync(path.join(dir, 'app.srm.yaml'), original.replace('physical-hosts: shared', 'physical-hosts: customer'));
    const edited = sarif(dir).runs[0]!.results.map((r) => r.partialFingerprints.primaryLocationLineHash!);
    assert.equal(edited.length, 3);
    assert.equal(edited.filter((h) => hashes.includes(h)).length, 2);
    // Identical lines with the same rule (the same document twice in one file): counted :1, then :2.
    const both = sarif(temp(tree({ 'two.srm.yaml': `${original}---\n${original}` }))).runs[0]!.results.map(
      (r) => r.partialFingerprints.primaryLocationLineHash!,
    );
    assert.equal(both.length, 6);
    assert.deepEqual(both.slice(0, 3), hashes);
    assert.deepEqual(both.slice(3), hashes.map((h) => h.replace(/:1$/, ':2')));
  });

  it('primaryLocationLineHash differs for two findings of different rules on one line', () => {
    // The fixture's operating-system: microsoft (iaas) is a model-mismatch; given a second time before it, that
    // line also gets duplicate-key (on the key).
    const text = fixtureText('config/team/app.srm.yaml').replace('      operating-system: microsoft\n', '      operating-system: customer\n      operating-system: microsoft\n');
    const results = sarif(temp(tree({ 'app.srm.yaml': text }))).runs[0]!.results;
    const onLine = results.filter((r) => r.ruleId === 'duplicate-key' || r.ruleId === 'model-mismatch');
    assert.deepEqual(onLine.map((r) => r.ruleId).sort(), ['duplicate-key', 'model-mismatch']);
    assert.equal(onLine[0]!.locations[0]!.physicalLocation.region.startLine, onLine[1]!.locations[0]!.physicalLocation.region.startLine);
    assert.notEqual(onLine[0]!.partialFingerprints.primaryLocationLineHash, onLine[1]!.partialFingerprints.primaryLocationLineHash);
    // Both keep the srmFinding/v1 fingerprint too.
    for (const r of onLine) assert.match(r.partialFingerprints['srmFinding/v1']!, /^[0-9a-f]{32}:\d+$/);
  });

  it('--sarif-category sets runAutomationDetails.id (category/ or category/run-id); without it there is none', () => {
    const dir = temp(copyFixture('mixed'));
    const plain = sarif(dir);
    assert.equal(plain.runs[0]!.automationDetails, undefined);
    const cat = sarif(dir, ['--sarif-category', 'srm-policies']);
    assert.deepEqual(cat.runs[0]!.automationDetails, { id: 'srm-policies/' });
    assert.equal(validate(cat), true, JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(sarif(dir, ['--sarif-category=srm/nightly']).runs[0]!.automationDetails, { id: 'srm/nightly' });
    assert.deepEqual(sarif(dir, ['--sarif-category', 'srm/']).runs[0]!.automationDetails, { id: 'srm/' });
    // The results do not change with the category.
    assert.deepEqual(cat.runs[0]!.results, plain.runs[0]!.results);
    const missing = srm(['lint', '--format', 'sarif', '--sarif-category'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--sarif-category needs a value/);
  });
});
