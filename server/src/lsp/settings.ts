// `srm.*` settings as the client sends them, parsed into SrmSettings by a function that never throws: anything
// malformed falls back to the default for that one setting.
import { DEFAULT_SETTINGS, type SettingSeverity, type SrmSettings } from '../../../shared/protocol';

const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);
const TRACE = new Set<string>(['off', 'messages', 'verbose']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses the `srm` section of the client's configuration. Never throws. */
export function parseSettings(raw: unknown): SrmSettings {
  const out: SrmSettings = {
    rules: {},
    files: [...DEFAULT_SETTINGS.files],
    maxFileSize: DEFAULT_SETTINGS.maxFileSize,
    requireSuppressionReason: DEFAULT_SETTINGS.requireSuppressionReason,
    inlineSuppressions: DEFAULT_SETTINGS.inlineSuppressions,
    trace: { server: DEFAULT_SETTINGS.trace.server },
    inlayHints: { expectedOwner: DEFAULT_SETTINGS.inlayHints.expectedOwner },
  };
  try {
    if (!isObject(raw)) return out;
    if (isObject(raw.rules)) {
      for (const [id, sev] of Object.entries(raw.rules)) {
        if (typeof sev === 'string' && SEVERITIES.has(sev)) out.rules[id] = sev as SettingSeverity;
      }
    }
    if (Array.isArray(raw.files)) {
      const files = raw.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '');
      // The defaults always count: `srm.files` adds globs, it cannot remove *.srm.yaml.
      out.files = [...new Set([...DEFAULT_SETTINGS.files, ...files])];
    }
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) {
      out.maxFileSize = Math.floor(raw.maxFileSize);
    }
    if (typeof raw.requireSuppressionReason === 'boolean') out.requireSuppressionReason = raw.requireSuppressionReason;
    if (typeof raw.inlineSuppressions === 'boolean') out.inlineSuppressions = raw.inlineSuppressions;
    const trace = isObject(raw.trace) ? raw.trace.server : undefined;
    if (typeof trace === 'string' && TRACE.has(trace)) out.trace.server = trace as SrmSettings['trace']['server'];
    const hints = isObject(raw.inlayHints) ? raw.inlayHints.expectedOwner : undefined;
    if (typeof hints === 'boolean') out.inlayHints.expectedOwner = hints;
  } catch {
    // A getter that throws, a proxy: keep what was parsed so far.
  }
  return out;
}
