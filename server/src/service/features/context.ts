// What the editor features know of a document beyond its lines: the baseline it is checked against, the baselines in
// reach (for ids in metadata.baseline and extends) and whether it is a baseline document. The front door takes it
// from the current parse when there is one, else from a scan of the document's header lines (documentContext).
import { MICROSOFT_DIAGRAM, type Baseline } from '../../model';
import type { BaselineScope } from '../baselines/scope';
import { EMPTY_SCOPE, selectBaseline } from '../baselines/select';
import type { BaselineOptions, ParsedFile } from '../parse/parsedFile';
import type { Source } from './lineContext';
import type { RegistryTeam } from '../types';

export interface FeatureContext {
  baseline: Baseline;
  scope: BaselineScope;
  kind: 'assignment' | 'baseline';
  /** The teams of the registries srm.config.yaml lists: offered and explained beside the document's own. */
  teams?: readonly RegistryTeam[];
}

export const DEFAULT_CONTEXT: FeatureContext = { baseline: MICROSOFT_DIAGRAM, scope: EMPTY_SCOPE, kind: 'assignment' };

/** At most this many lines are read up and down from the cursor to find the document's header keys. */
const SCAN = 20_000;

/**
 * The context of the document holding `offset`: from `parsed` when it is the current version's parse, else from the
 * document's top-level `kind:` and `metadata.baseline` lines, resolved in the config's scope.
 */
export function documentContext(src: Source, offset: number, options: BaselineOptions | undefined, parsed?: ParsedFile): FeatureContext {
  if (parsed && parsed.text === src.text) {
    const doc = parsed.documents.find((d) => offset >= d.start && offset <= d.end);
    if (doc) return { baseline: doc.baseline, scope: parsed.scope, kind: doc.baselineDoc ? 'baseline' : 'assignment' };
  }
  const scope = options?.scope ?? EMPTY_SCOPE;
  const { lines, text } = src;
  const line = lines.lineAt(Math.max(0, Math.min(offset, text.length)));
  let first = 0;
  for (let l = line, n = 0; l > 0 && n < SCAN; l--, n++) {
    if (text.startsWith('---', lines.lineStart(l))) {
      first = l + 1;
      break;
    }
  }
  let kind: FeatureContext['kind'] = 'assignment';
  let id: string | undefined;
  let inMetadata = false;
  for (let l = first, n = 0; l < lines.lineCount && n < SCAN; l++, n++) {
    const lt = lines.lineText(l);
    if (l > first && lt.startsWith('---')) break;
    if (/^kind:\s*["']?ResponsibilityBaseline\b/.test(lt)) kind = 'baseline';
    if (/^\S/.test(lt)) inMetadata = /^metadata:\s*(#.*)?$/.test(lt);
    else if (inMetadata) {
      const m = /^\s+baseline:\s*["']?([A-Za-z0-9-]+)["']?\s*(#.*)?$/.exec(lt);
      if (m) id = m[1];
    }
    if (/^workloads:/.test(lt) && id !== undefined) break;
  }
  if (kind === 'baseline') return { baseline: MICROSOFT_DIAGRAM, scope, kind };
  const sel = selectBaseline(id === undefined ? null : { findings: [], teams: [], teamRefs: [], baseline: { id, span: { start: 0, end: 0 } } }, '', scope, options);
  return { baseline: sel.baseline, scope, kind };
}
