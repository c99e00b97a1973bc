// service-model-mismatch (spec/services.md): the workload's `service` names a catalogued service and its `model`
// is none of the models the catalogue gives it. Range: the model value; fix: set the model when the service has one.
// And the fix a missing `model` gets when the service says which.
import type { Baseline, ServiceEntry } from '../../model';
import type { WorkloadFacts } from '../check/facts';
import type { RawFinding } from '../check/findings';
import { eolOf } from '../lines';
import type { Fix } from '../types';
import { workloadLabel } from './common';
import type { Rule } from './rule';

function modelsOf(entries: readonly ServiceEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) for (const m of e.models) if (!out.includes(m)) out.push(m);
  return out;
}

function describe(entries: readonly ServiceEntry[]): string {
  return entries.map((e) => `${e.name} (${e.confidence}: ${e.source})`).join('; ');
}

export function serviceModelMismatch(w: WorkloadFacts, model: string | undefined, b: Baseline): RawFinding | undefined {
  if (w.service === undefined || !model || !w.modelSpan) return undefined;
  const entries = b.servicesNamed(w.service);
  if (entries.length === 0) return undefined;
  const models = modelsOf(entries).filter((m) => b.hasColumn(m));
  if (models.length === 0 || models.includes(model)) return undefined;
  const names = entries.map((e) => e.name);
  const clash = entries.length > 1 ? ` ("${w.service}" names ${names.length} catalogue entries: ${names.join(', ')})` : '';
  const fixes: Fix[] =
    models.length === 1
      ? [{ title: `Set model to ${models[0]} (${names[0]} runs under ${models[0]})`, edits: [{ start: w.modelSpan.start, end: w.modelSpan.end, newText: models[0] as string }], isPreferred: true, safe: true }]
      : [];
  return {
    code: 'service-model-mismatch',
    severity: 'warning',
    message:
      `${capital(workloadLabel(w))} runs on ${names[0]}, which runs under ${models.join(' or ')}, but its model is ${model}${clash}. ` +
      `Source: ${describe(entries)}.`,
    start: w.modelSpan.start,
    end: w.modelSpan.end,
    fixes,
    workload: w.name,
  };
}

/** The fix a workload without `model` gets when its catalogued service runs under one model: add `model: X`. */
export function addModelFix(w: WorkloadFacts, b: Baseline, text: string): Fix | undefined {
  if (w.model !== undefined || w.modelSpan || w.service === undefined || !w.serviceSpan) return undefined;
  const models = modelsOf(b.servicesNamed(w.service)).filter((m) => b.hasColumn(m));
  if (models.length !== 1) return undefined;
  // After the service line, at the indentation of the item's keys (the service key's column).
  const ls = text.lastIndexOf('\n', w.serviceSpan.start - 1) + 1;
  const line = text.slice(ls, w.serviceSpan.start);
  const m = /^(\s*(?:-\s+)?)service\s*:\s*$/.exec(line);
  if (!m) return undefined;
  const indent = ' '.repeat((m[1] as string).length);
  let le = text.indexOf('\n', w.serviceSpan.end);
  if (le < 0) le = text.length;
  if (le > 0 && text.charCodeAt(le - 1) === 13) le--;
  const eol = eolOf(text);
  return { title: `Add model: ${models[0]} (the service's model)`, edits: [{ start: le, end: le, newText: `${eol}${indent}model: ${models[0]}` }], isPreferred: true, safe: true };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const rule: Rule<typeof serviceModelMismatch> = {
  id: 'service-model-mismatch',
  defaultSeverity: 'warning',
  summary: 'A workload’s service is catalogued under other models than its model (Azure Virtual Machines declared paas).',
  why: 'The service decides the model: checking every layer against the wrong column hides the duties that really are the customer’s.',
  fix: 'Set model to the service’s model (the quick fix does it when the service has one), or correct service.',
  scope: 'workload',
  suppressible: true,
  check: serviceModelMismatch,
};
