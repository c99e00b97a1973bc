// Entry of the `srm` CLI (dist/cli.js): lint, explain, matrix, baselines. The same engine as the editor, another front door.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import {
  LineIndex,
  RULES,
  diagnose,
  getRule,
  matrixFromParsed,
  matrixToCsv,
  matrixToHtml,
  matrixToJson,
  matrixToMarkdown,
  parseFile,
  type BaselineOptions,
  type Severity,
} from '../service';
import { ConfigResolver, loadConfigFile } from '../node/config';
import { BaselineLoader, baselineOptionsFor } from '../node/baselines';
import { baselinesCommand } from './baselines';
import { FORMATS, HELP, MATRIX_FORMATS, UsageError, parseArgs, type Format, type Options } from './args';
import { ConfigFileError, IoError, collectFiles, excludedByConfig, isCheckedFile, relPosix, validConfigFor, type Candidate } from './discover';
import { unifiedDiff } from './diff';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatJunit } from './format/junit';
import { RULE_HELP_BASE, formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { writeFileAtomic } from './fsio';
import { SEVERITY_RANK, engineOptions, fixText, lineCol, lintText, type FileResult } from './lint';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  /** The whole of standard input; the same text on every call. */
  readStdin: () => string;
}

export function run(argv: readonly string[], io: Io): number {
  try {
    const opts = parseArgs(argv);
    switch (opts.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${version}\n`);
        return 0;
      case 'explain':
        return explain(opts, io);
      case 'matrix':
        return matrix(opts, io);
      case 'baselines':
        return baselines(opts, io);
      case 'lint':
        return lint(opts, io);
    }
  } catch (e) {
    if (e instanceof ConfigFileError) {
      const lines = ConfigFileError.describe(e.config, io.cwd).split('\n');
      io.stderr(lines.map((l) => `srm: bad config ${l}\n`).join(''));
      return 2;
    }
    if (e instanceof UsageError || e instanceof IoError) {
      io.stderr(`srm: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (typeof err?.code === 'string' && typeof err.syscall === 'string') {
      io.stderr(`srm: ${err.syscall} ${err.path ?? ''}: ${err.code}\n`);
      return 2;
    }
    io.stderr(`srm: internal error: ${err?.stack ?? String(e)}\n`);
    return 2;
  }
}

function explain(opts: Options, io: Io): number {
  const id = opts.positionals[0];
  if (id === undefined || opts.positionals.length > 1) throw new UsageError('usage: srm explain RULE');
  const rule = getRule(id);
  if (!rule) {
    throw new UsageError(`unknown rule "${id}"; rules: ${RULES.map((r) => r.id).join(', ')}`);
  }
  io.stdout(
    `${rule.id} (default severity: ${rule.defaultSeverity})\n\n` +
      `What it catches: ${rule.summary}\n\n` +
      `Why it matters: ${rule.why}\n\n` +
      `How to fix it: ${rule.fix}\n\n` +
      `Silence one occurrence: # srm-disable-next-line ${rule.id} -- <reason>\n` +
      `Change its severity: srm.config.yaml, rules: { ${rule.id}: ${otherSeverity(rule.defaultSeverity)} } (or off)\n` +
      `Docs: ${RULE_HELP_BASE}${rule.id}\n`,
  );
  return 0;
}

/** A severity to show in `srm explain`'s example: one that changes something (an error becomes a warning, the rest errors). */
function otherSeverity(s: Severity): Severity {
  return s === 'error' ? 'warning' : 'error';
}

function writeOutput(opts: Options, io: Io, text: string): void {
  if (opts.output === undefined) {
    io.stdout(text);
    return;
  }
  const file = path.resolve(io.cwd, opts.output);
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new IoError(`cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}

function resolverFor(opts: Options, io: Io): ConfigResolver {
  if (opts.config === undefined) return new ConfigResolver();
  const file = path.resolve(io.cwd, opts.config);
  const loaded = loadConfigFile(file);
  if (loaded.errors.length > 0) throw new ConfigFileError(loaded);
  return new ConfigResolver(file);
}

function matrix(opts: Options, io: Io): number {
  const format = opts.format ?? 'md';
  if (!(MATRIX_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format for matrix must be one of ${MATRIX_FORMATS.join(', ')}, not "${format}"`);
  }
  const configs = resolverFor(opts, io);
  let file: string;
  let text: string;
  if (opts.stdin) {
    if (opts.positionals.length > 0) throw new UsageError('give either --stdin or a FILE, not both');
    file = path.resolve(io.cwd, opts.stdinFilepath ?? 'stdin.srm.yaml');
    text = io.readStdin();
  } else {
    if (opts.positionals.length !== 1) throw new UsageError('usage: srm matrix FILE [--format md|csv|json|html]');
    file = path.resolve(io.cwd, opts.positionals[0]!);
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new IoError(`cannot read ${opts.positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
  }
  const cfg = validConfigFor(configs, file);
  // One parse: the findings and the matrix come from the same parsed file, as in the editor's view.
  const parsed = parseFile(text, undefined, { baselines: baselineOptionsFor(cfg, new BaselineLoader(), opts.baseline) });
  const m = matrixFromParsed(parsed, diagnose(parsed, { ...engineOptions(cfg, opts), includeSuppressed: true }));
  const out =
    format === 'csv' ? matrixToCsv(m)
    : format === 'json' ? matrixToJson(m)
    : format === 'html' ? matrixToHtml(m, { source: opts.stdin ? (opts.stdinFilepath ?? 'stdin') : opts.positionals[0] })
    : matrixToMarkdown(m);
  writeOutput(opts, io, out);
  return 0;
}

function baselines(opts: Options, io: Io): number {
  // The config that governs the working directory: its `baselines:` are listed after the built-ins.
  const cfg = validConfigFor(resolverFor(opts, io), path.join(io.cwd, 'srm-placeholder.srm.yaml'));
  const out = baselinesCommand(opts, io.cwd, cfg);
  for (const w of out.warnings) io.stderr(`srm: ${w}\n`);
  writeOutput(opts, io, out.text);
  return 0;
}

function lint(opts: Options, io: Io): number {
  const format = (opts.format ?? 'stylish') as Format;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  }
  if (opts.fix && opts.fixDryRun) throw new UsageError('give either --fix or --fix-dry-run, not both');
  if (opts.stdinFilepath !== undefined && !opts.stdin) throw new UsageError('--stdin-filepath needs --stdin');
  if (opts.stdin && opts.positionals.length > 0) throw new UsageError('give either --stdin or paths, not both');
  const configs = resolverFor(opts, io);

  let candidates: Candidate[];
  let displayBase = io.cwd;
  if (opts.stdin) {
    const text = io.readStdin();
    const name = opts.stdinFilepath;
    const file = path.resolve(io.cwd, name ?? '<stdin>');
    const cfg = validConfigFor(configs, name === undefined ? path.join(io.cwd, 'stdin') : file);
    const excluded = name !== undefined && excludedByConfig(file, cfg);
    // Without a name, the text was piped to be checked: check it. With one, decide as for a named file.
    const wanted = name === undefined || isCheckedFile(file, text, cfg);
    candidates = !excluded && wanted ? [{ path: file, text, config: cfg, exact: true }] : [];
    if (name === undefined) displayBase = '';
  } else {
    // A config that governs the working directory must be valid even when it excludes every file.
    validConfigFor(configs, path.join(io.cwd, 'srm-placeholder.srm.yaml'));
    candidates = collectFiles(opts.positionals, io.cwd, configs);
  }

  const display = (c: Candidate): string => (displayBase === '' ? '<stdin>' : relPosix(displayBase, c.path) || c.path);
  const loader = new BaselineLoader();
  const warned = new Set<string>();
  const baselinesOf = (c: Candidate): BaselineOptions => {
    const o = baselineOptionsFor(c.config, loader, opts.baseline);
    const key = c.config?.path ?? '';
    if (!warned.has(key)) {
      warned.add(key);
      for (const e of loader.forConfig(c.config).errors) io.stderr(`srm: config: ${e.split(io.cwd + path.sep).join("")}\n`);
    }
    return o;
  };
  const results: FileResult[] = [];
  let diffs = '';
  let stdinFixed: string | undefined;
  for (const c of candidates) {
    const options = engineOptions(c.config, opts);
    const bl = baselinesOf(c);
    let text = c.text;
    if ((opts.fix || opts.fixDryRun) && c.exact) {
      const result = fixText(text, options, bl);
      const fixed = result.text;
      const shown = display(c);
      if (result.rejected.length > 0) {
        // On stderr, so a JSON/SARIF report on stdout stays machine-readable.
        const lines = new LineIndex(fixed);
        for (const r of result.rejected) {
          const at = lineCol(lines, r.start);
          io.stderr(`srm: ${shown}:${at.line}:${at.column}: not applied: ${r.title} (${r.code}); it would add ${r.adds.join(', ')}\n`);
        }
      }
      if (fixed !== text) {
        if (opts.fixDryRun) diffs += unifiedDiff(text, fixed, `a/${shown}`, `b/${shown}`);
        else if (!opts.stdin) {
          try {
            writeFileAtomic(c.path, fixed);
          } catch (e) {
            throw new IoError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? e}`);
          }
        }
        text = fixed;
      }
      if (opts.stdin && opts.fix) stdinFixed = text;
    }
    results.push(lintText(c.path, display(c), text, options, bl));
  }

  const shownResults = opts.quiet
    ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))
    : results;

  if (opts.fixDryRun) {
    writeOutput(opts, io, diffs);
  } else if (opts.stdin && opts.fix) {
    // Like a formatter: the (fixed) text goes to stdout; the report is not printed.
    // A text that is not checked (not a responsibility file, or ignored) passes through unchanged.
    writeOutput(opts, io, stdinFixed ?? io.readStdin());
  } else {
    writeOutput(opts, io, render(format, shownResults, opts, io));
  }

  const failRank = SEVERITY_RANK[opts.failOn];
  let failed = false;
  let warnings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (SEVERITY_RANK[f.severity] >= failRank) failed = true;
      if (f.severity === 'warning') warnings++;
    }
  }
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    failed = true;
    if (format === 'stylish' && !opts.fixDryRun) {
      io.stderr(`srm: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    }
  }
  if (opts.fixDryRun && diffs !== '') failed = true;
  return failed ? 1 : 0;
}

function render(format: Format, results: FileResult[], opts: Options, io: Io): string {
  switch (format) {
    case 'json':
      return formatJson(results, version);
    case 'sarif':
      return formatSarif(results, { cwd: io.cwd, version });
    case 'github':
      return formatGithub(results);
    case 'junit':
      return formatJunit(results);
    case 'stylish': {
      const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
      const colour = !noColor && opts.output === undefined && (opts.color ?? io.stdoutIsTTY);
      return formatStylish(results, colour);
    }
  }
}

if (require.main === module) {
  let stdinText: string | undefined;
  const code = run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY === true,
    readStdin: () => (stdinText ??= readAllStdin()),
  });
  process.exitCode = code;
}

function readAllStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // EAGAIN: a non-blocking stdin with nothing yet; EOF: closed. Both read as empty rather than crash.
    if (code === 'EAGAIN' || code === 'EOF') return '';
    throw new IoError(`cannot read standard input: ${code ?? e}`);
  }
}
