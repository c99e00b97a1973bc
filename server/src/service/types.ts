// Plain, offset-based types of the language service: what front doors (LSP, CLI) receive and send back.

/** Every rule id the engine can report. Stable forever: they are diagnostic codes and docs anchors. */
// generated:rule-ids (npm run generate: one per rules/<id>.ts, in the README table's order, new rules last)
export const RULE_IDS = [
  'schema',
  'yaml-syntax',
  'duplicate-key',
  'customer-only-duty',
  'provider-only-duty',
  'model-mismatch',
  'unassigned-layer',
  'unknown-team',
  'duplicate-name',
  'unused-suppression',
  'unknown-rule',
  'suppression-reason',
  'invalid-baseline',
  'unknown-baseline',
  'service-model-mismatch',
] as const;
// /generated:rule-ids
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/** Reported when a rule itself throws: the other rules still run. Not configurable. */
export const INTERNAL_ERROR = 'internal-error';
/** Reported (as info) when a file is above the size limit and only its syntax is checked. */
export const FILE_TOO_LARGE = 'file-too-large';
export type FindingCode = RuleId | typeof INTERNAL_ERROR | typeof FILE_TOO_LARGE;

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'hint', 'off'];

/** A replacement of text[start, end) by newText. Offsets are UTF-16 code units into the whole file. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A repair for a finding. `safe` fixes are applied by `srm lint --fix`; all are offered as quick fixes. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
  safe: boolean;
}

export interface Suppression {
  kind: 'next-line' | 'document';
  /** The reason written after ` -- `, if any. */
  reason?: string;
  /** Offset range of the suppression comment. */
  start: number;
  end: number;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
  /** Index of the YAML document in the file (0-based). */
  document: number;
  /** Names of what the finding is about, for stable fingerprints (SARIF) and the matrix. */
  workload?: string;
  layer?: string;
  /** Set on findings silenced by an inline comment (reported by `diagnose` only with includeSuppressed). */
  suppression?: Suppression;
}

/** A team a registry defines (spec/workspace.md). */
export interface RegistryTeam {
  id: string;
  name?: string;
  contact?: string;
  /** The registry's metadata.name, and the file it is in (path or uri). */
  registry: string;
  source: string;
  /** The team's id value in that file (offsets), for go to definition. */
  start: number;
  end: number;
}

/** The teams a document may name besides its own: those of the registries its srm.config.yaml lists, in order. */
export interface TeamContext {
  /** The registries searched (names), in the config's order: unknown-team's message names them. */
  registries: string[];
  /** Every registry team, the first of each id (later repeats are the later registry's duplicate-name). */
  teams: RegistryTeam[];
  /** When the file being checked is itself a listed registry: the ids earlier registries already define. */
  earlierIds?: ReadonlySet<string>;
}

export interface DiagnoseOptions {
  /** The registries' teams (srm.config.yaml `teams:`): unknown-team and duplicate-name take them into account. */
  teams?: TeamContext;
  /** Per-rule severity overrides; 'off' removes the rule's findings. */
  severities?: Partial<Record<string, SeverityOrOff>>;
  /** Honour `# srm-disable...` comments (default true). */
  inlineSuppressions?: boolean;
  /** Report suppressions that give no reason after ` -- ` (rule `suppression-reason`). */
  requireReason?: boolean;
  /** Also return suppressed findings, each with `suppression` set (for SARIF). */
  includeSuppressed?: boolean;
  /** Only check YAML syntax (used above the size limit); adds one `file-too-large` info finding. */
  syntaxOnly?: boolean;
}
