// SARIF 2.1.0 for GitHub code scanning: every rule described (help in Markdown with an example, tags, a security
// severity for the ownership rules), results located relative to %SRCROOT%, two fingerprints (file + rule + workload +
// layer; the line's content + rule), never a line number, suppressed findings kept, an optional category.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL, ruleDocUrl } from '../../../../shared/protocol';
import { CODE_DOCS, RULES, RULE_DOCS, type Finding, type RuleExample, type Severity } from '../../service';
import { lineCol, type FileResult } from '../lint';

export const INFORMATION_URI = REPOSITORY_URL;
/** The key under partialFingerprints; bump the version if the recipe ever changes. */
export const FINGERPRINT_KEY = 'srmFinding/v1';
/** GitHub's own key under partialFingerprints: given, code scanning does not compute one from the file. */
export const LINE_HASH_KEY = 'primaryLocationLineHash';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** What a SARIF rule is built from: a rule's metadata and docs, or a code that is not a rule (CODE_DOCS). */
interface Described {
  id: string;
  defaultSeverity: Severity;
  summary: string;
  why: string;
  fix: string;
  suppressible: boolean;
  tags: readonly string[];
  example?: RuleExample;
  note?: string;
  securitySeverity?: number;
}

/** Every rule of the registry, then the codes that are not rules, so every result has a rule. */
export function describedRules(): Described[] {
  return [
    ...RULES.map((r) => ({ ...r, ...RULE_DOCS[r.id] })),
    ...CODE_DOCS.map((c) => ({ ...c, suppressible: false })),
  ];
}

function helpText(r: Described): string {
  const parts = [r.summary, `Why it matters: ${r.why}`, `How to fix it: ${r.fix}`];
  if (r.example) {
    parts.push(`Example, reported:\n${r.example.bad}`, `Fixed:\n${r.example.good}`);
    if (r.example.note) parts.push(r.example.note);
  }
  if (r.note) parts.push(r.note);
  if (r.suppressible) parts.push(`Silence one occurrence: # srm-disable-next-line ${r.id} -- <reason>`);
  parts.push(`Docs: ${ruleDocUrl(r.id)}`);
  return parts.join('\n\n');
}

function helpMarkdown(r: Described): string {
  const parts = [r.summary, `**Why it matters:** ${r.why}`, `**How to fix it:** ${r.fix}`];
  if (r.example) {
    parts.push('**Example.** Reported:', fenced(r.example.bad), 'Fixed:', fenced(r.example.good));
    if (r.example.note) parts.push(r.example.note);
  }
  if (r.note) parts.push(r.note);
  if (r.suppressible) parts.push(`Silence one occurrence with \`# srm-disable-next-line ${r.id} -- <reason>\` on the line above.`);
  parts.push(`[Documentation of \`${r.id}\`](${ruleDocUrl(r.id)})`);
  return parts.join('\n\n');
}

function fenced(yaml: string): string {
  return `\`\`\`yaml\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}\`\`\``;
}

interface SarifOptions {
  cwd: string;
  version: string;
  /** `--sarif-category`: runs[0].automationDetails.id (GitHub's category), `category/` when it has no `/`. */
  category?: string;
}

/** The automation id of a category: GitHub reads `category/` or `category/run-id`. */
export function automationId(category: string): string {
  return category.includes('/') ? category : `${category}/`;
}

function artifactUri(r: FileResult, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, r.path);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * A fingerprint that survives lines moving: the file, the rule and what the finding is about (workload, layer),
 * never a line number, nor the message (which may list details that change, such as the missing layers).
 * `occurrence` tells apart findings with the same key in one file (counted in file order).
 */
export function fingerprint(uri: string, f: Finding, occurrence: number): string {
  const h = createHash('sha256')
    .update([uri, f.code, f.workload ?? '', f.layer ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
  return `${h}:${occurrence}`;
}

/**
 * `primaryLocationLineHash`: the first 16 hex digits of SHA-256 over the rule id and the content of the finding's
 * first line, trimmed (so indentation and line endings do not count, nor the line's number), then `:n`, the
 * 1-based count of findings with the same rule and line content so far in the file, as GitHub's own hashes count.
 */
export function lineHash(line: string, code: string): string {
  return createHash('sha256').update([code, line.trim()].join('\u0000')).digest('hex').slice(0, 16);
}

export function formatSarif(results: readonly FileResult[], opts: SarifOptions): string {
  const rules = describedRules().map((r) => {
    const properties: Record<string, unknown> = { tags: [...r.tags] };
    if (r.securitySeverity !== undefined) properties['security-severity'] = r.securitySeverity.toFixed(1);
    return {
      id: r.id,
      name: r.id
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
      shortDescription: { text: r.summary },
      fullDescription: { text: `${r.summary} ${r.why}` },
      help: { text: helpText(r), markdown: helpMarkdown(r) },
      helpUri: ruleDocUrl(r.id),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      properties,
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: unknown[] = [];
  for (const r of results) {
    const loc = artifactUri(r, opts.cwd);
    const seen = new Map<string, number>();
    const seenLines = new Map<string, number>();
    const all = [...r.findings, ...r.suppressed].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const f of all) {
      const base = fingerprint(loc.uri, f, 0);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const s = lineCol(r.lines, f.start);
      const e = lineCol(r.lines, f.end);
      const hash = lineHash(r.lines.lineText(s.line - 1), f.code);
      const k = (seenLines.get(hash) ?? 0) + 1;
      seenLines.set(hash, k);
      const result: Record<string, unknown> = {
        ruleId: f.code,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: loc,
              region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(loc.uri, f, n), [LINE_HASH_KEY]: `${hash}:${k}` },
      };
      const idx = ruleIndex.get(f.code);
      if (idx !== undefined) result.ruleIndex = idx;
      if (f.suppression) {
        const sup: Record<string, unknown> = { kind: 'inSource' };
        if (f.suppression.reason) sup.justification = f.suppression.reason;
        result.suppressions = [sup];
      }
      const properties: Record<string, unknown> = { severity: f.severity };
      if (f.workload !== undefined) properties.workload = f.workload;
      if (f.layer !== undefined) properties.layer = f.layer;
      result.properties = properties;
      sarifResults.push(result);
    }
  }
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'srm',
        version: opts.version,
        semanticVersion: opts.version,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(opts.cwd + path.sep).href } },
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  if (opts.category !== undefined) run.automationDetails = { id: automationId(opts.category) };
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
