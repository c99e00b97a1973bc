// Pure parse and validation of `srm.config.yaml` text: config + errors with line/column. No fs, never throws.
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { RULES } from '../rules/registry';
import { SEVERITIES, type DiagnoseOptions, type RuleId, type SeverityOrOff } from '../types';
import { editDistance } from '../suggest';

export interface SrmConfig {
  /** Severity overrides per rule id. */
  rules: Partial<Record<RuleId, SeverityOrOff>>;
  /** Globs (relative to the config file's directory) of more files to treat as responsibility files. */
  files?: string[];
  /** Globs of files and directories never to check. */
  ignore: string[];
  requireReason?: boolean;
  inlineSuppressions?: boolean;
  /** The baseline of every document under the config's folder that names none itself (metadata.baseline wins). */
  baseline?: string;
  /** Where `baseline` is written (its value's offsets in the config text), for messages. */
  baselineAt?: { start: number; end: number; line: number; column: number };
  /** Globs (relative to the config's directory) of files whose baseline documents the documents may select. */
  baselines?: string[];
  /** Globs of team registries (kind: TeamRegistry) whose teams every governed document may name. */
  teams?: string[];
  /** Where each `teams:` glob is written (config errors about a glob point there). */
  teamsAt?: Array<{ glob: string; start: number; end: number; line: number; column: number }>;
}

/**
 * The engine's options for a file: its srm.config.yaml first, then what the front door adds (the editor's settings,
 * the command line). Severities given by the front door win; requiring reasons and ignoring suppression comments are
 * on when either asks (the stricter choice). The server and the CLI both build their options here.
 */
export function optionsFor(
  config: SrmConfig | undefined,
  front: { severities?: Partial<Record<string, SeverityOrOff>>; requireReason: boolean; inlineSuppressions: boolean },
): DiagnoseOptions {
  return {
    severities: { ...(config?.rules ?? {}), ...(front.severities ?? {}) },
    requireReason: front.requireReason || config?.requireReason === true,
    inlineSuppressions: front.inlineSuppressions && config?.inlineSuppressions !== false,
  };
}

export interface ConfigError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  start: number;
  end: number;
}

export interface ParsedConfig {
  config: SrmConfig;
  errors: ConfigError[];
}

const TOP_KEYS = ['rules', 'files', 'ignore', 'requireReason', 'inlineSuppressions', 'baseline', 'baselines', 'teams'] as const;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const RULE_IDS_SET = new Set<string>(RULES.map((r) => r.id));

export function emptyConfig(): SrmConfig {
  return { rules: {}, ignore: [] };
}

/** Parses config text. Every problem is reported with its position; the config holds whatever was valid. */
export function parseConfig(text: string): ParsedConfig {
  const config = emptyConfig();
  const errors: ConfigError[] = [];
  const lc = new LineCounter();
  const report = (message: string, start: number, end: number): void => {
    const pos = lc.linePos(start);
    errors.push({ message, line: pos.line, column: pos.col, start, end });
  };
  const at = (node: unknown, message: string): void => {
    const range = (node as YamlNode | null)?.range;
    report(message, range?.[0] ?? 0, range?.[1] ?? 0);
  };

  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    report(`cannot parse: ${(e as Error).message}`, 0, 0);
    return { config, errors };
  }
  if (!Array.isArray(docs)) {
    // An EmptyStream: a file with only comments or nothing at all is a valid, empty config.
    return { config, errors };
  }
  if (docs.length === 0) return { config, errors };
  for (const doc of docs) {
    for (const err of doc.errors) {
      report(`YAML syntax error: ${firstLine(err.message)}`, err.pos[0], err.pos[1]);
    }
  }
  if (errors.length > 0) return { config, errors };
  if (docs.length > 1) {
    at(docs[1]!.contents, 'a config file holds one YAML document; found more than one');
  }
  const root = docs[0]!.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, errors };
  if (!isMap(root)) {
    at(root, `the config must be a mapping with keys ${TOP_KEYS.join(', ')}`);
    return { config, errors };
  }

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value;
    switch (key) {
      case 'rules': {
        if (value === null || (isScalar(value) && value.value === null)) break;
        if (!isMap(value)) {
          at(value, '`rules` must be a mapping of rule id to severity (error, warning, info, hint, off)');
          break;
        }
        for (const rp of value.items) {
          const id = isScalar(rp.key) ? String(rp.key.value) : undefined;
          if (id === undefined || !RULE_IDS_SET.has(id)) {
            const hint = id === undefined ? undefined : closest(id, [...RULE_IDS_SET]);
            at(rp.key, `unknown rule id \`${id ?? '?'}\` in \`rules\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`);
            continue;
          }
          const sev = isScalar(rp.value) ? rp.value.value : undefined;
          if (typeof sev !== 'string' || !(SEVERITIES as readonly string[]).includes(sev)) {
            const shown = isScalar(rp.value) ? String(rp.value.value) : 'a non-scalar value';
            at(
              rp.value ?? rp.key,
              `rule \`${id}\`: severity must be one of ${SEVERITIES.join(', ')}, not \`${shown}\``,
            );
            continue;
          }
          config.rules[id as RuleId] = sev as SeverityOrOff;
        }
        break;
      }
      case 'baseline': {
        if (!isScalar(value) || typeof value.value !== 'string' || !KEBAB.test(value.value)) {
          at(value ?? pair.key, '`baseline` must be a baseline id in kebab-case (microsoft-diagram, microsoft-2026, microsoft-ai or a name from `baselines`)');
          break;
        }
        config.baseline = value.value;
        const r = value.range ?? [0, 0];
        const pos = lc.linePos(r[0]);
        config.baselineAt = { start: r[0], end: r[1], line: pos.line, column: pos.col };
        break;
      }
      case 'files':
      case 'ignore':
      case 'baselines':
      case 'teams': {
        if (!isSeq(value)) {
          at(value ?? pair.key, `\`${key}\` must be a list of glob strings`);
          break;
        }
        const globs: string[] = [];
        for (const item of value.items) {
          if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') {
            at(item, `every entry of \`${key}\` must be a non-empty glob string`);
            continue;
          }
          globs.push(item.value);
          if (key === 'teams') {
            const r = item.range ?? [0, 0];
            const pos = lc.linePos(r[0]);
            (config.teamsAt ??= []).push({ glob: item.value, start: r[0], end: r[1], line: pos.line, column: pos.col });
          }
        }
        if (key === 'files') config.files = globs;
        else if (key === 'baselines') config.baselines = globs;
        else if (key === 'teams') config.teams = globs;
        else config.ignore = globs;
        break;
      }
      case 'requireReason':
      case 'inlineSuppressions': {
        if (!isScalar(value) || typeof value.value !== 'boolean') {
          at(value ?? pair.key, `\`${key}\` must be true or false`);
          break;
        }
        config[key] = value.value;
        break;
      }
      default: {
        const hint = key === undefined ? undefined : closest(key, [...TOP_KEYS]);
        at(
          pair.key,
          `unknown key \`${key ?? '?'}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}; allowed: ${TOP_KEYS.join(', ')}`,
        );
      }
    }
  }
  return { config, errors };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

/** The candidate nearest to `word` by edit distance (case ignored), if it is close enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const max = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (c.length > 64) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), max);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
