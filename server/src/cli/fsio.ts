// File writes for the CLI: atomic replacement of checked files (temp file in the same directory + rename).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces `file`'s content with `text` atomically: readers see the old or the new file, never half of one.
 * Follows a symbolic link to the real file, keeps its permission bits, and removes the temp file on failure.
 */
export function writeFileAtomic(file: string, text: string): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // A new file: write where asked.
  }
  let mode: number | undefined;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // A new file: default mode (umask applies).
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.srm-tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode: mode ?? 0o666, flag: 'wx' });
    // The umask may have narrowed the mode on creation: restore the original bits exactly.
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // Already gone.
    }
    throw e;
  }
}
