// The cross-file features answered from the workspace index: go to definition of a team reference, find references
// (team ids, baselines, layer ids within a file), rename with prepareRename (team ids, custom baseline names) and
// workspace symbols. What a name stands for is the service's resolution (workspace/resolve.ts) on each file's facts.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SymbolKind,
  WorkspaceSymbolRequest,
  type CancellationToken,
  type Location,
  type Range,
  type SymbolInformation,
  type TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  LineIndex,
  badNewName,
  baselineDefKey,
  baselineRefKey,
  symbolMatcher,
  parseConfig,
  siteAt,
  teamDefKey,
  teamRefKey,
  unquoted,
  workspaceFacts,
} from '../service';
import { isConfigName, readText } from '../node/workspace';
import type { ClientFeatures } from './capabilities';
import type { DocumentSettings } from './documentSettings';
import { rangeOf } from './documents';
import type { Requests } from './requests';
import { keyOf, type Entry, type WorkspaceIndex } from './workspaceIndex';
import type { Site } from './workspaceFile';

/** What the cursor is on. */
export type Target =
  | { kind: 'team'; key: string; name: string; range: Range; definition: boolean }
  | { kind: 'baseline'; key: string; name: string; range: Range; definition: boolean }
  | { kind: 'layer'; name: string; range: Range; ranges: Range[] };

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
const refused = (msg: string) => new ResponseError(LSPErrorCodes.RequestFailed, `srm: ${msg}`);
/** Workspace symbols answered at most (an empty query lists everything). */
const MAX_SYMBOLS = 1000;

