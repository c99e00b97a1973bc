// Decides whether a file is a responsibility file: by name (*.srm.yaml/*.srm.yml) or by content (apiVersion: srm/v1).

const SRM_NAME = /\.srm\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const API_LINE = /^apiVersion[ \t]*:[ \t]*(["']?)srm\/v1\1[ \t]*(#.*)?$/;

/** True for `*.srm.yaml`/`*.srm.yml`, and for any YAML file whose first document has `apiVersion: srm/v1`. */
export function isResponsibilityFile(fileName: string, text: string): boolean {
  if (SRM_NAME.test(fileName)) return true;
  if (!YAML_NAME.test(fileName) && fileName !== '') return false;
  return declaresSrm(text);
}

/** Looks for a top-level `apiVersion: srm/v1` line in the first YAML document (a cheap line scan, no parse). */
export function declaresSrm(text: string): boolean {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let seenContent = false;
  // Bounded: the header sits in the first lines; do not scan a whole 5 MB file.
  for (let n = 0; n < 10000 && pos <= text.length; n++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).replace(/\r$/, '');
    pos = eol + 1;
    if (line.startsWith('---')) {
      if (seenContent) return false;
      continue;
    }
    if (line.startsWith('...')) {
      if (seenContent) return false;
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#') || line.startsWith('%')) continue;
    seenContent = true;
    if (API_LINE.test(line)) return true;
    if (eol >= text.length) break;
  }
  return false;
}
