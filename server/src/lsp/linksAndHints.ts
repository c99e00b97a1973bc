// Document links (a responsibility file's `evidence` URLs; the files srm.config.yaml's `teams:` and `baselines:`
// globs match) and inlay hints of the expected owner (srm.inlayHints.expectedOwner).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentLinkRequest, InlayHintRequest, LSPErrorCodes, ResponseError, type DocumentLink, type InlayHint, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configPathSites, evidenceLinks, expectedOwnerHints, parseConfig } from '../service';
import { walkGlob } from '../node/baselines';
import { isConfigName } from '../node/workspace';
import type { DocumentSettings } from './documentSettings';
import type { DocumentCache } from './documents';
import type { Requests } from './requests';
import { filePathOf } from './workspaceIndex';

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

export function registerLinksAndHints(requests: Requests, documents: TextDocuments<TextDocument>, settings: DocumentSettings, cache: DocumentCache): void {
  requests.on(DocumentLinkRequest.type, async (params, token) => {
    const uri = params.textDocument.uri;
    const fp = filePathOf(uri);
    const open = documents.get(uri);
    if (open && fp && isConfigName(path.basename(fp))) return configLinks(open, fp, () => token.isCancellationRequested);
    const doc = await settings.srmDoc(uri);
    if (!doc) return null;
    const lines = cache.lines(doc);
    return evidenceLinks({ text: doc.getText(), lines }).map((l): DocumentLink => ({
      range: { start: lines.positionAt(l.start), end: lines.positionAt(l.end) },
      target: l.url,
      tooltip: 'Open the evidence',
    }));
  });

  requests.on(InlayHintRequest.type, async (params, token) => {
    const doc = await settings.srmDoc(params.textDocument.uri);
    if (!doc) return null;
    if (!(await settings.settingsFor(doc.uri)).settings.inlayHints.expectedOwner) return [];
    const r = await settings.findingsOf(doc);
    if (!r) return null;
    if (token.isCancellationRequested) throw cancelled();
    const lines = r.parsed.lines;
    const from = lines.offsetAt(params.range.start);
    const to = lines.offsetAt(params.range.end);
    return expectedOwnerHints(r.parsed, from, to).map((h): InlayHint => ({
      position: lines.positionAt(h.offset),
      label: `← ${h.expected} expected`,
      paddingLeft: true,
      tooltip: `Baseline ${h.baseline} gives layer "${h.layer}" to ${h.expected} under ${h.model}${h.workload !== undefined ? `; workload "${h.workload}"` : ''} assigns it to ${h.owner}.`,
    }));
  });
}

/** The globs of `teams:` and `baselines:`, each a link to the (first) file it matches on disk. */
function configLinks(doc: TextDocument, fp: string, isCancelled: () => boolean): DocumentLink[] {
  const text = doc.getText();
  const cfg = { path: fp, dir: path.dirname(fp), config: parseConfig(text).config, errors: [] };
  const out: DocumentLink[] = [];
  for (const site of configPathSites(text)) {
    if (isCancelled()) throw cancelled();
    const matched = walkGlob(cfg, site.glob, []);
    const first = matched[0];
    if (!first) continue;
    const rel = path.relative(cfg.dir, first).split(path.sep).join('/');
    out.push({
      range: { start: doc.positionAt(site.start), end: doc.positionAt(site.end) },
      target: pathToFileURL(first).href,
      tooltip: matched.length === 1 ? `Open ${rel} (${site.key === 'teams' ? 'a team registry' : 'a baseline file'})` : `${matched.length} files match; opens the first, ${rel}`,
    });
  }
  return out;
}
