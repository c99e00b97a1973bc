// Command-line parsing for `srm`: a small, strict parser (unknown options are usage errors, exit 2).

export class UsageError extends Error {}

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];
export const MATRIX_FORMATS = ['md', 'csv', 'json', 'html'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];
/** `srm report`: default md on stdout, html with --output (unless its extension says .md or .json). */
export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** `srm baselines` (the list), `srm baselines show ID`, `srm baselines diff A B`: their --format values, the default first. */
export const BASELINES_FORMATS = ['text', 'json'] as const;
export const BASELINE_SHOW_FORMATS = ['md', 'json', 'csv'] as const;
export const BASELINE_DIFF_FORMATS = ['md', 'json'] as const;
export const FAIL_LEVELS = ['error', 'warning', 'info'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface Options {
  command: 'lint' | 'explain' | 'matrix' | 'baselines' | 'report' | 'help' | 'version';
  positionals: string[];
  format?: string;
  output?: string;
  config?: string;
  /** --baseline ID: the baseline of every document that names none (the config's `baseline:` gives way to it). */
  baseline?: string;
  failOn: FailLevel;
  maxWarnings?: number;
  /** --jobs N: threads that check files (1: this thread only); default: one per core for a big tree (cli/pool.ts). */
  jobs?: number;
  requireReason: boolean;
  inlineSuppressions: boolean;
  fix: boolean;
  fixDryRun: boolean;
  stdin: boolean;
  stdinFilepath?: string;
  color?: boolean;
  quiet: boolean;
  /** --sarif-category CATEGORY: the SARIF run's automationDetails.id (GitHub code scanning's category). */
  sarifCategory?: string;
  /** --help / --version seen: they win over any command. */
  wants?: 'help' | 'version';
}

type Spec = { kind: 'flag'; set: (o: Options) => void } | { kind: 'value'; set: (o: Options, v: string) => void };

const flag = (set: (o: Options) => void): Spec => ({ kind: 'flag', set });
const value = (set: (o: Options, v: string) => void): Spec => ({ kind: 'value', set });

const OPTIONS: Record<string, Spec> = {
  '--format': value((o, v) => (o.format = v)),
  '-f': value((o, v) => (o.format = v)),
  '--output': value((o, v) => (o.output = v)),
  '-o': value((o, v) => (o.output = v)),
  '--config': value((o, v) => (o.config = v)),
  '--baseline': value((o, v) => (o.baseline = v)),
  '-c': value((o, v) => (o.config = v)),
  '--fail-on': value((o, v) => {
    if (!(FAIL_LEVELS as readonly string[]).includes(v)) {
      throw new UsageError(`--fail-on must be one of ${FAIL_LEVELS.join(', ')}, not "${v}"`);
    }
    o.failOn = v as FailLevel;
  }),
  '--max-warnings': value((o, v) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings takes a whole number >= 0, not "${v}"`);
    o.maxWarnings = Number(v);
  }),
  '--jobs': value((o, v) => {
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs takes a whole number >= 1, not "${v}"`);
    o.jobs = Number(v);
  }),
  '--require-reason': flag((o) => (o.requireReason = true)),
  '--no-inline-suppressions': flag((o) => (o.inlineSuppressions = false)),
  '--fix': flag((o) => (o.fix = true)),
  '--fix-dry-run': flag((o) => (o.fixDryRun = true)),
  '--stdin': flag((o) => (o.stdin = true)),
  '--stdin-filepath': value((o, v) => (o.stdinFilepath = v)),
  '--color': flag((o) => (o.color = true)),
  '--no-color': flag((o) => (o.color = false)),
  '--quiet': flag((o) => (o.quiet = true)),
  '-q': flag((o) => (o.quiet = true)),
  '--sarif-category': value((o, v) => (o.sarifCategory = v)),
  '--help': flag((o) => (o.wants = 'help')),
  '-h': flag((o) => (o.wants = 'help')),
  '--version': flag((o) => (o.wants ??= 'version')),
  '-v': flag((o) => (o.wants ??= 'version')),
};

