// SARIF 2.1.0 for GitHub code scanning: every rule described, results located relative to %SRCROOT%,
// fingerprints from file + rule + workload + layer (never a line number), suppressed findings kept.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Finding, type Severity } from '../../service';
import { lineCol, type FileResult } from '../lint';

/** Where each rule is documented: the README's rule reference, one heading per rule id. */
export const RULE_HELP_BASE = 'https://github.com/srm-tools/srm#';
export const INFORMATION_URI = 'https://github.com/srm-tools/srm';
/** The key under partialFingerprints; bump the version if the recipe ever changes. */
export const FINGERPRINT_KEY = 'srmFinding/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Codes the engine can report that are not configurable rules, described here so every result has a rule. */
const EXTRA_RULES = [
  {
    id: 'internal-error',
    defaultSeverity: 'error' as Severity,
    summary: 'A rule failed with an internal error while checking this document.',
    why: 'The other rules still ran; this one could not. Please report it with the file.',
    fix: 'Report the problem; the finding goes away once the rule is fixed.',
  },
  {
    id: 'file-too-large',
    defaultSeverity: 'info' as Severity,
    summary: 'The file is above the size limit: only its YAML syntax was checked.',
    why: 'Checking very large files in full would make the editor and CI slow.',
    fix: 'Split the file into smaller files.',
  },
];

interface SarifOptions {
  cwd: string;
  version: string;
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

export function formatSarif(results: readonly FileResult[], opts: SarifOptions): string {
  const rules = [...RULES, ...EXTRA_RULES].map((r) => ({
    id: r.id,
    name: r.id
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: r.summary },
    fullDescription: { text: `${r.summary} ${r.why}` },
    help: { text: `${r.fix}`, markdown: `**Why:** ${r.why}\n\n**Fix:** ${r.fix}` },
    helpUri: `${RULE_HELP_BASE}${r.id}`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: ['shared-responsibility'] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: unknown[] = [];
  for (const r of results) {
    const loc = artifactUri(r, opts.cwd);
    const seen = new Map<string, number>();
    const all = [...r.findings, ...r.suppressed].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const f of all) {
      const base = fingerprint(loc.uri, f, 0);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const s = lineCol(r.lines, f.start);
      const e = lineCol(r.lines, f.end);
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
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(loc.uri, f, n) },
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
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
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
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
