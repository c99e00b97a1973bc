// The pure language service: text in, findings, fixes, hovers, completions and symbols out. No LSP, no fs.
export * from './types';
export { RULES, getRule, isRuleId, type RuleMeta } from './rules/catalog';
export { isResponsibilityFile } from './detect';
export { parseFile, type ParsedFile } from './parse';
export { diagnose } from './diagnose';
export { applyEdits, fixAll } from './edits';
