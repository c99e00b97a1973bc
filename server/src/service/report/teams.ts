// The report's teams: where each is defined (registries, documents' own `teams:`), the documents it owns and the
// cells that name it (assignments.ts adds those), gathered file by file.
import type { ParsedDocument } from '../parse/parseFile';
import type { RegistryTeam } from '../types';
import type { ReportFileInput } from './input';
import type { ReportAssignment, ReportTeam, TeamDefinition } from './shape';
import { teamInfo } from './textValues';

interface TeamAcc {
  id: string;
  name?: string;
  contact?: string;
  /** Whether name/contact came from a registry (a registry's wins over a document's). */
  fromRegistry: boolean;
  definedIn: Map<string, TeamDefinition>;
  owns: ReportTeam['owns'];
  assignments: ReportAssignment[];
}

/** `{ documentName }` when the document has a name, else nothing: spread into the entries of a document. */
export type DocName = { documentName?: string };

export class TeamBook {
  private readonly teams = new Map<string, TeamAcc>();
  private readonly registriesSeen = new WeakSet<readonly unknown[]>();

  constructor(private readonly show: (file: string) => string) {}

  /** The registries in a file's reach: the same list for every file of a config, taken once. */
  addRegistryTeams(registryTeams: readonly RegistryTeam[] | undefined): void {
    if (!registryTeams || this.registriesSeen.has(registryTeams)) return;
    this.registriesSeen.add(registryTeams);
    for (const t of registryTeams) {
      this.define(t.id, { kind: 'registry', registry: t.registry, file: this.show(t.source) }, { name: t.name, contact: t.contact }, true);
    }
  }

  /** The teams of a registry document of the report's files. */
  addRegistry(input: ReportFileInput, d: ParsedDocument): void {
    const facts = d.registryDoc!.facts;
    for (const t of facts.teams) {
      if (t.id === undefined) continue;
      const line = t.idSpan ? input.parsed.lines.lineAt(d.headerMap(t.idSpan.start)) + 1 : undefined;
      const def: TeamDefinition = { kind: 'registry', file: input.path };
      if (facts.name !== undefined) def.registry = facts.name;
      if (line !== undefined) def.line = line;
      this.define(t.id, def, { name: t.name, contact: t.contact }, true);
    }
  }

  /**
   * An assignment document's own teams (their names and contacts read off the item's text) and the team its
   * `metadata.owner` names; gives that owner (the first, when named twice).
   */
  addDocument(input: ReportFileInput, d: ParsedDocument, docName: DocName): string | undefined {
    const { path } = input;
    const { text, lines } = input.parsed;
    const header = d.header!;
    const lineOf = (offset: number): number => lines.lineAt(offset) + 1;
    for (const t of header.teams) {
      if (t.id === undefined) continue;
      const start = d.headerMap(t.span.start);
      const end = d.headerMap(t.span.end);
      const info = teamInfo(text, lines, start, end);
      const def: TeamDefinition = { kind: 'document', file: path };
      if (t.idSpan) def.line = lineOf(d.headerMap(t.idSpan.start));
      this.define(t.id, def, info, false);
    }
    let documentOwner: string | undefined;
    for (const r of header.teamRefs) {
      if (r.where !== 'owner') continue;
      documentOwner ??= r.team;
      this.team(r.team).owns.push({ file: path, line: lineOf(d.headerMap(r.span.start)), document: d.index, ...docName });
    }
    return documentOwner;
  }

  /** A cell whose long form names team `id`. */
  addAssignment(id: string, a: ReportAssignment): void {
    this.team(id).assignments.push(a);
  }

  /** The teams, by id. */
  toJson(): ReportTeam[] {
    return [...this.teams.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((t) => ({
        id: t.id,
        ...(t.name !== undefined ? { name: t.name } : {}),
        ...(t.contact !== undefined ? { contact: t.contact } : {}),
        definedIn: [...t.definedIn.values()],
        owns: t.owns,
        assignments: t.assignments,
      }));
  }

  private team(id: string): TeamAcc {
    let t = this.teams.get(id);
    if (!t) {
      t = { id, fromRegistry: false, definedIn: new Map(), owns: [], assignments: [] };
      this.teams.set(id, t);
    }
    return t;
  }

  private define(id: string, def: TeamDefinition, info: { name?: string; contact?: string }, registry: boolean): void {
    const t = this.team(id);
    const key = `${def.kind}\0${def.registry ?? ''}\0${def.file}`;
    const known = t.definedIn.get(key);
    if (!known) t.definedIn.set(key, def);
    else if (known.line === undefined && def.line !== undefined) known.line = def.line; // the registry's own file, read later
    // A registry's name and contact win over a document's; otherwise the first given.
    if (registry && !t.fromRegistry && (info.name !== undefined || info.contact !== undefined)) {
      t.fromRegistry = true;
      t.name = info.name;
      t.contact = info.contact;
    } else if (!t.fromRegistry) {
      t.name ??= info.name;
      t.contact ??= info.contact;
    }
  }
}
