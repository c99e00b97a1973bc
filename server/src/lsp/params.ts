// What well-formed params of each request look like: the checks behind InvalidParams (-32602).
// A handler only ever sees the fields it reads in the shape it reads them: malformed params never reach it as a TypeError.
import { MATRIX_EXPORT_REQUEST, MATRIX_REQUEST } from '../../../shared/matrix';
import { CHECK_WORKSPACE_REQUEST } from '../../../shared/protocol';

/** Methods whose params must carry a position. */
const WITH_POSITION = new Set([
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/rename',
  'textDocument/prepareRename',
]);

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPosition(v: unknown): boolean {
  return isObject(v) && typeof v.line === 'number' && typeof v.character === 'number';
}

function isRange(v: unknown): boolean {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

/** Why the params of `method` are malformed (a missing uri, a position that is not two numbers, ...), if they are. */
export function invalidParams(method: string, params: unknown): string | undefined {
  if (method === MATRIX_REQUEST || method === MATRIX_EXPORT_REQUEST) {
    return isObject(params) && typeof params.uri === 'string' ? undefined : 'uri must be a string';
  }
  if (method === CHECK_WORKSPACE_REQUEST) {
    return params === undefined || params === null || isObject(params) ? undefined : 'params must be an object (or absent)';
  }
  if (method === 'workspace/symbol') {
    return isObject(params) && typeof params.query === 'string' ? undefined : 'query must be a string';
  }
  if (method === 'workspace/diagnostic') return invalidWorkspaceDiagnosticParams(params);
  if (!method.startsWith('textDocument/')) return undefined;
  if (!isObject(params)) return 'params must be an object';
  const td = params.textDocument;
  if (!isObject(td) || typeof td.uri !== 'string') return 'textDocument.uri must be a string';
  if ('position' in params || WITH_POSITION.has(method)) {
    if (!isPosition(params.position)) return 'position must have a numeric line and character';
  }
  if (method === 'textDocument/codeAction') return invalidCodeActionParams(params);
  if (method === 'textDocument/rename' && typeof params.newName !== 'string') return 'newName must be a string';
  if (method === 'textDocument/references' && params.context !== undefined) {
    const c = params.context;
    if (!isObject(c) || (c.includeDeclaration !== undefined && typeof c.includeDeclaration !== 'boolean')) return 'context must be an object with a boolean includeDeclaration';
  }
  if (method === 'textDocument/inlayHint' && !isRange(params.range)) return 'range must have a numeric start and end';
  return undefined;
}

/** workspace/diagnostic: previousResultIds is a list of { uri, value } strings; identifier, when given, a string. */
function invalidWorkspaceDiagnosticParams(params: unknown): string | undefined {
  if (!isObject(params)) return 'params must be an object';
  const ids = params.previousResultIds;
  if (!Array.isArray(ids) || !ids.every((i) => isObject(i) && typeof i.uri === 'string' && typeof i.value === 'string')) {
    return 'previousResultIds must be a list of { uri, value } strings';
  }
  if (params.identifier !== undefined && params.identifier !== null && typeof params.identifier !== 'string') return 'identifier must be a string';
  return undefined;
}

/** A code action request: a range, and a context with the diagnostics (each with a range) and an optional `only`. */
function invalidCodeActionParams(params: Obj): string | undefined {
  if (!isRange(params.range)) return 'range must have a numeric start and end';
  const ctx = params.context;
  if (!isObject(ctx)) return 'context must be an object';
  if (!Array.isArray(ctx.diagnostics) || !ctx.diagnostics.every((d) => isObject(d) && isRange(d.range))) {
    return 'context.diagnostics must be a list of diagnostics with a range';
  }
  if (ctx.only !== undefined && ctx.only !== null && !(Array.isArray(ctx.only) && ctx.only.every((k) => typeof k === 'string'))) {
    return 'context.only must be a list of code action kinds';
  }
  return undefined;
}
