// Language features of a responsibility file: completion, hover, document symbols and folding ranges.
// Any other document (or an unknown uri) gets null.
import { CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest } from 'vscode-languageserver';
import { complete, foldingRanges, hover, symbols } from '../service';
import type { ClientFeatures } from './capabilities';
import { toCompletionList, toDocumentSymbols, toFoldingRanges, toHover, toSymbolInformation } from './convert';
import type { DocumentSettings } from './documentSettings';
import type { DocumentCache } from './documents';
import type { Requests } from './requests';

export function registerLanguageFeatures(requests: Requests, settings: DocumentSettings, cache: DocumentCache, client: ClientFeatures): void {
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
