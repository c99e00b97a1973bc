// The cheap facts of one parsed file that the editor's cross-file features need (the workspace index keeps them per
// file): team definitions and references, baseline names, selections and extends, workloads and layer ids, each with
// its file offsets. Read off the parse results (ParsedFile), never off the YAML again.
import type { Span } from '../check/facts';
import type { ParsedDocument, ParsedFile } from '../parse/parsedFile';

/** A name written in a file: the name and its offsets (inside quotes, when the value is quoted). */
export interface NameSite {
  name: string;
  start: number;
  end: number;
  /** The YAML document of the file it is in (0-based). */
  document: number;
}

export interface TeamDefSite extends NameSite {
  /** Set when the team is a registry's (kind: TeamRegistry): the registry's metadata.name, or '' without one. */
  registry?: string;
}

export interface TeamRefSite extends NameSite {
  where: 'assignment' | 'owner';
  workload?: string;
  layer?: string;
}

export interface BaselineRefSite extends NameSite {
  /** metadata.baseline of an assignment document, or extends of a baseline document. */
  via: 'select' | 'extends';
}

export interface WorkloadSite extends NameSite {
  model?: string;
}

export interface LayerSite extends NameSite {
  /** A layer key of an assignment, or a baseline document's layer id, `after` or `remove` entry. */
  via: 'assignment' | 'baseline-layer' | 'after' | 'remove';
}

export interface DocumentSite {
  index: number;
  kind: 'assignment' | 'baseline' | 'registry';
  /** metadata.name, when it is a string. */
  name?: string;
  start: number;
  end: number;
}

export interface WorkspaceFacts {
  documents: DocumentSite[];
  teamDefs: TeamDefSite[];
  teamRefs: TeamRefSite[];
  baselineDefs: NameSite[];
  baselineRefs: BaselineRefSite[];
  workloads: WorkloadSite[];
  /** Layer ids (only with `layers: true`: a file's own references; the index does not keep them). */
  layers: LayerSite[];
}

/**
 * `s` as a string of its own. A name read off a file is often a slice of the file's text (V8 keeps a slice of 13 or
 * more characters as a view of the whole text), so keeping the name would keep the text: the workspace index keeps
 * the names of thousands of files and none of their texts. The copy is V8's internalised one (what a property key
 * becomes): flat, so reading it is quick (workspace symbols scan every name), and shared by equal names.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (Object.keys({ [s]: 0 })[0] ?? s);
}

/** Offsets of a value without its quotes (a rename replaces what is inside them). */
export function unquoted(text: string, start: number, end: number): { start: number; end: number } {
  const q = text.charCodeAt(start);
  if (end - start >= 2 && (q === 34 || q === 39) && text.charCodeAt(end - 1) === q) return { start: start + 1, end: end - 1 };
  return { start, end };
}

/** The facts of `parsed`. `layers`: also the layer ids (for references within the file). */
export function workspaceFacts(parsed: ParsedFile, options: { layers?: boolean } = {}): WorkspaceFacts {
  const out: WorkspaceFacts = { documents: [], teamDefs: [], teamRefs: [], baselineDefs: [], baselineRefs: [], workloads: [], layers: [] };
  const text = parsed.text;
  for (const doc of parsed.documents) collect(doc, text, out, options.layers === true);
  return out;
}

function collect(doc: ParsedDocument, text: string, out: WorkspaceFacts, layers: boolean): void {
  const document = doc.index;
  // Header offsets (document-relative for registry and baseline documents) to file offsets.
  const at = (s: Span | undefined): { start: number; end: number } | undefined => {
    if (!s) return undefined;
    const start = doc.headerMap(s.start);
    return unquoted(text, start, start + (s.end - s.start));
  };
  const site = (name: string | undefined, s: Span | undefined): NameSite | undefined => {
    const r = at(s);
    return name !== undefined && name !== '' && r ? { name, ...r, document } : undefined;
  };
  if (doc.registryDoc) {
    const f = doc.registryDoc.facts;
    out.documents.push({ index: document, kind: 'registry', ...(f.name === undefined ? {} : { name: f.name }), start: doc.start, end: doc.end });
    for (const t of f.teams) {
      const s = site(t.id, t.idSpan);
      if (s) out.teamDefs.push({ ...s, registry: f.name ?? '' });
    }
    return;
  }
  if (doc.baselineDoc) {
    const f = doc.baselineDoc.analysis.facts;
    out.documents.push({ index: document, kind: 'baseline', ...(f.name ? { name: f.name.value } : {}), start: doc.start, end: doc.end });
    const n = site(f.name?.value, f.name?.span);
    if (n) out.baselineDefs.push(n);
    const e = site(f.extends?.value, f.extends?.span);
    if (e) out.baselineRefs.push({ ...e, via: 'extends' });
    if (layers) {
      for (const l of f.layers) {
        const id = site(l.id?.value, l.id?.span);
        if (id) out.layers.push({ ...id, via: 'baseline-layer' });
        const after = site(l.after?.value, l.after?.span);
        if (after) out.layers.push({ ...after, via: 'after' });
      }
      for (const r of f.remove) {
        const s = site(r.value, r.span);
        if (s) out.layers.push({ ...s, via: 'remove' });
      }
    }
    return;
  }
  out.documents.push({ index: document, kind: 'assignment', ...(doc.name === undefined ? {} : { name: doc.name }), start: doc.start, end: doc.end });
  const h = doc.header;
  if (h) {
    for (const t of h.teams) {
      const s = site(t.id, t.idSpan);
      if (s) out.teamDefs.push(s);
    }
    for (const r of h.teamRefs) {
      const s = site(r.team, r.span);
      if (s) out.teamRefs.push({ ...s, where: r.where });
    }
    const b = site(h.baseline?.id, h.baseline?.span);
    if (b) out.baselineRefs.push({ ...b, via: 'select' });
  }
  for (const part of doc.workloads) {
    const f = part.analysis.facts;
    const file = (s: Span | undefined) => (s ? unquoted(text, part.base + s.start, part.base + s.end) : undefined);
    const name = file(f.nameSpan);
    if (f.name !== undefined && f.name !== '' && name) out.workloads.push({ name: f.name, ...name, document, ...(f.model === undefined ? {} : { model: f.model }) });
    for (const r of part.analysis.teamRefs) {
      const s = file(r.span);
      if (s && r.team !== '') {
        out.teamRefs.push({ name: r.team, ...s, document, where: r.where, ...(r.workload === undefined ? {} : { workload: r.workload }), ...(r.layer === undefined ? {} : { layer: r.layer }) });
      }
    }
    if (layers) {
      for (const a of f.assignments) {
        const s = file(a.key);
        if (s && a.layer !== '') out.layers.push({ name: a.layer, ...s, document, via: 'assignment' });
      }
    }
  }
}

/** The site of `list` at `offset` (its start up to and including its end), if any. */
export function siteAt<T extends { start: number; end: number }>(list: readonly T[], offset: number): T | undefined {
  return list.find((s) => offset >= s.start && offset <= s.end);
}
