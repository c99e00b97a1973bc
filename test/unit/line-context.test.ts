// The cursor's context with the per-version index of shallow lines equals the plain line-by-line walk up, on the
// examples, generated big files and fuzzed texts (indentation 0-3, items, comments, tabs, document markers, CRLF).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generate } from '../../bench/generate';
import { LineIndex } from '../../server/src/service';
import { cursorContext } from '../../server/src/service/features/lineContext';

const SEED = Number(process.env.SRM_FC_SEED ?? '20261201');
const RUNS = Number(process.env.SRM_FC_RUNS ?? '1') || 1;

/** Every offset of `text` (or every `step`-th), with the index and without: the same context. */
function sameEverywhere(text: string, step = 1): number {
  const src = { text, lines: new LineIndex(text) };
  let n = 0;
  for (let o = 0; o <= text.length; o += step) {
    assert.deepEqual(cursorContext(src, o), cursorContext(src, o, 1_000_000, false), `offset ${o} of\n${text.slice(0, 2000)}`);
    n++;
  }
  return n;
}

describe('cursorContext: the shallow-line index changes nothing', () => {
  it('on every offset of every example', () => {
    const dir = join(import.meta.dirname, '..', '..', 'examples');
    let n = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) n += sameEverywhere(readFileSync(join(dir, f), 'utf8'));
    assert.ok(n > 5000, `${n} offsets`);
  });

  it('on a generated file of 300 workloads, every 7th offset (the first and the last workloads included)', () => {
    const text = generate(300, { seed: 7 });
    assert.ok(sameEverywhere(text, 7) > 10_000);
  });

  it('on fuzzed texts: lines at indentation 0-3, items, keys with and without values, comments, tabs, markers', () => {
    const line = fc.constantFrom(
      'workloads:', 'teams:', 'metadata:', '  name: x', '  list:', '  - ', ' -  deep:', '  - name: w', '  -', '  - id: t', '    model: paas', '    responsibilities:',
      '      devices: customer', '      operating-system:', '        owner: microsoft', '  # note', '# top', '', '   odd: 3',
      ' one: 1', '\tkey: tab', '---', '...', '  description: |', '    text # not a comment', '- top item', '  ', 'kind: x',
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.boolean(), (ls, crlf) => {
        sameEverywhere(ls.join(crlf ? '\r\n' : '\n'));
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(300 * RUNS)) },
    );
  });
});
