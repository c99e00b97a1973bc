// `srm baselines` (the list), `srm baselines show ID` and `srm baselines diff A B`: the built-in baselines, then the
// custom ones that the nearest srm.config.yaml lists under `baselines:` (spec/baselines.md). The text comes from the
// service's pure renderers; this file finds the baselines and checks the operands.
import { BUILTIN_BASELINES, type Baseline } from '../model';
import {
  baselineCsv,
  baselineDiffJson,
  baselineDiffMarkdown,
  baselineJson,
  baselineListJson,
  baselineListRow,
  baselineListText,
  baselineMarkdown,
  closest,
  diffBaselines,
} from '../service';
import { configBaselines } from '../node/baselines';
import type { LoadedConfig } from '../node/config';
import { BASELINES_FORMATS, BASELINE_DIFF_FORMATS, BASELINE_SHOW_FORMATS, UsageError, type Options } from './args';
import { relPosix } from './discover';

export interface BaselinesOutput {
  /** What goes to standard output (or --output). */
  text: string;
  /** Problems to print on standard error, one line each (without the `srm: ` prefix); they do not fail the run. */
  warnings: string[];
}

/** A baseline the command knows: a built-in, or one the config lists (which may have failed to build). */
interface Known {
  id: string;
  baseline?: Baseline;
  /** "built-in", or the defining file relative to the working directory. */
  where: string;
  errors: readonly string[];
}

const USAGE_SHOW = `usage: srm baselines show ID [--format ${BASELINE_SHOW_FORMATS.join('|')}]`;
const USAGE_DIFF = `usage: srm baselines diff A B [--format ${BASELINE_DIFF_FORMATS.join('|')}]`;

/** Runs `srm baselines ...` against the config `cfg` (the nearest srm.config.yaml, or --config). Throws UsageError. */
export function baselinesCommand(opts: Options, cwd: string, cfg: LoadedConfig | undefined): BaselinesOutput {
  const [sub, ...operands] = opts.positionals;
  const known = (): { all: Known[]; warnings: string[] } => knownBaselines(cwd, cfg);
  if (sub === undefined || sub === 'list') {
    if (operands.length > 0) throw new UsageError(`usage: srm baselines [--format ${BASELINES_FORMATS.join('|')}] (no operands; got "${operands[0]}")`);
    const format = formatOf(opts, BASELINES_FORMATS, 'baselines');
    const { all, warnings } = known();
    const rows = all.map((k) => baselineListRow(k));
    return { text: format === 'json' ? baselineListJson(rows) : baselineListText(rows), warnings };
  }
  if (sub === 'show') {
    if (operands.length !== 1) throw new UsageError(USAGE_SHOW);
    const format = formatOf(opts, BASELINE_SHOW_FORMATS, 'baselines show');
    const { all, warnings } = known();
    const b = find(all, operands[0]!);
    const text = format === 'json' ? baselineJson(b) : format === 'csv' ? baselineCsv(b) : baselineMarkdown(b);
    return { text, warnings };
  }
  if (sub === 'diff') {
    if (operands.length !== 2) throw new UsageError(USAGE_DIFF);
    const format = formatOf(opts, BASELINE_DIFF_FORMATS, 'baselines diff');
    const { all, warnings } = known();
    const d = diffBaselines(find(all, operands[0]!), find(all, operands[1]!));
    return { text: format === 'json' ? baselineDiffJson(d) : baselineDiffMarkdown(d), warnings };
  }
  const hint = BUILTIN_BASELINES.some((b) => b.id === sub) ? ` (to see it: srm baselines show ${sub})` : '';
  throw new UsageError(`unknown baselines subcommand "${sub}"${hint}; usage: srm baselines, srm baselines show ID, srm baselines diff A B`);
}

function formatOf<F extends string>(opts: Options, formats: readonly F[], what: string): F {
  const format = opts.format ?? formats[0]!;
  if (!(formats as readonly string[]).includes(format)) {
    throw new UsageError(`--format for ${what} must be one of ${formats.join(', ')}, not "${format}"`);
  }
  return format as F;
}

/** The built-ins, then the config's baselines in the order the resolver gives them. */
function knownBaselines(cwd: string, cfg: LoadedConfig | undefined): { all: Known[]; warnings: string[] } {
  const all: Known[] = BUILTIN_BASELINES.map((b) => ({ id: b.id, baseline: b, where: 'built-in', errors: [] }));
  const fromConfig = configBaselines(cfg);
  for (const c of fromConfig.baselines) {
    all.push({ id: c.id, baseline: c.baseline, where: relPosix(cwd, c.source) || c.source, errors: c.errors });
  }
  return { all, warnings: [...fromConfig.errors] };
}

/** The baseline called `id`: a built-in first, then the config's. Unknown, or one with errors: a UsageError (exit 2). */
function find(all: readonly Known[], id: string): Baseline {
  const k = all.find((x) => x.id === id && x.baseline !== undefined && x.errors.length === 0) ?? all.find((x) => x.id === id);
  if (!k) {
    const ids = [...new Set(all.map((x) => x.id))];
    const near = closest(id, ids).map((s) => `"${s.value}"`);
    const mean = near.length === 0 ? '' : ` Did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`}?`;
    throw new UsageError(`unknown baseline "${id}".${mean} Baselines: ${ids.join(', ')}`);
  }
  if (!k.baseline || k.errors.length > 0) {
    const first = k.errors[0] ?? 'it could not be read';
    throw new UsageError(`baseline "${id}" (${k.where}) has errors: ${first}${k.errors.length > 1 ? ` (and ${k.errors.length - 1} more; srm lint ${k.where})` : ''}`);
  }
  return k.baseline;
}
