// JSON Schema validation with ajv (strict mode, the generated schema object), and the YAML nodes an error's path
// points at (rules/schema.ts turns the errors into findings).
import Ajv, { _ } from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import {
  EDITOR_KEYWORDS,
  MICROSOFT_DIAGRAM,
  buildSchema,
  schemaIdFor,
  type Baseline,
} from '../../model';
import { uri } from './uriFormat';
import { BASELINE_DOCUMENT, PRECOMPILED, REGISTRY, type Validators } from './validators';

export type Segment = string | number;

/** Compiled validators per baseline (by its key): a custom baseline's exact schema is compiled once, in memory. */
const cache = new Map<string, Validators>();
/** Custom baselines edited over a long session must not grow the cache without bound. */
const MAX_CACHED = 64;
let baselineDocValidator: ValidateFunction | undefined;
let registryValidator: ValidateFunction | undefined;

/** The shape of a team registry document. */
export function validateRegistryValue(value: unknown): ErrorObject[] {
  registryValidator ??= REGISTRY();
  const v = registryValidator;
  return v(value) ? [] : [...(v.errors ?? [])];
}

/**
 * The ajv the schemas are compiled with: strict mode, the editor's keywords, the `uri` format. `source`: for ahead of
 * time compiling (scripts/generated.ts): the code keeps its source, and refers to the format by its module.
 */
export function createAjv(options: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    ...(options.source ? { code: { source: true, formats: _`require("../uriFormat")` } } : {}),
  });
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  ajv.addFormat('uri', uri);
  return ajv;
}

/**
 * What is compiled for a baseline, in `ajv`: its schema (a built-in's full one, the one the files carry; a custom
 * baseline's lean one: the same errors) and, for the header, the same schema with each workload left to its own
 * check (workloads are validated one by one). The references of the two validators.
 */
export function addValidatorSchemas(ajv: Ajv, b: Baseline): { workload: string; header: string } {
  const schema = buildSchema(b, { lean: !b.builtin });
  const id = schemaIdFor(b);
  ajv.addSchema(schema);
  const header = structuredClone(schema) as Record<string, any>;
  header.$id = id.replace(/\.schema\.json$/, '-header.schema.json');
  header.properties.workloads = { ...header.properties.workloads, items: true };
  delete header.$defs.workload;
  ajv.addSchema(header);
  return { workload: `${id}#/$defs/workload`, header: header.$id as string };
}

function validators(b: Baseline): Validators {
  const hit = cache.get(b.key);
  if (hit) return hit;
  // A built-in's validators were compiled ahead (npm run generate; a test keeps them current): ~80 ms less at the
  // start of every process and worker thread, and no optimising of ajv's compiler. A custom baseline's: here.
  const made = (b.builtin ? PRECOMPILED[b.id]?.() : undefined) ?? compileValidators(b);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(b.key, made);
  return made;
}

/** Compiles a baseline's validators now. */
export function compileValidators(b: Baseline): Validators {
  const ajv = createAjv();
  const refs = addValidatorSchemas(ajv, b);
  const workload = ajv.getSchema(refs.workload);
  const header = ajv.getSchema(refs.header);
  if (!workload || !header) throw new Error('schema has no workload definition');
  return { workload, header };
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
  baselineDocValidator ??= BASELINE_DOCUMENT();
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
