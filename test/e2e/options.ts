// The e2e runner's command-line options (documented in the header of run.ts), parsed once from process.argv.
import path from 'node:path';
import { ROOT } from './code-server';
import { scenarios } from './scenarios';

export interface Options {
  vsix?: string;
  ext?: string;
  workspace: string;
  only?: Set<string>;
  negative: 'also' | 'skip' | 'only';
  inHost: boolean;
  keep: boolean;
}
function parseArgs(argv: string[]): Options {
  const o: Options = { workspace: path.join(ROOT, scenarios.workspace), negative: 'also', inHost: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--vsix') o.vsix = path.resolve(val());
    else if (a === '--ext') o.ext = path.resolve(val());
    else if (a === '--workspace') o.workspace = path.resolve(val());
    else if (a === '--only') o.only = new Set(val().split(','));
    else if (a === '--no-negative') o.negative = 'skip';
    else if (a === '--negative-only') o.negative = 'only';
    else if (a === '--no-in-host') o.inHost = false;
    else if (a === '--keep') o.keep = true;
    else usage(`unknown argument ${a}`);
  }
  return o;
}
function usage(msg: string): never {
  console.error(`run.ts: ${msg}\nsee the header of test/e2e/run.ts`);
  process.exit(2);
}

export const opt = parseArgs(process.argv.slice(2));
