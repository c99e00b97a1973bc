// Team registries (spec/workspace.md): srm.config.yaml `teams:` lists TeamRegistry files whose teams every governed
// document may name; unknown-team names the registries searched; a document team repeating a registry's, or a
// registry team an earlier registry defines, is a duplicate-name on the repeat; a glob matching nothing or a file
// that is not a registry is a configuration error (exit 2, naming the file and the reason).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { json, srm, tree } from './helpers';

const REG = (name: string, ids: string[], extra = '') =>
  `apiVersion: srm/v1\nkind: TeamRegistry\nmetadata:\n  name: ${name}\nteams:\n${ids.map((i) => `  - id: ${i}\n    name: Team ${i}\n`).join('')}${extra}`;

const DOC = (owner: string, team: string, ownTeams = '') =>
  [
    'apiVersion: srm/v1',
    'kind: ResponsibilityAssignment',
    'metadata:',
    '  name: app',
    `  owner: ${owner}`,
    ...(ownTeams ? ['teams:', ownTeams] : []),
    'workloads:',
    '  - name: w',
    '    model: saas',
    '    responsibilities:',
    `      information-and-data: { owner: customer, team: ${team} }`,
    '      devices: customer',
    '      accounts-and-identities: customer',
    '      identity-and-directory-infrastructure: shared',
    '      applications: microsoft',
    '      network-controls: microsoft',
    '      operating-system: microsoft',
    '      physical-hosts: microsoft',
    '      physical-network: microsoft',
    '      physical-datacenter: microsoft',
    '',
  ].join('\n');

const findings = (dir: string, args: string[] = []) => {
  const r = srm(['lint', '-f', 'json', ...args], { cwd: dir });
  return { r, files: json(r).files.map((f) => ({ path: f.path, findings: f.findings.map((x) => [x.ruleId, x.line, x.message] as const) })) };
};

describe('team registries', () => {
  it('documents may name the registries’ teams; unknown-team names the registries and suggests from both', () => {
    const dir = tree({
      'srm.config.yaml': 'teams: ["teams/*.yaml"]\n',
      'teams/a.yaml': REG('contoso-teams', ['secops', 'platform']),
      'apps/ok.srm.yaml': DOC('secops', 'platform'),
      'apps/typo.srm.yaml': DOC('secops', 'platfrm'),
    });
    const { r, files } = findings(dir);
    assert.equal(r.code, 1, r.stderr);
    const ok = files.find((f) => f.path === 'apps/ok.srm.yaml');
    assert.deepEqual(ok?.findings, []);
    const typo = files.find((f) => f.path === 'apps/typo.srm.yaml');
    assert.equal(typo?.findings.length, 1);
    const [rule, line, message] = typo!.findings[0]!;
    assert.equal(rule, 'unknown-team');
    assert.equal(line, 10);
    assert.match(message, /not a team in teams or the registries "contoso-teams"\. Did you mean "platform"\?/);
    // The registry itself is checked like any responsibility file: clean here.
    assert.deepEqual(files.find((f) => f.path === 'teams/a.yaml')?.findings ?? [], []);
  });

  it('a document team that repeats a registry team, and a team two registries define: duplicate-name on the repeat', () => {
    const dir = tree({
      'srm.config.yaml': 'teams: ["teams/first.yaml", "teams/second.yaml"]\n',
      'teams/first.yaml': REG('first', ['secops', 'platform']),
      'teams/second.yaml': REG('second', ['platform', 'data']),
      'apps/app.srm.yaml': DOC('secops', 'data', '  - id: secops\n'),
    });
    const { files } = findings(dir);
    const app = files.find((f) => f.path === 'apps/app.srm.yaml')!;
    assert.deepEqual(app.findings.map(([r, l]) => [r, l]), [['duplicate-name', 7]]);
    assert.match(app.findings[0]![2], /Team "secops" is already defined by a registry/);
    const second = files.find((f) => f.path === 'teams/second.yaml')!;
    assert.deepEqual(second.findings.map(([r, l]) => [r, l]), [['duplicate-name', 6]]);
    assert.match(second.findings[0]![2], /registry listed earlier .* already defines team "platform"/);
    assert.deepEqual(files.find((f) => f.path === 'teams/first.yaml')?.findings ?? [], []);
  });

  it('a registry with errors of its own is reported in it; documents are checked against the teams it does define', () => {
    const dir = tree({
      'srm.config.yaml': 'teams: ["teams/*.yaml"]\n',
      'teams/a.yaml': REG('contoso-teams', ['secops', 'secops', 'Bad_Id']),
      'apps/app.srm.yaml': DOC('secops', 'platform'),
    });
    const { files } = findings(dir);
    const reg = files.find((f) => f.path === 'teams/a.yaml')!;
    assert.deepEqual(reg.findings.map(([r]) => r).sort(), ['duplicate-name', 'schema']);
    const app = files.find((f) => f.path === 'apps/app.srm.yaml')!;
    assert.deepEqual(app.findings.map(([r]) => r), ['unknown-team']);
  });

  it('a glob that matches nothing, and a listed file that is not a TeamRegistry: exit 2, naming the place and the reason', () => {
    const dir = tree({
      'srm.config.yaml': 'teams:\n  - "nothing/*.yaml"\n  - "apps/app.srm.yaml"\n',
      'apps/app.srm.yaml': DOC('secops', 'platform', '  - id: secops\n  - id: platform\n'),
    });
    const r = srm(['lint'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /srm\.config\.yaml:2:5: teams: "nothing\/\*\.yaml" matches no file/);
    assert.match(r.stderr, /srm\.config\.yaml:3:5: teams: .*apps\/app\.srm\.yaml is not a team registry/);
  });

  it('without teams: in the config, the document’s own teams only (as before registries)', () => {
    const dir = tree({ 'apps/app.srm.yaml': DOC('secops', 'platform', '  - id: secops\n') });
    const { files } = findings(dir);
    const app = files.find((f) => f.path === 'apps/app.srm.yaml')!;
    assert.deepEqual(app.findings.map(([r]) => r), ['unknown-team']);
    assert.match(app.findings[0]![2], /not a team in teams\. /);
  });
});
