// `srm report`'s content: one report over many files, built from the engine's parse and findings of each (it checks
// nothing itself), in the JSON shape of shape.ts; the Markdown and HTML renderings (markdown.ts, html.ts) show the
// same content. Pure: the CLI reads the files and passes each file's ParsedFile, findings (suppressed ones included)
// and the team registries in its reach. Each part has its file: summary, teams, assignments, matrices, coverage, waivers.
import { matrixFromParsed, type MatrixDocument } from '../matrix/build';
import type { LineIndex } from '../lines';
import type { ParsedDocument } from '../parse/parseFile';
import type { Finding } from '../types';
import { collectAssignments } from './assignments';
import { coverageOf } from './coverage';
import { findingToJson } from './finding';
import type { ReportFileInput, ReportOptions } from './input';
import { MatrixGroups, matricesOf } from './matrices';
import { REPORT_SHAPE, type Report, type ReportFile, type ReportFinding, type ReportJson, type ReportUnteamed, type ReportWaiver } from './shape';
import { ReportCounts } from './summary';
import { TeamBook } from './teams';
import { collectWaivers } from './waivers';

/** Collects the report file by file (each file's parse can be dropped once added); `build` gives the report. */
export class ReportBuilder {
  private readonly files: ReportFile[] = [];
  private readonly waivers: ReportWaiver[] = [];
  private readonly teams: TeamBook;
  private readonly unteamed: ReportUnteamed[] = [];
  private readonly groups = new MatrixGroups();
  private readonly counts = new ReportCounts();

  constructor(private readonly options: ReportOptions) {
    this.teams = new TeamBook(options.showPath ?? ((f) => f));
  }

  add(input: ReportFileInput): void {
    const { parsed, path } = input;
    const lines = parsed.lines;
    const findings = input.findings.map((f) => this.finding(lines, f));
    const file: ReportFile = {
      path,
      documents: parsed.documents.length,
      workloads: 0,
      findings: findings.filter((f) => !f.suppression),
      suppressed: findings.filter((f) => f.suppression),
    };
    this.files.push(file);
    const docs = this.counts.docs;
    docs.total += parsed.documents.length;
    collectWaivers(input, this.waivers);
    this.teams.addRegistryTeams(input.teams?.teams);
    if (input.syntaxOnly) return;
    const matrix = matrixFromParsed(parsed, input.findings);
    for (const d of parsed.documents) {
      if (d.syntax.length > 0) {
        docs.syntaxErrors++;
        continue;
      }
      if (d.baselineDoc) {
        docs.baselines++;
        continue;
      }
      if (d.registryDoc) {
        docs.registries++;
        this.teams.addRegistry(input, d);
        continue;
      }
      if (!d.header) continue;
      docs.assignments++;
      this.counts.workloads += d.workloads.length;
      file.workloads += d.workloads.length;
      this.addDocument(input, d, matrix.documents.find((m) => m.index === d.index));
    }
  }

  private finding(lines: LineIndex, f: Finding): ReportFinding {
    const out = findingToJson(lines, f, { docUrl: this.options.ruleDocUrl(f.code) });
    this.counts.finding(f);
    return out;
  }

  /** An assignment document: its teams and cells, its baseline counted, its workloads to their matrices. */
  private addDocument(input: ReportFileInput, d: ParsedDocument, m: MatrixDocument | undefined): void {
    const header = d.header!;
    const docName = d.name !== undefined && d.name !== '' ? { documentName: d.name } : {};
    const documentOwner = this.teams.addDocument(input, d, docName);
    this.counts.unteamedCells += collectAssignments(input, d, docName, documentOwner, this.teams, this.unteamed);
    if (d.baselineError) {
      this.counts.baselineUnresolved(header.baseline?.id ?? d.baseline.id);
      return;
    }
    this.counts.baselineUsed(d.baseline, d.workloads.length);
    if (!m) return;
    const lines = input.parsed.lines;
    this.groups.addDocument(d.baseline, d, m, input.path, (offset) => lines.lineAt(offset) + 1, docName);
  }

  build(): Report {
    const { ruleDocUrl } = this.options;
    const ordered = this.groups.ordered();
    const { matrices, matrixDocuments } = matricesOf(ordered);
    const coverage = coverageOf(ordered);
    const teams = this.teams.toJson();
    const summary = this.counts.summary(this.files.length, teams.length, this.waivers, ruleDocUrl, this.options.inlineSuppressions !== false);
    const json: ReportJson = {
      tool: 'srm',
      version: this.options.version,
      report: REPORT_SHAPE,
      summary,
      teams,
      unteamed: this.unteamed,
      matrices,
      coverage,
      waivers: this.waivers,
      files: this.files,
    };
    return { json, matrixDocuments };
  }
}

/** The report of `inputs` in one call (ReportBuilder keeps less in memory for a big tree). */
export function buildReport(inputs: Iterable<ReportFileInput>, options: ReportOptions): Report {
  const b = new ReportBuilder(options);
  for (const i of inputs) b.add(i);
  return b.build();
}
