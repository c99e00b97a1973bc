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
  /** The grammar colours srm words: in each pair `token` is drawn in another colour than `like` (the same
   * kind of YAML node without srm meaning). Whole tokens, on lines visible together. (UI only: the vscode
   * API exposes no tokens.) */
  grammar: { file: string; pairs: { token: string; like: string }[] };
  /** A hover on a layer key shows the owner under each of the four service models. */
  hover: { file: string; at: Anchor; expect: RegExp[] };
  /** Typing a new layer key on a fresh line after `after` (end of that line) offers these labels. */
  completion: { file: string; after: Anchor; type: string; expectLabels: string[]; rejectLabels: string[] };
  /** Applying the quick fix titled `title` on the problem `code` at `at` makes that problem go away. */
  quickFix: { file: string; code: string; at: Anchor; title: RegExp };
  /** Changing a setting changes the panel: `code` goes from `before` to `after` (null: not listed). */
  setting: { file: string; key: string; value: unknown; code: string; before: SeverityName; after: SeverityName | null };
  /** Baselines (docs/baselines.md): a document is checked against the baseline it selects (metadata.baseline). */
  baselines: {
    /** A document under another edition of Microsoft's matrix: `edit` (replace `length` characters at `at` by
     * `replacement`) makes the panel list exactly `problems`; a hover at `hover.at` says what `hover.expect` says. */
    edition: {
      file: string;
      edit: { at: Anchor; length: number; replacement: string };
      problems: ExpectedProblem[];
      hover: { at: Anchor; expect: RegExp[] };
    };
    /** Completion on a key line of a workload under another baseline: the `lines` lines from `clear` are emptied
     * (their layers become unassigned, the cursor stays on the first, indented), and completion there offers
     * `expectLabels` and none of `rejectLabels`. */
    completion: { file: string; clear: Anchor; lines: number; expectLabels: string[]; rejectLabels: string[] };
  };
  /** The editor across files (docs/workspace spec): a folder with its own srm.config.yaml and team registry, written
   * into the workspace copy by the first of these steps (the examples stay as they are). */
  acrossFiles: {
    folder: string;
    /** Files written before the steps (relative to `folder`). */
    files: Record<string, string>;
    /** Go to definition at `at` in `file` leads to `target`, to the line of `targetAt`. */
    definition: { file: string; at: Anchor; target: string; targetAt: Anchor };
    /** Rename at `at` in `file` to `newName`: every file in `changed` names the new id afterwards, none the old. */
    rename: { file: string; at: Anchor; oldName: string; newName: string; changed: string[] };
    /** An inlay hint with `label` shows in `file`. */
    inlayHint: { file: string; label: string };
    /** `file` (written, never opened) is listed with `code` after "SRM: Check Workspace". */
    check: { file: string; text: string; code: string; at: Anchor };
  };
}

const PAAS_REST = `      devices: customer
      accounts-and-identities: customer
      identity-and-directory-infrastructure: shared
      applications: shared
      network-controls: shared
      physical-hosts: microsoft
      physical-network: microsoft
      physical-datacenter: microsoft
`;

