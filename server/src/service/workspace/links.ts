// What is a link in a file: the `evidence` URLs of a responsibility file's assignments, and the globs that
// srm.config.yaml lists under `teams:` and `baselines:` (the front door resolves them to the files they match).
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { plainValue, shapeOf, type Source } from '../features/lineContext';
import { unquoted } from './facts';

export interface UrlLink {
  start: number;
  end: number;
  url: string;
}

const URL = /^https?:\/\/[^\s"'<>]+$/i;

/** `evidence: <url>` values (the long form of an assignment), from a scan of the lines that name evidence. */
export function evidenceLinks(src: Source): UrlLink[] {
  const { text, lines } = src;
  const out: UrlLink[] = [];
  for (let at = text.indexOf('evidence', 0); at >= 0; at = text.indexOf('evidence', at + 8)) {
    const line = lines.lineAt(at);
    const ls = lines.lineStart(line);
    const lt = text.slice(ls, lines.lineEnd(line));
    const k = shapeOf(lt).entries.find((e) => e.kind === 'key');
    if (!k || k.key !== 'evidence' || k.valueStart === undefined || !k.value) continue;
    const url = plainValue(k.value);
    if (!URL.test(url)) continue;
    const r = unquoted(text, ls + k.valueStart, ls + k.valueStart + k.value.length);
    out.push({ ...r, url });
    // Skip the rest of this line.
    at = Math.max(at, lines.lineEnd(line) - 8);
  }
  return out;
}

export interface ConfigPathSite {
  key: 'teams' | 'baselines';
  glob: string;
  /** The glob's offsets in the config text (inside quotes). */
  start: number;
  end: number;
}

/** The globs srm.config.yaml lists under `teams:` and `baselines:`, with their places. Never throws. */
export function configPathSites(text: string): ConfigPathSite[] {
  const out: ConfigPathSite[] = [];
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    const root = doc.contents;
    if (!isMap(root)) return out;
    for (const p of root.items) {
      const key = isScalar(p.key) ? String(p.key.value) : '';
      if ((key !== 'teams' && key !== 'baselines') || !isSeq(p.value)) continue;
      for (const it of p.value.items) {
        if (!isScalar(it) || typeof it.value !== 'string' || !it.range) continue;
        out.push({ key, glob: it.value, ...unquoted(text, it.range[0], it.range[1]) });
      }
    }
  } catch {
    // Not YAML: no links.
  }
  return out;
}
