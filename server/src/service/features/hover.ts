// Hovers from the cursor's line context: a layer key (what it covers, its group, owners under each model, what this
// workload's model expects), a party, a service model, a team reference, a rule id in a suppression, a field.
import { DEPENDS, FIELDS, own, type ObjectKind } from '../../model';
import { suggestLayer, suggestParty, suggestServiceModel } from '../suggest';
import { DEFAULT_CONTEXT, type FeatureContext } from './context';
import { cursorContext, itemKeys, plainValue, shapeOf, teamIds, type CursorContext, type Source } from './lineContext';
import { baselineDoc, layerDoc, modelDoc, partyDoc, ruleDoc, serviceDoc } from './markdown';

export interface HoverResult {
  /** Markdown that reads well as plain text. */
  contents: string;
  /** The hovered range (file offsets). */
  start: number;
  end: number;
}

function objectKind(path: string[], doc: FeatureContext['kind'] = 'assignment'): ObjectKind | undefined {
  const p = path.join('/');
  if (doc === 'baseline') {
    if (p === '') return 'baselineRoot';
    if (p === 'metadata') return 'baselineMetadata';
    if (p === 'provider') return 'baselineProvider';
    if (p === 'models/-') return 'baselineModel';
    if (p === 'layers/-') return 'baselineLayer';
    return undefined;
  }
  if (p === '') return 'root';
  if (p === 'metadata') return 'metadata';
  if (p === 'teams/-') return 'team';
  if (p === 'workloads/-') return 'workload';
  if (/^workloads\/-\/responsibilities\/[^/]+$/.test(p)) return 'assignment';
  return undefined;
}

function workloadModel(src: Source, ctx: CursorContext, fc: FeatureContext): string | undefined {
  const item = ctx.ancestors.find((a, i) => a.kind === 'item' && ctx.ancestors[i - 1]?.key === 'workloads');
  if (!item) return undefined;
  const m = plainValue(itemKeys(src, item.line, item.col).keys.get('model')?.value);
  return fc.baseline.hasColumn(m) ? m : undefined;
}

/** A baseline id (metadata.baseline, extends): what it is, or that nothing in reach is named so. */
function baselineIdHover(fc: FeatureContext, id: string, start: number, end: number): HoverResult | undefined {
  if (!id) return undefined;
  const r = fc.scope.resolve(id);
  if (r.ok) {
    const e = fc.scope.entry(id);
    return { contents: baselineDoc(r.baseline, e && !r.baseline.builtin ? e.source : undefined), start, end };
  }
  return { contents: `**${id}** (baseline)\n\n${r.message}`, start, end };
}

