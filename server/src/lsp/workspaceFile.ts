// One file of the workspace index: what the index holds of it (the service's workspaceFacts as LSP ranges, and the
// diagnostics of its text on disk), and reading it from disk: is it a responsibility file, a config, too large to
// read, unreadable; its findings under the settings and config that govern it. Nothing is executed or written.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, ruleDocUrl, type SrmSettings } from '../../../shared/protocol';
import { diagnose, ownString, parseConfig, parseFile, unquoted, workspaceFacts, type WorkspaceFacts } from '../service';
import { isConfigName, readHead, readTextSync, statFile, type FoundFile } from '../node/workspace';
import type { DocumentSettings } from './documentSettings';
import { DocLines, filePathOf, toDiagnostic, type Lines } from './documents';

export { filePathOf } from './documents';

/** Enough of a big YAML file to see its header lines (apiVersion: srm/v1). */
const HEAD_BYTES = 64 * 1024;

/** A name in an indexed file, with its LSP range. */
export interface Site {
  name: string;
  range: Range;
  document: number;
}

export interface IndexedFacts {
  documents: Array<{ index: number; kind: 'assignment' | 'baseline' | 'registry'; name?: string }>;
  teamDefs: Array<Site & { registry?: string }>;
  teamRefs: Site[];
  baselineDefs: Site[];
  /** metadata.baseline, extends, and a config's `baseline:`. */
  baselineRefs: Array<Site & { via: 'select' | 'extends' | 'config' }>;
  workloads: Array<Site & { model?: string }>;
}

export interface Entry {
  /** The file's path (the key), or the uri of a document that is not a file. */
  key: string;
  uri: string;
  kind: 'srm' | 'config';
  /** The workspace folder it is under (absolute), if any. */
  folder?: string;
  size: number;
  mtimeMs: number;
  /** Set while the document is open: the facts are of this version's text. */
  openVersion?: number;
  /** Listed but not read: above srm.maxFileSize, or unreadable. */
  skipped?: 'too-large' | 'unreadable';
  facts: IndexedFacts;
  /** Of the file on disk (open documents are diagnosed by the document requests). */
  diagnostics: Diagnostic[];
  resultId: string;
  /** The srm.config.yaml that governs it. */
  configPath?: string;
}

export const EMPTY_FACTS: IndexedFacts = { documents: [], teamDefs: [], teamRefs: [], baselineDefs: [], baselineRefs: [], workloads: [] };


/** The index key of a uri: its path for files, else the uri itself. */
export function keyOf(uri: string): string {
  return filePathOf(uri) ?? String(uri);
}

function toRange(lines: Lines, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) };
}

/** The service's facts as LSP ranges (the text is not kept). */
export function indexedFacts(f: WorkspaceFacts, lines: Lines): IndexedFacts {
  // Names of their own (ownString): the index keeps these, and not the texts they were read from.
  const site = (s: { name: string; start: number; end: number; document: number }): Site => ({ name: ownString(s.name), range: toRange(lines, s.start, s.end), document: s.document });
  return {
    documents: f.documents.map((d) => ({ index: d.index, kind: d.kind, ...(d.name === undefined ? {} : { name: ownString(d.name) }) })),
    teamDefs: f.teamDefs.map((d) => ({ ...site(d), ...(d.registry === undefined ? {} : { registry: ownString(d.registry) }) })),
    teamRefs: f.teamRefs.map(site),
    baselineDefs: f.baselineDefs.map(site),
    baselineRefs: f.baselineRefs.map((r) => ({ ...site(r), via: r.via })),
    workloads: f.workloads.map((w) => ({ ...site(w), ...(w.model === undefined ? {} : { model: ownString(w.model) }) })),
  };
}

/** The facts of a srm.config.yaml: its `baseline:` (a baseline reference). */
export function configFacts(text: string, lines: Lines): IndexedFacts {
  const c = parseConfig(text).config;
  if (c.baseline === undefined || !c.baselineAt) return EMPTY_FACTS;
  const r = unquoted(text, c.baselineAt.start, c.baselineAt.end);
  return { ...EMPTY_FACTS, baselineRefs: [{ name: c.baseline, range: toRange(lines, r.start, r.end), document: 0, via: 'config' }] };
}

