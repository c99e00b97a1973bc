// File writes for the CLI: atomic replacement of checked files (temp file in the same directory + rename).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** About how many UTF-16 units inPieces gives at a time. */
export const PIECE = 1 << 20;

/**
 * The text of `parts` (concatenated) again, in pieces of about PIECE units: small parts are joined, big ones cut
 * (never between the two halves of a surrogate pair). Written piece by piece, a report of 100 MB costs a fraction of
 * what one string of it does: V8 need not flatten and encode it whole (measured: a 130 MB report written whole took
 * 280-600 ms, in pieces of 1 MB 170 ms).
 */
export function* inPieces(parts: Iterable<string>, size = PIECE): Generator<string> {
  let buf = '';
  for (const p of parts) {
    if (buf.length + p.length < size) {
      buf += p;
      continue;
    }
    let s = buf + p;
    buf = '';
    let at = 0;
    // Cut where more text follows, before a pair's high half rather than between its halves; the rest waits.
    while (s.length - at > size) {
      let end = at + size;
      const c = s.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
      yield s.slice(at, end);
      at = end;
    }
    buf = s.slice(at);
    s = '';
  }
  if (buf !== '') yield buf;
}

/**
 * Replaces `file`'s content with `text` (a string, or parts to write one after the other) atomically: readers see
 * the old or the new file, never half of one. Follows a symbolic link to the real file, keeps its permission bits,
 * and removes the temp file on failure.
 */
export function writeFileAtomic(file: string, text: string | Iterable<string>): void {
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
    const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    try {
      for (const piece of inPieces(typeof text === 'string' ? [text] : text)) fs.writeSync(fd, piece);
    } finally {
      fs.closeSync(fd);
    }
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
