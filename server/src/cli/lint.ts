// Runs the engine on one file's text with the options that apply to it (config + command line).
import {
  LineIndex,
  diagnose,
  fixAll,
  optionsFor,
  parseFile,
  type BaselineOptions,
  type DiagnoseOptions,
  type Finding,
  type FixAllResult,
  type Severity,
  type TeamContext,
} from '../service';
import { ConfigResolver, type LoadedConfig } from '../node/config';
import { BaselineLoader, baselineOptionsFor } from '../node/baselines';
import { teamContextFor } from '../node/registries';
import { DEFAULT_SETTINGS } from '../../../shared/protocol';
import { unifiedDiff } from './diff';
import { registriesOf, validConfigFor } from './discover';

/** Above this size (UTF-16 units) only the YAML syntax is checked: the editor's default srm.maxFileSize. */
export const SIZE_LIMIT = DEFAULT_SETTINGS.maxFileSize;

export interface FileResult {
  /** Absolute path, or the --stdin-filepath as given. */
  path: string;
  /** Path relative to the working directory, with `/` (what reports show). */
  displayPath: string;
  text: string;
  lines: LineIndex;
  /** Findings that count, sorted by position. */
  findings: Finding[];
  /** Findings silenced by an inline comment (reported in SARIF with `suppressions`). */
  suppressed: Finding[];
}

export interface CommandLineChoices {
  requireReason: boolean;
  inlineSuppressions: boolean;
}

/** The engine options for one file: config first, the command line wins where it is stricter. */
export function engineOptions(cfg: LoadedConfig | undefined, cli: CommandLineChoices, teams?: TeamContext): DiagnoseOptions {
  const o = optionsFor(cfg?.config, { requireReason: cli.requireReason, inlineSuppressions: cli.inlineSuppressions });
  return teams ? { ...o, teams } : o;
}

export function lintText(path: string, displayPath: string, text: string, options: DiagnoseOptions, baselines?: BaselineOptions): FileResult {
  return { path, displayPath, text, lines: new LineIndex(text), ...checkText(text, options, baselines) };
}

/** The findings of one text, sorted by position: those that count, and those an inline comment silences. */
function checkText(text: string, options: DiagnoseOptions, baselines?: BaselineOptions): { findings: Finding[]; suppressed: Finding[] } {
  const syntaxOnly = options.syntaxOnly === true || text.length > SIZE_LIMIT;
  const all = diagnose(parseFile(text, undefined, { syntaxOnly, baselines, once: true }), { ...options, includeSuppressed: true, syntaxOnly });
  all.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { findings: all.filter((f) => !f.suppression), suppressed: all.filter((f) => f.suppression) };
}

/** Whether the text has a YAML syntax error anywhere: such files are never rewritten by --fix. */
export function hasSyntaxError(text: string): boolean {
  return diagnose(parseFile(text, undefined, { once: true }), { syntaxOnly: true }).some((f) => f.code === 'yaml-syntax');
}

/** The text after every safe fix that adds no finding, or the same text for a file that does not parse. */
export function fixText(text: string, options: DiagnoseOptions, baselines?: BaselineOptions): FixAllResult {
  if (text.length > SIZE_LIMIT || hasSyntaxError(text)) return { text, applied: 0, rejected: [] };
  return fixAll(text, options, undefined, baselines);
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** 1-based line and column of an offset. */
export function lineCol(lines: LineIndex, offset: number): { line: number; column: number } {
  const p = lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

/**
 * What the per-file check takes from the command line: plain data (it is sent to the lint worker threads as it is),
 * and everything else a file's check depends on is resolved from the file's path (see checkCandidate).
 */
export interface CheckChoices extends CommandLineChoices {
  /** --config, absolute: the config of every file, instead of the nearest srm.config.yaml. */
  config?: string;
  /** --baseline ID. */
  baseline?: string;
  fix: boolean;
  fixDryRun: boolean;
}

/**
 * The caches one thread keeps for a run: the configs (and, keyed on the resolver, their team registries) and the
 * baselines they list. The main thread and each worker have their own, and fill them the same way from the disk.
 */
export interface Loaders {
  configs: ConfigResolver;
  baselines: BaselineLoader;
}

export function newLoaders(choices: Pick<CheckChoices, 'config'>, configs: ConfigResolver = new ConfigResolver(choices.config)): Loaders {
  return { configs, baselines: new BaselineLoader() };
}

/** One file to check: found (and read) by discovery in the main thread. */
export interface CheckInput {
  /** Absolute path (for --stdin, the --stdin-filepath resolved, or `<stdin>` in the working directory). */
  path: string;
  /** What reports show. */
  displayPath: string;
  text: string;
  /** False when the bytes are not valid UTF-8: --fix must then leave the file alone. */
  exact: boolean;
}

/** What checking one file gives; plain data (a worker sends it back as it is). The caller prints and writes. */
export interface CheckOutcome {
  findings: Finding[];
  suppressed: Finding[];
  /** --fix / --fix-dry-run: the text after the safe fixes, when it differs from the input (the report is of it). */
  fixed?: string;
  /** --fix-dry-run: the fixes as a unified diff ('' when none). */
  diff: string;
  /** Lines for standard error (without `srm: `), in order: the fixes that were not applied. */
  notes: string[];
  /** The config that governs the file ('' for none) and the problems of the baselines it lists (printed once per config). */
  configKey: string;
  configErrors: string[];
}

/**
 * Checks one file: the one function `srm lint` runs per file, in the main thread and in the worker threads alike.
 * The config, its registries and baselines are resolved here from the file's path and the choices (through the
 * thread's own caches), so every thread resolves exactly as the single-threaded run does. Writes nothing, prints
 * nothing. Throws ConfigFileError for a config with errors.
 */
export function checkCandidate(c: CheckInput, choices: CheckChoices, loaders: Loaders): CheckOutcome {
  const cfg = validConfigFor(loaders.configs, c.path);
  const options = engineOptions(cfg, choices, teamContextFor(cfg, registriesOf(loaders.configs), c.path));
  const baselines = baselineOptionsFor(cfg, loaders.baselines, choices.baseline);
  const configErrors = loaders.baselines.forConfig(cfg).errors;
  let text = c.text;
  let fixed: string | undefined;
  let diff = '';
  const notes: string[] = [];
  if ((choices.fix || choices.fixDryRun) && c.exact) {
    const result = fixText(text, options, baselines);
    if (result.rejected.length > 0) {
      const lines = new LineIndex(result.text);
      for (const r of result.rejected) {
        const at = lineCol(lines, r.start);
        notes.push(`${c.displayPath}:${at.line}:${at.column}: not applied: ${r.title} (${r.code}); it would add ${r.adds.join(', ')}`);
      }
    }
    if (result.text !== text) {
      if (choices.fixDryRun) diff = unifiedDiff(text, result.text, `a/${c.displayPath}`, `b/${c.displayPath}`);
      fixed = text = result.text;
    }
  }
  return { ...checkText(text, options, baselines), fixed, diff, notes, configKey: cfg?.path ?? '', configErrors };
}
