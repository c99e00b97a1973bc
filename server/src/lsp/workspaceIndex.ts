// The workspace index: every responsibility file, team registry, baseline file and srm.config.yaml under the
// workspace folders, read from disk without opening them (open documents' text wins; reading one file, what it
// holds: workspaceFile.ts). Kept current from file-change notifications and document events; a change to a config,
// registry or baseline file re-checks the files that depend on it. Reading yields to the event loop between batches
// (requests keep being answered) and stops when a newer run starts. Nothing is executed, nothing is written.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SrmSettings } from '../../../shared/protocol';
import { workspaceFacts } from '../service';
import { isConfigName, statFile, walkYaml, whenTrue, yieldToLoop, type FoundFile } from '../node/workspace';
import type { DocumentSettings, DocSettings } from './documentSettings';
import { DocLines, openDocumentAt } from './documents';
import { parseSettings } from './settings';
import { configFacts, filePathOf, indexedFacts, keyOf, readEntry, type Entry } from './workspaceFile';
import type { LoadedConfig } from '../node/config';
import { StartGate } from './startGate';
import { IndexConfigs } from './workspaceConfigs';
import { WorkspaceStore } from './workspaceStore';

export { filePathOf, keyOf, type Entry, type IndexedFacts, type Site } from './workspaceFile';

/** Work at most this long before letting queued requests run. */
const SLICE_MS = 8;
/** A file at least this big is read only after queued messages have run (an editor's didOpen of it comes first). */
const BIG_FILE = 256 * 1024;

export class WorkspaceIndex {
  private readonly entries = new WorkspaceStore();
  private folders: string[] = [];
  private run = 0;
  private running: Promise<void> = Promise.resolve();
  private queue: Promise<void> = Promise.resolve();
  private readonly dirtyOpen = new Set<string>();
  private folderSettingsCache = new Map<string, Promise<SrmSettings>>();
  private disposed = false;
  /** Which config governs a folder or file: read afresh by every full run (a config may have changed). */
  private readonly configs: IndexConfigs;

  /** Opened by the first run: queries wait for the folders to be known (they are from `initialized` on). */
  private gate?: () => void;
  /** When the first run starts (startGate.ts). */
  private readonly startGate: StartGate;