/** The hover at `offset`, or undefined when there is nothing to say. Reads a few lines; never parses the file. */
export function hover(src: Source, offset: number, fc: FeatureContext = DEFAULT_CONTEXT): HoverResult | undefined {
  const b = fc.baseline;
  const ctx = cursorContext(src, offset);
  const lt = src.text.slice(ctx.lineStart, ctx.lineEnd);
  const col = Math.max(0, Math.min(offset, src.text.length) - ctx.lineStart);
  const shape = shapeOf(lt);
  const keyEntry = shape.entries.find((e) => e.kind === 'key');

  if (ctx.position === 'comment') {
    const m = /^(\s*#\s*srm-disable(?:-next-line)?)(\s+)(.*)$/.exec(lt);
    if (!m) return undefined;
    const restAt = (m[1] as string).length + (m[2] as string).length;
    const rest = (m[3] as string).split(' -- ')[0] as string;
    const tok = /[^\s,]+/g;
    for (let t = tok.exec(rest); t; t = tok.exec(rest)) {
      const s = restAt + t.index;
      const e = s + t[0].length;
      if (col >= s && col <= e) {
        const doc = ruleDoc(t[0]);
        if (!doc) return { contents: `\`${t[0]}\` is not an srm rule id: this comment silences nothing for it.`, start: ctx.lineStart + s, end: ctx.lineStart + e };
        return { contents: doc, start: ctx.lineStart + s, end: ctx.lineStart + e };
      }
    }
    return undefined;
  }

  const path = ctx.path;
  if (ctx.position === 'key') {
    if (!keyEntry || col < keyEntry.col || col > (keyEntry.keyEnd as number)) return undefined;
    const key = keyEntry.key as string;
    const start = ctx.lineStart + keyEntry.col;
    const end = ctx.lineStart + (keyEntry.keyEnd as number);
    if (fc.kind === 'assignment' && path.join('/') === 'workloads/-/responsibilities') {
      const layer = b.layer(key);
      if (layer) return { contents: layerDoc(layer, workloadModel(src, ctx, fc), b), start, end };
      const ids = suggestLayer(key, b).filter((s) => s.how !== 'typo').map((s) => s.value);
      if (ids.length > 0) {
        const list = ids.map((i) => `\`${i}\``).join(', ');
        const of = b.id === 'microsoft-diagram' ? 'the model' : `baseline \`${b.id}\``;
        return { contents: `\`${key}\` is not a layer id of ${of}. It stands for ${list}: use ${ids.length > 1 ? 'those layer ids' : 'that layer id'} (the quick fix renames it).`, start, end };
      }
      return undefined;
    }
    if (fc.kind === 'baseline' && path.join('/') === 'layers/-/owners') {
      // A column id in a baseline's owners: the column of the base (or the document's own models).
      return { contents: `\`${key}\`: a column (model id) of the baseline; its cell is the party that owns the layer there.`, start, end };
    }
    const kind = objectKind(path, fc.kind);
    const f = kind ? own(FIELDS[kind], key) : undefined;
    if (!f) return undefined;
    return { contents: `**${key}** (${f.required ? 'required' : 'optional'})\n\n${f.doc}`, start, end };
  }

  // Value position: the key is the last ancestor.
  if (!keyEntry || keyEntry.valueStart === undefined) return undefined;
  const raw = keyEntry.value ?? '';
  const start = ctx.lineStart + keyEntry.valueStart;
  const end = start + raw.length;
  if (col < keyEntry.valueStart || col > keyEntry.valueStart + raw.length) return undefined;
  const v = plainValue(raw);
  const key = ctx.key ?? '';
  const parent = path.slice(0, -1).join('/');
  if ((parent === 'metadata' && key === 'baseline' && fc.kind === 'assignment') || (parent === '' && key === 'extends' && fc.kind === 'baseline')) {
    return baselineIdHover(fc, v, start, end);
  }
  if (fc.kind === 'baseline') {
    if (parent === 'layers/-/owners' && (v === DEPENDS || ['customer', 'shared'].includes(v) || /^[a-z0-9-]+$/.test(v))) {
      return { contents: partyDoc(v, undefined, undefined, b), start, end };
    }
    return undefined;
  }
  const model = workloadModel(src, ctx, fc);
  if (parent === 'workloads/-/responsibilities' && b.isParty(v)) return { contents: partyDoc(v, key, model, b), start, end };
  if (/^workloads\/-\/responsibilities\/[^/]+$/.test(parent)) {
    const layerId = path[path.length - 2] as string;
    if (key === 'owner' && b.isParty(v)) return { contents: partyDoc(v, layerId, model, b), start, end };
    if (key === 'team') return teamHover(src, ctx, v, start, end, fc);
  }
  if (parent === 'workloads/-' && key === 'model' && b.hasColumn(v)) return { contents: modelDoc(v, b), start, end };
  if (parent === 'workloads/-' && key === 'service' && v) {
    const entries = b.servicesNamed(v);
    if (entries.length > 0) return { contents: entries.map((e) => serviceDoc(e, b)).join('\n\n---\n\n'), start, end };
    return { contents: `\`${v.length > 80 ? `${v.slice(0, 79)}…` : v}\` is not in the service catalogue of \`${b.id}\`: free text, not checked against the model.`, start, end };
  }
  // A near miss ("PaaS", "ms", "on-prem"): say what it stands for.
  const isOwner = parent === 'workloads/-/responsibilities' || (/^workloads\/-\/responsibilities\/[^/]+$/.test(parent) && key === 'owner');
  const partyS = isOwner && v ? suggestParty(v, b).find((s) => s.how !== 'typo') : undefined;
  const party = partyS?.value;
  const modelS = !isOwner && v && parent === 'workloads/-' && key === 'model' ? suggestServiceModel(v, b).find((s) => s.how !== 'typo') : undefined;
  const meantModel = modelS?.value;
  if (v && party) return { contents: `\`${v}\` is not a party: write \`${party}\` (the quick fix does it).\n\n${partyDoc(party, undefined, undefined, b)}`, start, end };
  if (v && meantModel) return { contents: `\`${v}\` is not a service model: write \`${meantModel}\` (the quick fix does it).\n\n${modelDoc(meantModel, b)}`, start, end };
  if (parent === 'metadata' && key === 'owner') return teamHover(src, ctx, v, start, end, fc);
  return undefined;
}

function teamHover(src: Source, ctx: CursorContext, id: string, start: number, end: number, fc: FeatureContext): HoverResult | undefined {
  if (!id) return undefined;
  const t = teamIds(src, ctx.line).find((x) => x.id === id);
  const r = t ? undefined : fc.teams?.find((x) => x.id === id);
  if (r) {
    const lines = [`**${r.id}** (team${r.name ? `: ${r.name}` : ''})`];
    if (r.contact) lines.push(`Contact: ${r.contact}`);
    lines.push(`Defined in the registry \`${r.registry}\` (${r.source}).`);
    return { contents: lines.join('\n\n'), start, end };
  }
  if (!t) {
    const where = fc.teams && fc.teams.length > 0 ? '`teams` or the registries srm.config.yaml lists' : '`teams`';
    return { contents: `**${id}** (team)\n\nNo team with this id in ${where} (rule unknown-team).`, start, end };
  }
  const lines = [`**${t.id}** (team${t.name ? `: ${t.name}` : ''})`];
  if (t.contact) lines.push(`Contact: ${t.contact}`);
  lines.push(`Declared in \`teams\` on line ${t.line + 1}.`);
  return { contents: lines.join('\n\n'), start, end };
}
