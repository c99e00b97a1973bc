// Trees of files for the tests: `writeTree` writes files (relative path -> text or bytes) under a folder, making the
// folders they need; `tempTree` does so in a fresh temporary folder (mkdtemp) and returns its real path, which the
// caller removes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Modes for the folders and files written (subject to the umask, as mkdir and writeFile are). */
export interface TreeModes {
  dir?: number;
  file?: number;
}

export function writeTree(root: string, files: Readonly<Record<string, string | Uint8Array>>, modes: TreeModes = {}): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true, ...(modes.dir !== undefined ? { mode: modes.dir } : {}) });
    fs.writeFileSync(full, text, modes.file !== undefined ? { mode: modes.file } : undefined);
  }
}

/** A fresh temporary folder named `prefix` + random characters, holding `files`; its real path. */
export function tempTree(prefix: string, files: Readonly<Record<string, string | Uint8Array>> = {}, modes: TreeModes = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  writeTree(dir, files, modes);
  return dir;
}
