// Converts the language service's plain results (offsets) into LSP shapes: completion items, hovers, symbols,
// folding ranges and code actions.
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver';
import type { CompletionEntry, CompletionResult, FoldingEntry, HoverResult, SymbolEntry, Finding } from '../service';
import { fixToLsp, rangeOf, type FixData, type Lines } from './documents';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  layer: CompletionItemKind.Field,
  party: CompletionItemKind.EnumMember,
  model: CompletionItemKind.Enum,
  team: CompletionItemKind.Reference,
  rule: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionList(lines: Lines, r: CompletionResult, markdown: boolean, snippets: boolean): CompletionList {
  const range = rangeOf(lines, r.replaceStart, r.replaceEnd);
  const items: CompletionItem[] = [];
  for (const e of r.items) {
    if (e.snippet && !snippets && e.kind === 'snippet') continue;
    const text = e.snippet && !snippets ? stripSnippet(e.insertText) : e.insertText;
    const item: CompletionItem = {
      label: e.label,
      kind: KIND[e.kind],
      sortText: e.sortText,
      textEdit: { range, newText: text },
      insertTextFormat: e.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
    };
    if (e.detail) item.detail = e.detail;
    if (e.filterText) item.filterText = e.filterText;
    if (e.preselect) item.preselect = true;
    if (e.documentation) item.documentation = markdown ? { kind: MarkupKind.Markdown, value: e.documentation } : plainText(e.documentation);
    items.push(item);
  }
  return { isIncomplete: false, items };
}

/** A snippet as plain text, for clients without snippet support: the first choice or the placeholder's default. */
function stripSnippet(s: string): string {
  return s
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** Markdown for clients that show plain text: emphasis and code marks dropped, tables kept (they read as text). */
export function plainText(md: string): string {
  return md.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]*)`/g, '$1');
}

export function toHover(lines: Lines, h: HoverResult, markdown: boolean): Hover {
  return {
    contents: markdown ? { kind: MarkupKind.Markdown, value: h.contents } : { kind: MarkupKind.PlainText, value: plainText(h.contents) },
    range: rangeOf(lines, h.start, h.end),
  };
}

export function toDocumentSymbols(lines: Lines, list: SymbolEntry[]): DocumentSymbol[] {
  return list.map((s) => ({
    name: s.name,
    detail: s.detail,
    kind: s.kind === 'workload' ? SymbolKind.Object : SymbolKind.Field,
    range: rangeOf(lines, s.start, s.end),
    selectionRange: rangeOf(lines, s.selectionStart, s.selectionEnd),
    children: toDocumentSymbols(lines, s.children),
  }));
}

export function toSymbolInformation(lines: Lines, uri: string, list: SymbolEntry[], container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const s of list) {
    out.push({
      name: s.name,
      kind: s.kind === 'workload' ? SymbolKind.Object : SymbolKind.Field,
      location: { uri, range: rangeOf(lines, s.start, s.end) },
      ...(container ? { containerName: container } : {}),
    });
    out.push(...toSymbolInformation(lines, uri, s.children, s.name));
  }
  return out;
}

export function toFoldingRanges(list: FoldingEntry[]): FoldingRange[] {
  return list.map((f) => ({ startLine: f.startLine, endLine: f.endLine, ...(f.kind ? { kind: f.kind } : {}) }));
}

function overlaps(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function isFixData(d: unknown): d is FixData {
  return typeof d === 'object' && d !== null && Array.isArray((d as FixData).fixes) && typeof (d as FixData).version === 'number';
}

/**
 * Quick fixes for the diagnostics in the request: from each diagnostic's `data` when it was computed for this
 * version; otherwise from the current findings of the same rule at an overlapping range.
 */
export function quickFixes(
  uri: string,
  version: number,
  lines: Lines,
  requested: Diagnostic[],
  current: { list: Finding[]; diagnostics: Diagnostic[] },
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of requested) {
    if (d.source !== 'srm') continue;
    let fixes: FixData['fixes'] | undefined;
    if (isFixData(d.data) && d.data.version === version) fixes = d.data.fixes;
    else {
      const i = current.diagnostics.findIndex((c) => c.code === d.code && overlaps(c.range, d.range));
      const f = i >= 0 ? current.list[i] : undefined;
      fixes = f?.fixes.map((x) => fixToLsp(lines, x));
    }
    for (const fx of fixes ?? []) {
      const edits: TextEdit[] = fx.edits.map((e) => ({ range: e.range, newText: e.newText }));
      out.push({
        title: fx.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fx.isPreferred,
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return out;
}

/** "Add all missing layers": every unassigned-layer fix of the document in one edit. */
export function addAllMissingLayers(uri: string, lines: Lines, findings: Finding[]): CodeAction | undefined {
  const fixes = findings.filter((f) => f.code === 'unassigned-layer').map((f) => f.fixes.find((x) => x.safe && x.isPreferred) ?? f.fixes.find((x) => x.safe));
  const edits: TextEdit[] = [];
  const taken: Array<[number, number]> = [];
  let workloads = 0;
  for (const fx of fixes) {
    if (!fx) continue;
    if (fx.edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end))) continue;
    for (const e of fx.edits) {
      taken.push([e.start, e.end]);
      edits.push({ range: rangeOf(lines, e.start, e.end), newText: e.newText });
    }
    workloads++;
  }
  if (workloads < 1) return undefined;
  return {
    title: `Add all missing layers in this document (${workloads} workload${workloads === 1 ? '' : 's'}), with the owners each model expects`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: edits } },
  };
}
