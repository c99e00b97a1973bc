// Queries over the model: who owns a layer under a model, lookups by id, and the format's field documentation.
import {
  GROUPS,
  LAYERS,
  LAYER_SYNONYMS,
  PARTIES,
  PARTY_SYNONYMS,
  SERVICE_MODELS,
  SERVICE_MODEL_SYNONYMS,
  normalizeTerm,
  type LayerGroup,
  type LayerInfo,
  type Party,
  type ServiceModel,
} from './model';
import { own } from './own';

export * from './model';
export * from './own';
export * from './fields';
export * from './schema';
export * from './baseline';
export * from './builtins';
export * from './schemaFile';

const layerById = new Map<string, LayerInfo>(LAYERS.map((l) => [l.id, l]));

export const LAYER_IDS: readonly string[] = LAYERS.map((l) => l.id);

export function getLayer(id: string): LayerInfo | undefined {
  return layerById.get(id);
}

export function isParty(s: unknown): s is Party {
  return typeof s === 'string' && (PARTIES as readonly string[]).includes(s);
}

export function isServiceModel(s: unknown): s is ServiceModel {
  return typeof s === 'string' && (SERVICE_MODELS as readonly string[]).includes(s);
}

/** The owner the model gives `layerId` under `model`, or undefined for an unknown layer. */
export function expectedOwner(layerId: string, model: ServiceModel): Party | undefined {
  const l = layerById.get(layerId);
  return l === undefined ? undefined : own(l.owners, model);
}

export function groupOf(layerId: string): LayerGroup | undefined {
  return layerById.get(layerId)?.group;
}

export function groupLabel(group: LayerGroup): string {
  return GROUPS.find((g) => g.id === group)?.label ?? group;
}

export function isCloudModel(model: ServiceModel): boolean {
  return model !== 'on-premises';
}

/** Layer ids a user's word stands for (a synonym from the source article, or a different spelling). */
export function layerSynonym(word: string): readonly string[] {
  const n = normalizeTerm(word);
  if (layerById.has(n)) return [n];
  return own(LAYER_SYNONYMS, n) ?? [];
}

export function serviceModelSynonym(word: string): ServiceModel | undefined {
  const n = normalizeTerm(word);
  if (isServiceModel(n)) return n;
  return own(SERVICE_MODEL_SYNONYMS, n);
}

export function partySynonym(word: string): Party | undefined {
  const n = normalizeTerm(word);
  if (isParty(n)) return n;
  return own(PARTY_SYNONYMS, n);
}
