// The bench driver's command-line options (documented in the header of run.ts) and where it works (root, bench/.cache,
// and a folder outside the repository for the files that are checked).
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const cache = path.join(root, 'bench/.cache');
/**
 * The files the servers and the CLI check live outside the repository: inside it, the checkout's srm.config.yaml
 * (which ignores /bench) would apply to them and srm would check nothing.
 */
export const work = path.join(os.tmpdir(), 'srm-bench');
export const argv = process.argv.slice(2);
const flag = (f: string) => argv.includes(f);
const opt = (f: string) => {
  const i = argv.indexOf(f);
  return i >= 0 ? argv[i + 1] : undefined;
};
export const SIZES = (opt('--sizes') ?? '100,1000,10000').split(',').map(Number);
export const QUICK = flag('--quick');
export const PEER = !flag('--no-peer');
export const ACTIVATION_ONLY = flag('--activation');
/** Fresh processes per variant in the activation measurement. */
export const ACTIVATION_ROUNDS = QUICK ? 5 : 11;
/** Above srm.maxFileSize (default 2 MB) the server checks only YAML syntax; the bench measures full checking. */
/** `--max-file-size N` measures another limit (e.g. the default, 2000000: syntax only above it); `--out F` writes there. */
export const SRM_MAX_FILE_SIZE = Number(opt('--max-file-size') ?? 100_000_000);
export const OUT = path.resolve(opt('--out') ?? path.join(root, 'bench/RESULTS.md'));
