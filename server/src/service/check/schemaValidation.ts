// JSON Schema validation with ajv (strict mode, the generated schema object), and the YAML nodes an error's path
// points at (rules/schema.ts turns the errors into findings).
import Ajv from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import {
  EDITOR_KEYWORDS,
  MICROSOFT_DIAGRAM,
  buildBaselineDocumentSchema,
  buildRegistrySchema,
  buildSchema,
  schemaIdFor,
  type Baseline,
} from '../../model';

export type Segment = string | number;

interface Validators {
  workload: ValidateFunction;
  header: ValidateFunction;
}

/** Compiled validators per baseline (by its key): a custom baseline's exact schema is compiled once, in memory. */
const cache = new Map<string, Validators>();
/** Custom baselines edited over a long session must not grow the cache without bound. */
const MAX_CACHED = 64;
let baselineDocValidator: ValidateFunction | undefined;
let registryValidator: ValidateFunction | undefined;

/** The shape of a team registry document. */
export function validateRegistryValue(value: unknown): ErrorObject[] {
  if (!registryValidator) registryValidator = createAjv().compile(buildRegistrySchema());
  const v = registryValidator;
  return v(value) ? [] : [...(v.errors ?? [])];
}

/** Compiles the generated schema once, in strict mode. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(s) });
  return ajv;
}

function validators(b: Baseline): Validators {
  const hit = cache.get(b.key);
  if (hit) return hit;
  const ajv = createAjv();
  // Built-ins compile their full schema (the one the files carry); a custom baseline the lean one (same errors).
  const schema = buildSchema(b, { lean: !b.builtin });
  const id = schemaIdFor(b);
  ajv.addSchema(schema);
  const workload = ajv.getSchema(`${id}#/$defs/workload`);
  // The header: the same schema with each workload left to its own check (workloads are validated one by one).
  const header = structuredClone(schema) as Record<string, any>;
  header.$id = id.replace(/\.schema\.json$/, '-header.schema.json');
  header.properties.workloads = { ...header.properties.workloads, items: true };
  delete header.$defs.workload;
  const headerFn = ajv.compile(header);
  if (!workload) throw new Error('schema has no workload definition');
  const made = { workload, header: headerFn };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(b.key, made);
  return made;
}

export function validateWorkloadValue(value: unknown, b: Baseline = MICROSOFT_DIAGRAM): ErrorObject[] {
  const v = validators(b).workload;
  return v(value) ? [] : [...(v.errors ?? [])];
}

export function validateHeaderValue(value: unknown, b: Baseline = MICROSOFT_DIAGRAM): ErrorObject[] {
  const v = validators(b).header;
  return v(value) ? [] : [...(v.errors ?? [])];
}

/** The shape of a baseline document (its meaning is the resolver's). */
export function validateBaselineDocumentValue(value: unknown): ErrorObject[] {
  if (!baselineDocValidator) {
    const ajv = createAjv();
    baselineDocValidator = ajv.compile(buildBaselineDocumentSchema());
  }
  const v = baselineDocValidator;
  return v(value) ? [] : [...(v.errors ?? [])];
}

// ---------------------------------------------------------------- path -> node

export interface Located {
  node: Node | null;
  pair: Pair | null;
  parentPair: Pair | null;
  parent: Node | null;
}

export function pairFor(map: Node, key: string): Pair | null {
  if (!isMap(map)) return null;
  let found: Pair | null = null;
  for (const p of map.items) {
    const k = isScalar(p.key) ? String(p.key.value) : p.key === null ? '' : undefined;
    if (k === key) found = p as Pair; // the last one wins, as in toJS
  }
  return found;
}

export function locate(root: Node | null, path: readonly Segment[]): Located {
  let node: Node | null = root;
  let pair: Pair | null = null;
  let parentPair: Pair | null = null;
  let parent: Node | null = null;
  for (const seg of path) {
    if (!node) break;
    parent = node;
    if (isMap(node)) {
      const p = pairFor(node, String(seg));
      parentPair = pair;
      pair = p;
      node = p && (p.value as Node | null);
      if (!p) break;
    } else if (isSeq(node) && typeof seg === 'number') {
      parentPair = pair;
      pair = null;
      node = (node.items[seg] as Node | undefined) ?? null;
    } else {
      node = null;
      break;
    }
  }
  return { node, pair, parentPair, parent };
}

export function rangeOf(n: Node | null | undefined): [number, number] | null {
  const r = n?.range;
  return r ? [r[0], r[1]] : null;
}

/** Range of a pair's key, or of the value's start when the key is implicit. */
export function keyRange(p: Pair | null): [number, number] | null {
  if (!p) return null;
  return rangeOf(p.key as Node | null) ?? rangeOf(p.value as Node | null);
}

export function firstKeyRange(n: Node | null): [number, number] | null {
  if (isMap(n) && n.items.length > 0) return keyRange(n.items[0] as Pair);
  return rangeOf(n);
}

/** A value cut for a message. */
export function truncate(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
