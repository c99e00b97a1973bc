// Per-document settings and their cache, and what they decide: is this a responsibility file, with which options.
// `srm.*` is pulled per resource (workspace/configuration) on top of the nearest srm.config.yaml.
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION, type SrmSettings } from '../../../shared/protocol';
import {
  documentContext,
  isResponsibilityFile,
  matchesAny,
  optionsFor,
  parseConfig,
  type BaselineOptions,
  type DiagnoseOptions,
  type FeatureContext,
  type TeamContext,
} from '../service';
import { BaselineLoader, baselineOptionsFor } from '../node/baselines';
import { RegistryLoader, teamContextFor } from '../node/registries';
import { ConfigResolver, configSelection, type LoadedConfig } from '../node/config';
import type { ClientFeatures } from './capabilities';
import { filePathOf, openDocumentAt, type DocumentCache } from './documents';
import { parseSettings } from './settings';

export interface DocSettings {
  settings: SrmSettings;
  config?: LoadedConfig;
  /** The config's baseline: and the baseline documents it lists. */
  baselines: BaselineOptions;
  /** The teams of the registries the config lists (srm.config.yaml `teams:`). */
  teams?: TeamContext;
}

/** A uri's path for matching `srm.files`: decoded when it can be (a malformed escape stays as written). */
function nameOf(uri: string): string {
  const raw = uri.replace(/^[a-z-]+:/i, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export class DocumentSettings {
  /** Bumped whenever settings change: part of every diagnostics result id. */
  generation = 0;
  private globalSettings: unknown = undefined;
  private resolver = new ConfigResolver();
  /** The listed baseline and registry files are read as the editor holds them when open (saved or not). */
  private baselineLoader = new BaselineLoader((f) => this.openTextOf(f));
  private registryLoader = new RegistryLoader((f) => this.openTextOf(f));
  private readonly cache = new Map<string, Promise<DocSettings>>();
  private readonly reportedConfigErrors = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly docs: DocumentCache,
    private readonly client: ClientFeatures,
    private readonly log: (msg: string) => void,
  ) {}

  /** The settings of clients without workspace/configuration (initializationOptions, didChangeConfiguration). */
  setGlobal(raw: unknown): void {
    this.globalSettings = raw;
  }

  settingsFor(uri: string): Promise<DocSettings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.load(uri);
      this.cache.set(uri, p);
    }
    return p;
  }

  private async load(uri: string): Promise<DocSettings> {
    let raw: unknown = this.globalSettings;
    if (this.client.configurationSupport) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      } catch (e) {
        this.log(`srm: could not read settings for ${uri}: ${String(e)}`);
      }
    }
    return this.withSettings(uri, parseSettings(raw));
  }

  /** The settings of a folder (the workspace index asks once per folder, not once per file). */
  async folderSettings(folderUri: string): Promise<SrmSettings> {
    let raw: unknown = this.globalSettings;
    if (this.client.configurationSupport) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: SETTINGS_SECTION });
      } catch (e) {
        this.log(`srm: could not read settings for ${folderUri}: ${String(e)}`);
      }
    }
    return parseSettings(raw);
  }

  /** The DocSettings of `uri` under `settings` already read: its config, the baselines and teams in reach (sync). */
  withSettings(uri: string, settings: SrmSettings): DocSettings {
    const fp = filePathOf(uri);
    let config: LoadedConfig | undefined;
    if (fp) {
      try {
        config = this.resolver.forFile(fp);
      } catch (e) {
        this.log(`srm: could not read srm.config.yaml for ${fp}: ${String(e)}`);
      }
    }
    if (config && config.errors.length > 0 && !this.reportedConfigErrors.has(config.path)) {
      this.reportedConfigErrors.add(config.path);
      for (const err of config.errors) this.log(`srm: ${config.path}:${err.line}:${err.column}: ${err.message}`);
    }
    let baselines: BaselineOptions = {};
    try {
      baselines = baselineOptionsFor(config, this.baselineLoader);
      const key = `baselines:${config?.path ?? ''}`;
      if (!this.reportedConfigErrors.has(key)) {
        this.reportedConfigErrors.add(key);
        for (const e of this.baselineLoader.forConfig(config).errors) this.log(`srm: ${e}`);
      }
    } catch (e) {
      this.log(`srm: could not read the baselines of ${config?.path ?? 'the config'}: ${String(e)}`);
    }
    let teams: TeamContext | undefined;
    try {
      teams = teamContextFor(config, this.registryLoader, fp);
      const key = `teams:${config?.path ?? ''}`;
      if (config && !this.reportedConfigErrors.has(key)) {
        this.reportedConfigErrors.add(key);
        for (const e of this.registryLoader.forConfig(config).errors) this.log(`srm: ${config.path}:${e.line}:${e.column}: ${e.message}`);
      }
    } catch (e) {
      this.log(`srm: could not read the team registries of ${config?.path ?? 'the config'}: ${String(e)}`);
    }
    return { settings, config, baselines, ...(teams ? { teams } : {}) };
  }

  /** The files `config` reads besides itself: its registries (teams:) and baseline files (baselines:), absolute. */
  dependencyFiles(config: LoadedConfig): string[] {
    try {
      return [...this.registryLoader.forConfig(config).files, ...this.baselineLoader.forConfig(config).files];
    } catch {
      return [];
    }
  }

  /** Whether `uri` is a team registry or baseline file some config lists (a change to it re-checks its dependents). */
  isListedFile(uri: string): boolean {
    const fp = filePathOf(uri);
    return fp !== undefined && (this.registryLoader.lists(fp) || this.baselineLoader.lists(fp));
  }

  /** Decided by file name and content (and srm.files / srm.config.yaml), never by the editor's language id. */
  isSrm(doc: TextDocument, s: DocSettings): boolean {
    return this.isSrmText(doc.uri, doc.getText(), s);
  }

  /** isSrm of a text that is not open (the workspace index; `text` may be the file's first part only). */
  isSrmText(uri: string, text: string, s: DocSettings): boolean {
    const fp = filePathOf(uri);
    const name = fp ?? nameOf(uri);
    // srm.config.yaml first, as the CLI decides (one function for both), then the editor's srm.files.
    const byConfig = fp ? configSelection(s.config, fp) : undefined;
    if (byConfig === 'ignored') return false;
    if (byConfig === 'listed') return true;
    const posix = name.split(path.sep).join('/').replace(/^\/+/, '');
    if (matchesAny(posix, s.settings.files)) return true;
    // A name without an extension (an untitled buffer) is decided by content alone.
    const base = path.basename(name);
    return isResponsibilityFile(/\.[^./]+$/.test(base) ? base : '', text);
  }

  /** Diagnose options: srm.config.yaml first, VS Code settings on top (settings win). */
  diagnoseOptions(doc: TextDocument, s: DocSettings): DiagnoseOptions {
    const front = { severities: s.settings.rules, requireReason: s.settings.requireSuppressionReason, inlineSuppressions: s.settings.inlineSuppressions };
    return { ...optionsFor(s.config?.config, front), syntaxOnly: doc.getText().length > s.settings.maxFileSize, ...(s.teams ? { teams: s.teams } : {}) };
  }

  /** Problems of an open `srm.config.yaml` itself (its syntax, unknown keys and rule ids), as diagnostics. */
  configDiagnostics(doc: TextDocument): Diagnostic[] | undefined {
    if (!/(^|[/\\])srm\.config\.ya?ml$/.test(doc.uri)) return undefined;
    const lines = this.docs.lines(doc);
    // Its registries (teams: globs) are read from disk: shown for the text as saved, at the glob they are about.
    const fp = filePathOf(doc.uri);
    let registryErrors: ReturnType<typeof parseConfig>['errors'] = [];
    const parsed = parseConfig(doc.getText());
    if (fp && parsed.errors.length === 0 && parsed.config.teamsAt) {
      try {
        registryErrors = this.registryLoader.forConfig({ path: fp, dir: path.dirname(fp), config: parsed.config, errors: [] }).errors;
      } catch (e) {
        this.log(`srm: could not read the team registries of ${fp}: ${String(e)}`);
      }
    }
    return [...parsed.errors, ...registryErrors].map((e) => ({
      range: { start: lines.positionAt(e.start), end: lines.positionAt(Math.max(e.start, e.end)) },
      severity: DiagnosticSeverity.Error,
      code: 'config',
      source: DIAGNOSTIC_SOURCE,
      message: `srm.config.yaml: ${e.message}`,
    }));
  }

  /** Findings of a responsibility file under its settings (cached per version and settings generation). */
  async findingsOf(doc: TextDocument) {
    const s = await this.settingsFor(doc.uri);
    if (!this.isSrm(doc, s)) return undefined;
    const opts = this.diagnoseOptions(doc, s);
    return this.docs.findings(doc, opts, `${this.generation}|${opts.syntaxOnly ? 's' : 'f'}`, s.baselines);
  }

  /** What hover and completion know of the document at `offset`: its baseline, the baselines in reach, its kind. */
  async featureContext(doc: TextDocument, offset: number, lines: Parameters<typeof documentContext>[0]['lines']): Promise<FeatureContext> {
    const s = await this.settingsFor(doc.uri);
    const fc = documentContext({ text: doc.getText(), lines }, offset, s.baselines, this.docs.current(doc));
    return s.teams ? { ...fc, teams: s.teams.teams } : fc;
  }

  /** The open document, when it is a responsibility file (hover, completion and the rest answer nothing otherwise). */
  async srmDoc(uri: string): Promise<TextDocument | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    return this.isSrm(doc, await this.settingsFor(uri)) ? doc : undefined;
  }

  /** A closed document: its parse and settings are dropped. */
  forget(uri: string): void {
    this.docs.delete(uri);
    this.cache.delete(uri);
  }

  /** The text of `file` (absolute) when it is open in the editor. */
  private openTextOf(file: string): string | undefined {
    return openDocumentAt(this.documents, file)?.getText();
  }

  /** Settings changed (or an srm.config.yaml did): everything cached from them is dropped. */
  reset(): void {
    this.generation++;
    this.cache.clear();
    this.reportedConfigErrors.clear();
    this.resolver = new ConfigResolver();
    this.baselineLoader.clear();
    this.registryLoader.clear();
    this.docs.clearFindings();
  }
}
