// The CLI's writes in pieces (server/src/cli/fsio.ts): inPieces gives back exactly the text of its parts, in pieces
// of about the size asked, never cutting a surrogate pair; writeFileAtomic writes a string or parts byte for byte
// as one string would be written.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { inPieces, writeFileAtomic } from '../../server/src/cli/fsio';
import { prng } from '../prng';

const PAIR = '\u{1F600}'; // two UTF-16 units
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

describe('inPieces', () => {
  it('joins small parts and cuts big ones: the same text, pieces of about the size, no pair cut in two', () => {
    const rnd = prng(11);
    const alphabet = ['a', 'é', '’', PAIR, '\n', '<td>'];
    for (let round = 0; round < 200; round++) {
      const size = 2 + Math.floor(rnd() * 40);
      const parts: string[] = [];
      for (let i = Math.floor(rnd() * 12); i > 0; i--) {
        let p = '';
        for (let k = Math.floor(rnd() * size * 3); k > 0; k--) p += alphabet[Math.floor(rnd() * alphabet.length)];
        parts.push(p);
      }
      const pieces = [...inPieces(parts, size)];
      assert.equal(pieces.join(''), parts.join(''), `round ${round}`);
      for (const [i, p] of pieces.entries()) {
        assert.ok(p.length > 0);
        assert.ok(p.length <= size + 1, `piece of ${p.length} units for size ${size}`);
        if (i < pieces.length - 1) {
          assert.ok(!isHigh(p.charCodeAt(p.length - 1)), 'a piece ends between the halves of a pair');
          assert.ok(p.length >= size - 1, `an inner piece of ${p.length} units for size ${size}`);
        }
      }
    }
  });

  it('gives nothing for no text, and one piece for a short one', () => {
    assert.deepEqual([...inPieces([])], []);
    assert.deepEqual([...inPieces(['', ''])], []);
    assert.deepEqual([...inPieces(['ab', 'c'], 10)], ['abc']);
  });
});

describe('writeFileAtomic', () => {
  it('writes parts as the one string they make (UTF-8, pairs intact), replacing the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-pieces-'));
    try {
      const file = path.join(dir, 'report.html');
      fs.writeFileSync(file, 'old');
      const big = `${'x'.repeat((1 << 20) - 1)}${PAIR}${'y’'.repeat(300_000)}`;
      const parts = ['<p>', big, '</p>', PAIR, '\n'];
      writeFileAtomic(file, parts);
      assert.ok(fs.readFileSync(file).equals(Buffer.from(parts.join(''), 'utf8')));
      writeFileAtomic(file, 'plain');
      assert.equal(fs.readFileSync(file, 'utf8'), 'plain');
      assert.deepEqual(fs.readdirSync(dir), ['report.html'], 'no temp file left');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
