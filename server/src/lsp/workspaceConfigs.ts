// The configs as the workspace index sees them: which srm.config.yaml ignores a path, which configs govern the
// indexed files, and which of them read a given file (list it under teams:/baselines:, or may match it by a glob).
import * as path from 'node:path';
import { ConfigResolver, configSelection, type LoadedConfig } from '../node/config';
import type { DocumentSettings } from './documentSettings';
import type { Entry } from './workspaceFile';

export class IndexConfigs {
  private resolver = new ConfigResolver();

  constructor(private readonly settings: DocumentSettings) {}

  /** Configs are read afresh (every full run: a config may have changed). */
  reset(): void {
    this.resolver = new ConfigResolver();
  }

  /** Whether a config ignores `p` (a folder or a file). */
  ignored(p: string): boolean {
    try {
      return configSelection(this.resolver.forFile(path.join(p, '_')), p) === 'ignored';
    } catch {
      return false;
    }
  }

  /** The configs that govern these entries (`inFolders`: only entries under a workspace folder), by path. */
  known(entries: Iterable<Entry>, inFolders = false): Map<string, LoadedConfig> {
    const out = new Map<string, LoadedConfig>();
    for (const e of entries) {
      if (e.configPath === undefined || out.has(e.configPath) || (inFolders && e.folder === undefined)) continue;
      try {
        const cfg = this.resolver.forFile(e.configPath);
        if (cfg) out.set(cfg.path, cfg);
      } catch {
        // unreadable: nothing it lists
      }
    }
    return out;
  }

  /** The configs (paths) that read `fp`: list it under teams:/baselines:, or (`createdOrDeleted`) may match it by a glob. */
  reading(configs: ReadonlyMap<string, LoadedConfig>, fp: string, createdOrDeleted: boolean): string[] {
    const out: string[] = [];
    for (const [p, cfg] of configs) {
      const listed = this.settings.dependencyFiles(cfg).includes(fp);
      const mayMatch = createdOrDeleted && /\.ya?ml$/i.test(fp) && fp.startsWith(cfg.dir + path.sep) && ((cfg.config.teams?.length ?? 0) > 0 || (cfg.config.baselines?.length ?? 0) > 0);
      if (listed || mayMatch) out.push(p);
    }
    return out;
  }
}
