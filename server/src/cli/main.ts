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
  type Severity,
} from '../service';
import { ConfigResolver, loadConfigFile } from '../node/config';
import { BaselineLoader, baselineOptionsFor } from '../node/baselines';
import { baselinesCommand } from './baselines';
import { reportCommand } from './report';
import { FORMATS, HELP, MATRIX_FORMATS, UsageError, parseArgs, type Format, type Options } from './args';
import { ConfigFileError, IoError, collectFiles, excludedByConfig, isCheckedFile, registriesOf, relPosix, validConfigFor, type Candidate } from './discover';
import { teamContextFor } from '../node/registries';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatJunit } from './format/junit';
import { formatSarif } from './format/sarif';
import { ruleDocUrl } from '../../../shared/protocol';
import { formatStylish } from './format/stylish';
import { writeFileAtomic } from './fsio';
import { SEVERITY_RANK, checkCandidate, engineOptions, newLoaders, type CheckChoices, type CheckInput, type CheckOutcome, type FileResult } from './lint';
import { EarlyWorkers, checkInPool, isLintWorker, runLintWorker, threadsFor } from './pool';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  /** The whole of standard input; the same text on every call. */
  readStdin: () => string;
}

/** The exit code; a promise of it when `srm lint` checks files in worker threads. */
export function run(argv: readonly string[], io: Io): number | Promise<number> {
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
      case 'report':
        return reportCommand(opts, io, resolverFor(opts, io));
      case 'lint': {
        const code = lint(opts, io);
        return typeof code === 'number' ? code : code.catch((e: unknown) => failure(e, io));
      }
    }
  } catch (e) {
    return failure(e, io);
  }
}

/** The exit code (2) and the message on standard error for what a command threw. */
function failure(e: unknown, io: Io): number {
  {
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
      `Docs: ${ruleDocUrl(rule.id)}\n`,
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
  const parsed = parseFile(text, undefined, { baselines: baselineOptionsFor(cfg, new BaselineLoader(), opts.baseline), once: true });
  const m = matrixFromParsed(parsed, diagnose(parsed, { ...engineOptions(cfg, opts, teamContextFor(cfg, registriesOf(configs), file)), includeSuppressed: true }));
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

function lint(opts: Options, io: Io): number | Promise<number> {
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
  const choices: CheckChoices = {
    requireReason: opts.requireReason,
    inlineSuppressions: opts.inlineSuppressions,
    config: opts.config === undefined ? undefined : path.resolve(io.cwd, opts.config),
    baseline: opts.baseline,
    fix: opts.fix,
    fixDryRun: opts.fixDryRun,
  };
  const early = new EarlyWorkers(__filename, choices, opts.jobs, io.env);
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
    try {
      candidates = collectFiles(opts.positionals, io.cwd, configs, (files, bytes) => early.grow(files, bytes));
    } catch (e) {
      early.stop();
      throw e;
    }
  }

  const display = (c: Candidate): string => (displayBase === '' ? '<stdin>' : relPosix(displayBase, c.path) || c.path);
  // The main thread's caches; the discovery's configs (and their registries) are reused.
  const loaders = newLoaders(choices, configs);
  const inputs: CheckInput[] = candidates.map((c) => ({ path: c.path, displayPath: display(c), text: c.text, exact: c.exact }));
  const warned = new Set<string>();
  const results: FileResult[] = [];
  let diffs = '';
  let stdinFixed: string | undefined;
  // What one file's check gives is printed, written and kept here, file after file, whichever thread checked it.
  const take = (i: number, o: CheckOutcome): void => {
    const c = inputs[i]!;
    if (!warned.has(o.configKey)) {
      warned.add(o.configKey);
      for (const e of o.configErrors) io.stderr(`srm: config: ${e.split(io.cwd + path.sep).join("")}\n`);
    }
    // On stderr, so a JSON/SARIF report on stdout stays machine-readable.
    for (const n of o.notes) io.stderr(`srm: ${n}\n`);
    if (o.fixed !== undefined) {
      if (opts.fixDryRun) diffs += o.diff;
      else if (opts.fix && !opts.stdin) {
        try {
          writeFileAtomic(c.path, o.fixed);
        } catch (e) {
          throw new IoError(`cannot write ${c.displayPath}: ${(e as NodeJS.ErrnoException).code ?? e}`);
        }
      }
    }
    if (opts.stdin && opts.fix && c.exact) stdinFixed = o.fixed ?? c.text;
    const text = o.fixed ?? c.text;
    results.push({ path: c.path, displayPath: c.displayPath, text, lines: new LineIndex(text), findings: o.findings, suppressed: o.suppressed });
  };

  // --stdin is one file: always here. Otherwise --jobs, or by default one thread per core for a big tree (pool.ts).
  const bytes = inputs.reduce((n, c) => n + c.text.length, 0);
  const threads = opts.stdin ? 1 : threadsFor(inputs.length, bytes, opts.jobs, io.env);
  if (threads <= 1) {
    early.stop();
    inputs.forEach((c, i) => take(i, checkCandidate(c, choices, loaders)));
    return report();
  }
  const note = (line: string): void => io.stderr(line);
  return checkInPool({ started: early.workers, inputs, threads, choices, loaders, script: __filename, take, note }).then(report);

  function report(): number {
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
}

function render(format: Format, results: FileResult[], opts: Options, io: Io): string {
  switch (format) {
    case 'json':
      return formatJson(results, version);
    case 'sarif':
      return formatSarif(results, { cwd: io.cwd, version, category: opts.sarifCategory });
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

if (isLintWorker()) {
  // dist/cli.js started as one of `srm lint`'s worker threads (pool.ts): serve chunks of files, run no command.
  runLintWorker();
} else if (require.main === module) {
  guardStdout();
  let stdinText: string | undefined;
  const code = run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY === true,
    readStdin: () => (stdinText ??= readAllStdin()),
  });
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}

/**
 * A reader that stops early (`srm lint | head`) closes the pipe: the rest of the output is dropped and the exit code
 * stays the run's (the output is written once the files are checked). Another write error is a one-line I/O error,
 * exit 2, not a stack trace.
 */
function guardStdout(): void {
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (closed) return; // writes after the pipe closed fail too
    if (e.code === 'EPIPE') {
      closed = true;
      return;
    }
    process.stderr.write(`srm: cannot write standard output: ${e.code ?? e.message}\n`);
    process.exit(2);
  });
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
