// Baselines as text: the rows of `srm baselines`, one baseline as Markdown, JSON or CSV (`srm baselines show`), and
// what differs between two baselines (`srm baselines diff`). docs/baselines.md's tables are this Markdown too
// (scripts/baselineDocs.ts). Pure: Baseline values in, strings and plain objects out.
import { DEPENDS, own, type Baseline, type Column, type LayerDef, type LayerKind } from '../../model';
import { csvTable, mdLink, mdText, safeLinkUrl } from '../exportText';

// ---- the list ----

/** One line of `srm baselines`. */
export interface BaselineListRow {
  id: string;
  /** The provider party's id; null when the baseline could not be built. */
  provider: string | null;
  /** The column (model) ids, in order. */
  columns: string[];
  /** The number of layers (rows); null when the baseline could not be built. */
  rows: number | null;
  source: string | null;
  /** "built-in", or the file that defines it. */
  where: string;
  /** The first error of a baseline that could not be built (the others are in `srm lint`). */
  error?: string;
}

/**
 * The list row of a baseline. `where`: "built-in" for a built-in, else the path to show (default: the file the
 * baseline says it was defined in). For a custom baseline that could not be built, pass `baseline` undefined, its id
 * and its errors.
 */
export function baselineListRow(
  entry: Baseline | { id: string; baseline?: Baseline; where?: string; errors?: readonly string[] },
): BaselineListRow {
  const e = isBaseline(entry) ? { id: entry.id, baseline: entry } : entry;
  const b = e.baseline;
  const where = b?.def.builtin ? 'built-in' : (e.where ?? b?.def.definedAt?.source ?? '');
  const row: BaselineListRow = {
    id: e.id,
    provider: b ? b.provider.id : null,
    columns: b ? [...b.columnIds] : [],
    rows: b ? b.layers.length : null,
    source: b?.def.source ?? null,
    where,
  };
  const first = e.errors?.[0];
  if (first !== undefined) row.error = first;
  else if (!b) row.error = 'could not be read';
  return row;
}

function isBaseline(x: unknown): x is Baseline {
  return typeof x === 'object' && x !== null && 'def' in x && 'layerIds' in x;
}

/** `srm baselines`: a plain table aligned with spaces (no colour, no Markdown), a header line first. */
export function baselineListText(rows: readonly BaselineListRow[]): string {
  const head = ['ID', 'PROVIDER', 'COLUMNS', 'ROWS', 'WHERE', 'SOURCE'];
  const lines = rows.map((r) => [
    r.id,
    r.provider ?? '-',
    r.columns.length > 0 ? r.columns.join(',') : '-',
    r.rows === null ? '-' : String(r.rows),
    r.where,
    r.error !== undefined ? `error: ${r.error}` : (r.source ?? '-'),
  ]);
  const all = [head, ...lines].map((l) => l.map(flat));
  const widths = head.map((_, i) => Math.max(...all.map((l) => (l[i] as string).length)));
  return all
    .map((l) => l.map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ').trimEnd())
    .join('\n')
    .concat('\n');
}

/** `srm baselines --format json`: `{ baselines: [...] }`, keys in a fixed order. */
export function baselineListJson(rows: readonly BaselineListRow[]): string {
  const out = rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    columns: r.columns,
    rows: r.rows,
    source: r.source,
    where: r.where,
    ...(r.error !== undefined ? { error: r.error } : {}),
  }));
  return `${JSON.stringify({ baselines: out }, null, 2)}\n`;
}

/** An id as inline code; anything that is not a plain id (an invalid custom one) as escaped text instead. */
function code(s: string): string {
  return /^[A-Za-z0-9._:-]+$/.test(s) ? `\`${s}\`` : mdText(s);
}

/** One line of plain text: line breaks and tabs become spaces. */
function flat(s: string): string {
  return s.replace(/[\r\n\t\u0085\u2028\u2029]+/g, ' ');
}

// ---- one baseline ----

/** How a cell is written: the party, or `depends`. */
function cellText(cell: string | undefined): string {
  return cell ?? '';
}

