// `srm matrix --format html`: a standalone page of the same matrix (the view's "Save as HTML"), from a file, stdin
// or to --output; no script, no remote content.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { rm, srm, tree } from './helpers';

const cleanups: string[] = [];
after(() => cleanups.forEach(rm));

describe('srm matrix --format html', () => {
  it('writes a standalone page of the example, violations outlined, to stdout or --output', () => {
    const r = srm(['matrix', 'examples/with-mistakes.srm.yaml', '--format', 'html']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<!doctype html>\n/);
    assert.match(r.stdout, /<p class="source">examples\/with-mistakes\.srm\.yaml<\/p>/);
    assert.match(r.stdout, /class="cell s-mismatch p-microsoft violation" title="[^"]*customer-only-duty: /);
    assert.doesNotMatch(r.stdout, /<script|https?:\/\/[^"\s]*\.(js|css)/i);
    const dir = tree({});
    cleanups.push(dir);
    const out = path.join(dir, 'm.html');
    const w = srm(['matrix', 'examples/with-mistakes.srm.yaml', '--format', 'html', '--output', out]);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(fs.readFileSync(out, 'utf8'), r.stdout);
  });

  it('reads stdin, named by --stdin-filepath, and escapes what it shows', () => {
    const input = 'apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: x\nworkloads:\n  - name: "<b>w</b>"\n    model: iaas\n    responsibilities: {}\n';
    const r = srm(['matrix', '--stdin', '--stdin-filepath', 'a<b>.srm.yaml', '--format', 'html'], { input });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes('&lt;b&gt;w&lt;/b&gt;'));
    assert.ok(r.stdout.includes('a&lt;b&gt;.srm.yaml'));
    assert.doesNotMatch(r.stdout, /<b>/);
  });

  it('is listed in the usage and the help', () => {
    assert.match(srm(['--help']).stdout, /--format md\|csv\|json\|html/);
    const bad = srm(['matrix', 'examples/with-mistakes.srm.yaml', '--format', 'pdf']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /md, csv, json, html/);
  });
});
