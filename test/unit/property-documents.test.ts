// Property tests of the language service on documents shaped like the format (fast-check): assignment documents in
// every style, baseline documents (valid, cyclic, broken) and documents selecting them. The same checks as
// property.test.ts (property-harness.ts): nothing throws, ranges inside, bounded time, fixes and fixAll keep them
// parsing, edits keep incremental = fresh. Seed fixed; SRM_FC_RUNS / SRM_FC_SEED override.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { diagnose, fixAll, parseFile } from '../../server/src/service';
import { LAYERS, applyRandomEdit, checkFixes, checkText, edit, offsets, runs, syntaxCount, warmUp } from './property-harness';

describe('language service properties', () => {
  // The first call compiles the schema and warms the modules: not part of any call's bound.
  before(warmUp);

  it('format-shaped documents in every style (block, flow, long form, comments, CRLF, suppressions): fixes and fixAll keep them parsing', () => {
    const party = fc.constantFrom('customer', 'microsoft', 'shared', 'Microsoft', 'cust', '"customer"', "'shared'", '');
    const layer = fc.constantFrom(...LAYERS, 'endpoints', 'operating-sytem', 'Devices', 'configurations-and-settings', 'model-tuning', 'data-governance');
    const comment = fc.constantFrom('', '', '', ' # note', '  # srm-disable-next-line model-mismatch');
    const assignment = fc.record({ layer, party, long: fc.boolean(), team: fc.constantFrom(undefined, 'secops', 'nobody'), comment, above: fc.constantFrom('', '', '', '# srm-disable-next-line customer-only-duty', '# srm-disable-next-line bogus, model-mismatch -- why', '# a comment') });
    const workload = fc.record({
      name: fc.constantFrom('web', 'web', 'Web App', 'db', ''),
      model: fc.constantFrom('iaas', 'paas', 'saas', 'on-premises', 'PaaS', 'IaaS', 'cloud', ''),
      style: fc.constantFrom('block', 'flow', 'empty', 'missing'),
      items: fc.array(assignment, { maxLength: 12 }),
    });
    const doc = fc.record({
      ind: fc.constantFrom(2, 4),
      crlf: fc.boolean(),
      teams: fc.boolean(),
      owner: fc.constantFrom(undefined, 'secops', 'ghost'),
      kind: fc.constantFrom('ResponsibilityAssignment', 'Responsibility', ''),
      workloads: fc.array(workload, { minLength: 1, maxLength: 3 }),
      header: fc.constantFrom('', '# srm-disable unassigned-layer\n', '# srm-disable\n', '---\n'),
      baseline: fc.constantFrom(undefined, undefined, undefined, 'microsoft-2026', 'microsoft-ai', 'nope'),
    });
    const render = (d: { ind: number; crlf: boolean; teams: boolean; owner?: string; baseline?: string; kind: string; header: string; workloads: Array<{ name: string; model: string; style: string; items: Array<{ layer: string; party: string; long: boolean; team?: string; comment: string; above: string }> }> }) => {
      const i1 = ' '.repeat(d.ind);
      const eol = d.crlf ? '\r\n' : '\n';
      const lines = [`${d.header.replace(/\n/g, eol)}apiVersion: srm/v1`, `kind: ${d.kind}`, 'metadata:', `${i1}name: shaped`];
      if (d.owner) lines.push(`${i1}owner: ${d.owner}`);
      if (d.baseline) lines.push(`${i1}baseline: ${d.baseline}`);
      if (d.teams) lines.push('teams:', `${i1}- id: secops`);
      lines.push('workloads:');
      for (const w of d.workloads) {
        const iw = i1 + '  ';
        lines.push(`${i1}- name: ${w.name}`, `${iw}model: ${w.model}`);
        if (w.style === 'missing') continue;
        if (w.style === 'empty') {
          lines.push(`${iw}responsibilities:`);
          continue;
        }
        if (w.style === 'flow') {
          lines.push(`${iw}responsibilities: {${w.items.map((a) => `${a.layer}: ${a.long ? `{owner: ${a.party}${a.team ? `, team: ${a.team}` : ''}}` : a.party}`).join(', ')}}`);
          continue;
        }
        lines.push(`${iw}responsibilities:`);
        const ia = iw + i1;
        for (const a of w.items) {
          if (a.above) lines.push(`${ia}${a.above}`);
          if (a.long) {
            lines.push(`${ia}${a.layer}:${a.comment}`, `${ia}${i1}owner: ${a.party}`);
            if (a.team) lines.push(`${ia}${i1}team: ${a.team}`);
          } else lines.push(`${ia}${a.layer}: ${a.party}${a.comment}`);
        }
      }
      return lines.join(eol) + eol;
    };
    fc.assert(
      fc.property(doc, offsets, (d, offs) => {
        const text = render(d);
        const file = checkText(text, offs);
        const fs = diagnose(file);
        if (syntaxCount(fs) > 0) return; // e.g. an empty party before a comment: not what this property is about
        checkFixes(text, fs, 30);
        const fixed = fixAll(text).text;
        assert.equal(syntaxCount(diagnose(parseFile(fixed))), 0, `fixAll broke the YAML:\n${text}\n---\n${fixed}`);
        if (d.crlf) assert.ok(!/[^\r]\n/.test(fixed), `fixAll put a bare LF in a CRLF file:\n${JSON.stringify(fixed)}`);
      }),
      runs(40),
    );
  });

  it('baseline documents (valid, cycles, unknown extends, garbage cells, built-in names) and documents selecting them: fixes and fixAll keep them parsing, edits keep incremental = fresh', () => {
    const names = ['b1', 'b2', 'b3', 'microsoft-ai'];
    const ids = ['b1', 'b2', 'b3', 'microsoft-2026', 'microsoft-ai', 'microsoft-diagram', 'nope', 'B1', ''];
    const layerIds = ['devices', 'operating-system', 'model-tuning', 'physical-network', 'backup', 'customer-data', 'Devices', ''];
    const cell = fc.constantFrom('customer', 'microsoft', 'shared', 'depends', 'acme', 'nobody', '42', '""', '[x]', '{a: b}', '');
    const column = fc.constantFrom('on-premises', 'iaas', 'paas', 'saas', 'hosted', 'cloud', 'SaaS');
    const layer = fc.record({
      id: fc.constantFrom(...layerIds),
      label: fc.constantFrom(undefined, 'A label'),
      after: fc.constantFrom(undefined, undefined, 'devices', 'nowhere', 'backup'),
      reason: fc.constantFrom(undefined, 'Contract C-17'),
      cells: fc.array(fc.tuple(column, cell), { maxLength: 5 }),
      flow: fc.boolean(),
    });
    const baseline = fc.record({
      name: fc.constantFrom(...names),
      extends: fc.constantFrom(...ids, undefined),
      own: fc.boolean(), // provider and models of its own (a shape error together with extends)
      layers: fc.array(layer, { maxLength: 4 }),
      remove: fc.array(fc.constantFrom(...layerIds), { maxLength: 2 }),
    });
    const workload = fc.record({
      model: fc.constantFrom('iaas', 'paas', 'saas', 'on-premises', 'hosted', 'managed', 'cloud'),
      items: fc.array(fc.tuple(fc.constantFrom(...layerIds, 'information-and-data', 'user-training-and-accountability'), fc.constantFrom('customer', 'microsoft', 'shared', 'acme', 'Customer')), { maxLength: 6 }),
    });
    const assignment = fc.record({ baseline: fc.constantFrom(...ids, undefined), workloads: fc.array(workload, { minLength: 1, maxLength: 2 }) });
    const file = fc.record({
      docs: fc.array(fc.oneof(baseline.map((b) => ({ kind: 'baseline' as const, b })), assignment.map((a) => ({ kind: 'assignment' as const, a }))), { minLength: 1, maxLength: 5 }),
      crlf: fc.boolean(),
    });
    type Layer = { id: string; label?: string; after?: string; reason?: string; cells: [string, string][]; flow: boolean };
    const renderLayer = (l: Layer) => {
      const out = [`  - id: ${l.id}`];
      if (l.label) out.push(`    label: ${l.label}`);
      if (l.after) out.push(`    after: ${l.after}`);
      if (l.flow) out.push(`    owners: { ${l.cells.map(([c, v]) => `${c}: ${v}`).join(', ')} }`);
      else out.push('    owners:', ...l.cells.map(([c, v]) => `      ${c}: ${v}`));
      if (l.reason) out.push(`    reason: ${l.reason}`);
      return out;
    };
    const render = (f: typeof file extends fc.Arbitrary<infer T> ? T : never) => {
      const eol = f.crlf ? '\r\n' : '\n';
      return (
        f.docs
          .map((d) => {
            if (d.kind === 'baseline') {
              const b = d.b;
              const lines = ['apiVersion: srm/v1', 'kind: ResponsibilityBaseline', 'metadata:', `  name: ${b.name}`];
              if (b.extends !== undefined) lines.push(`extends: ${b.extends}`);
              if (b.own || b.extends === undefined) lines.push('provider: { id: acme, label: Acme }', 'models:', '  - { id: hosted, label: Hosted }', '  - { id: managed, label: Managed, cloud: false }');
              lines.push(b.layers.length === 0 ? 'layers: []' : 'layers:', ...b.layers.flatMap(renderLayer));
              if (b.remove.length > 0) lines.push(`remove: [${b.remove.join(', ')}]`);
              return lines.join(eol);
            }
            const a = d.a;
            const lines = ['apiVersion: srm/v1', 'kind: ResponsibilityAssignment', 'metadata:', '  name: selects'];
            if (a.baseline !== undefined) lines.push(`  baseline: ${a.baseline}`);
            lines.push('workloads:');
            a.workloads.forEach((w, i) => lines.push(`  - name: w${i}`, `    model: ${w.model}`, '    responsibilities:', ...w.items.map(([k, v]) => `      ${k}: ${v}`)));
            return lines.join(eol);
          })
          .join(`${eol}---${eol}`) + eol
      );
    };
    fc.assert(
      fc.property(file, fc.array(edit, { maxLength: 3 }), offsets, (f, edits, offs) => {
        let text = render(f);
        let previous = checkText(text, offs);
        const fs = diagnose(previous);
        if (syntaxCount(fs) === 0) {
          checkFixes(text, fs, 20);
          const fixed = fixAll(text).text;
          assert.equal(syntaxCount(diagnose(parseFile(fixed))), 0, `fixAll broke the YAML:\n${text}\n---\n${fixed}`);
        }
        for (const e of edits) {
          text = applyRandomEdit(text, e);
          previous = checkText(text, offs, previous);
        }
      }),
      runs(25),
    );
  });
});
