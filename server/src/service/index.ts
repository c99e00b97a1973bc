// The pure language service: text in, findings, fixes, hovers, completions and symbols out. No LSP, no fs.
// The only way lsp/, cli/ and node/ reach the service (test/unit/layering.test.ts enforces it).
export * from './types';
export { LineIndex, type Position } from './lines';
export { RULES, getRule, type RuleMeta } from './rules/registry';
export { RULE_DOCS, CODE_DOCS, type RuleDoc, type RuleExample, type CodeDoc } from './rules/docs';
export { isResponsibilityFile } from './responsibilityFile';
// Parsing and checking.
export { parseFile, type BaselineOptions, type ParsedFile, type ParsedDocument } from './parse/parseFile';
export { diagnose } from './check/diagnose';
export { applyEdits, fixAll, type FixAllResult, type RejectedFix } from './fixAll';
// Editor features.
export { hover, type HoverResult } from './features/hover';
export { complete, type CompletionEntry, type CompletionKind, type CompletionResult } from './features/complete';
export { symbols, foldingRanges, type SymbolEntry, type FoldingEntry } from './features/symbols';
export { cursorContext, type Source, type CursorContext } from './features/lineContext';
export { documentContext, DEFAULT_CONTEXT, type FeatureContext } from './features/context';
export { definition, type DefinitionTarget } from './features/definition';
// The responsibility matrix and its exports.
export { matrixFromParsed, matrixReference, matrixToCsv, matrixToJson, matrixToMarkdown, type ResponsibilityMatrix } from './matrix/build';
export { matrixMarkdown, matrixToHtml } from './matrix/html';
export { documentView, legendView } from './matrix/view';
// srm.config.yaml and globs.
export { optionsFor, parseConfig, type ConfigError, type SrmConfig } from './config/configFile';
export type { RegistryTeam, TeamContext } from './types';
export { CONFIG_FILE_NAME } from './config/configSchema';
export { globBase, isGlob, matchesAny, matchesGlob } from './config/glob';
// Baselines as text: srm baselines, show, diff; docs/baselines.md's tables.
export * from './baselines/tables';
export { closest } from './suggest';
// Baselines: resolving ids to matrices, the baseline documents of config-listed files.
export { BaselineScope, THIS_FILE, type BaselineEntry, type BaselineSource, type Resolution } from './baselines/scope';
export { scopeFromSources } from './baselines/check';
export { EMPTY_SCOPE } from './baselines/select';
export { registriesFromSources, type LoadedRegistries, type RegistrySource } from './registries/check';
export type { Baseline } from '../model';
// srm report: one report over many files (summary, teams, matrices, coverage, waivers, findings).
export { ReportBuilder, buildReport, findingToJson, reportHtmlParts, reportMarkdownParts, reportToHtml, reportToJson, reportToMarkdown, type FindingJson, type Report, type ReportFileInput, type ReportJson, type ReportOptions } from './report';
// The workspace: per-file facts for the editor's cross-file features, names, links and inlay hints.
export { workspaceFacts, siteAt, ownString, unquoted, type WorkspaceFacts, type NameSite, type TeamDefSite, type TeamRefSite, type BaselineRefSite, type WorkloadSite, type LayerSite, type DocumentSite } from './workspace/facts';
export { badNewName, isBuiltinBaseline, matchScore, symbolMatcher, type RenameKind } from './workspace/names';
export { expectedOwnerHints, type ExpectedOwnerHint } from './workspace/hints';
export { evidenceLinks, configPathSites, type UrlLink, type ConfigPathSite } from './workspace/links';
export { baselineDefKey, baselineRefKey, documentTeamKey, registryTeamKey, teamDefKey, teamRefKey, type RegistryTeamRef, type TeamDefLike } from './workspace/resolve';
