// docs/baselines.md's tables of the built-in baselines are generated from their data (scripts/baselineDocs.ts):
// the committed page must be what the generator writes ("run npm run generate").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASELINE_DOCS_PATH, baselineDocsText, baselineSection } from '../../scripts/baselineDocs';
import { BUILTIN_BASELINES, MICROSOFT_AI } from '../../server/src/model';

const root = path.join(__dirname, '..', '..');

test('docs/baselines.md is what the generator writes (run npm run generate)', () => {
  const doc = readFileSync(path.join(root, BASELINE_DOCS_PATH), 'utf8');
  assert.equal(doc, baselineDocsText(doc), 'stale: run npm run generate');
});

test('docs/baselines.md has one generated table per built-in, with its cells, and the AI source note', () => {
  const doc = readFileSync(path.join(root, BASELINE_DOCS_PATH), 'utf8');
  for (const b of BUILTIN_BASELINES) {
    const open = `<!-- generated:${baselineSection(b.id)} -->`;
    const close = `<!-- /generated:${baselineSection(b.id)} -->`;
    const body = doc.slice(doc.indexOf(open), doc.indexOf(close));
    assert.ok(doc.includes(open) && doc.indexOf(close) > doc.indexOf(open), b.id);
    for (const l of b.layers) assert.ok(body.includes(`| \`${l.id}\` |`), `${b.id} ${l.id}`);
  }
  assert.ok(doc.includes(MICROSOFT_AI.def.sourceNote as string));
  assert.match(doc, /read from that image/);
  // A missing section is an error, not a silent no-op.
  assert.throws(() => baselineDocsText('# nothing here\n'), /no <!-- generated:baseline-microsoft-diagram -->/);
});
