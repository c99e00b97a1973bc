// "Did you mean": near misses by edit distance, case, separators and the source article's synonyms.
import { MICROSOFT_DIAGRAM, layerSynonym, normalizeTerm, partySynonym, serviceModelSynonym, type Baseline } from '../model';

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

export interface Suggestion {
  value: string;
  /** Why: 'case' (only case/separators differ), 'synonym' (the article's word), 'typo' (edit distance). */
  how: 'case' | 'synonym' | 'typo';
}

function normalized(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Closest candidates to `word` by spelling (case first, then edit distance ≤ max(1, len/4) up to 3). */
export function closest(word: string, candidates: readonly string[]): Suggestion[] {
  if (word.length > 200) return [];
  const n = normalized(word);
  const exact = candidates.filter((c) => normalized(c) === n || c.replace(/-/g, '') === n.replace(/-/g, ''));
  if (exact.length > 0) return exact.map((value) => ({ value, how: 'case' as const }));
  const max = Math.min(3, Math.max(1, Math.floor(n.length / 4)));
  let best = max + 1;
  let out: string[] = [];
  for (const c of candidates) {
    const d = editDistance(n, c, max);
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best && d <= max) out.push(c);
  }
  if (best > max) {
    // A prefix the user is still typing (`operating` -> `operating-system`).
    const pre = n.length >= 4 ? candidates.filter((c) => c.startsWith(n)) : [];
    return pre.length === 1 ? [{ value: pre[0] as string, how: 'typo' }] : [];
  }
  return out.map((value) => ({ value, how: 'typo' as const }));
}

/** The layers of `b` a word stands for: a layer's aliases (another baseline's ids), else the article's synonyms. */
function layerSynonymIn(word: string, b: Baseline): string[] {
  const n = normalizeTerm(word);
  if (b.layer(n)) return [n];
  const byAlias = b.layers.filter((l) => l.aliases?.includes(n)).map((l) => l.id);
  if (byAlias.length > 0) return byAlias;
  return layerSynonym(word).filter((id) => b.layer(id) !== undefined);
}

export function suggestLayer(word: string, b: Baseline = MICROSOFT_DIAGRAM): Suggestion[] {
  const syn = layerSynonymIn(word, b);
  if (syn.length > 0) {
    const how = syn.length === 1 && normalized(word) === syn[0] ? 'case' : 'synonym';
    return syn.map((value) => ({ value, how }));
  }
  return closest(word, b.layerIds);
}

export function suggestParty(word: string, b: Baseline = MICROSOFT_DIAGRAM): Suggestion[] {
  const syn = partySynonym(word);
  // The synonyms name microsoft as the provider: under another provider they mean that one.
  const mapped = syn === 'microsoft' ? b.provider.id : syn;
  if (mapped && b.isParty(mapped)) return [{ value: mapped, how: normalized(word) === mapped ? 'case' : 'synonym' }];
  return closest(word, b.parties);
}

export function suggestServiceModel(word: string, b: Baseline = MICROSOFT_DIAGRAM): Suggestion[] {
  const syn = serviceModelSynonym(word);
  if (syn && b.hasColumn(syn)) return [{ value: syn, how: normalized(word) === syn ? 'case' : 'synonym' }];
  return closest(word, b.columnIds);
}

/** " Did you mean `a`?" / " Did you mean `a` or `b`?" or "". */
export function didYouMean(s: readonly Suggestion[]): string {
  if (s.length === 0) return '';
  const names = s.map((x) => `"${x.value}"`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return ` Did you mean ${list}?`;
}