const COMMANDS = ['lint', 'explain', 'matrix', 'baselines', 'report', 'help'] as const;

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    command: 'help',
    positionals: [],
    failOn: 'error',
    requireReason: false,
    inlineSuppressions: true,
    fix: false,
    fixDryRun: false,
    stdin: false,
    quiet: false,
  };
  let command: Options['command'] | undefined;
  let onlyPositionals = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      if (command === undefined && !onlyPositionals) {
        if (!(COMMANDS as readonly string[]).includes(arg)) {
          throw new UsageError(`unknown command "${arg}" (commands: lint, explain, matrix, baselines, report; see srm --help)`);
        }
        command = arg as Options['command'];
      } else {
        rest.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      if (command === undefined) command = 'lint';
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(`unknown option ${name} (see srm --help)`);
    if (spec.kind === 'flag') {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      spec.set(o);
    } else {
      let v: string | undefined;
      if (eq > 0) v = arg.slice(eq + 1);
      else {
        v = argv[i + 1];
        i++;
      }
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      spec.set(o, v);
    }
  }
  o.command = o.wants ?? command ?? 'help';
  o.positionals = rest;
  return o;
}

export const HELP = `srm: check cloud shared-responsibility files (apiVersion: srm/v1)

Usage:
  srm lint [PATH|GLOB...] [options]   check files (default: every responsibility file under .)
  srm explain RULE                    what a rule catches, why, and how to fix it
  srm matrix FILE [--format md|csv|json|html]
                                      the responsibility matrix of a file
  srm baselines [--format text|json]  the baselines a file may select: built-in, then the config's
  srm baselines show ID [--format md|json|csv]
                                      one baseline's matrix: layers, columns, cells, source
  srm baselines diff A B [--format md|json]
                                      the layers, columns and cells that differ between two baselines
  srm report [PATH|GLOB...] [--format html|md|json] [--output FILE]
                                      one report over the files srm lint checks: summary, teams,
                                      matrices, coverage, waivers, findings (default: md on stdout,
                                      html to --output FILE unless it ends in .md or .json; exit 0
                                      whatever the findings)
  srm --help | --version

Lint options:
  -f, --format FORMAT        stylish (default), json, sarif, github, junit
  -o, --output FILE          write the report to FILE instead of stdout
  -c, --config FILE          use this config instead of the nearest srm.config.yaml
      --baseline ID          check documents that name no metadata.baseline against ID
                             (a built-in or a baseline the config lists; overrides the config's)
      --fail-on LEVEL        error (default), warning or info: the lowest severity that fails
      --max-warnings N       also fail when there are more than N warnings
      --jobs N               check files in N threads; 1: in this one (default: one per
                             core, at most 8, for 16 MB of files or more; else 1)
      --require-reason       report suppressions without a reason after " -- "
      --no-inline-suppressions
                             ignore every # srm-disable comment
      --fix                  apply safe fixes in place (files that parse only)
      --fix-dry-run          print the fixes as a unified diff; change nothing
      --stdin                read one file from standard input
      --stdin-filepath NAME  the name of the file read from stdin (detection, config, report)
      --no-color, --color    colour in the stylish report (default: on a terminal, unless NO_COLOR)
  -q, --quiet                report errors only
      --sarif-category CATEGORY
                             the SARIF run's category for GitHub code scanning
                             (runAutomationDetails.id: "CATEGORY/", or as given with a "/")

Report options: -f/--format, -o/--output, -c/--config, --baseline, --require-reason and
  --no-inline-suppressions, as for lint (the same files, the same findings)

Exit codes:
  0  no finding at or above the fail level (and warnings within --max-warnings)
  1  findings at or above the fail level, too many warnings, or (--fix-dry-run) fixes pending
  2  usage, configuration or I/O error
`;
