// What the workspace index holds: its entries by key, who defines or names each team and baseline, and who is told
// when an entry's diagnostics change. Reading files and keeping them current is workspaceIndex.ts's job.
import * as path from 'node:path';
import type { Entry } from './workspaceFile';

export class WorkspaceStore {
  private readonly entries = new Map<string, Entry>();
  /** Team ids and baseline names to the keys of the entries that write them (definitions and references). */
  private readonly teamNames = new Map<string, Set<string>>();
  private readonly baselineNames = new Map<string, Set<string>>();
  private readonly listeners: Array<(e: Entry, removed: boolean) => void> = [];
  private counter = 0;

  onDidChange(fn: (e: Entry, removed: boolean) => void): void {
    this.listeners.push(fn);
  }

  /** Tells the listeners about `e` (a push client re-publishes its diagnostics). */
  tell(e: Entry, removed = false): void {
    for (const fn of this.listeners) fn(e, removed);
  }

  all(): IterableIterator<Entry> {
    return this.entries.values();
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /** The entries that define or name team `id`. */
  withTeam(id: string): Entry[] {
    return [...(this.teamNames.get(id) ?? [])].flatMap((k) => this.entries.get(k) ?? []);
  }

  /** The entries that define or name baseline `name`. */
  withBaseline(name: string): Entry[] {
    return [...(this.baselineNames.get(name) ?? [])].flatMap((k) => this.entries.get(k) ?? []);
  }

  /** Stores an entry; `disk`: its diagnostics are new (a new result id unless they are the same). */
  set(e: Entry, disk: boolean): void {
    const old = this.entries.get(e.key);
    if (old) this.unname(old);
    let changed = false;
    if (disk) {
      const same = old !== undefined && old.resultId !== '' && JSON.stringify(old.diagnostics) === JSON.stringify(e.diagnostics);
      e.resultId = same ? old.resultId : this.nextId();
      changed = !same;
    }
    this.entries.set(e.key, e);
    this.name(e);
    if (changed) this.tell(e);
  }

  remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.unname(old);
    this.tell(old, true);
  }

  /** A deleted path: the file, or every file under a deleted folder (open ones stay). */
  removeUnder(fp: string): void {
    for (const k of this.keys()) {
      const e = this.entries.get(k) as Entry;
      if ((k === fp || k.startsWith(fp + path.sep)) && e.openVersion === undefined) this.remove(k);
    }
  }

  nextId(): string {
    return `w${++this.counter}`;
  }

  private name(e: Entry): void {
    const add = (m: Map<string, Set<string>>, n: string) => {
      let s = m.get(n);
      if (!s) m.set(n, (s = new Set()));
      s.add(e.key);
    };
    for (const s of [...e.facts.teamDefs, ...e.facts.teamRefs]) add(this.teamNames, s.name);
    for (const s of [...e.facts.baselineDefs, ...e.facts.baselineRefs]) add(this.baselineNames, s.name);
  }

  private unname(e: Entry): void {
    const drop = (m: Map<string, Set<string>>, n: string) => {
      const s = m.get(n);
      s?.delete(e.key);
      if (s && s.size === 0) m.delete(n);
    };
    for (const s of [...e.facts.teamDefs, ...e.facts.teamRefs]) drop(this.teamNames, s.name);
    for (const s of [...e.facts.baselineDefs, ...e.facts.baselineRefs]) drop(this.baselineNames, s.name);
  }
}