export interface ReadContext {
  settings: DocumentSettings;
  /** The srm.* settings of the file's workspace folder. */
  srm: SrmSettings;
  folder?: string;
  /** A file a config lists: indexed whatever its name or content says. */
  force: boolean;
  log: (msg: string) => void;
}

/**
 * What the index holds of the file at `fp` on disk: an entry (its result id is the index's to give), 'remove' (gone,
 * or not a responsibility file), or 'keep' (it could not be looked at: what the index holds stays).
 */
export async function readEntry(fp: string, found: FoundFile | undefined, ctx: ReadContext): Promise<Omit<Entry, 'resultId'> | 'remove' | 'keep'> {
  const uri = pathToFileURL(fp).href;
  const st = found ?? (await statFile(fp));
  if (!st) return 'remove';
  const ds = ctx.settings.withSettings(uri, ctx.srm);
  const common = { key: fp, uri, ...(ctx.folder ? { folder: ctx.folder } : {}), size: st.size, mtimeMs: st.mtimeMs, ...(ds.config ? { configPath: ds.config.path } : {}) };
  if (isConfigName(path.basename(fp))) {
    const r = readTextSync(fp);
    if (!r.ok) return skipped({ ...common, kind: 'config' }, 'unreadable', r.code);
    const doc = TextDocument.create(uri, 'yaml', 0, r.text);
    return { ...common, configPath: fp, kind: 'config', facts: configFacts(r.text, new DocLines(doc)), diagnostics: ctx.settings.configDiagnostics(doc) ?? [] };
  }
  if (st.size > ctx.srm.maxFileSize) {
    const head = await readHead(fp, HEAD_BYTES);
    if (!head.ok) return 'keep';
    if (!ctx.force && !ctx.settings.isSrmText(uri, head.text, ds)) return 'remove';
    return skipped({ ...common, kind: 'srm' }, 'too-large');
  }
  const r = readTextSync(fp);
  if (!r.ok) {
    // Only a file that is one by name (or listed) can be said to be a responsibility file it cannot read.
    if (ctx.force || ctx.settings.isSrmText(uri, '', ds)) return skipped({ ...common, kind: 'srm' }, 'unreadable', r.code);
    ctx.log(`srm: workspace index: cannot read ${fp} (${r.code})`);
    return 'remove';
  }
  if (!ctx.force && !ctx.settings.isSrmText(uri, r.text, ds)) return 'remove';
  const doc = TextDocument.create(uri, 'yaml', 0, r.text);
  const opts = ctx.settings.diagnoseOptions(doc, ds);
  const parsed = parseFile(r.text, undefined, { syntaxOnly: opts.syntaxOnly === true, baselines: ds.baselines, once: true });
  const diagnostics = diagnose(parsed, opts).map((f) => {
    const { data: _fixes, ...d } = toDiagnostic(f, parsed, 0); // fixes apply to open documents only
    // Kept while the file is indexed: a message of its own, not one made of slices of the text.
    if (typeof d.message === 'string') d.message = ownString(d.message);
    return d;
  });
  return { ...common, size: r.size, mtimeMs: r.mtimeMs, kind: 'srm', facts: indexedFacts(workspaceFacts(parsed), parsed.lines), diagnostics };
}

/** A file listed but not read: one diagnostic says why. */
function skipped(common: Omit<Entry, 'facts' | 'diagnostics' | 'resultId' | 'skipped'>, why: 'too-large' | 'unreadable', code?: string): Omit<Entry, 'resultId'> {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const d: Diagnostic =
    why === 'too-large'
      ? {
          range,
          severity: DiagnosticSeverity.Information,
          code: 'file-too-large',
          codeDescription: { href: ruleDocUrl('file-too-large') },
          source: DIAGNOSTIC_SOURCE,
          message: `This file is above the size limit (srm.maxFileSize, ${common.size} bytes), so the workspace check does not read it; open it to check its YAML syntax.`,
        }
      : { range, severity: DiagnosticSeverity.Error, code: 'unreadable', source: DIAGNOSTIC_SOURCE, message: `This file cannot be read (${code ?? 'error'}), so it is not checked.` };
  return { ...common, skipped: why, facts: EMPTY_FACTS, diagnostics: [d] };
}
