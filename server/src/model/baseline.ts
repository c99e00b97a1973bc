// A baseline: a responsibility matrix as a value. Its provider, its columns (service models), its rows (layers) and
// for every cell the party that owns the layer there. Every rule, schema, completion, hover, fix and picture asks a
// document's baseline (spec/baselines.md); what a layer's group is, who the parties are and which columns are cloud
// columns are derived here from the cells, once, when the baseline is made.
import { own } from './own';

/** The customer party: the same in every baseline. */
export const CUSTOMER = 'customer';
/** Both parties share the layer. */
export const SHARED = 'shared';
/** A cell that depends on the choice made inside the column (microsoft-ai): any party is accepted there. */
export const DEPENDS = 'depends';

/** How a layer's ownership behaves across the columns; drives which rule checks it. */
export type LayerKind = 'customer-always' | 'varies' | 'provider-in-cloud';

export const KIND_LABEL: Readonly<Record<LayerKind, string>> = {
  'customer-always': 'Always the customer’s',
  varies: 'Varies by service model',
  'provider-in-cloud': 'Moves to the provider in the cloud',
};

export interface Provider {
  readonly id: string;
  readonly label: string;
}

export interface Column {
  /** The model id a workload's `model:` names. */
  readonly id: string;
  readonly label: string;
  /** False for a column where the customer runs everything (on-premises). */
  readonly cloud: boolean;
  readonly doc?: string;
}

/** Why a custom baseline changed a cell, and what it was. */
export interface Override {
  readonly column: string;
  readonly was: string;
  readonly reason?: string;
}

/** Where a custom baseline's piece is written: a source name (a path or uri) and offsets in that text. */
export interface DefinedAt {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

export interface LayerDef {
  readonly id: string;
  readonly label: string;
  /** What the layer covers, in our own words (hovers). */
  readonly doc?: string;
  /** Column id -> cell: `customer`, the provider's id, `shared` or `depends`. */
  readonly owners: Readonly<Record<string, string>>;
  /** A display group given by the baseline; else the derived kind's label. */
  readonly group?: string;
  /** What the cells mean when shared, in our own words (hovers). */
  readonly notes?: string;
  /** Layer ids of other baselines (and words) this layer stands for: "did you mean" and the rename fix. */
  readonly aliases?: readonly string[];
  /** Set by a custom baseline: the cells it changed (with reasons), or that it added the layer. */
  readonly overrides?: readonly Override[];
  readonly reason?: string;
  readonly added?: boolean;
  readonly definedAt?: DefinedAt;
}

/** A service the provider documents, and the models (columns) it runs under (spec/services.md). */
export interface ServiceEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Column ids; AKS runs under two. */
  readonly models: readonly string[];
  /** Where the model comes from (a page, a section). */
  readonly source: string;
  /** stated: a page names the model; inferred: a page describes the service as managed without naming one. */
  readonly confidence: 'stated' | 'inferred';
  /** Set for an entry a custom baseline adds or replaces: where it is written. */
  readonly definedAt?: DefinedAt;
}

const NO_SERVICES: readonly ServiceEntry[] = Object.freeze([]);

/** How names and aliases are compared: case-insensitive, surrounding and repeated spaces ignored. */
export function serviceKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface BaselineDef {
  readonly id: string;
  /** One line: what the baseline is. */
  readonly title: string;
  readonly description?: string;
  /** Where its cells come from (a citation or a URL). */
  readonly source?: string;
  /** Read before trusting the cells (the AI model's cells were read from an image). */
  readonly sourceNote?: string;
  readonly provider: Provider;
  readonly columns: readonly Column[];
  readonly layers: readonly LayerDef[];
  readonly builtin: boolean;
  /** For a custom baseline: the baseline it extends and the layers it removed from it. */
  readonly extends?: string;
  readonly removed?: readonly string[];
  readonly definedAt?: DefinedAt;
  /** The service catalogue (inherited through extends). */
  readonly services?: readonly ServiceEntry[];
}

/** A baseline with everything the rules need derived from its cells. Immutable once made. */
export class Baseline {
  readonly id: string;
  readonly def: BaselineDef;
  readonly provider: Provider;
  readonly columns: readonly Column[];
  readonly layers: readonly LayerDef[];
  readonly layerIds: readonly string[];
  readonly columnIds: readonly string[];
  /** customer, the provider, shared: the values an assignment may name. */
  readonly parties: readonly string[];
  /** A string that changes whenever a cell, layer, column or party does: part of every cache key. */
  readonly key: string;
  private readonly byId: ReadonlyMap<string, LayerDef>;
  private readonly columnById: ReadonlyMap<string, Column>;
  private readonly kinds: ReadonlyMap<string, LayerKind>;
  /** The catalogue, and every name and alias (serviceKey) to the entries it names. */
  readonly services: readonly ServiceEntry[];
  private readonly serviceIndex: ReadonlyMap<string, readonly ServiceEntry[]>;
  /** servicesNamed's answers by the text as written. */
  private readonly named = new Map<string, readonly ServiceEntry[]>();

