// Markdown that hovers and completion items share: a layer's owners per model, a party, a service model, a baseline,
// a rule. Everything comes from the document's baseline. Written to read well as plain text too (short lines, small
// tables, no HTML).
import {
  BUILTIN_BASELINES,
  CUSTOMER,
  DEFAULT_BASELINE,
  DEPENDS,
  GROUPS,
  KIND_LABEL,
  MICROSOFT_DIAGRAM,
  PARTY_DOCS,
  SHARED,
  own,
  type Baseline,
  type LayerDef,
  type ServiceEntry,
} from '../../model';
import { getRule } from '../rules/registry';

/** One row per column: `| paas | microsoft |`, the workload's own model marked. */
export function ownersByModel(layer: LayerDef, model?: string, b: Baseline = MICROSOFT_DIAGRAM): string {
  const dflt = b.id === DEFAULT_BASELINE;
  const rows = b.columns.map(
    (c) => `| ${c.id}${dflt ? '' : ` (${c.label})`}${c.id === model ? ' (this workload)' : ''} | ${own(layer.owners, c.id) ?? ''} |`,
  );
  return ['| service model | owner |', '| --- | --- |', ...rows].join('\n');
}

/** Where the other built-in baselines differ on this layer: "Under microsoft-2026, devices is shared under SaaS." */
export function otherEditions(layer: LayerDef, b: Baseline): string[] {
  const out: string[] = [];
  for (const x of BUILTIN_BASELINES) {
    if (x.id === b.id) continue;
    const other = x.layer(layer.id);
    if (!other) {
      if (b.builtin || b.def.extends !== x.id) out.push(`Under ${x.id}, there is no ${layer.id} layer.`);
      continue;
    }
    const diffs = b.columns
      .filter((c) => x.hasColumn(c.id) && own(other.owners, c.id) !== own(layer.owners, c.id))
      .map((c) => `${own(other.owners, c.id)} under ${x.columnLabel(c.id)}`);
    if (diffs.length > 0) out.push(`Under ${x.id}, ${layer.id} is ${diffs.join(', ')}.`);
  }
  return out;
}

export function layerDoc(layer: LayerDef, model?: string, b: Baseline = MICROSOFT_DIAGRAM): string {
  const kind = b.kindOf(layer.id) ?? 'varies';
  const groupDoc = b.id === DEFAULT_BASELINE ? (GROUPS.find((g) => g.id === kind)?.doc ?? '') : '';
  const group = b.groupOf(layer.id) ?? KIND_LABEL[kind];
  const parts = [`**${layer.label}** (\`${layer.id}\`)`];
  if (layer.doc) parts.push(layer.doc);
  parts.push(`Group: ${group}. ${groupDoc}`.trim());
  if (layer.notes) parts.push(layer.notes);
  parts.push(ownersByModel(layer, model, b));
  if (model) {
    const want = own(layer.owners, model);
    if (want === DEPENDS) parts.push(`Under \`${model}\` it depends on the choice made there: any party is accepted.`);
    else if (want) parts.push(`Under \`${model}\` ${b.id === DEFAULT_BASELINE ? 'the model' : `baseline \`${b.id}\``} expects: **${want}**.`);
  }
  if (b.id !== DEFAULT_BASELINE) parts.push(`Baseline: \`${b.id}\` (${b.def.title}).`);
  if (layer.added) parts.push(`Added by \`${b.id}\`${layer.reason ? `: ${layer.reason}` : '.'}`);
  for (const o of layer.overrides ?? []) {
    parts.push(`\`${b.id}\` moves the ${o.column} cell from ${o.was} to ${own(layer.owners, o.column)}${o.reason ? `: ${o.reason}` : ' (no reason given).'}`);
  }
  const others = otherEditions(layer, b);
  if (others.length > 0) parts.push(others.join(' '));
  return parts.join('\n\n');
}

function partyText(party: string, b: Baseline): string {
  if (party === CUSTOMER) return PARTY_DOCS.customer;
  if (party === SHARED) return PARTY_DOCS.shared;
  if (party === DEPENDS) return 'Depends on the choice made under this model: any party is accepted for the layer.';
  if (party === 'microsoft' && b.provider.id === 'microsoft') return PARTY_DOCS.microsoft;
  return `${b.provider.label}, as the cloud provider, does this work and answers for it.`;
}

