// Diagnostics: pushed to clients without pull (coalesced per tick), pulled by the others, refreshed on settings change.
import {
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientFeatures } from './capabilities';
import type { DocumentSettings } from './documentSettings';
import type { Requests } from './requests';

export class Diagnostics {
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: DocumentSettings,
    private readonly client: ClientFeatures,
    private readonly log: (msg: string) => void,
  ) {}

  /** Push clients: a burst of changes in one tick is validated once, no timer. Pull clients ask themselves. */
  schedule(uri: string): void {
    if (this.client.pull) return;
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const uris = [...this.pending];
      this.pending.clear();
      for (const u of uris) void this.publish(u);
    });
  }

  private async publish(uri: string): Promise<void> {
    try {
      const doc = this.documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      const cfg = this.settings.configDiagnostics(doc);
      const r = cfg ? undefined : await this.settings.findingsOf(doc);
      const now = this.documents.get(uri);
      if (!now || now.version !== version) return; // a newer version is already scheduled
      await this.connection.sendDiagnostics({ uri, version, diagnostics: cfg ?? (r ? r.diagnostics : []) });
    } catch (e) {
      this.connection.console.error(`srm: diagnostics of ${uri} failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
    }
  }

  /** A closed document: push clients get its diagnostics cleared. */
  closed(uri: string): void {
    if (!this.client.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /** Settings changed: cached settings and findings dropped, then every open document re-diagnosed. */
  refreshAll(): void {
    this.settings.reset();
    if (this.client.pull) {
      if (this.client.refreshSupport) {
        this.connection.languages.diagnostics.refresh().catch((e) => this.log(`srm: diagnostic refresh failed: ${String(e)}`));
      }
    } else {
      for (const d of this.documents.all()) this.schedule(d.uri);
    }
  }

  /** textDocument/diagnostic, with "unchanged" when the client already has this version under these settings. */
  register(requests: Requests): void {
    requests.on(DocumentDiagnosticRequest.type, async (params, token): Promise<DocumentDiagnosticReport> => {
      // Let requests already queued (hover, completion after a keystroke) go first: they never wait for validation.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
      const doc = this.documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const cfg = this.settings.configDiagnostics(doc);
      if (cfg) return { kind: DocumentDiagnosticReportKind.Full, items: cfg };
      const r = await this.settings.findingsOf(doc);
      const resultId = `${doc.version}:${this.settings.generation}:${r ? 1 : 0}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: r ? r.diagnostics : [] };
    });
  }
}