export class WorkspaceFeatures {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: DocumentSettings,
    private readonly index: WorkspaceIndex,
    private readonly client: ClientFeatures,
  ) {}

  /** The team id, baseline name or layer id at `position` of an open document, with what it stands for. */
  async targetAt(uri: string, position: { line: number; character: number }): Promise<Target | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const file = keyOf(uri);
    const text = doc.getText();
    if (isConfigName(path.basename(file))) {
      const c = parseConfig(text).config;
      const offset = doc.offsetAt(position);
      if (c.baseline === undefined || !c.baselineAt || offset < c.baselineAt.start || offset > c.baselineAt.end) return undefined;
      const r = unquoted(text, c.baselineAt.start, c.baselineAt.end);
      const s = await this.settings.settingsFor(uri);
      const key = baselineRefKey(file, [], c.baseline, (n) => s.baselines.scope?.entry(n)?.source);
      return { kind: 'baseline', key, name: c.baseline, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) }, definition: false };
    }
    const r = await this.settings.findingsOf(doc);
    if (!r) return undefined;
    const lines = r.parsed.lines;
    const offset = lines.offsetAt(position);
    const f = workspaceFacts(r.parsed, { layers: true });
    const s = await this.settings.settingsFor(uri);
    const range = (x: { start: number; end: number }) => rangeOf(lines, x.start, x.end);
    const def = siteAt(f.teamDefs, offset);
    if (def) return { kind: 'team', key: teamDefKey(file, def), name: def.name, range: range(def), definition: true };
    const ref = siteAt(f.teamRefs, offset);
    if (ref) return { kind: 'team', key: teamRefKey(file, f.teamDefs, ref, s.teams?.teams), name: ref.name, range: range(ref), definition: false };
    const bdef = siteAt(f.baselineDefs, offset);
    if (bdef) return { kind: 'baseline', key: baselineDefKey(file, bdef.name), name: bdef.name, range: range(bdef), definition: true };
    const bref = siteAt(f.baselineRefs, offset);
    if (bref) {
      const key = baselineRefKey(file, f.baselineDefs, bref.name, (n) => s.baselines.scope?.entry(n)?.source);
      return { kind: 'baseline', key, name: bref.name, range: range(bref), definition: false };
    }
    const layer = siteAt(f.layers, offset);
    if (layer) return { kind: 'layer', name: layer.name, range: range(layer), ranges: f.layers.filter((l) => l.name === layer.name).map(range) };
    return undefined;
  }

  /** The sites of the index that name what `key` stands for: definitions and references, per entry. */
  private sites(t: Extract<Target, { kind: 'team' | 'baseline' }>): Array<{ entry: Entry; range: Range; definition: boolean; document: number }> {
    const out: Array<{ entry: Entry; range: Range; definition: boolean; document: number }> = [];
    if (t.kind === 'team') {
      for (const e of this.index.withTeam(t.name)) {
        let teams: ReturnType<DocumentSettings['withSettings']>['teams'] | null = null;
        for (const d of e.facts.teamDefs) if (d.name === t.name && teamDefKey(e.key, d) === t.key) out.push({ entry: e, range: d.range, definition: true, document: d.document });
        for (const r of e.facts.teamRefs) {
          if (r.name !== t.name) continue;
          if (teams === null) teams = this.index.docSettings(e).teams;
          if (teamRefKey(e.key, e.facts.teamDefs, r, teams?.teams) === t.key) out.push({ entry: e, range: r.range, definition: false, document: r.document });
        }
      }
    } else {
      for (const e of this.index.withBaseline(t.name)) {
        for (const d of e.facts.baselineDefs) if (d.name === t.name && baselineDefKey(e.key, d.name) === t.key) out.push({ entry: e, range: d.range, definition: true, document: d.document });
        const refs = e.facts.baselineRefs.filter((r) => r.name === t.name);
        if (refs.length === 0) continue;
        const scope = this.index.docSettings(e).baselines.scope;
        for (const r of refs) {
          if (baselineRefKey(e.key, e.facts.baselineDefs, r.name, (n) => scope?.entry(n)?.source) === t.key) out.push({ entry: e, range: r.range, definition: false, document: r.document });
        }
      }
    }
    return out;
  }

  /** Go to definition of a team id (and of a config's `baseline:`); undefined: not a team reference here. */
  async definition(uri: string, position: { line: number; character: number }): Promise<Location[] | undefined> {
    const t = await this.targetAt(uri, position);
    if (!t || t.kind === 'layer') return undefined;
    if (t.definition) return [{ uri, range: t.range }];
    if (t.kind === 'baseline' && !isConfigName(path.basename(keyOf(uri)))) return undefined; // the service's definition answers
    await this.index.sync();
    const defs = this.sites(t).filter((s) => s.definition).map((s) => ({ uri: s.entry.uri, range: s.range }));
    if (defs.length > 0 || t.kind !== 'team') return defs;
    // A registry team whose file is not in the index: where the registry loader read it.
    const s = await this.settings.settingsFor(uri);
    const rt = s.teams?.teams.find((x) => x.id === t.name);
    if (!rt) return [];
    const r = await readText(rt.source);
    if (!r.ok) return [];
    const li = new LineIndex(r.text);
    return [{ uri: pathToFileURL(rt.source).href, range: { start: li.positionAt(rt.start), end: li.positionAt(rt.end) } }];
  }

  register(requests: Requests): void {
    requests.on(ReferencesRequest.type, async (params, token) => {
      const t = await this.targetAt(params.textDocument.uri, params.position);
      if (!t) return null;
      if (t.kind === 'layer') return t.ranges.map((range) => ({ uri: params.textDocument.uri, range }));
      await this.index.ready(() => token.isCancellationRequested);
      if (token.isCancellationRequested) throw cancelled();
      const withDecl = params.context?.includeDeclaration !== false;
      return this.sites(t)
        .filter((s) => withDecl || !s.definition)
        .map((s) => ({ uri: s.entry.uri, range: s.range }));
    });

    requests.on(PrepareRenameRequest.type, async (params) => {
      const t = await this.targetAt(params.textDocument.uri, params.position);
      const why = this.unrenameable(t);
      if (why || !t || t.kind === 'layer') throw refused(why ?? 'this cannot be renamed');
      return { range: t.range, placeholder: t.name };
    });

    requests.on(RenameRequest.type, async (params, token) => this.rename(params.textDocument.uri, params.position, params.newName, token));

    requests.on(WorkspaceSymbolRequest.type, async (params, token) => {
      await this.index.sync();
      if (token.isCancellationRequested) throw cancelled();
      return this.symbols(params.query);
    });
  }

  /** Why the target cannot be renamed (prepareRename's and rename's refusal), or undefined. */
  private unrenameable(t: Target | undefined): string | undefined {
    const what = 'only a team id (in teams:, team: or metadata.owner) or the name of a custom baseline (metadata.name, metadata.baseline, extends) can be renamed';
    if (!t) return `nothing to rename here: ${what}.`;
    if (t.kind === 'layer') return `"${t.name}" is a layer id, which the baseline defines: ${what}.`;
    if (t.key.startsWith('builtin:')) return `"${t.name}" is a built-in baseline; it cannot be renamed.`;
    if (t.key.startsWith('unknown:')) {
      return t.kind === 'team'
        ? `no team "${t.name}" is defined (in this document's teams or the registries srm.config.yaml lists), so there is nothing to rename.`
        : `no baseline "${t.name}" is defined (in this file or the files srm.config.yaml lists), so there is nothing to rename.`;
    }
    return undefined;
  }

  private async rename(uri: string, position: { line: number; character: number }, newName: string, token: CancellationToken): Promise<WorkspaceEdit> {
    const t = await this.targetAt(uri, position);
    const why = this.unrenameable(t);
    if (why || !t || t.kind === 'layer') throw refused(why ?? 'this cannot be renamed');
    const bad = badNewName(t.kind, newName);
    if (bad) throw refused(bad);
    await this.index.ready(() => token.isCancellationRequested);
    if (token.isCancellationRequested) throw cancelled();
    // Files changed on disk since they were read are read again: the edit must fit the text it applies to.
    const before = this.sites(t);
    await Promise.all([...new Set(before.map((s) => s.entry))].map((e) => this.index.refreshIfStale(e)));
    await this.index.sync();
    if (token.isCancellationRequested) throw cancelled();
    // From here on, synchronous: no document changes under the edit.
    const sites = this.sites(t);
    if (newName === t.name) return { changes: {} };
    const taken = this.taken(t, newName, sites);
    if (taken) throw refused(taken);
    const byEntry = new Map<Entry, TextEdit[]>();
    for (const s of sites) {
      const list = byEntry.get(s.entry) ?? [];
      if (!list.some((e) => e.range.start.line === s.range.start.line && e.range.start.character === s.range.start.character)) list.push({ range: s.range, newText: newName });
      byEntry.set(s.entry, list);
    }
    for (const e of byEntry.keys()) {
      const doc = this.documents.get(e.uri);
      if (e.openVersion === undefined && !doc) continue;
      // Open (or opened meanwhile) at another version than the sites were read from.
      if (!doc || doc.version !== e.openVersion) throw new ResponseError(LSPErrorCodes.ContentModified, `srm: ${e.uri} changed while the rename was computed; try again.`);
    }
    if (this.client.documentChanges) {
      return {
        documentChanges: [...byEntry].map(([e, edits]) => ({ textDocument: { uri: e.uri, version: e.openVersion ?? null }, edits })),
      };
    }
    return { changes: Object.fromEntries([...byEntry].map(([e, edits]) => [e.uri, edits])) };
  }

  /** Why `newName` is taken where the renamed thing is visible, if it is. */
  private taken(t: Extract<Target, { kind: 'team' | 'baseline' }>, newName: string, sites: ReturnType<WorkspaceFeatures['sites']>): string | undefined {
    const entries = new Map<Entry, Set<number>>();
    for (const s of sites) entries.set(s.entry, (entries.get(s.entry) ?? new Set()).add(s.document));
    for (const [e, docs] of entries) {
      const ds = this.index.docSettings(e);
      const file = path.basename(e.key);
      if (t.kind === 'team') {
        const own = e.facts.teamDefs.find((d) => d.name === newName && (d.registry !== undefined || docs.has(d.document)));
        if (own) return `a team "${newName}" already exists (${own.registry !== undefined ? `in registry "${own.registry}", ` : ''}${file}); choose another id.`;
        const reg = ds.teams?.teams.find((x) => x.id === newName);
        if (reg) return `a team "${newName}" already exists (in registry "${reg.registry}", ${path.basename(reg.source)}); choose another id.`;
      } else {
        if (e.facts.baselineDefs.some((d) => d.name === newName)) return `a baseline "${newName}" already exists (${file}); choose another name.`;
        const entry = ds.baselines.scope?.entry(newName);
        if (entry) return `a baseline "${newName}" already exists (${path.basename(entry.source)}); choose another name.`;
      }
    }
    return undefined;
  }

  /**
   * Workloads, teams and baselines whose name matches `query`, best first (exact, prefix, substring, in order). A
   * rank with more matches than room left is cut in index order, unsorted: the client ranks what it shows anyway.
   */
  symbols(query: string): SymbolInformation[] {
    type Hit = { e: Entry; name: string; kind: SymbolKind; range: Range; document: number };
    const ranks: Hit[][] = [[], [], [], []];
    const score = symbolMatcher(query.trim());
    const add = (e: Entry, sites: readonly Site[], kind: SymbolKind): void => {
      for (const s of sites) {
        const rank = score(s.name);
        if (rank !== undefined) ranks[rank]?.push({ e, name: s.name, kind, range: s.range, document: s.document });
      }
    };
    for (const e of this.index.all()) {
      add(e, e.facts.workloads, SymbolKind.Object);
      add(e, e.facts.teamDefs, SymbolKind.Constant);
      add(e, e.facts.baselineDefs, SymbolKind.Module);
    }
    const out: SymbolInformation[] = [];
    for (const rank of ranks) {
      const room = MAX_SYMBOLS - out.length;
      if (room <= 0) break;
      const list = rank.length <= room ? rank.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0)) : rank.slice(0, room);
      for (const h of list) {
        const containerName = h.e.facts.documents.find((d) => d.index === h.document)?.name ?? path.basename(h.e.key);
        out.push({ name: h.name, kind: h.kind, location: { uri: h.e.uri, range: h.range }, containerName });
      }
    }
    return out;
  }
}
