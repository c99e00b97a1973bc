// Markdown that hovers and completion items share: a layer's owners per model, a party, a service model, a rule.
// Written to read well as plain text too (short lines, small tables, no HTML).
import {
  GROUPS,
  LAYERS,
  PARTIES,
  PARTY_DOCS,
  SERVICE_MODELS,
  SERVICE_MODEL_INFO,
  expectedOwner,
  getLayer,
  type LayerInfo,
  type Party,
  type ServiceModel,
} from '../../model';
import { getRule } from '../rules/registry';

/** One row per service model: `| paas | microsoft |`, the workload's own model marked. */
export function ownersByModel(layer: LayerInfo, model?: ServiceModel): string {
  const rows = SERVICE_MODELS.map((m) => `| ${m}${m === model ? ' (this workload)' : ''} | ${layer.owners[m]} |`);
  return ['| service model | owner |', '| --- | --- |', ...rows].join('\n');
}

export function layerDoc(layer: LayerInfo, model?: ServiceModel): string {
  const group = GROUPS.find((g) => g.id === layer.group);
  const parts = [
    `**${layer.label}** (\`${layer.id}\`)`,
    layer.doc,
    `Group: ${group?.label ?? layer.group}. ${group?.doc ?? ''}`.trim(),
    ownersByModel(layer, model),
  ];
  if (model) parts.push(`Under \`${model}\` the model expects: **${layer.owners[model]}**.`);
  return parts.join('\n\n');
}

export function partyDoc(party: Party, layerId?: string, model?: ServiceModel): string {
  const parts = [`**${party}** (party)`, PARTY_DOCS[party]];
  const layer = layerId ? getLayer(layerId) : undefined;
  if (layer && model) {
    const want = expectedOwner(layer.id, model);
    parts.push(
      want === party
        ? `This is the owner the model expects for \`${layer.id}\` under \`${model}\`.`
        : `Under \`${model}\` the model expects **${want}** for \`${layer.id}\`, not ${party}.`,
    );
  }
  return parts.join('\n\n');
}

export function modelDoc(model: ServiceModel): string {
  const info = SERVICE_MODEL_INFO[model];
  const counts = PARTIES.map((p) => `${p}: ${LAYERS.filter((l) => l.owners[model] === p).length}`).join(', ');
  return [`**${info.label}** (\`${model}\`, service model)`, info.doc, `Layers per owner under ${model}: ${counts}.`].join('\n\n');
}

export function ruleDoc(id: string): string | undefined {
  const r = getRule(id);
  if (!r) return undefined;
  return [`**${r.id}** (srm rule, default severity ${r.defaultSeverity})`, r.summary, `Why: ${r.why}`, `Fix: ${r.fix}`].join('\n\n');
}
