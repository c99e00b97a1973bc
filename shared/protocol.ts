// What the VS Code client and the language server agree on: settings shape, defaults, custom names, docs URL.
// Imported by client/src and server/src/lsp; it imports nothing itself.

/** Rule documentation: `${DOCS_BASE_URL}#${ruleId}` is the rule's section of the README. */
export const DOCS_BASE_URL = 'https://github.com/srm-tools/srm';

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId}`;
}

/** The language id of responsibility files (`*.srm.yaml`, `*.srm.yml`). */
export const LANGUAGE_ID = 'srm';
/** The settings section: every setting is `srm.<name>`. */
export const SETTINGS_SECTION = 'srm';
/** Diagnostic `source`. */
export const DIAGNOSTIC_SOURCE = 'srm';

export type SettingSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** `srm.*` settings, per resource. */
export interface SrmSettings {
  /** Per-rule severity overrides: `{ "model-mismatch": "error" }`. */
  rules: Record<string, SettingSeverity>;
  /** Globs (matched against the file path) of files that count as responsibility files, besides any YAML file with `apiVersion: srm/v1`. */
  files: string[];
  /** Above this size (bytes, UTF-16 code units) only the YAML syntax is checked. */
  maxFileSize: number;
  /** Report suppression comments that give no reason after ` -- `. */
  requireSuppressionReason: boolean;
  /** Honour `# srm-disable...` comments. */
  inlineSuppressions: boolean;
  /** Traces the LSP traffic in the output channel (read by the client). */
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: SrmSettings = {
  rules: {},
  files: ['**/*.srm.yaml', '**/*.srm.yml'],
  maxFileSize: 2_000_000,
  requireSuppressionReason: false,
  inlineSuppressions: true,
  trace: { server: 'off' },
};

/** Commands contributed by the extension. */
export const COMMANDS = {
  restartServer: 'srm.restartServer',
} as const;