/** The override of `layer`'s cell under `column`, if the baseline changed it. */
function overrideOf(layer: LayerDef, column: string): { was: string; reason?: string } | undefined {
  return layer.overrides?.find((o) => o.column === column);
}

/** Whether the baseline changed anything of its base (a custom baseline with extends). */
function hasChanges(b: Baseline): boolean {
  return b.layers.some((l) => l.added === true || (l.overrides?.length ?? 0) > 0) || (b.def.removed?.length ?? 0) > 0;
}

/** A column's header: its label, with its id when the label does not spell the id (what `model:` takes). */
function columnHeader(c: Column): string {
  const spelt = c.label.trim().toLowerCase().replace(/\s+/g, '-') === c.id;
  return spelt ? mdText(c.label) : `${mdText(c.label)}, ${code(c.id)}`;
}

/** A source as Markdown: a link when it is a URL, else plain text. */
function mdSource(s: string): string {
  return safeLinkUrl(s) !== undefined && !/\s/.test(s.trim()) ? mdLink(s.trim()) : mdText(s);
}

export interface BaselineMarkdownOptions {
  /** Start with a `## id: title` heading (default true). */
  heading?: boolean;
}

/**
 * A baseline as Markdown: the heading and description, a table (layer id, label, group, one column per model, the
 * cells), then the source and its note. For a custom baseline, a changed cell is bold with what it was, and the
 * changes are listed with their reasons under the table.
 */
