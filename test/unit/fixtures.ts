// Annotated YAML fixtures: a comment line of carets under a line marks the expected finding there:
//   `      devices: microsoft`
//   `#              ^^^^^^^^^ error customer-only-duty`
// The carets' columns are the finding's range on the line above (the nearest line that is not an annotation).
// `# @START-END severity rule` marks columns by number (for ranges starting in column 0 or 1).
// A `# fixture-options: {...}` line gives diagnose options as JSON.
//
// Complete workloads come from the model: a `# @rest: expected` line in a workload's block `responsibilities:`
// mapping, at the layer keys' indentation, stands for every layer of the model the block does not write, each with
// the owner the model expects under the workload's `model:` (`expectedOwner`), in model order, at the marker's place:
//   `    responsibilities:`
//   `      operating-system: microsoft`
//   `#                       ^^^^^^^^^ warning model-mismatch`
//   `      # @rest: expected`
// `# @rest: expected except LAYER[, LAYER...]` leaves those layers out too (a gap, or the layer a typo means).
// `# @rest: expected under MODEL` takes the owners of MODEL, for a workload whose `model:` is not a service model id.
// Markers are expanded before annotations are read, and the test runs on the expanded text; an annotation cannot
// sit right under a marker (it would point into the expansion).
//
// Baselines: a marker takes the cells of its document's baseline, the `metadata.baseline:` of the YAML document it
// sits in (else microsoft-diagram, the default), its layers in the baseline's order, `under` and `except` checked
// against that baseline's columns and layers; a `depends` cell is written `customer` (any party is accepted there).
// A built-in baseline comes from the model data; a custom one (a `kind: ResponsibilityBaseline` document of the same
// fixture) is resolved by the engine's resolver, so fixtures about a custom baseline's cells write them out instead.
// A marker in a document whose baseline does not resolve is an error.
//
// An annotation may end with a quoted text (from the first double quote to the last, no escapes) that the
// finding's message must contain:
//   `#              ^^^^^^^ error schema "is a layer of microsoft-diagram"`
// (`checkFindings` compares positions exactly and these texts by inclusion.)
import assert from 'node:assert/strict';
import { DEFAULT_BASELINE, DEPENDS, builtinBaseline, type Baseline } from '../../server/src/model';
import { scopeFromSources, type DiagnoseOptions, type Finding } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/lines';

export interface Expected {
  line: number;
  start: number;
  end: number;
  severity: string;
  code: string;
  /** Text the message must contain (an annotation's quoted suffix); absent when the annotation gives none. */
  contains?: string;
}

