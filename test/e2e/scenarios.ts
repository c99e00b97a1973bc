// The end-to-end scenarios as data, shared by the code-server runner (run.ts) and the in-host
// @vscode/test-electron suite (electron/suite.ts): what to open, what the user must see.
//
// Positions are anchors into the file's text (the n-th occurrence of a string, plus an offset), not
// line numbers, so an edit to an example moves the scenario with it. Paths are relative to the
// workspace folder (a copy of examples/).

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

/** A place in a file: the start of the `nth` (0-based) occurrence of `text`, moved by `delta` characters. */
export interface Anchor {
  text: string;
  nth?: number;
  delta?: number;
}

export interface ExpectedProblem {
  /** The rule id, shown as the diagnostic code. */
  code: string;
  severity: SeverityName;
  /** The message must match this. */
  message: RegExp;
  /** Where the problem starts (checked as a line number). */
  at?: Anchor;
}

export interface Scenarios {
  /** The folder to open, relative to the repository root. It is copied first; the copy is edited. */
  workspace: string;
  /** The language id the extension gives responsibility files, and the name the status bar shows for it. */
  languageId: string;
  languageName: RegExp;
  /** A document with no findings. `probe` makes it wrong on purpose (replace `anchor`'s text by
   * `replacement`) so the runner knows the server has seen it before asserting that nothing is listed. */
  clean: { file: string; probe: { at: Anchor; length: number; replacement: string; code: string } };
  /** A document with mistakes: exactly these problems (an extra or missing one fails). */
  mistakes: { file: string; problems: ExpectedProblem[] };
  /** A hover on a layer key shows the owner under each of the four service models. */
  hover: { file: string; at: Anchor; expect: RegExp[] };
  /** Typing a new layer key on a fresh line after `after` (end of that line) offers these labels. */
  completion: { file: string; after: Anchor; type: string; expectLabels: string[]; rejectLabels: string[] };
  /** Applying the quick fix titled `title` on the problem `code` at `at` makes that problem go away. */
  quickFix: { file: string; code: string; at: Anchor; title: RegExp };
  /** Changing a setting changes the panel: `code` goes from `before` to `after` (null: not listed). */
  setting: { file: string; key: string; value: unknown; code: string; before: SeverityName; after: SeverityName | null };
}

export const scenarios: Scenarios = {
  workspace: 'examples',
  languageId: 'srm',
  languageName: /srm|responsibilit/i,
  clean: {
    file: 'clean.srm.yaml',
    probe: { at: { text: 'information-and-data: customer', delta: 'information-and-data: '.length }, length: 'customer'.length, replacement: 'microsoft', code: 'customer-only-duty' },
  },
  mistakes: {
    file: 'mistakes.srm.yaml',
    problems: [
      { code: 'customer-only-duty', severity: 'error', message: /information-and-data/, at: { text: 'information-and-data: microsoft' } },
      { code: 'customer-only-duty', severity: 'error', message: /devices/, at: { text: 'devices: shared' } },
    ],
  },
  hover: {
    file: 'clean.srm.yaml',
    at: { text: 'physical-hosts', delta: 3 },
    expect: [/on-premises[^\n]*customer/i, /iaas/i, /paas/i, /saas[^\n]*microsoft/i],
  },
  completion: {
    file: 'clean.srm.yaml',
    after: { text: 'physical-hosts: microsoft' },
    type: 'phys',
    expectLabels: ['physical-network', 'physical-datacenter'],
    rejectLabels: [],
  },
  quickFix: {
    file: 'mistakes.srm.yaml',
    code: 'customer-only-duty',
    at: { text: 'information-and-data: microsoft' },
    title: /customer/i,
  },
  setting: {
    file: 'mistakes.srm.yaml',
    key: 'srm.severity',
    value: { 'customer-only-duty': 'warning' },
    code: 'customer-only-duty',
    before: 'error',
    after: 'warning',
  },
};

/** 0-based offset of an anchor in `text`; throws when the anchor is not in the file (the example changed). */
export function anchorOffset(text: string, a: Anchor, file = '(file)'): number {
  let from = 0;
  let at = -1;
  for (let n = 0; n <= (a.nth ?? 0); n++) {
    at = text.indexOf(a.text, from);
    if (at < 0) throw new Error(`${file}: anchor ${JSON.stringify(a.text)} (occurrence ${a.nth ?? 0}) not found; update test/e2e/scenarios.ts`);
    from = at + 1;
  }
  return at + (a.delta ?? 0);
}

/** 0-based line and character of an anchor (the shape of vscode.Position). */
export function anchorPosition(text: string, a: Anchor, file?: string): { line: number; character: number } {
  const off = anchorOffset(text, a, file);
  const before = text.slice(0, off);
  const line = before.split('\n').length - 1;
  return { line, character: off - (before.lastIndexOf('\n') + 1) };
}