  constructor(def: BaselineDef) {
    this.def = def;
    this.id = def.id;
    this.provider = def.provider;
    this.columns = def.columns;
    this.layers = def.layers;
    this.layerIds = def.layers.map((l) => l.id);
    this.columnIds = def.columns.map((c) => c.id);
    this.parties = [CUSTOMER, def.provider.id, SHARED];
    this.byId = new Map(def.layers.map((l) => [l.id, l]));
    this.columnById = new Map(def.columns.map((c) => [c.id, c]));
    const kinds = new Map<string, LayerKind>();
    const cloud = def.columns.filter((c) => c.cloud);
    for (const l of def.layers) {
      const cells = def.columns.map((c) => own(l.owners, c.id));
      if (cells.length > 0 && cells.every((c) => c === CUSTOMER)) kinds.set(l.id, 'customer-always');
      else if (cloud.length > 0 && cloud.every((c) => own(l.owners, c.id) === def.provider.id)) kinds.set(l.id, 'provider-in-cloud');
      else kinds.set(l.id, 'varies');
    }
    this.kinds = kinds;
    this.services = def.services ?? [];
    const index = new Map<string, ServiceEntry[]>();
    for (const e of this.services) {
      for (const n of [e.name, ...e.aliases]) {
        const k = serviceKey(n);
        const list = index.get(k) ?? [];
        if (!list.includes(e)) list.push(e);
        index.set(k, list);
      }
    }
    this.serviceIndex = index;
    this.key = JSON.stringify([
      def.id,
      def.provider.id,
      def.columns.map((c) => [c.id, c.cloud]),
      def.layers.map((l) => [l.id, def.columns.map((c) => own(l.owners, c.id) ?? '')]),
      (def.services ?? []).map((e) => [e.name, e.aliases, e.models]),
    ]);
  }

  get builtin(): boolean {
    return this.def.builtin;
  }

  layer(id: string): LayerDef | undefined {
    return this.byId.get(id);
  }

  column(id: string): Column | undefined {
    return this.columnById.get(id);
  }

  hasColumn(id: unknown): id is string {
    return typeof id === 'string' && this.columnById.has(id);
  }

  isParty(p: unknown): p is string {
    return typeof p === 'string' && this.parties.includes(p);
  }

  isCloud(column: string): boolean {
    return this.columnById.get(column)?.cloud === true;
  }

  /** The cell (L, M): a party or `depends`; undefined for an unknown layer or column. */
  cell(layerId: string, column: string): string | undefined {
    const l = this.byId.get(layerId);
    return l === undefined ? undefined : own(l.owners, column);
  }

  /** The derived kind: customer-only, provider-only in the cloud, or varies. */
  kindOf(layerId: string): LayerKind | undefined {
    return this.kinds.get(layerId);
  }

  /** The display group: the layer's own `group`, else the derived kind's label. */
  groupOf(layerId: string): string | undefined {
    const l = this.byId.get(layerId);
    if (!l) return undefined;
    return l.group ?? KIND_LABEL[this.kinds.get(layerId) ?? 'varies'];
  }

  /** Display groups in the order their first layer appears. */
  groups(): { label: string; layers: LayerDef[] }[] {
    const out: { label: string; layers: LayerDef[] }[] = [];
    for (const l of this.layers) {
      const label = this.groupOf(l.id) as string;
      let g = out.find((x) => x.label === label);
      if (!g) {
        g = { label, layers: [] };
        out.push(g);
      }
      g.layers.push(l);
    }
    return out;
  }

  /** The catalogue entries a workload's `service` text names (more than one only through an alias clash). */
  servicesNamed(text: string): readonly ServiceEntry[] {
    if (text.length > 1000) return NO_SERVICES;
    // Remembered as written (a tree names a few services thousands of times), a bounded number of spellings.
    let found = this.named.get(text);
    if (found === undefined) {
      found = this.serviceIndex.get(serviceKey(text)) ?? NO_SERVICES;
      if (this.named.size >= 1024) this.named.clear();
      this.named.set(text, found);
    }
    return found;
  }

  columnLabel(id: string): string {
    return this.columnById.get(id)?.label ?? id;
  }
}