const ANNOTATION = /^(\s*#\s*)(\^+)\s+(error|warning|info|hint)\s+([a-z-]+)(?:\s+"(.*)")?\s*$/;
/** For ranges that start in column 0 or 1, where carets cannot sit under a comment's '#': `# @0-9 error rule`. */
const NUMERIC = /^\s*#\s*@(\d+)-(\d+)\s+(error|warning|info|hint)\s+([a-z-]+)(?:\s+"(.*)")?\s*$/;
const REST = /^( *)#\s*@rest:(.*)$/;
const REST_VALUE = /^\s*expected(?:\s+under\s+([a-z-]+))?(?:\s+except\s+([a-z-]+(?:\s*,\s*[a-z-]+)*))?\s*$/;

const isAnnotation = (l: string) => ANNOTATION.test(l) || NUMERIC.test(l);
/** Lines that are not YAML content: blank, or a comment (annotations and markers included). */
const isNoise = (l: string) => /^\s*(#.*)?$/.test(l);
const indentOf = (l: string) => /^ */.exec(l)![0].length;
/** The column of a line's first key, after its indentation and any `- ` of sequence items. */
const keyColumn = (l: string) => /^[ -]*/.exec(l)![0].length;
const keyOf = (l: string) => /^[ -]*([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/.exec(l)?.[1]?.replace(/^["']|["']$/g, '');
const scalarOf = (v: string) => v.replace(/\s+#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');

/** The `metadata.baseline:` of the YAML document holding line `at` (documents split at `---` lines), if any. */
function baselineIdAt(lines: readonly string[], at: number): string | undefined {
  const isStart = (l: string) => /^---(\s|$)/.test(l);
  let first = at;
  while (first > 0 && !isStart(lines[first] as string)) first--;
  let inMetadata = false;
  for (let i = first + (isStart(lines[first] as string) ? 1 : 0); i < lines.length && !isStart(lines[i] as string); i++) {
    const l = lines[i] as string;
    if (isNoise(l)) continue;
    if (indentOf(l) === 0) inMetadata = /^metadata:\s*(#.*)?$/.test(l);
    else if (inMetadata && keyOf(l) === 'baseline') return scalarOf(l.slice(l.indexOf(':') + 1));
  }
  return undefined;
}

/** The baseline a marker's document is checked against: a built-in, or a baseline document of the fixture. */
function baselineFor(raw: string, id: string | undefined, where: string): Baseline {
  const b = builtinBaseline(id ?? DEFAULT_BASELINE);
  if (b) return b;
  const r = scopeFromSources([{ source: 'fixture', text: raw }]).resolve(id as string);
  if (!r.ok) throw new Error(`${where}: the document's baseline "${id}" does not resolve (${r.message}); write its layers out`);
  return r.baseline;
}

/** The lines a `# @rest: ...` marker at `at` stands for. */
function expandMarker(lines: readonly string[], at: number, raw: string): string[] {
  const marker = lines[at] as string;
  const where = `fixture line ${at + 1} (${marker.trim()})`;
  const m = REST.exec(marker)!;
  const v = REST_VALUE.exec(m[2] as string);
  if (!v) throw new Error(`${where}: write "# @rest: expected", optionally with "under MODEL" and "except LAYER, ..."`);
  const indent = (m[1] as string).length;
  if (at + 1 < lines.length && isAnnotation(lines[at + 1] as string)) throw new Error(`${where}: an annotation cannot point into an expansion`);

  // The block: the lines at the marker's indentation around it, up to the `responsibilities:` key above.
  const written: string[] = [];
  let parent = -1;
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i] as string;
    if (isNoise(l)) continue;
    if (indentOf(l) < indent) {
      parent = i;
      break;
    }
    if (indentOf(l) === indent) written.push(keyOf(l) ?? '');
  }
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i] as string;
    if (isNoise(l)) {
      if (REST.test(l) && indentOf(l) === indent) throw new Error(`${where}: one @rest marker per block`);
      continue;
    }
    if (indentOf(l) < indent) break;
    if (indentOf(l) === indent) written.push(keyOf(l) ?? '');
  }
  const parentLine = lines[parent] ?? '';
  if (!/^[ -]*responsibilities:\s*(?:&[\w-]+\s*)?(?:#.*)?$/.test(parentLine)) {
    throw new Error(`${where}: a @rest marker goes in a block responsibilities mapping, at its keys' indentation`);
  }

  // The workload item: from its `- ` line to the next line left of the column of `responsibilities`.
  const col = keyColumn(parentLine);
  let first = indentOf(parentLine) < col ? parent : 0;
  if (indentOf(parentLine) >= col) {
    for (let i = parent - 1; i >= 0; i--) {
      const l = lines[i] as string;
      if (isNoise(l) || indentOf(l) >= col) continue;
      first = keyColumn(l) === col ? i : i + 1;
      break;
    }
  }
  let model: string | undefined;
  for (let i = first; i < lines.length; i++) {
    const l = lines[i] as string;
    if (isNoise(l)) continue;
    if (i > parent && indentOf(l) < col) break;
    if (keyColumn(l) === col && keyOf(l) === 'model') model = scalarOf(l.slice(l.indexOf(':') + 1));
  }
  const b = baselineFor(raw, baselineIdAt(lines, at), where);
  const of = b.id === DEFAULT_BASELINE ? 'the model' : `baseline ${b.id}`;
  const isModel = (s: string | undefined): s is string => b.hasColumn(s);
  const under = v[1];
  if (under !== undefined && !isModel(under)) throw new Error(`${where}: "${under}" is not a service model of ${of}`);
  if (under !== undefined && isModel(model) && model !== under) throw new Error(`${where}: the workload's model is ${model}, not ${under}`);
  const owners = under ?? model;
  if (!isModel(owners)) throw new Error(`${where}: the workload's model is ${JSON.stringify(model)}: add "under MODEL"`);

  const except = v[2] === undefined ? [] : v[2].split(',').map((s) => s.trim());
  for (const id of except) {
    if (!b.layer(id)) throw new Error(`${where}: ${id} is not a layer id of ${of}`);
    if (written.includes(id)) throw new Error(`${where}: ${id} is written in the block already`);
  }
  const pad = ' '.repeat(indent);
  const ownerOf = (id: string) => {
    const c = b.cell(id, owners) as string;
    return c === DEPENDS ? 'customer' : c;
  };
  return b.layerIds.filter((id) => !written.includes(id) && !except.includes(id)).map((id) => `${pad}${id}: ${ownerOf(id)}`);
}

/** The fixture's text with every `# @rest:` marker replaced by the layers it stands for (line endings kept). */
export function expandFixture(raw: string): string {
  if (!/^ *#\s*@rest:/m.test(raw)) return raw;
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const lines = raw.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (REST.test(l)) out.push(...expandMarker(lines, i, raw));
    else out.push(l);
  });
  return out.join(eol);
}

/** The expanded text of a fixture (what the test checks), its expected findings and its diagnose options. */
export function readFixture(raw: string): { text: string; expected: Expected[]; options: DiagnoseOptions } {
  const text = expandFixture(raw);
  const lines = text.split(/\r?\n/);
  const expected: Expected[] = [];
  let options: DiagnoseOptions = {};
  let target = -1;
  lines.forEach((l, i) => {
    const o = /^#\s*fixture-options:\s*(\{.*\})\s*$/.exec(l);
    if (o) options = JSON.parse(o[1] as string) as DiagnoseOptions;
    const m = ANNOTATION.exec(l);
    const n = NUMERIC.exec(l);
    if (n) {
      expected.push({ line: target, start: Number(n[1]), end: Number(n[2]), severity: n[3] as string, code: n[4] as string, ...(n[5] === undefined ? {} : { contains: n[5] }) });
    } else if (m) {
      const start = l.indexOf('^');
      expected.push({ line: target, start, end: start + (m[2] as string).length, severity: m[3] as string, code: m[4] as string, ...(m[5] === undefined ? {} : { contains: m[5] }) });
    } else target = i;
  });
  return { text, expected, options };
}

export function describeFindings(text: string, findings: readonly Finding[]): Expected[] {
  const idx = new LineIndex(text);
  return findings.map((f) => {
    const s = idx.positionAt(f.start);
    const e = idx.positionAt(f.end);
    return { line: s.line, start: s.character, end: e.line === s.line ? e.character : -1, severity: f.severity, code: f.code };
  });
}

/**
 * The findings are exactly the expected set (line, columns, severity, rule id), and each expected `contains` text is
 * in the message of the finding at its place (the first of that place and rule not yet matched).
 */
export function checkFindings(text: string, findings: readonly Finding[], expected: readonly Expected[], label: string): void {
  const got = describeFindings(text, findings);
  const bare = expected.map(({ contains: _, ...e }) => e);
  assert.deepEqual(sortExpected(got), sortExpected(bare), label);
  const used = new Set<number>();
  for (const e of expected) {
    if (e.contains === undefined) continue;
    const i = got.findIndex((g, k) => !used.has(k) && g.line === e.line && g.start === e.start && g.end === e.end && g.code === e.code && (findings[k] as Finding).message.includes(e.contains as string));
    const at = `${label}: line ${e.line + 1} ${e.code}`;
    assert.ok(i >= 0, `${at}: no message contains "${e.contains}"; got ${JSON.stringify(findings.filter((_, k) => got[k]!.line === e.line).map((f) => f.message))}`);
    used.add(i);
  }
}

export function sortExpected(xs: Expected[]): Expected[] {
  return [...xs].sort((a, b) => a.line - b.line || a.start - b.start || a.code.localeCompare(b.code));
}
