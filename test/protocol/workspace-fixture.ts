// The temporary workspace the workspace protocol tests share (a srm.config.yaml with `teams:` and `baselines:`, a
// registry, a baseline file, several responsibility files, and files that must not be indexed), and their helpers.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResponseError, Diagnostic, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { tempTree } from '../temp-tree';
import { startHarness, type Harness } from './harness';

export type WsReport = { kind: 'full' | 'unchanged'; uri: string; resultId: string; items?: Diagnostic[] };

export const CONFIG = 'teams:\n  - "teams/*.teams.yaml"\nbaselines:\n  - "baselines/*.yaml"\nignore:\n  - ignored\n';
export const REGISTRY = `apiVersion: srm/v1
kind: TeamRegistry
metadata:
  name: platform-teams
teams:
  - id: platform-ops
    name: Platform Operations
  - id: secops
    name: Security Operations
`;
export const BASELINE = `apiVersion: srm/v1
kind: ResponsibilityBaseline
metadata:
  name: contoso-contract
extends: microsoft-2026
layers: []
`;
/** The layers after information-and-data of a saas workload, as the model gives them. */
const SAAS_REST = `      devices: customer
      accounts-and-identities: customer
      identity-and-directory-infrastructure: shared
      applications: microsoft
      network-controls: microsoft
      operating-system: microsoft
      physical-hosts: microsoft
      physical-network: microsoft
      physical-datacenter: microsoft
`;
export const BILLING = `apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: billing
  owner: platform-ops
  baseline: contoso-contract
workloads:
  - name: billing-api
    model: paas
    responsibilities:
      information-and-data:
        owner: customer
        team: platform-ops
        evidence: https://contoso.example/wiki/billing-data
      devices: customer
      accounts-and-identities: customer
      configurations-and-settings: customer
      applications: shared
      network-controls: shared
      operating-system: customer
      physical-hosts: microsoft
      physical-network: microsoft
      physical-datacenter: microsoft
`;
export const SEARCH = `apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: search
  owner: platform-ops
workloads:
  - name: search-index
    model: saas
    responsibilities:
      information-and-data:
        owner: customer
        team: secops
${SAAS_REST}`;
/** A file with its own team, named nowhere else. */
export const LOCAL = `apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: local
  owner: local-team
teams:
  - id: local-team
workloads:
  - name: local-app
    model: saas
    responsibilities:
      information-and-data:
        owner: customer
        team: local-team
${SAAS_REST}`;
/** Never opened: its finding must reach the client from the index. */
export const UNOPENED_BAD = `apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: stray
workloads:
  - name: stray-app
    model: saas
    responsibilities:
      information-and-data:
        owner: customer
        team: nobody-here
${SAAS_REST}`;

export function makeWorkspace(): string {
  return tempTree('srm-ws-', {
    'srm.config.yaml': CONFIG,
    'teams/platform.teams.yaml': REGISTRY,
    'baselines/contract.yaml': BASELINE,
    'apps/billing.srm.yaml': BILLING,
    'apps/search.srm.yaml': SEARCH,
    'apps/local.srm.yaml': LOCAL,
    'unopened-bad.srm.yaml': UNOPENED_BAD,
    // Not indexed: node_modules, an ignored folder, a YAML file that is not a responsibility file.
    'node_modules/pkg/x.srm.yaml': UNOPENED_BAD.replace('stray-app', 'in-node-modules'),
    'ignored/y.srm.yaml': UNOPENED_BAD.replace('stray-app', 'in-ignored'),
    'notes.yaml': 'name: notes\nworkloads: 3\n',
    // Indexed by content: apiVersion: srm/v1 in a plain .yaml file.
    'plain.yaml': UNOPENED_BAD.replace('stray-app', 'plain-by-content').replace('nobody-here', 'secops'),
  });
}

export const uriOf = (root: string, rel: string) => pathToFileURL(path.join(root, rel)).href;

export async function workspaceDiagnostics(h: Harness, previous: Array<{ uri: string; value: string }> = []): Promise<WsReport[]> {
  const r = (await h.rpc.sendRequest('workspace/diagnostic', { previousResultIds: previous })) as { items: WsReport[] };
  return r.items;
}

export async function symbols(h: Harness, query: string): Promise<SymbolInformation[]> {
  return (await h.rpc.sendRequest('workspace/symbol', { query })) as SymbolInformation[];
}

/** Waits for the index: a workspace symbol query for a name that only the file `rel` has. */
export async function indexed(h: Harness, name: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await symbols(h, name)).some((s) => s.name === name)) {
    if (Date.now() > end) throw new Error(`${name} never indexed`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function rejection(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (e) {
    // A JSON-RPC error answer (vscode-jsonrpc's own ResponseError class).
    assert.ok(typeof (e as ResponseError<unknown>).code === 'number', String(e));
    return e as ResponseError<unknown>;
  }
  assert.fail('expected the request to be refused');
}

export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const [u, es] of Object.entries(edit.changes ?? {})) out.set(u, es);
  for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc) out.set(dc.textDocument.uri, dc.edits as TextEdit[]);
  return out;
}

/** Applies edits to a text (positions of that text). */
export function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)).reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

/** A pull client on a fresh copy of the workspace that can register watchers and takes versioned edits. */
export async function startOnWorkspace(serverRequests?: Array<{ method: string; params: unknown }>): Promise<{ root: string; h: Harness }> {
  const root = makeWorkspace();
  const h = await startHarness({
    pull: true,
    folders: [root],
    ...(serverRequests ? { serverRequests } : {}),
    caps: (c) => ({ ...c, workspace: { ...c.workspace, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } } }),
  });
  await workspaceDiagnostics(h); // answered once the index is complete
  return { root, h };
}
