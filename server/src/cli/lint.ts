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
} from '../service';
import type { LoadedConfig } from '../node/config';
import { DEFAULT_SETTINGS } from '../../../shared/protocol';

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
export function engineOptions(cfg: LoadedConfig | undefined, cli: CommandLineChoices): DiagnoseOptions {
  return optionsFor(cfg?.config, { requireReason: cli.requireReason, inlineSuppressions: cli.inlineSuppressions });
}

export function lintText(path: string, displayPath: string, text: string, options: DiagnoseOptions, baselines?: BaselineOptions): FileResult {
  const syntaxOnly = options.syntaxOnly === true || text.length > SIZE_LIMIT;
  const all = diagnose(parseFile(text, undefined, { syntaxOnly, baselines }), { ...options, includeSuppressed: true, syntaxOnly });
  all.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    path,
    displayPath,
    text,
    lines: new LineIndex(text),
    findings: all.filter((f) => !f.suppression),
    suppressed: all.filter((f) => f.suppression),
  };
}

/** Whether the text has a YAML syntax error anywhere: such files are never rewritten by --fix. */
export function hasSyntaxError(text: string): boolean {
  return diagnose(parseFile(text), { syntaxOnly: true }).some((f) => f.code === 'yaml-syntax');
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
