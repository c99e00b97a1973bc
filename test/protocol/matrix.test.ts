// srm/matrix and srm/matrixExport against the real server in process: the answer follows the document's
// versions (from the server's cached parse), unknown and non-srm documents answer null, exports render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MATRIX_EXPORT_REQUEST, MATRIX_REQUEST, type MatrixExportResult, type MatrixResult } from '../../shared/matrix';
import { startHarness } from './harness';

test('srm/matrix answers from the open document and follows its edits; exports render it', async () => {
  const h = await startHarness({ pull: true });
  try {
    const { uri, text } = h.open('with-mistakes.srm.yaml');
    const first = (await h.rpc.sendRequest(MATRIX_REQUEST, { uri })) as MatrixResult;
    assert.equal(first.uri, uri);
    const d = first.matrix.documents[0]!;
    assert.equal(d.name, 'contoso-mistakes');
    assert.deepEqual(d.workloads.map((w) => w.name), ['legacy-vm', 'intranet', 'legacy-vm']);
    const data = d.rows[0]!.cells[0]!;
    assert.deepEqual([d.rows[0]!.layer, data.owner, data.status], ['information-and-data', 'microsoft', 'mismatch']);
    assert.deepEqual(data.findings.map((f) => f.code), ['customer-only-duty']);
    assert.equal(text.slice(data.start, data.end), 'information-and-data: microsoft');
    assert.equal(first.reference.models.length, 4);

    // An edit: the next answer is of the new version.
    const changed = text.replace('information-and-data: microsoft', 'information-and-data: customer');
    await h.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 100 }, contentChanges: [{ text: changed }] });
    const second = (await h.rpc.sendRequest(MATRIX_REQUEST, { uri })) as MatrixResult;
    assert.equal(second.version, 100);
    const cell = second.matrix.documents[0]!.rows[0]!.cells[0]!;
    assert.deepEqual([cell.owner, cell.status, cell.findings], ['customer', 'match', []]);

    const md = (await h.rpc.sendRequest(MATRIX_EXPORT_REQUEST, { uri, format: 'md' })) as MatrixExportResult;
    assert.match(md.text, /^## contoso-mistakes\n/);
    const html = (await h.rpc.sendRequest(MATRIX_EXPORT_REQUEST, { uri, format: 'html' })) as MatrixExportResult;
    assert.match(html.text, /^<!doctype html>/);
    assert.match(html.text, /<p class="source">with-mistakes\.srm\.yaml<\/p>/);
    assert.doesNotMatch(html.text, /<script/i);

    // Not open, or not a responsibility file: null.
    assert.equal(await h.rpc.sendRequest(MATRIX_REQUEST, { uri: 'file:///nowhere/x.srm.yaml' }), null);
    const other = h.open('/tmp/plain.yaml', 'a: 1\n', 'yaml');
    assert.equal(await h.rpc.sendRequest(MATRIX_REQUEST, { uri: other.uri }), null);
    assert.equal(await h.rpc.sendRequest(MATRIX_EXPORT_REQUEST, { uri: other.uri, format: 'html' }), null);
  } finally {
    await h.close();
  }
});