export const scenarios: Scenarios = {
  workspace: 'examples',
  languageId: 'srm',
  languageName: /srm|responsibilit/i,
  clean: {
    file: 'paas-web-app.srm.yaml',
    probe: {
      at: { text: 'information-and-data: customer', delta: 'information-and-data: '.length },
      length: 'customer'.length,
      replacement: 'microsoft',
      code: 'customer-only-duty',
    },
  },
  mistakes: {
    file: 'with-mistakes.srm.yaml',
    problems: [
      { code: 'unknown-team', severity: 'error', message: /"governance".*not a team/, at: { text: 'owner: governance' } },
      { code: 'customer-only-duty', severity: 'error', message: /"information-and-data".*assigns it to microsoft/, at: { text: 'information-and-data: microsoft' } },
      { code: 'customer-only-duty', severity: 'warning', message: /"accounts-and-identities".*assigns it to shared/, at: { text: 'accounts-and-identities: shared' } },
      { code: 'model-mismatch', severity: 'warning', message: /"operating-system" to customer.*assigns it to microsoft/, at: { text: 'operating-system: microsoft' } },
      { code: 'provider-only-duty', severity: 'error', message: /"physical-hosts" belongs to microsoft/, at: { text: 'physical-hosts: customer' } },
      { code: 'schema', severity: 'error', message: /"PaaS" is not a service model\. Did you mean "paas"\?/, at: { text: 'model: PaaS' } },
      { code: 'unassigned-layer', severity: 'warning', message: /"intranet" leaves 6 layers without an owner/, at: { text: 'responsibilities:', nth: 1 } },
      { code: 'schema', severity: 'error', message: /Unknown layer "endpoints"\. Did you mean "devices"\?/, at: { text: 'endpoints: customer' } },
      { code: 'unknown-team', severity: 'error', message: /"sec-ops".*Did you mean "secops"\?/, at: { text: 'team: sec-ops' } },
      { code: 'duplicate-name', severity: 'error', message: /already named "legacy-vm"/, at: { text: 'name: legacy-vm', nth: 1 } },
      { code: 'schema', severity: 'error', message: /"microsft" is not a party.*Did you mean "microsoft"\?/, at: { text: 'applications: microsft' } },
    ],
  },
  grammar: {
    file: 'paas-web-app.srm.yaml',
    pairs: [
      { token: 'physical-hosts', like: 'service' }, // a layer key vs another key
      { token: 'microsoft', like: 'Azure App Service' }, // a party vs free text
      { token: 'paas', like: 'Azure App Service' }, // a service model vs free text
    ],
  },
  hover: {
    // physical-hosts in workload payroll-web (paas): owners customer / microsoft / microsoft / microsoft.
    file: 'paas-web-app.srm.yaml',
    at: { text: 'physical-hosts:', delta: 3 },
    // \W+ spans both the markdown source ("| iaas | microsoft |", the electron runner) and the rendered table ("iaas<TAB>microsoft").
    expect: [/on-premises\W+customer/, /\biaas\W+microsoft/, /\bpaas\b[^\n]*\W+microsoft/, /\bsaas\W+microsoft/, /expects\W+microsoft/],
  },
  completion: {
    // Workload "intranet" leaves the physical layers unassigned: typing "phys" on a new key offers them.
    file: 'with-mistakes.srm.yaml',
    after: { text: 'operating-system: microsoft', nth: 1 },
    type: 'phys',
    expectLabels: ['physical-hosts', 'physical-network', 'physical-datacenter'],
    rejectLabels: [],
  },
  quickFix: {
    file: 'with-mistakes.srm.yaml',
    code: 'customer-only-duty',
    at: { text: 'information-and-data: microsoft' },
    title: /Assign information-and-data to customer/,
  },
  setting: {
    file: 'with-mistakes.srm.yaml',
    key: 'srm.rules',
    value: { 'model-mismatch': 'error' },
    code: 'model-mismatch',
    before: 'warning',
    after: 'error',
  },
  baselines: {
    edition: {
      // microsoft-2026 shares client devices under SaaS (microsoft-diagram gives them to the customer in every
      // model): devices: microsoft in the SaaS workload "teams" is a model-mismatch warning, not customer-only-duty.
      file: 'microsoft-365-2026.srm.yaml',
      edit: { at: { text: 'devices: shared', delta: 'devices: '.length }, length: 'shared'.length, replacement: 'microsoft' },
      problems: [
        {
          code: 'model-mismatch',
          severity: 'warning',
          message: /Under saas, baseline microsoft-2026 gives layer "devices" to shared, but workload "teams" assigns it to microsoft/,
          // Anchors that hold before and after the edit (the electron runner reads the edited document).
          at: { text: 'devices: ', delta: 'devices: '.length },
        },
      ],
      hover: {
        at: { text: 'devices: ', delta: 3 },
        // \W+ spans the markdown source ("Baseline: `microsoft-2026`", the electron runner) and the rendered text.
        expect: [
          /\bsaas\b[^\n]*this workload\W+shared/,
          /Under\W+saas\W+baseline\W+microsoft-2026\W+expects\W+shared/,
          /Baseline:\W+microsoft-2026\b/,
          /Under microsoft-diagram, devices is customer under SaaS\./,
          /Under microsoft-ai, there is no devices layer\./,
        ],
      },
    },
    completion: {
      // Workload "m365-copilot" (microsoft-ai, saas): its last four lines emptied, completion offers those AI layers.
      file: 'copilot-ai.srm.yaml',
      clear: { text: 'model-tuning: microsoft' },
      lines: 4,
      expectLabels: ['model-tuning', 'model-design-and-implementation', 'model-training-and-data-governance', 'ai-compute-infrastructure'],
      // Layers of microsoft-diagram and microsoft-2026 that microsoft-ai lacks.
      rejectLabels: ['operating-system', 'physical-hosts', 'information-and-data', 'devices', 'configurations-and-settings'],
    },
  },
  acrossFiles: {
    folder: 'team-demo',
    files: {
      'srm.config.yaml': 'teams:\n  - teams.srm.yaml\n',
      'teams.srm.yaml': 'apiVersion: srm/v1\nkind: TeamRegistry\nmetadata:\n  name: platform-teams\nteams:\n  - id: platform-ops\n    name: Platform Operations\n  - id: secops\n    name: Security Operations\n',
      // operating-system: customer under paas: the inlay hint "← microsoft expected" (and a model-mismatch warning).
      'billing.srm.yaml': `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: billing\n  owner: platform-ops\nworkloads:\n  - name: billing-api\n    model: paas\n    responsibilities:\n      information-and-data:\n        owner: customer\n        team: platform-ops\n      operating-system: customer\n${PAAS_REST}`,
      'search.srm.yaml': `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: search\n  owner: platform-ops\nworkloads:\n  - name: search-api\n    model: paas\n    responsibilities:\n      information-and-data:\n        owner: customer\n        team: secops\n      operating-system: microsoft\n${PAAS_REST}`,
    },
    definition: { file: 'billing.srm.yaml', at: { text: 'team: platform-ops', delta: 'team: '.length + 3 }, target: 'teams.srm.yaml', targetAt: { text: 'id: platform-ops' } },
    rename: { file: 'billing.srm.yaml', at: { text: 'owner: platform-ops', delta: 'owner: '.length + 3 }, oldName: 'platform-ops', newName: 'platform-team', changed: ['teams.srm.yaml', 'billing.srm.yaml', 'search.srm.yaml'] },
    inlayHint: { file: 'billing.srm.yaml', label: '← microsoft expected' },
    check: {
      file: 'unopened.srm.yaml',
      text: `apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: unopened\nworkloads:\n  - name: never-opened\n    model: paas\n    responsibilities:\n      information-and-data:\n        owner: customer\n        team: no-such-team\n      operating-system: microsoft\n${PAAS_REST}`,
      code: 'unknown-team',
      at: { text: 'no-such-team' },
    },
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
