// The server's document cache: each version is parsed from the previous one, above the size limit too (where only
// the syntax is reported): an edit must reuse the other workloads' work, not re-parse a big file per keystroke.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generate } from '../../bench/generate';
import { DocumentCache } from '../../server/src/lsp/documents';

for (const syntaxOnly of [false, true]) {
  test(`an edit reuses the untouched workloads' analyses (${syntaxOnly ? 'syntax only' : 'full check'})`, () => {
    const cache = new DocumentCache();
    const text = generate(40, { seed: 4 });
    const v1 = TextDocument.create('file:///w.srm.yaml', 'srm', 1, text);
    const first = cache.parsed(v1, syntaxOnly);
    const at = text.indexOf('service: ') + 'service: '.length;
    const v2 = TextDocument.update(v1, [{ range: { start: v1.positionAt(at), end: v1.positionAt(at) }, text: 'x' }], 2);
    const second = cache.parsed(v2, syntaxOnly);
    const a = first.documents[0]?.workloads ?? [];
    const b = second.documents[0]?.workloads ?? [];
    assert.equal(a.length, 40);
    assert.equal(b.length, 40);
    // The edited workload (the first) is new; every other one is the same analysis object, not a re-parse.
    assert.notEqual(b[0]?.analysis, a[0]?.analysis);
    for (let i = 1; i < 40; i++) assert.equal(b[i]?.analysis, a[i]?.analysis, `workload ${i}`);
  });
}