  /**
   * `startGraceMs`: the first walk starts this long after the folders are known, once the editor is quiet, or as soon
   * as a query needs the index (startGate.ts); settings that arrive meanwhile start no second walk.
   */
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: DocumentSettings,
    private readonly log: (msg: string) => void,
    startGraceMs = 0,
  ) {
    this.running = new Promise<void>((resolve) => (this.gate = resolve));
    this.configs = new IndexConfigs(settings);
    this.startGate = new StartGate(startGraceMs, () => void this.rescan());
  }

  /** Told whenever an entry's disk diagnostics change or it is removed (push clients re-publish). */
  onDidChange(fn: (e: Entry, removed: boolean) => void): void {
    this.entries.onDidChange(fn);
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  all(): IterableIterator<Entry> {
    return this.entries.all();
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /** The entries that define or name team `id`. */
  withTeam(id: string): Entry[] {
    return this.entries.withTeam(id);
  }

  /** The entries that define or name baseline `name`. */
  withBaseline(name: string): Entry[] {
    return this.entries.withBaseline(name);
  }

  /** Sets the workspace folders (file: uris; others are ignored) and reads them afresh. */
  setFolders(uris: readonly string[]): Promise<void> {
    this.folders = [...new Set(uris.flatMap((u) => filePathOf(u) ?? []).map((p) => path.resolve(p)))];
    if (this.run === 0) this.startGate.begin();
    return this.rescan();
  }

  changeFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    const gone = new Set(removed.flatMap((u) => filePathOf(u) ?? []).map((p) => path.resolve(p)));
    const next = this.folders.filter((f) => !gone.has(f));
    for (const a of added.flatMap((u) => filePathOf(u) ?? [])) if (!next.includes(path.resolve(a))) next.push(path.resolve(a));
    this.folders = next;
    return this.rescan();
  }

  /** Settings changed (srm.files, srm.maxFileSize, severities): everything is read and checked again. */
  settingsChanged(): Promise<void> {
    this.folderSettingsCache.clear();
    return this.rescan();
  }

  /** Reads every folder afresh (a newer run cancels this one); resolves when the index is complete. */
  rescan(): Promise<void> {
    if (this.startGate.waiting) return this.running.then(() => this.ready());
    const id = ++this.run;
    this.configs.reset();
    this.running = this.walkAll(id).catch((e) => this.log(`srm: workspace index failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`));
    this.gate?.();
    this.gate = undefined;
    return this.ready();
  }

  /** An edit or a request came: a first walk still waiting waits for a quiet moment. */
  activity(): void {
    this.startGate.activity();
  }

  /** Resolves once the latest run and every queued update are done (or `cancelled()` says to stop waiting). */
  async ready(cancelled: () => boolean = () => false): Promise<void> {
    this.startGate.now();
    for (;;) {
      const run = this.run;
      const running = this.running;
      const queue = this.queue;
      const stop = { done: false };
      await Promise.race([Promise.all([running, queue]), whenTrue(() => cancelled() || this.disposed, stop)]);
      stop.done = true;
      if (cancelled() || this.disposed) return;
      if (run === this.run && running === this.running && queue === this.queue) break;
    }
    await this.sync();
  }

  dispose(): void {
    this.startGate.dispose();
    this.disposed = true;
    this.run++;
    this.gate?.();
  }

  // ---- Open documents: their text wins.

  /** An open document changed (or was opened): its entry is brought up to date before the next query. */
  openChanged(uri: string): void {
    this.activity();
    if (typeof uri === 'string') this.dirtyOpen.add(uri);
  }

  /** A document was closed: its entry is read from disk again. */
  closed(uri: string): void {
    if (typeof uri !== 'string') return;
    this.dirtyOpen.delete(uri);
    const key = keyOf(uri);
    const e = this.entries.get(key);
    if (e) e.openVersion = undefined;
    const fp = filePathOf(uri);
    if (fp && this.inFolder(fp)) {
      this.enqueue(async () => {
        await this.indexPath(fp);
        // Told even when the disk's diagnostics are the ones held: a push client's were cleared on close.
        const now = this.entries.get(fp);
        if (now) this.entries.tell(now);
      });
    } else if (e) this.entries.remove(key);
  }

  /** Brings the entries of changed open documents up to date. */
  async sync(): Promise<void> {
    for (const uri of [...this.dirtyOpen]) {
      this.dirtyOpen.delete(uri);
      const doc = this.documents.get(uri);
      if (!doc) continue;
      try {
        await this.indexOpen(doc);
      } catch (e) {
        this.log(`srm: workspace index: ${uri}: ${String(e)}`);
      }
    }
  }

  private async indexOpen(doc: TextDocument): Promise<void> {
    const key = keyOf(doc.uri);
    const fp = filePathOf(doc.uri);
    const old = this.entries.get(key);
    const base = { key, uri: doc.uri, size: doc.getText().length, mtimeMs: old?.mtimeMs ?? 0, openVersion: doc.version, diagnostics: old?.diagnostics ?? [], resultId: old?.resultId ?? this.entries.nextId() };
    const folder = fp ? this.folderOf(fp) : undefined;
    if (isConfigName(path.basename(fp ?? doc.uri))) {
      this.entries.set({ ...base, kind: 'config', ...(folder ? { folder } : {}), facts: configFacts(doc.getText(), new DocLines(doc)), ...(fp ? { configPath: fp } : {}) }, false);
      return;
    }
    const version = doc.version;
    const r = await this.settings.findingsOf(doc);
    const now = this.documents.get(doc.uri);
    if (!now || now.version !== version) {
      this.dirtyOpen.add(doc.uri); // a newer version came meanwhile
      return;
    }
    if (!r) {
      if (old) this.entries.remove(key);
      return;
    }
    const s = await this.settings.settingsFor(doc.uri);
    this.entries.set({ ...base, kind: 'srm', ...(folder ? { folder } : {}), facts: indexedFacts(workspaceFacts(r.parsed), r.parsed.lines), ...(s.config ? { configPath: s.config.path } : {}) }, false);
  }

  // ---- Files on disk.

  /** File-change notifications: entries re-read or removed, then the files depending on a changed config, registry
   *  or baseline file re-checked. Call before DocumentSettings.reset() (it reads which files the configs list). */
  fileEvents(changes: readonly FileEvent[]): void {
    const paths: Array<{ fp: string; type: number }> = [];
    let rescan = false;
    const affected = new Set<string>();
    const configs = this.configs.known(this.entries.all());
    for (const c of changes) {
      const fp = typeof c?.uri === 'string' ? filePathOf(c.uri) : undefined;
      if (!fp) continue;
      paths.push({ fp, type: c.type });
      if (isConfigName(path.basename(fp))) rescan = true; // its ignore/files/teams/baselines may change what is indexed
      for (const cfg of this.configs.reading(configs, fp, c.type !== FileChangeType.Changed)) affected.add(cfg);
    }
    if (rescan) {
      void this.rescan();
      return;
    }
    if (paths.length === 0) return;
    const fresh = this.newFolders(paths.filter((p) => p.type === FileChangeType.Created).map((p) => p.fp));
    this.enqueue(async () => {
      for (const { fp, type } of paths) {
        if (type === FileChangeType.Deleted) this.entries.removeUnder(fp);
        else await this.indexPath(fp);
      }
      for (const dir of fresh) await this.walkNew(dir, configs, affected);
      if (affected.size > 0) await this.recheck(affected);
    });
  }

  /**
   * The folders that created files are the first of (nothing indexed under them yet), each the topmost such folder
   * below its workspace folder. A watcher starts watching a new folder once it has seen it, so of files written at
   * once into one (a git checkout, a copied folder) it may report only some: these folders are read whole.
   */
  private newFolders(created: readonly string[]): string[] {
    if (created.length === 0) return [];
    const keys = this.entries.keys();
    const held = (d: string) => keys.some((k) => k.startsWith(d + path.sep));
    const out = new Set<string>();
    for (const fp of created) {
      const folder = this.folderOf(fp);
      let d = path.dirname(fp);
      if (!folder || d === folder || !d.startsWith(folder + path.sep) || held(d)) continue;
      for (let up = path.dirname(d); up !== folder && up.startsWith(folder + path.sep) && !held(up); up = path.dirname(up)) d = up;
      out.add(d);
    }
    const dirs = [...out];
    return dirs.filter((d) => !dirs.some((o) => d.startsWith(o + path.sep)));
  }

  /** Indexes what a new folder holds that no notification told (and notes the configs that read those files). */
  private async walkNew(dir: string, configs: ReadonlyMap<string, LoadedConfig>, affected: Set<string>): Promise<void> {
    const walk = walkYaml(dir, { cancelled: () => this.disposed, skipDir: (d) => this.configs.ignored(d), skipFile: (f) => this.configs.ignored(f), log: this.log });
    for await (const batch of walk) {
      for (const f of batch) {
        if (this.disposed) return;
        if (this.entries.get(f.path)) continue;
        await this.indexPath(f.path, f);
        for (const cfg of this.configs.reading(configs, f.path, true)) affected.add(cfg);
      }
      await yieldToLoop();
    }
  }

  /** Re-checks the files on disk governed by these configs (their registries or baselines changed). */
  private async recheck(configs: ReadonlySet<string>): Promise<void> {
    const keys = [...this.entries.all()].filter((e) => e.openVersion === undefined && e.configPath !== undefined && configs.has(e.configPath)).map((e) => e.key);
    let slice = performance.now();
    for (const k of keys) {
      if (this.disposed) return;
      await this.indexPath(k);
      if (performance.now() - slice > SLICE_MS) {
        await yieldToLoop();
        slice = performance.now();
      }
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((e) => this.log(`srm: workspace index: ${e instanceof Error && e.stack ? e.stack : String(e)}`));
  }

  private async walkAll(id: number): Promise<void> {
    const cancelled = () => id !== this.run || this.disposed;
    const seen = new Set<string>();
    // Entries added meanwhile (a file created during the walk, told by a notification) are not this run's to drop.
    const before = new Set(this.entries.keys());
    let slice = performance.now();
    for (const folder of this.folders) {
      for await (const batch of walkYaml(folder, {
        cancelled,
        skipDir: (d) => this.configs.ignored(d),
        skipFile: (f) => this.configs.ignored(f),
        log: this.log,
      })) {
        for (const f of batch) {
          if (cancelled()) return;
          seen.add(f.path);
          if (f.size >= BIG_FILE) await yieldToLoop();
          if (cancelled()) return;
          await this.indexPath(f.path, f);
          if (performance.now() - slice > SLICE_MS) {
            await yieldToLoop();
            slice = performance.now();
          }
        }
      }
    }
    if (cancelled()) return;
    // The registries and baseline files the folders' configs list, wherever they are (even ignored by the globs).
    const configs = this.configs.known(this.entries.all(), true);
    for (const cfg of configs.values()) {
      for (const f of this.settings.dependencyFiles(cfg)) {
        if (cancelled()) return;
        if (seen.has(f)) continue;
        seen.add(f);
        await this.indexPath(f, undefined, true);
      }
    }
    // What was indexed before and is gone now (deleted, or no longer under a folder), unless open.
    for (const e of [...this.entries.all()]) {
      if (e.openVersion === undefined && before.has(e.key) && !seen.has(e.key) && !this.dirtyOpen.has(e.uri)) this.entries.remove(e.key);
    }
    for (const d of this.documents.all()) if (typeof d.uri === 'string') this.dirtyOpen.add(d.uri);
  }

  private folderOf(fp: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) if ((fp === f || fp.startsWith(f + path.sep)) && (!best || f.length > best.length)) best = f;
    return best;
  }

  private inFolder(fp: string): boolean {
    return this.folderOf(fp) !== undefined;
  }

  private folderSettings(folder: string | undefined): Promise<SrmSettings> {
    const k = folder ?? '';
    let p = this.folderSettingsCache.get(k);
    if (!p) {
      p = folder ? this.settings.folderSettings(pathToFileURL(folder).href) : Promise.resolve(parseSettings(undefined));
      this.folderSettingsCache.set(k, p);
    }
    return p;
  }

  /** What governs an entry (its config, baselines and teams in reach). */
  docSettings(e: Entry): DocSettings {
    return this.settings.withSettings(e.uri, parseSettings(undefined));
  }

  /**
   * (Re-)indexes the file at `fp` from disk, unless it is open. `force`: a file a config lists (indexed whatever its
   * name or content says). A file that is gone or no longer a responsibility file leaves the index.
   */
  private async indexPath(fp: string, found?: FoundFile, force = false): Promise<void> {
    const open = openDocumentAt(this.documents, fp);
    if (open) {
      this.dirtyOpen.add(open.uri);
      return;
    }
    const folder = this.folderOf(fp);
    const r = await readEntry(fp, found, { settings: this.settings, srm: await this.folderSettings(folder), ...(folder ? { folder } : {}), force, log: this.log });
    if (r === 'remove') this.entries.remove(fp);
    else if (r !== 'keep') this.entries.set({ ...r, resultId: this.entries.get(fp)?.resultId ?? '' }, true);
  }

  /** Whether the file behind an entry changed on disk since it was read (a rename re-reads it first). */
  async refreshIfStale(e: Entry): Promise<Entry | undefined> {
    if (e.openVersion !== undefined || filePathOf(e.uri) === undefined) return e;
    const st = await statFile(e.key);
    if (st && st.size === e.size && st.mtimeMs === e.mtimeMs) return e;
    await this.indexPath(e.key);
    return this.entries.get(e.key);
  }
}
