// `srm report [PATH|GLOB...] [--format html|md|json] [--output FILE]`: the auditor's view of a tree (spec/workspace.md).
// The files are those `srm lint` checks (collectFiles), each checked as `srm lint` checks it (the same config,
// registries, baselines and engine options, one parse per file, suppressed findings included), and the report is
// built from those parses (service/report). Findings never fail a report: exit 0, or 2 when a file, a config or
// the output cannot be read or written (thrown, as in main.ts).
import * as path from 'node:path';
import { version } from '../../../package.json';
import { ReportBuilder, diagnose, parseFile, reportHtmlParts, reportMarkdownParts, reportToJson, type Finding } from '../service';
import { BaselineLoader, baselineOptionsFor } from '../node/baselines';
import type { ConfigResolver } from '../node/config';
import { teamContextFor } from '../node/registries';
import { ruleDocUrl } from '../../../shared/protocol';
import { REPORT_FORMATS, UsageError, type Options, type ReportFormat } from './args';
import { IoError, collectFiles, registriesOf, relPosix, validConfigFor } from './discover';
import { inPieces, writeFileAtomic } from './fsio';
import { SIZE_LIMIT, engineOptions } from './lint';

export interface ReportIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * The format: --format; else, with --output, the file's extension (.md, .markdown, .json), else html; on standard
 * output, md (a page of HTML is no use in a terminal).
 */
export function reportFormat(opts: Pick<Options, 'format' | 'output'>): ReportFormat {
  if (opts.format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) {
      throw new UsageError(`--format for report must be one of ${REPORT_FORMATS.join(', ')}, not "${opts.format}"`);
    }
    return opts.format as ReportFormat;
  }
  if (opts.output === undefined) return 'md';
  if (/\.(md|markdown)$/i.test(opts.output)) return 'md';
  if (/\.json$/i.test(opts.output)) return 'json';
  return 'html';
}

export function reportCommand(opts: Options, io: ReportIo, configs: ConfigResolver): number {
  const format = reportFormat(opts);
  if (opts.stdin || opts.stdinFilepath !== undefined) throw new UsageError('srm report reads files: give paths or globs, not --stdin');
  if (opts.fix || opts.fixDryRun) throw new UsageError('srm report changes no file: --fix and --fix-dry-run are for srm lint');
  // As in srm lint: the config that governs the working directory must be valid even when it excludes every file.
  validConfigFor(configs, path.join(io.cwd, 'srm-placeholder.srm.yaml'));
  const candidates = collectFiles(opts.positionals, io.cwd, configs);
  const show = (file: string): string => relPosix(io.cwd, file) || file;
  const builder = new ReportBuilder({ version, ruleDocUrl, showPath: show, inlineSuppressions: opts.inlineSuppressions });
  const baselineLoader = new BaselineLoader();
  const warned = new Set<string>();
  for (const c of candidates) {
    // What `srm lint` does per file (lint.ts checkCandidate and checkText), keeping the parse for the report.
    const cfg = validConfigFor(configs, c.path);
    const teams = teamContextFor(cfg, registriesOf(configs), c.path);
    const options = engineOptions(cfg, opts, teams);
    const baselines = baselineOptionsFor(cfg, baselineLoader, opts.baseline);
    const configKey = cfg?.path ?? '';
    if (!warned.has(configKey)) {
      warned.add(configKey);
      for (const e of baselineLoader.forConfig(cfg).errors) io.stderr(`srm: config: ${e.split(io.cwd + path.sep).join('')}\n`);
    }
    const syntaxOnly = options.syntaxOnly === true || c.text.length > SIZE_LIMIT;
    const parsed = parseFile(c.text, undefined, { syntaxOnly, baselines, once: true });
    const findings: Finding[] = diagnose(parsed, { ...options, includeSuppressed: true, syntaxOnly });
    findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    builder.add({ path: show(c.path), parsed, findings, ...(teams ? { teams } : {}), syntaxOnly });
  }
  const report = builder.build();
  const source = opts.positionals.length === 0 ? '.' : opts.positionals.join(' ');
  // In parts, written piece by piece (fsio.ts inPieces): a big tree's report is a hundred megabytes.
  const parts =
    format === 'json' ? [reportToJson(report.json)]
    : format === 'html' ? reportHtmlParts(report.json, report.matrixDocuments, { source })
    : reportMarkdownParts(report.json, { source });
  if (opts.output === undefined) for (const piece of inPieces(parts)) io.stdout(piece);
  else {
    try {
      writeFileAtomic(path.resolve(io.cwd, opts.output), parts);
    } catch (e) {
      throw new IoError(`cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
  }
  return 0;
}
