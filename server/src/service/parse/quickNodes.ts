// The quick parser's nodes (quickYaml.ts) and their plain values. The nodes are objects of yaml's own classes
// (instanceof, isMap/isSeq/isPair/isScalar and every method work); the document they belong to is QUICK_DOC.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * The options the engine parses YAML with (parse.ts), which the quick nodes' document carries too. logLevel
 * 'error': the parser's warnings (a collection used as a key) would go to process.emitWarning, i.e. to the CLI's
 * stderr and the server's log; the engine reports what matters as findings instead.
 */
export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, keepSourceTokens: false, logLevel: 'error' } as const;

/** The document the quick nodes belong to (for `toJS`): no anchors, the default (core) schema, as parseDocument. */
export const QUICK_DOC: Document = new Document(null, YAML_OPTIONS);

// The quick nodes: objects of yaml's own classes (instanceof, isMap/isSeq/isPair/isScalar and every method work),
// made from prototypes that carry what yaml's constructors define on each node (its node type, a collection's
// schema), so a node costs one Object.create instead of one or two Object.defineProperty calls.
const NODE_TYPE = Symbol.for('yaml.node.type');
const quickProto = <T extends object>(cls: { prototype: T }, type: string, collection: boolean): T =>
  Object.create(cls.prototype, {
    [NODE_TYPE]: { value: Symbol.for(type) },
    ...(collection ? { schema: { value: QUICK_DOC.schema, configurable: true, enumerable: false, writable: true } } : {}),
  }) as T;
export const SCALAR_PROTO = quickProto(Scalar, 'yaml.scalar', false);
const PAIR_PROTO = quickProto(Pair, 'yaml.pair', false);
export const MAP_PROTO = quickProto(YAMLMap, 'yaml.map', true);
export const SEQ_PROTO = quickProto(YAMLSeq, 'yaml.seq', true);

export function newScalar(value: unknown): Scalar {
  const n = Object.create(SCALAR_PROTO) as Scalar;
  n.value = value;
  return n;
}
export function newPair(key: Node, value: Node): Pair<Node, Node> {
  const n = Object.create(PAIR_PROTO) as Pair<Node, Node>;
  n.key = key;
  n.value = value;
  return n;
}
export function newCollection<T extends YAMLMap | YAMLSeq>(proto: T): T {
  const n = Object.create(proto) as T;
  n.items = [];
  return n;
}

/**
 * The plain value of a node the quick parser built: what `node.toJS(QUICK_DOC)` gives (mappings to objects, the
 * later of two equal keys winning, an empty key as ""), without its context. Another node: yaml's own toJS.
 */
export function toPlain(node: Node | null, doc: Document, maxAliasCount: number): unknown {
  if (node === null) return null;
  if (doc === QUICK_DOC && isQuick(node)) return plainOf(node);
  return node.toJS(doc, { maxAliasCount });
}

function isQuick(n: unknown): boolean {
  const p = Object.getPrototypeOf(n) as unknown;
  return p === SCALAR_PROTO || p === MAP_PROTO || p === SEQ_PROTO;
}

function plainOf(n: unknown): unknown {
  const p = Object.getPrototypeOf(n) as unknown;
  if (p === SCALAR_PROTO) return (n as Scalar).value;
  if (p === MAP_PROTO) {
    const out: Record<string, unknown> = {};
    for (const { key, value } of (n as YAMLMap<Scalar, Node>).items) {
      const k = key.value;
      const sk = k === null ? '' : typeof k === 'string' ? k : String(k);
      // As yaml's addPairToJSMap: an own property even for "__proto__" (assignment would set the prototype).
      if (sk === '__proto__') Object.defineProperty(out, sk, { value: plainOf(value), writable: true, enumerable: true, configurable: true });
      else out[sk] = plainOf(value);
    }
    return out;
  }
  if (p === SEQ_PROTO) return (n as YAMLSeq).items.map(plainOf);
  if (n instanceof Scalar) return n.value; // a scalar a tag built (a float keeps its written digits)
  throw new Error('not a quick node');
}