export function partyDoc(party: string, layerId?: string, model?: string, b: Baseline = MICROSOFT_DIAGRAM): string {
  const parts = [`**${party}** (party)`, partyText(party, b)];
  const layer = layerId ? b.layer(layerId) : undefined;
  if (layer && model) {
    const want = own(layer.owners, model);
    const who = b.id === DEFAULT_BASELINE ? 'the model' : `baseline \`${b.id}\``;
    if (want === DEPENDS) parts.push(`Under \`${model}\` ${who} accepts any party for \`${layer.id}\` (it depends on the choice made there).`);
    else if (want !== undefined) {
      parts.push(
        want === party
          ? `This is the owner ${who} expects for \`${layer.id}\` under \`${model}\`.`
          : `Under \`${model}\` ${who} expects **${want}** for \`${layer.id}\`, not ${party}.`,
      );
    }
  }
  return parts.join('\n\n');
}

export function modelDoc(model: string, b: Baseline = MICROSOFT_DIAGRAM): string {
  const c = b.column(model);
  if (!c) return `\`${model}\` is not a model of baseline \`${b.id}\`: use ${b.columnIds.join(', ')}.`;
  const counts = [...b.parties, DEPENDS]
    .map((p) => [p, b.layers.filter((l) => own(l.owners, model) === p).length] as const)
    .filter(([p, n]) => n > 0 || p !== DEPENDS)
    .map(([p, n]) => `${p}: ${n}`)
    .join(', ');
  const label = b.id === DEFAULT_BASELINE ? `**${c.label}** (\`${model}\`, service model)` : `**${c.label}** (\`${model}\`, a column of \`${b.id}\`)`;
  const parts = [label];
  if (c.doc) parts.push(c.doc);
  if (!c.cloud && model !== 'on-premises') parts.push('Not a cloud column: the customer runs everything here, so a mismatch is an error.');
  parts.push(`Layers per owner under ${model}: ${counts}.`);
  return parts.join('\n\n');
}

/** A catalogued service: its models, the source, and whether the source states the model or it is inferred. */
export function serviceDoc(e: ServiceEntry, b: Baseline): string {
  const parts = [`**${e.name}** (service, ${e.models.map((m) => `\`${m}\``).join(' or ')})`];
  if (e.aliases.length > 0) parts.push(`Also written: ${e.aliases.join(', ')}.`);
  parts.push(
    e.confidence === 'stated'
      ? `Stated: ${e.source} names the model.`
      : `Inferred: ${e.source} describes the service as managed without naming a model.`,
  );
  if (e.models.length > 1) parts.push(`It runs under ${e.models.join(' or ')}: either model is accepted.`);
  parts.push(`From the service catalogue of \`${b.id}\`.`);
  return parts.join('\n\n');
}

/** A baseline: where it comes from, its provider, columns and rows, and for a custom one what it changes and why. */
export function baselineDoc(b: Baseline, where?: string): string {
  const parts = [`**${b.id}** (${b.builtin ? 'built-in baseline' : 'custom baseline'}${b.id === DEFAULT_BASELINE ? ', the default' : ''})`, b.def.title];
  if (b.def.description && b.def.description !== b.def.title) parts.push(b.def.description);
  if (b.def.source) parts.push(`Source: ${b.def.source}`);
  if (b.def.sourceNote) parts.push(b.def.sourceNote);
  if (where) parts.push(`Defined in ${where}.`);
  parts.push(`Provider: ${b.provider.label} (\`${b.provider.id}\`).`);
  parts.push(`Columns: ${b.columns.map((c) => `\`${c.id}\` (${c.label}${c.cloud ? '' : ', not cloud'})`).join(', ')}.`);
  parts.push(`Rows: ${b.layers.length}, in ${b.groups().map((g) => `${g.label} (${g.layers.length})`).join(', ')}.`);
  if (b.def.extends) {
    const changes: string[] = [];
    for (const l of b.layers) {
      if (l.added) changes.push(`- adds \`${l.id}\`${l.reason ? `: ${l.reason}` : ''}`);
      for (const o of l.overrides ?? []) changes.push(`- \`${l.id}\` under ${o.column}: ${o.was} → ${own(l.owners, o.column)}${o.reason ? ` (${o.reason})` : ''}`);
    }
    for (const r of b.def.removed ?? []) changes.push(`- removes \`${r}\``);
    parts.push(`Extends \`${b.def.extends}\`${changes.length ? ':' : ' and changes nothing.'}${changes.length ? `\n${changes.join('\n')}` : ''}`);
  }
  return parts.join('\n\n');
}

export function ruleDoc(id: string): string | undefined {
  const r = getRule(id);
  if (!r) return undefined;
  return [`**${r.id}** (srm rule, default severity ${r.defaultSeverity})`, r.summary, `Why: ${r.why}`, `Fix: ${r.fix}`].join('\n\n');
}
