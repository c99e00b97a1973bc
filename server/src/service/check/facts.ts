// Facts read off the YAML tree: a workload's name, model and assignments, the teams, with their ranges.
// Rules read these facts; they never walk YAML nodes themselves.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export interface Span {
  start: number;
  end: number;
}

export interface AssignmentFacts {
  /** The layer key as written. */
  layer: string;
  key: Span;
  /** Where the assignment ends: the end of its value as written (the long form's last line), else of its key. */
  end: number;
  /** The owner as written, when it is a string. */
  owner?: string;
  ownerSpan?: Span;
  long: boolean;
  team?: string;
  teamSpan?: Span;
}

export interface WorkloadFacts {
  span: Span;
  /** The first key of the item (where "missing key" findings on the item point). */
  firstKey?: Span;
  name?: string;
  nameSpan?: Span;
  /** The model as written, when it is a string. */
  model?: string;
  modelSpan?: Span;
  /** The service as written, when it is a string, and its range. */
  service?: string;
  serviceSpan?: Span;
  responsibilitiesKey?: Span;
  /** The responsibilities value: kind and range (null when the value is empty). */
  responsibilities?: { kind: 'block' | 'flow' | 'other'; span: Span } | null;
  /** End of the last pair's value in responsibilities (insertion point for missing layers). */
  lastPairEnd?: number;
  /** Start of the first layer key in responsibilities (its column is the entries' indentation). */
  firstLayerKey?: number;
  assignments: AssignmentFacts[];
}

export interface TeamFacts {
  id?: string;
  idSpan?: Span;
  span: Span;
}

/** How often aliases are expanded at most when a tree is turned into values: a "billion laughs" document stops there. */
export const MAX_ALIAS_COUNT = 100;

export function span(n: Node | null | undefined): Span | undefined {
  const r = n?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

export function stringOf(n: unknown): string | undefined {
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

/** A scalar key's text (numbers and booleans as written in JSON); undefined for complex keys. */
export function keyText(p: Pair): string | undefined {
  if (isScalar(p.key)) return p.key.value === null ? '' : String(p.key.value);
  return p.key === null ? '' : undefined;
}

/** `metadata.name` when it is a string: also read off the partial tree of a document that does not parse. */
export function metadataName(root: unknown): string | undefined {
  const metadata = pairsOf(root).find((p) => keyText(p) === 'metadata')?.value;
  return stringOf(pairsOf(metadata).find((p) => keyText(p) === 'name')?.value);
}

function pairsOf(n: unknown): Pair[] {
  return isMap(n) ? (n.items as Pair[]) : [];
}

/** Follows an alias to the node it names (aliases are bounded by the caller's alias limit). */
export function deref(n: unknown, doc?: Document): unknown {
  let cur = n;
  for (let i = 0; i < 100 && isAlias(cur) && doc; i++) cur = cur.resolve(doc);
  return cur;
}

export function workloadFacts(item: Node | null, doc?: Document): WorkloadFacts {
  item = deref(item, doc) as Node | null;
  const facts: WorkloadFacts = { span: span(item) ?? { start: 0, end: 0 }, assignments: [] };
  const pairs = pairsOf(item);
  if (pairs[0]) facts.firstKey = span(pairs[0].key as Node);
  for (const p of pairs) {
    const k = keyText(p);
    const v = deref(p.value, doc) as Node | null;
    if (k === 'name') {
      facts.name = stringOf(v);
      facts.nameSpan = span(v);
    } else if (k === 'model') {
      facts.model = stringOf(v);
      facts.modelSpan = span(v);
    } else if (k === 'service') {
      facts.service = stringOf(v);
      facts.serviceSpan = span(v);
    } else if (k === 'responsibilities') {
      facts.responsibilitiesKey = span(p.key as Node);
      facts.assignments = [];
      facts.lastPairEnd = undefined;
      facts.firstLayerKey = undefined;
      if (v === null || (isScalar(v) && v.value === null)) facts.responsibilities = null;
      else if (isMap(v)) {
        facts.responsibilities = { kind: v.flow ? 'flow' : 'block', span: span(v) as Span };
        for (const lp of v.items as Pair[]) {
          const layer = keyText(lp);
          const keySpan = span(lp.key as Node);
          if (layer === undefined || !keySpan) continue;
          if (facts.firstLayerKey === undefined) facts.firstLayerKey = keySpan.start;
          const lv = deref(lp.value, doc) as Node | null;
          facts.lastPairEnd = span(lv)?.end ?? keySpan.end;
          const a: AssignmentFacts = { layer, key: keySpan, end: span(lp.value as Node | null)?.end ?? keySpan.end, long: false };
          if (isMap(lv)) {
            a.long = true;
            for (const ap of lv.items as Pair[]) {
              const ak = keyText(ap);
              const av = deref(ap.value, doc) as Node | null;
              if (ak === 'owner') {
                a.owner = stringOf(av);
                a.ownerSpan = span(av);
              } else if (ak === 'team') {
                a.team = stringOf(av);
                a.teamSpan = span(av);
              }
            }
          } else {
            a.owner = stringOf(lv);
            a.ownerSpan = span(lv);
          }
          facts.assignments.push(a);
        }
      } else facts.responsibilities = { kind: 'other', span: span(v) as Span };
    }
  }
  return facts;
}

export function teamFacts(teams: unknown): TeamFacts[] {
  if (!isSeq(teams)) return [];
  const out: TeamFacts[] = [];
  for (const t of teams.items as Node[]) {
    const f: TeamFacts = { span: span(t) ?? { start: 0, end: 0 } };
    for (const p of pairsOf(t)) {
      if (keyText(p) === 'id') {
        f.id = stringOf(p.value);
        f.idSpan = span(p.value as Node);
      }
    }
    out.push(f);
  }
  return out;
}

/** Reports every repeated scalar key (each repeat after the first) in all mappings under `node`. */
export function duplicateKeys(node: unknown, report: (key: string, at: Span) => void, skip?: (n: Node) => boolean): void {
  const stack: unknown[] = [node];
  let guard = 0;
  while (stack.length > 0 && guard++ < 1_000_000) {
    const n = stack.pop();
    if (skip && n && skip(n as Node)) continue;
    if (isMap(n)) {
      const items = n.items as Pair[];
      // The keys so far: a list for the small mappings srm files are made of (quicker than a Set), else a Set.
      const few: string[] | undefined = items.length <= 12 ? [] : undefined;
      const seen = few ? undefined : new Set<string>();
      for (const p of items) {
        const k = keyText(p);
        if (k !== undefined) {
          if (few ? few.includes(k) : seen!.has(k)) {
            const s = span(p.key as Node);
            if (s) report(k, s);
          } else if (few) few.push(k);
          else seen!.add(k);
        }
        if (p.value) stack.push(p.value);
      }
    } else if (isSeq(n)) {
      for (const it of n.items) stack.push(it);
    }
  }
}
