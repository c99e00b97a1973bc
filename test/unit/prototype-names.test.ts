// Names of Object.prototype's properties (constructor, toString, __proto__, ...) written in a file: every place srm
// looks a file's word up in a table (layers, models, parties, teams, field docs, synonyms) treats them as the unknown
// names they are, never as the function the table's prototype has under that name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complete, diagnose, hover, parseFile, type Finding } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/lines';

const only = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

test('names of Object.prototype (constructor, __proto__, toString) as keys, layers, models, parties and teams are plain unknown names', () => {
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
  for (const n of names) {
    const text = [
      'apiVersion: srm/v1',
      'kind: ResponsibilityAssignment',
      'metadata:',
      '  name: proto',
      `  ${n}: x`,
      'teams:',
      '  - id: platform',
      'workloads:',
      '  - name: w',
      `    model: ${n}`,
      `    service: ${n}`,
      '    responsibilities:',
      `      ${n}: customer`,
      `      information-and-data: ${n}`,
      '      devices:',
      '        owner: customer',
      `        team: ${n}`,
      '',
    ].join('\n');
    const fs = diagnose(parseFile(text));
    assert.deepEqual(only(fs, 'internal-error'), [], `${n}: ${only(fs, 'internal-error').map((f) => f.message).join('; ')}`);
    for (const f of fs) assert.doesNotMatch(f.message, /undefined|\[object|function |native code/, `${n}: ${f.message}`);
    // The key under metadata, the layer key, the model and the party: each a schema finding of its own.
    const schema = only(fs, 'schema').map((f) => text.slice(f.start, f.end));
    for (const want of [n, n, n, n]) assert.ok(schema.includes(want), `${n}: schema findings on ${JSON.stringify(schema)}`);
    // The team: unknown-team, or a schema finding when the name is not kebab-case (toString).
    const teamAt = text.lastIndexOf(n);
    assert.deepEqual(fs.filter((f) => f.start === teamAt).map((f) => f.code), [n === n.toLowerCase() && !n.includes('_') ? 'unknown-team' : 'schema'], n);
    const file = { text, lines: new LineIndex(text) };
    for (let o = 0; o <= text.length; o++) {
      const h = hover(file, o);
      if (h) assert.doesNotMatch(h.contents, /undefined|\[object|function |native code/, `${n}: hover at ${o}: ${h.contents}`);
      for (const item of complete(file, o).items) {
        assert.doesNotMatch(`${item.label} ${item.detail ?? ''} ${typeof item.documentation === 'string' ? item.documentation : ''}`, /undefined|\[object|function |native code/, `${n}: completion at ${o}`);
      }
    }
  }
});
