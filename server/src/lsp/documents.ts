// Per-document state of the server: the ParsedFile per uri@version (the previous one feeds incremental parsing),
// the findings per version and settings generation, and offset <-> position conversion.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, ruleDocUrl } from '../../../shared/protocol';
import { diagnose, parseFile, type DiagnoseOptions, type Finding, type Fix, type ParsedFile } from '../service';
import { LineIndex } from '../service/text';

/** What a diagnostic carries in `data`: the fixes, with LSP ranges, and the version they apply to. */
export interface FixData {
  version: number;
  fixes: Array<{ title: string; isPreferred: boolean; safe: boolean; edits: Array<{ range: Range; newText: string }> }>;
}

interface Entry {
  version: number;
  syntaxOnly: boolean;
  parsed: ParsedFile;
  /** Findings keyed by the options' key (settings generation). */
  findings?: { key: string; list: Finding[]; diagnostics: Diagnostic[] };
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();
  private readonly lineCache = new Map<string, { version: number; lines: LineIndex }>();

  /** The parsed file of this version, parsed incrementally from the previous version when needed. */
  parsed(doc: TextDocument, syntaxOnly: boolean): ParsedFile {
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version && e.syntaxOnly === syntaxOnly) return e.parsed;
    const parsed = parseFile(doc.getText(), e && !e.syntaxOnly && !syntaxOnly ? e.parsed : undefined, { syntaxOnly });
    this.entries.set(doc.uri, { version: doc.version, syntaxOnly, parsed });
    this.lineCache.delete(doc.uri);
    return parsed;
  }

  /** Line index of this version (the parsed file's when there is one; never parses). */
  lines(doc: TextDocument): LineIndex {
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version) return e.parsed.lines;
    const l = this.lineCache.get(doc.uri);
    if (l && l.version === doc.version) return l.lines;
    const lines = new LineIndex(doc.getText());
    this.lineCache.set(doc.uri, { version: doc.version, lines });
    return lines;
  }

  /** Findings and diagnostics of this version under these options (`key` identifies the options). */
  findings(doc: TextDocument, options: DiagnoseOptions, key: string): { list: Finding[]; diagnostics: Diagnostic[]; parsed: ParsedFile } {
    const parsed = this.parsed(doc, options.syntaxOnly === true);
    const e = this.entries.get(doc.uri) as Entry;
    if (e.findings && e.findings.key === key) return { ...e.findings, parsed };
    const list = diagnose(parsed, options);
    const diagnostics = list.map((f) => toDiagnostic(f, parsed, doc.version));
    e.findings = { key, list, diagnostics };
    return { list, diagnostics, parsed };
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.lineCache.delete(uri);
  }

  clearFindings(): void {
    for (const e of this.entries.values()) e.findings = undefined;
  }
}

export function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) };
}

export function fixToLsp(lines: LineIndex, fix: Fix): FixData['fixes'][number] {
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
