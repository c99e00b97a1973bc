// Diagnostics of the files that are not open, from the workspace index: `workspace/diagnostic` (result ids per file,
// "unchanged" when the client already has them), and `srm/checkWorkspace` (the command "SRM: Check Workspace"): the
// folders read afresh, then pull clients refreshed, push clients sent the diagnostics of every file that is not open
// (and kept up to date from then on).
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  WorkspaceDiagnosticRequest,
  type Connection,
  type Diagnostic,
  type RequestHandler,
  type TextDocuments,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../../shared/protocol';
import type { ClientFeatures } from './capabilities';
import type { DocumentSettings } from './documentSettings';
import type { Requests } from './requests';
import { keyOf, type Entry, type WorkspaceIndex } from './workspaceIndex';

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
/** The result id of a file the index no longer holds (its report clears it once). */
const GONE = 'gone';

export class WorkspaceDiagnostics {
  /** Push clients: set by srm/checkWorkspace; from then on the files that are not open are published. */
  private pushing = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: DocumentSettings,
    private readonly index: WorkspaceIndex,
    private readonly client: ClientFeatures,
    private readonly log: (msg: string) => void,
  ) {
    index.onDidChange((e, removed) => {
      if (!this.pushing || this.client.pull || this.isOpen(e)) return;
      this.connection.sendDiagnostics({ uri: e.uri, diagnostics: removed ? [] : e.diagnostics }).catch(() => undefined);
    });
  }

  private isOpen(e: Entry): boolean {
    return e.openVersion !== undefined || this.documents.get(e.uri) !== undefined;
  }

  register(requests: Requests): void {
    requests.on(WorkspaceDiagnosticRequest.type, async (params, token) => {
      await this.index.ready(() => token.isCancellationRequested);
      if (token.isCancellationRequested) throw cancelled();
      const open = new Set([...this.documents.all()].map((d) => keyOf(d.uri)));
      const previous = new Map(params.previousResultIds.map((p) => [keyOf(p.uri), p]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const e of this.index.all()) {
        if (e.openVersion !== undefined || open.has(e.key)) continue; // reported by textDocument/diagnostic
        const prev = previous.get(e.key);
        const uri = prev?.uri ?? e.uri;
        if (prev?.value === e.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: e.resultId });
        else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: e.resultId, items: e.diagnostics });
      }
      // Files reported before that are gone (deleted, no longer responsibility files): cleared, once.
      for (const [key, prev] of previous) {
        if (this.index.get(key) || open.has(key)) continue;
        items.push(prev.value === GONE ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: prev.uri, version: null, resultId: GONE } : { kind: DocumentDiagnosticReportKind.Full, uri: prev.uri, version: null, resultId: GONE, items: [] });
      }
      return { items };
    });

    const check = requests.wrap(CHECK_WORKSPACE_REQUEST, async (_params: unknown, token): Promise<CheckWorkspaceResult> => {
      void this.index.rescan();
      await this.index.ready(() => token.isCancellationRequested);
      if (token.isCancellationRequested) throw cancelled();
      if (this.client.pull) {
        if (this.client.refreshSupport) this.connection.languages.diagnostics.refresh().catch((e) => this.log(`srm: diagnostic refresh failed: ${String(e)}`));
      } else {
        this.pushing = true;
        for (const e of this.index.all()) {
          if (!this.isOpen(e)) await this.connection.sendDiagnostics({ uri: e.uri, diagnostics: e.diagnostics }).catch(() => undefined);
        }
      }
      return this.summary();
    });
    this.connection.onRequest(CHECK_WORKSPACE_REQUEST, check as RequestHandler<unknown, CheckWorkspaceResult, unknown>);
  }

  /** What the workspace holds now: open documents by their current findings, the others by their disk ones. */
  private async summary(): Promise<CheckWorkspaceResult> {
    const r: CheckWorkspaceResult = { files: 0, withFindings: 0, errors: 0, warnings: 0, infos: 0, hints: 0, skipped: 0 };
    for (const e of [...this.index.all()]) {
      r.files++;
      if (e.skipped) r.skipped++;
      let ds: Diagnostic[] = e.diagnostics;
      const doc = this.documents.get(e.uri);
      if (doc) ds = this.settings.configDiagnostics(doc) ?? (await this.settings.findingsOf(doc))?.diagnostics ?? [];
      if (ds.length > 0) r.withFindings++;
      for (const d of ds) {
        if (d.severity === DiagnosticSeverity.Error) r.errors++;
        else if (d.severity === DiagnosticSeverity.Warning) r.warnings++;
        else if (d.severity === DiagnosticSeverity.Information) r.infos++;
        else r.hints++;
      }
    }
    return r;
  }
}
