// What a completion item is, and the items that are whole templates: a new document, a new workload, each with
// every layer prefilled with the owner its model gives it (complete.ts decides where they are offered).
import { API_VERSION, DEPENDS, KIND, type Baseline } from '../../model';
import type { CursorContext, Source } from './lineContext';
import { modelDoc } from './markdown';

export type CompletionKind = 'key' | 'value' | 'layer' | 'party' | 'model' | 'team' | 'rule' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text that replaces [replaceStart, replaceEnd). Continuation lines carry their full indentation. */
  insertText: string;
  /** insertText is a snippet (`${1:...}` placeholders). */
  snippet?: boolean;
  sortText: string;
  filterText?: string;
  preselect?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** The range (file offsets) every item replaces: the word at the cursor. */
  replaceStart: number;
  replaceEnd: number;
}

/** A `depends` cell offers the customer first: it answers for the choice until it is made. */
export function cellOwner(b: Baseline, layer: string, model: string): string | undefined {
  const c = b.cell(layer, model);
  return c === DEPENDS ? undefined : c;
}

export const pad = (n: number) => String(n).padStart(3, '0');

/** A whole new document, one per service model (offered at the top of an empty document). */
export function documentSnippets(b: Baseline): CompletionEntry[] {
  return b.columnIds.map((m, i) => ({
    label: `srm document (${m})`,
    kind: 'snippet' as const,
    detail: `a new responsibility file with one ${m} workload`,
    documentation: modelDoc(m, b),
    insertText: [
      `apiVersion: ${API_VERSION}`,
      `kind: ${KIND}`,
      'metadata:',
      '  name: ${1:assignment-name}',
      ...(b.id === 'microsoft-diagram' ? [] : [`  baseline: ${b.id}`]),
      'workloads:',
      '  - name: ${2:workload-name}',
      `    model: ${m}`,
      '    responsibilities:',
      ...b.layers.map((l) => `      ${l.id}: ${cellOwner(b, l.id, m) ?? 'customer'}`),
    ].join('\n') + '\n$0',
    snippet: true,
    sortText: `3${pad(i)}`,
    filterText: `srm document ${m}`,
  }));
}

/** One snippet per service model: a whole workload, every layer prefilled with the owner that model gives it. */
export function workloadSnippets(src: Source, ctx: CursorContext, withDash: boolean, b: Baseline): CompletionEntry[] {
  // Continuation lines are indented to the item's keys: the dash column + 2, or the column the key starts at.
  const keyCol = withDash ? ctx.keyCol + 2 : ctx.keyCol;
  const ind = ' '.repeat(keyCol);
  const ind2 = ' '.repeat(keyCol + 2);
  void src;
  return b.columnIds.map((m, i) => {
    const body = [
      `${withDash ? '- ' : ''}name: \${1:workload-name}`,
      `${ind}model: ${m}`,
      `${ind}responsibilities:`,
      ...b.layers.map((l) => `${ind2}${l.id}: ${cellOwner(b, l.id, m) ?? 'customer'}`),
    ].join('\n');
    return {
      label: `workload (${m})`,
      kind: 'snippet' as const,
      detail: `a ${m} workload with every layer assigned as the model expects`,
      documentation: modelDoc(m, b),
      insertText: body + '$0',
      snippet: true,
      sortText: `2${pad(i)}`,
      filterText: withDash ? `- workload ${m}` : `workload ${m}`,
    };
  });
}
