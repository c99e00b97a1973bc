// Language features of a responsibility file: completion, hover, definition, document symbols and folding ranges.
// Any other document (or an unknown uri) gets null.
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DefinitionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest } from 'vscode-languageserver';
import { LineIndex, THIS_FILE, complete, definition, foldingRanges, hover, symbols } from '../service';
import type { ClientFeatures } from './capabilities';
import { toCompletionList, toDocumentSymbols, toFoldingRanges, toHover, toSymbolInformation } from './convert';
import type { DocumentSettings } from './documentSettings';
import type { DocumentCache } from './documents';
import type { Requests } from './requests';
import type { WorkspaceFeatures } from './workspaceFeatures';

export function registerLanguageFeatures(requests: Requests, settings: DocumentSettings, cache: DocumentCache, client: ClientFeatures, workspace?: WorkspaceFeatures): void {
  requests.on(CompletionRequest.type, async (params) => {
    const doc = await settings.srmDoc(params.textDocument.uri);
    if (!doc) return null;
    const lines = cache.lines(doc);
    const offset = lines.offsetAt(params.position);
    const r = complete({ text: doc.getText(), lines }, offset, await settings.featureContext(doc, offset, lines));
    return toCompletionList(lines, r, client.markdown, client.snippets);
  });

  requests.on(HoverRequest.type, async (params) => {
    const doc = await settings.srmDoc(params.textDocument.uri);
    if (!doc) return null;
    const lines = cache.lines(doc);
    const offset = lines.offsetAt(params.position);
    const h = hover({ text: doc.getText(), lines }, offset, await settings.featureContext(doc, offset, lines));
    return h ? toHover(lines, h, client.markdown) : null;
  });

  // From a team reference to the team (this document's or a registry's), from the index (workspaceFeatures.ts); from
  // metadata.baseline or extends to the baseline document: in this file, or in a file the config lists.
  requests.on(DefinitionRequest.type, async (params) => {
    const across = await workspace?.definition(params.textDocument.uri, params.position);
    if (across !== undefined) return across.length > 0 ? across : null;
    const doc = await settings.srmDoc(params.textDocument.uri);
    if (!doc) return null;
    await settings.findingsOf(doc); // the current parse holds the file's own baseline documents
    const lines = cache.lines(doc);
    const offset = lines.offsetAt(params.position);
    const t = definition({ text: doc.getText(), lines }, offset, await settings.featureContext(doc, offset, lines));
    if (!t) return null;
    const here = t.source === THIS_FILE;
    const at = here ? lines : new LineIndex(t.text);
    return { uri: here ? doc.uri : pathToFileURL(t.source).href, range: { start: at.positionAt(t.start), end: at.positionAt(t.end) } };
  });

  requests.on(DocumentSymbolRequest.type, async (params) => {
    const doc = await settings.srmDoc(params.textDocument.uri);
    if (!doc) return null;
    const lines = cache.lines(doc);
    const list = symbols({ text: doc.getText(), lines });
    return client.hierarchicalSymbols ? toDocumentSymbols(lines, list) : toSymbolInformation(lines, doc.uri, list);
  });

  requests.on(FoldingRangeRequest.type, async (params) => {
    const doc = await settings.srmDoc(params.textDocument.uri);
    if (!doc) return null;
    return toFoldingRanges(foldingRanges({ text: doc.getText(), lines: cache.lines(doc) }));
  });
}
