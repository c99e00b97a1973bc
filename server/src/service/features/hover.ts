// Hovers from the cursor's line context: a layer key (what it covers, its group, owners under each model, what this
// workload's model expects), a party, a service model, a team reference, a rule id in a suppression, a field.
import { FIELDS, getLayer, isParty, isServiceModel, layerSynonym, partySynonym, serviceModelSynonym, type ObjectKind, type ServiceModel } from '../../model';
import { cursorContext, itemKeys, plainValue, shapeOf, teamIds, type CursorContext, type Source } from './lineContext';
import { layerDoc, modelDoc, partyDoc, ruleDoc } from './markdown';

export interface HoverResult {
  /** Markdown that reads well as plain text. */
  contents: string;
  /** The hovered range (file offsets). */
  start: number;
  end: number;
}

function objectKind(path: string[]): ObjectKind | undefined {
  const p = path.join('/');
  if (p === '') return 'root';
  if (p === 'metadata') return 'metadata';
  if (p === 'teams/-') return 'team';
  if (p === 'workloads/-') return 'workload';
  if (/^workloads\/-\/responsibilities\/[^/]+$/.test(p)) return 'assignment';
  return undefined;
}

function workloadModel(src: Source, ctx: CursorContext): ServiceModel | undefined {
  const item = ctx.ancestors.find((a, i) => a.kind === 'item' && ctx.ancestors[i - 1]?.key === 'workloads');
  if (!item) return undefined;
  const m = plainValue(itemKeys(src, item.line, item.col).keys.get('model')?.value);
  return isServiceModel(m) ? m : undefined;
}

/** The hover at `offset`, or undefined when there is nothing to say. Reads a few lines; never parses the file. */
export function hover(src: Source, offset: number): HoverResult | undefined {
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
    if (path.join('/') === 'workloads/-/responsibilities') {
      const layer = getLayer(key);
      if (layer) return { contents: layerDoc(layer, workloadModel(src, ctx)), start, end };
      const ids = layerSynonym(key);
      if (ids.length > 0) {
        const list = ids.map((i) => `\`${i}\``).join(', ');
        return { contents: `\`${key}\` is not a layer id of the model. It stands for ${list}: use ${ids.length > 1 ? 'those layer ids' : 'that layer id'} (the quick fix renames it).`, start, end };
      }
      return undefined;
    }
    const kind = objectKind(path);
    const f = kind ? FIELDS[kind][key] : undefined;
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
  const model = workloadModel(src, ctx);
  if (parent === 'workloads/-/responsibilities' && isParty(v)) return { contents: partyDoc(v, key, model), start, end };
  if (/^workloads\/-\/responsibilities\/[^/]+$/.test(parent)) {
    const layerId = path[path.length - 2] as string;
    if (key === 'owner' && isParty(v)) return { contents: partyDoc(v, layerId, model), start, end };
    if (key === 'team') return teamHover(src, ctx, v, start, end);
  }
  if (parent === 'workloads/-' && key === 'model' && isServiceModel(v)) return { contents: modelDoc(v), start, end };
  // A near miss ("PaaS", "ms", "on-prem"): say what it stands for.
  const isOwner = parent === 'workloads/-/responsibilities' || (/^workloads\/-\/responsibilities\/[^/]+$/.test(parent) && key === 'owner');
  const party = isOwner ? partySynonym(v) : undefined;
  const meantModel = !isOwner && parent === 'workloads/-' && key === 'model' ? serviceModelSynonym(v) : undefined;
  if (v && party) return { contents: `\`${v}\` is not a party: write \`${party}\` (the quick fix does it).\n\n${partyDoc(party)}`, start, end };
  if (v && meantModel) return { contents: `\`${v}\` is not a service model: write \`${meantModel}\` (the quick fix does it).\n\n${modelDoc(meantModel)}`, start, end };
  if (parent === 'metadata' && key === 'owner') return teamHover(src, ctx, v, start, end);
  return undefined;
}

function teamHover(src: Source, ctx: CursorContext, id: string, start: number, end: number): HoverResult | undefined {
  if (!id) return undefined;
  const t = teamIds(src, ctx.line).find((x) => x.id === id);
  if (!t) return { contents: `**${id}** (team)\n\nNo team with this id in \`teams\` (rule unknown-team).`, start, end };
  const lines = [`**${t.id}** (team${t.name ? `: ${t.name}` : ''})`];
  if (t.contact) lines.push(`Contact: ${t.contact}`);
  lines.push(`Declared in \`teams\` on line ${t.line + 1}.`);
  return { contents: lines.join('\n\n'), start, end };
}
