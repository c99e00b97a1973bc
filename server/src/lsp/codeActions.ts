// Code actions: quick fixes, "add all missing layers" (one edit) and source.fixAll.srm (every safe fix).
// Quick fixes come from each diagnostic's `data` when it is of this version, else from the current findings.
import { CodeActionKind, CodeActionRequest, type CodeAction, type Diagnostic, type TextDocuments, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, type Finding } from '../service';
import type { DocumentSettings } from './documentSettings';
import { fixToLsp, rangeOf, type FixData, type Lines } from './documents';
import type { Requests } from './requests';

const FIX_ALL = CodeActionKind.SourceFixAll + '.srm';

export function registerCodeActions(requests: Requests, documents: TextDocuments<TextDocument>, settings: DocumentSettings): void {
  requests.on(CodeActionRequest.type, async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const r = await settings.findingsOf(doc);
    if (!r) return null;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const out: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      out.push(...quickFixes(doc.uri, doc.version, r.parsed.lines, params.context.diagnostics, r));
      if (params.context.diagnostics.some((d) => d.code === 'unassigned-layer')) {
        const all = addAllMissingLayers(doc.uri, r.parsed.lines, r.list);
        if (all) out.push(all);
      }
    }
    if (only && wants(FIX_ALL)) {
      const s = await settings.settingsFor(doc.uri);
      const text = doc.getText();
      const fixed = fixAll(text, settings.diagnoseOptions(doc, s));
      if (fixed.applied > 0 && fixed.text !== text) {
        out.push({
          title: `Fix all safe srm problems (${fixed.applied})`,
          kind: FIX_ALL,
          edit: { changes: { [doc.uri]: [{ range: { start: { line: 0, character: 0 }, end: r.parsed.lines.positionAt(text.length) }, newText: fixed.text }] } },
        });
      }
    }
    return out;
  });
}

function overlaps(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isPosition(v: unknown): boolean {
  return isObject(v) && typeof v.line === 'number' && typeof v.character === 'number';
}

/** `data` as this server wrote it; anything else the client sends back (edited, truncated) is not trusted. */
function isFixData(d: unknown): d is FixData {
  if (!isObject(d) || typeof d.version !== 'number' || !Array.isArray(d.fixes)) return false;
  return d.fixes.every(
    (f: unknown) =>
      isObject(f) &&
      typeof f.title === 'string' &&
      Array.isArray(f.edits) &&
      f.edits.every((e: unknown) => isObject(e) && typeof e.newText === 'string' && isObject(e.range) && isPosition(e.range.start) && isPosition(e.range.end)),
  );
}

/**
 * Quick fixes for the diagnostics in the request: from each diagnostic's `data` when it was computed for this
 * version; otherwise from the current findings of the same rule at an overlapping range.
 */
export function quickFixes(
  uri: string,
  version: number,
  lines: Lines,
  requested: Diagnostic[],
  current: { list: Finding[]; diagnostics: Diagnostic[] },
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of requested) {
    if (d.source !== 'srm') continue;
    let fixes: FixData['fixes'] | undefined;
    if (isFixData(d.data) && d.data.version === version) fixes = d.data.fixes;
    else {
      const i = current.diagnostics.findIndex((c) => c.code === d.code && overlaps(c.range, d.range));
      const f = i >= 0 ? current.list[i] : undefined;
      fixes = f?.fixes.map((x) => fixToLsp(lines, x));
    }
    for (const fx of fixes ?? []) {
      const edits: TextEdit[] = fx.edits.map((e) => ({ range: e.range, newText: e.newText }));
      out.push({
        title: fx.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fx.isPreferred,
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return out;
}

/** "Add all missing layers": every unassigned-layer fix of the document in one edit. */
export function addAllMissingLayers(uri: string, lines: Lines, findings: Finding[]): CodeAction | undefined {
  const fixes = findings.filter((f) => f.code === 'unassigned-layer').map((f) => f.fixes.find((x) => x.safe && x.isPreferred) ?? f.fixes.find((x) => x.safe));
  const edits: TextEdit[] = [];
  const taken: Array<[number, number]> = [];
  let workloads = 0;
  for (const fx of fixes) {
    if (!fx) continue;
    if (fx.edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end))) continue;
    for (const e of fx.edits) {
      taken.push([e.start, e.end]);
      edits.push({ range: rangeOf(lines, e.start, e.end), newText: e.newText });
    }
    workloads++;
  }
  if (workloads < 1) return undefined;
  return {
    title: `Add all missing layers in this document (${workloads} workload${workloads === 1 ? '' : 's'}), with the owners each model expects`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: edits } },
  };
}
