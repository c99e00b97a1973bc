// What analysing one part produces (a workload item, or a document's header): its findings and the facts the
// cross-workload rules need. Types only, so the parse results can name them without importing the analysis.
import type { TeamRef } from '../rules/unknown-team';
import type { Span, TeamFacts, WorkloadFacts } from './facts';
import type { RawFinding } from './findings';

export interface WorkloadAnalysis {
  facts: WorkloadFacts;
  findings: RawFinding[];
  teamRefs: TeamRef[];
}

export interface HeaderAnalysis {
  findings: RawFinding[];
  /** `metadata.name` when it is a string (the matrix shows it). */
  name?: string;
  teams: TeamFacts[];
  teamRefs: TeamRef[];
  /** `metadata.baseline` when it is a string: the id the document selects, and its range (header offsets). */
  baseline?: { id: string; span: Span };
}