export function baselineMarkdown(b: Baseline, opts: BaselineMarkdownOptions = {}): string {
  const out: string[] = [];
  if (opts.heading !== false) out.push(`## ${code(b.id)}: ${mdText(b.def.title)}`, '');
  if (b.def.description) out.push(mdText(b.def.description), '');
  const provider = `Provider: ${mdText(b.provider.label)} (${code(b.provider.id)})`;
  out.push(b.def.extends !== undefined ? `${provider}. Extends ${code(b.def.extends)}.` : `${provider}.`, '');
  out.push(`| layer id | label | group | ${b.columns.map(columnHeader).join(' | ')} |`);
  out.push(`| --- | --- | --- |${b.columns.map(() => ' --- |').join('')}`);
  for (const l of b.layers) {
    const cells = b.columns.map((c) => {
      const text = mdText(cellText(own(l.owners, c.id)));
      const o = overrideOf(l, c.id);
      return o ? `**${text}** (was ${mdText(o.was)})` : text;
    });
    const id = l.added ? `${code(l.id)} (added)` : code(l.id);
    out.push(`| ${id} | ${mdText(l.label)} | ${mdText(b.groupOf(l.id) ?? '')} | ${cells.join(' | ')} |`);
  }
  out.push('');
  if (hasChanges(b)) {
    out.push(`Changes from ${code(b.def.extends ?? 'its base')}:`, '');
    for (const l of b.layers) {
      if (l.added) out.push(`- ${code(l.id)} added${l.reason ? `: ${mdText(l.reason)}` : ''}`);
      for (const o of l.overrides ?? []) {
        const cell = `${code(l.id)} under ${code(o.column)}: ${mdText(cellText(own(l.owners, o.column)))} (was ${mdText(o.was)})`;
        const reason = o.reason ?? l.reason;
        out.push(`- ${cell}: ${reason ? mdText(reason) : 'no reason given'}`);
      }
    }
    for (const r of b.def.removed ?? []) out.push(`- ${code(r)} removed`);
    out.push('');
  }
  const ofKind = (k: LayerKind): string => {
    const ids = b.layers.filter((l) => b.kindOf(l.id) === k).map((l) => code(l.id));
    return ids.length === 0 ? 'none' : ids.join(', ');
  };
  out.push(`Customer-only layers (\`customer-only-duty\` when given to another party): ${ofKind('customer-always')}.`, '');
  out.push(`Provider-only layers in the cloud columns (\`provider-only-duty\`): ${ofKind('provider-in-cloud')}.`, '');
  if (b.layers.some((l) => b.columns.some((c) => own(l.owners, c.id) === DEPENDS))) {
    out.push(`${code(DEPENDS)}: the owner depends on the choice made within the column; any party is accepted there.`, '');
  }
  if (b.def.source) out.push(`Source: ${mdSource(b.def.source)}`, '');
  if (b.def.sourceNote) out.push(`Note: ${mdText(b.def.sourceNote)}`, '');
  if (b.services.length > 0) out.push(servicesMarkdown(b), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** The service catalogue as a Markdown table: service, aliases, models, basis (stated or inferred, and the source). */
export function servicesMarkdown(b: Baseline): string {
  const rows = b.services.map(
    (e) =>
      `| ${mdText(e.name)} | ${e.aliases.map(mdText).join(', ')} | ${e.models.map(code).join(', ')} | ${e.confidence}: ${mdText(e.source)} |`,
  );
  return [
    `Service catalogue (\`service-model-mismatch\` when a workload's \`model\` is none of its service's models):`,
    '',
    '| service | aliases | models | basis |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The JSON of a baseline (`srm baselines show --format json`): every key always present, in a fixed order. */
export interface BaselineJson {
  id: string;
  title: string;
  description: string | null;
  source: string | null;
  sourceNote: string | null;
  builtin: boolean;
  extends: string | null;
  removed: string[];
  provider: { id: string; label: string };
  columns: { id: string; label: string; cloud: boolean }[];
  layers: {
    id: string;
    label: string;
    group: string;
    kind: LayerKind;
    owners: Record<string, string>;
    doc: string | null;
    added: boolean;
    reason: string | null;
    overrides: { column: string; was: string; reason: string | null }[];
  }[];
  services: { name: string; aliases: string[]; models: string[]; source: string; confidence: 'stated' | 'inferred' }[];
}

export function baselineObject(b: Baseline): BaselineJson {
  return {
    id: b.id,
    title: b.def.title,
    description: b.def.description ?? null,
    source: b.def.source ?? null,
    sourceNote: b.def.sourceNote ?? null,
    builtin: b.def.builtin,
    extends: b.def.extends ?? null,
    removed: [...(b.def.removed ?? [])],
    provider: { id: b.provider.id, label: b.provider.label },
    columns: b.columns.map((c) => ({ id: c.id, label: c.label, cloud: c.cloud })),
    layers: b.layers.map((l) => ({
      id: l.id,
      label: l.label,
      group: b.groupOf(l.id) ?? '',
      kind: b.kindOf(l.id) ?? 'varies',
      // In the baseline's column order, whatever order the definition wrote them in.
      owners: Object.fromEntries(b.columns.filter((c) => own(l.owners, c.id) !== undefined).map((c) => [c.id, own(l.owners, c.id) as string])),
      doc: l.doc ?? null,
      added: l.added === true,
      reason: l.reason ?? null,
      overrides: (l.overrides ?? []).map((o) => ({ column: o.column, was: o.was, reason: o.reason ?? l.reason ?? null })),
    })),
    services: b.services.map((e) => ({ name: e.name, aliases: [...e.aliases], models: [...e.models], source: e.source, confidence: e.confidence })),
  };
}

export function baselineJson(b: Baseline): string {
  return `${JSON.stringify(baselineObject(b), null, 2)}\n`;
}

/**
 * A baseline as CSV: `layer,label,group,<column ids...>`, one row per layer (RFC 4180, CRLF, fields by csvCell). A
 * custom baseline that changed its base has a last column `changes`: what each changed cell was, and why.
 */
export function baselineCsv(b: Baseline): string {
  const changes = hasChanges(b);
  const head = ['layer', 'label', 'group', ...b.columnIds, ...(changes ? ['changes'] : [])];
  const rows = b.layers.map((l) => {
    const cells = b.columnIds.map((c) => cellText(own(l.owners, c)));
    if (!changes) return [l.id, l.label, b.groupOf(l.id) ?? '', ...cells];
    const what = [
      ...(l.added ? [`added${l.reason ? `: ${l.reason}` : ''}`] : []),
      ...(l.overrides ?? []).map((o) => {
        const reason = o.reason ?? l.reason;
        return `${o.column} was ${o.was}${reason ? `: ${reason}` : ''}`;
      }),
    ];
    return [l.id, l.label, b.groupOf(l.id) ?? '', ...cells, what.join('; ')];
  });
  return csvTable([head, ...rows]);
}

// ---- two baselines ----

export interface BaselineDiff {
  a: string;
  b: string;
  /** The provider party ids, when they differ (every provider cell then differs too). */
  providers?: { a: string; b: string };
  layers: { onlyInA: { id: string; label: string }[]; onlyInB: { id: string; label: string }[] };
  columns: { onlyInA: { id: string; label: string }[]; onlyInB: { id: string; label: string }[] };
  /** Cells of the layers and columns both have (by id) whose owner differs: in A's layer and column order. */
  cells: { layer: string; column: string; a: string; b: string }[];
}

/** What differs between A and B: layers and columns (by id) only one has, and the cells they share that differ. Labels do not count. */
export function diffBaselines(a: Baseline, b: Baseline): BaselineDiff {
  const pick = (x: { id: string; label: string }) => ({ id: x.id, label: x.label });
  const cells: BaselineDiff['cells'] = [];
  for (const l of a.layers) {
    const other = b.layer(l.id);
    if (!other) continue;
    for (const c of a.columns) {
      if (!b.hasColumn(c.id)) continue;
      const x = cellText(own(l.owners, c.id));
      const y = cellText(own(other.owners, c.id));
      if (x !== y) cells.push({ layer: l.id, column: c.id, a: x, b: y });
    }
  }
  return {
    a: a.id,
    b: b.id,
    ...(a.provider.id !== b.provider.id ? { providers: { a: a.provider.id, b: b.provider.id } } : {}),
    layers: {
      onlyInA: a.layers.filter((l) => !b.layer(l.id)).map(pick),
      onlyInB: b.layers.filter((l) => !a.layer(l.id)).map(pick),
    },
    columns: {
      onlyInA: a.columns.filter((c) => !b.hasColumn(c.id)).map(pick),
      onlyInB: b.columns.filter((c) => !a.hasColumn(c.id)).map(pick),
    },
    cells,
  };
}

export function diffIsEmpty(d: BaselineDiff): boolean {
  return (
    d.providers === undefined &&
    d.layers.onlyInA.length + d.layers.onlyInB.length + d.columns.onlyInA.length + d.columns.onlyInB.length + d.cells.length === 0
  );
}

/** The diff as Markdown: a heading, the layers and columns only one side has, a table of the cells that differ. */
export function baselineDiffMarkdown(d: BaselineDiff): string {
  const A = code(d.a);
  const B = code(d.b);
  const out: string[] = [`## ${A} → ${B}`, ''];
  if (diffIsEmpty(d)) {
    out.push('No differences: the same layers, columns and cells.');
    return `${out.join('\n')}\n`;
  }
  if (d.providers) out.push(`Providers differ: ${code(d.providers.a)} in ${A}, ${code(d.providers.b)} in ${B}.`, '');
  const list = (title: string, items: { id: string; label: string }[]): void => {
    out.push(`${title}:${items.length === 0 ? ' none' : ''}`, '');
    if (items.length === 0) return;
    for (const i of items) out.push(`- ${code(i.id)} (${mdText(i.label)})`);
    out.push('');
  };
  list(`Layers only in ${A}`, d.layers.onlyInA);
  list(`Layers only in ${B}`, d.layers.onlyInB);
  if (d.columns.onlyInA.length + d.columns.onlyInB.length > 0) {
    list(`Columns only in ${A}`, d.columns.onlyInA);
    list(`Columns only in ${B}`, d.columns.onlyInB);
  }
  out.push(`Cells that differ (layers and columns in both):${d.cells.length === 0 ? ' none' : ''}`, '');
  if (d.cells.length > 0) {
    out.push(`| layer | column | ${A} | ${B} |`, '| --- | --- | --- | --- |');
    for (const c of d.cells) out.push(`| ${code(c.layer)} | ${code(c.column)} | ${mdText(c.a)} | ${mdText(c.b)} |`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function baselineDiffJson(d: BaselineDiff): string {
  const out = {
    a: d.a,
    b: d.b,
    providers: d.providers ?? null,
    layers: d.layers,
    columns: d.columns,
    cells: d.cells,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
