// LSP shapes of the language service's plain results (offsets): completion items, hovers, symbols, folding ranges.
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { CompletionEntry, CompletionResult, FoldingEntry, HoverResult, SymbolEntry } from '../service';
import { rangeOf, type Lines } from './documents';

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
