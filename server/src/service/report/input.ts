// What `srm report` is built from (build.ts): each file's parse and findings, and the choices of the command line.
import type { ParsedFile } from '../parse/parseFile';
import type { Finding, TeamContext } from '../types';

export interface ReportFileInput {
  /** The path to show (relative to the working directory, with `/`). */
  path: string;
  parsed: ParsedFile;
  /** Every finding of the file, suppressed ones included (with `suppression`), sorted by position. */
  findings: readonly Finding[];
  /** The registries' teams in the file's reach (its srm.config.yaml's `teams:`). */
  teams?: TeamContext;
  /** True when only the YAML syntax was checked (a file above the size limit): only its findings are reported. */
  syntaxOnly?: boolean;
}

export interface ReportOptions {
  version: string;
  /** The documentation page of a rule (shared/protocol.ts ruleDocUrl in the CLI). */
  ruleDocUrl: (ruleId: string) => string;
  /** How a registry's file (an absolute path) is shown; default as it is. */
  showPath?: (file: string) => string;
  inlineSuppressions?: boolean;
}
