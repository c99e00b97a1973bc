// The pure language service: text in, findings, fixes, hovers, completions and symbols out. No LSP, no fs.
export * from './types';
export { RULES, getRule, isRuleId, type RuleMeta } from './rules/catalog';
export { isResponsibilityFile } from './detect';
export { parseFile, type ParsedFile } from './parse';
export { diagnose } from './diagnose';
export { applyEdits, fixAll, type FixAllResult, type RejectedFix } from './edits';
export { hover, type HoverResult } from './hover';
export { complete, type CompletionEntry, type CompletionKind, type CompletionResult } from './complete';
export { symbols, foldingRanges, type SymbolEntry, type FoldingEntry } from './symbols';
export { cursorContext, type Source, type CursorContext } from './cursor';
