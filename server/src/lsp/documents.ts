// The per-document parse cache: the ParsedFile per uri@version and its findings, as LSP diagnostics.
// The previous version feeds incremental parsing, findings are kept per settings generation; offsets <-> positions.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextDocuments } from 'vscode-languageserver';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, ruleDocUrl } from '../../../shared/protocol';
import { diagnose, parseFile, type BaselineOptions, type DiagnoseOptions, type Finding, type Fix, type LineIndex, type ParsedFile, type Position } from '../service';

/** What a diagnostic carries in `data`: the fixes, with LSP ranges, and the version they apply to. */
export interface FixData {
  version: number;
  fixes: Array<{ title: string; isPreferred: boolean; safe: boolean; edits: Array<{ range: Range; newText: string }> }>;
}

interface Entry {
  version: number;
  syntaxOnly: boolean;
  parsed: ParsedFile;
  /** The settings generation the baselines came from. */
  baselinesKey: string;
  /** Findings keyed by the options' key (settings generation). */
  findings?: { key: string; list: Finding[]; diagnostics: Diagnostic[] };
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the LSP layer needs of a file's lines: the service's Source lines plus offset <-> position. */
export type Lines = Pick<LineIndex, 'lineCount' | 'lineAt' | 'lineStart' | 'lineEnd' | 'lineText' | 'positionAt' | 'offsetAt'>;

/** Lines of a TextDocument, read off its own (incrementally maintained) line offsets. */
export class DocLines implements Lines {
  private readonly text: string;
  constructor(private readonly doc: TextDocument) {
    this.text = doc.getText();
  }
  get lineCount(): number {
    return this.doc.lineCount;
  }
  lineAt(offset: number): number {
    return this.doc.positionAt(offset).line;
  }
  lineStart(line: number): number {
    return this.doc.offsetAt({ line: Math.max(0, Math.min(line, this.doc.lineCount - 1)), character: 0 });
  }
  lineEnd(line: number): number {
    const start = this.lineStart(line);
    let end = line + 1 < this.doc.lineCount ? this.doc.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
  positionAt(offset: number): Position {
    return this.doc.positionAt(offset);
  }
  offsetAt(pos: Position): number {
    if (pos.line >= this.doc.lineCount) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(this.lineStart(pos.line) + Math.max(0, pos.character), this.lineEnd(pos.line));
  }
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  /** The parsed file of this version, parsed incrementally from the previous version when needed. */
  parsed(doc: TextDocument, syntaxOnly: boolean, baselines?: BaselineOptions, baselinesKey = ''): ParsedFile {
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version && e.syntaxOnly === syntaxOnly && e.baselinesKey === baselinesKey) return e.parsed;
    // The previous version is reused in the same mode (syntax-only too: its chunks are cached the same way); a file
    // that crosses srm.maxFileSize is parsed afresh once.
    const parsed = parseFile(doc.getText(), e && e.syntaxOnly === syntaxOnly ? e.parsed : undefined, { syntaxOnly, baselines });
    this.entries.set(doc.uri, { version: doc.version, syntaxOnly, parsed, baselinesKey });
    return parsed;
  }

  /** The parse of this version, when there is one (hover and completion read the document's baseline off it). */
  current(doc: TextDocument): ParsedFile | undefined {
    const e = this.entries.get(doc.uri);
    return e && e.version === doc.version ? e.parsed : undefined;
  }

  /**
   * Lines of this version: the parsed file's index when this version is parsed, else a view over the
   * TextDocument's own line offsets (kept up to date incrementally): hover and completion never build an index.
   */
  lines(doc: TextDocument): Lines {
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version) return e.parsed.lines;
    return new DocLines(doc);
  }

  /** Findings and diagnostics of this version under these options (`key` identifies the options). */
  findings(
    doc: TextDocument,
    options: DiagnoseOptions,
    key: string,
    baselines?: BaselineOptions,
  ): { list: Finding[]; diagnostics: Diagnostic[]; parsed: ParsedFile } {
    const parsed = this.parsed(doc, options.syntaxOnly === true, baselines, key);
    const e = this.entries.get(doc.uri) as Entry;
    if (e.findings && e.findings.key === key) return { ...e.findings, parsed };
    const list = diagnose(parsed, options);
    const diagnostics = list.map((f) => toDiagnostic(f, parsed, doc.version));
    e.findings = { key, list, diagnostics };
    return { list, diagnostics, parsed };
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clearFindings(): void {
    for (const e of this.entries.values()) e.findings = undefined;
  }
}

export function rangeOf(lines: Lines, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) };
}

export function fixToLsp(lines: Lines, fix: Fix): FixData['fixes'][number] {
  return {
    title: fix.title,
    isPreferred: fix.isPreferred === true,
    safe: fix.safe,
    edits: fix.edits.map((e) => ({ range: rangeOf(lines, e.start, e.end), newText: e.newText })),
  };
}

export function toDiagnostic(f: Finding, parsed: ParsedFile, version: number): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(parsed.lines, f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.code) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
  };
  if (f.code === 'unused-suppression') d.tags = [DiagnosticTag.Unnecessary];
  if (f.fixes.length > 0) {
    const data: FixData = { version, fixes: f.fixes.map((x) => fixToLsp(parsed.lines, x)) };
    d.data = data;
  }
  return d;
}

/** The file path of a file: uri; undefined for another scheme or a malformed uri (a number, nothing). */
export function filePathOf(uri: string): string | undefined {
  // A document opened with a malformed uri (a number, nothing) is kept by TextDocuments under that value.
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The open document of the file at `fp` (absolute), whatever spelling of its uri the editor used; a uri that is not
 * a file: uri matches when it is `fp` itself (as the workspace index keys such a document).
 */
export function openDocumentAt(documents: TextDocuments<TextDocument>, fp: string): TextDocument | undefined {
  return documents.get(pathToFileURL(fp).href) ?? documents.all().find((d) => (filePathOf(d.uri) ?? String(d.uri)) === fp);
}
