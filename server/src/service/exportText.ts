// The one place where text from a responsibility file becomes export text: CSV cells, Markdown inline text, HTML
// text and attributes, JSON, and links from `evidence` values. Every export (`srm matrix`, the matrix view's
// "Copy as Markdown" and "Save as HTML", `srm report`) writes user text through these functions. Pure.

// ---- CSV ----

/**
 * What makes a spreadsheet read a cell as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, a tab or a carriage
 * return first; the full-width `＝ ＋ － ＠` too, which some spreadsheet locales treat the same.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A formula starter right after a `;` or a tab: a spreadsheet that splits on those (the `;` locales) would start a
 * cell there, so such a field is quoted (a quoted field is one cell whatever the separator).
 */
const SPLIT_FORMULA = /[;\t] *[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field (RFC 4180) of `s`: quoted when it holds `"`, `,`, CR or LF; a field that would start a formula is
 * neutralised as OWASP recommends: a leading `'`, the field quoted. A parser gives back `s`, or `'` + `s` then.
 */
export function csvCell(s: string): string {
  const q = (t: string): string => `"${t.replace(/"/g, '""')}"`;
  if (CSV_FORMULA_START.test(s)) return q(`'${s}`);
  return /[",\r\n]/.test(s) || SPLIT_FORMULA.test(s) ? q(s) : s;
}

/** Rows of plain cells as a CSV text: fields by csvCell, CRLF after every row. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

// ---- Markdown ----

/** Line breaks (CommonMark's and Unicode's) and tabs: inline text stays on its line, a table row stays one row. */
const MD_BREAK = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Other C0 and C1 controls and DEL: shown as U+FFFD (they have no business in a wiki page or a terminal). */
const MD_CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
const MD_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '`': '\\`',
  '|': '\\|',
  '[': '\\[',
  ']': '\\]',
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};
/** What starts a block when it opens a line (after spaces): heading, list, quote, thematic break, setext line, fence. */
const MD_BLOCK_START = /^( *)(?:(\d{1,9})([.)])|([#\-+*=_~]))/;
/** Every character that MD_BREAK, MD_CONTROL or the escapes change (and a few more controls). */
const MD_TOUCHED = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\\`|[\]<>&]/;

/**
 * `s` as Markdown inline text (a table cell, a heading, a list item): renders as exactly `s`, never as a tag, a link,
 * code or a block. `<`, `>` and `&` become entities; `\`, backticks, `|`, `[` and `]` are backslash-escaped; line
 * breaks and tabs become spaces, other control characters U+FFFD; a leading `#`, `-`, `+`, `*`, `=`, `_`, `~` or the
 * `.`/`)` of a leading list number gets a backslash.
 */
export function mdText(s: string): string {
  // Most texts (ids, names, paths) hold nothing that the passes below change: one scan instead of four.
  if (!MD_TOUCHED.test(s) && !MD_BLOCK_START.test(s)) return s;
  const flat = s.replace(MD_BREAK, ' ').replace(MD_CONTROL, '\uFFFD');
  const escaped = flat.replace(/[\\`|[\]<>&]/g, (c) => MD_ESCAPES[c] as string);
  return escaped.replace(MD_BLOCK_START, (_all, sp: string, num: string | undefined, after: string | undefined, mark: string | undefined) =>
    num !== undefined ? `${sp}${num}\\${after ?? ''}` : `${sp}\\${mark ?? ''}`,
  );
}

/** Characters of a URL escaped in a Markdown link destination (the table's `|`, brackets, entities, code). */
const MD_URL_ESCAPE = /[\\()<>&|`[\]*_'"{}^]/g;

/**
 * A Markdown link to `url` labelled `label` (the URL itself by default) when safeLinkUrl accepts it; otherwise the
 * label as plain text: an `evidence` value never becomes a `javascript:` or `data:` link.
 */
export function mdLink(url: string, label: string = url): string {
  const safe = safeLinkUrl(url);
  if (safe === undefined) return mdText(label);
  return `[${mdText(label)}](${safe.replace(MD_URL_ESCAPE, (c) => `\\${c}`)})`;
}

// ---- HTML ----

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `s` as HTML element text or a double- or single-quoted attribute value: `& < > " '` become references. */
export function htmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Attributes that load or navigate: their value must be a link safeLinkUrl accepts. */
const URL_ATTRS: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formaction', 'poster']);

/**
 * ` name="value"` for an element's start tag, the value escaped; '' when the attribute is left out: a name that is not
 * plain lowercase (names come from the code, but a file must never be able to add one), an event handler (`on…`), or
 * a link or source whose value safeLinkUrl rejects (so an `evidence` value never becomes a `javascript:` link).
 */
export function htmlAttr(name: string, value: string): string {
  if (!/^[a-z][a-z-]*$/.test(name) || name.startsWith('on')) return '';
  const v = URL_ATTRS.has(name) ? safeLinkUrl(value) : value;
  return v === undefined ? '' : ` ${name}="${htmlText(v)}"`;
}

/** The schemes a link from a file may have: no `javascript:`, `data:`, `vbscript:`, `file:` or anything else. */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to link to for an `evidence` value, as the browser will read it (WHATWG parsing, which also drops the tabs,
 * newlines and leading controls that hide a `java\tscript:`): only absolute http, https and mailto URLs; undefined
 * for anything else, which is then shown as text, not linked.
 */
export function safeLinkUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** An HTML link to `url` labelled `label` (the URL by default) when safeLinkUrl accepts it, else the label as text. */
export function htmlLink(url: string, label: string = url): string {
  const safe = safeLinkUrl(url);
  if (safe === undefined) return htmlText(label);
  return `<a${htmlAttr('href', safe)} rel="noopener noreferrer">${htmlText(label)}</a>`;
}

// ---- JSON ----

/**
 * `value` as indented JSON whose text holds no `<`, `>`, `&`, U+2028 or U+2029 (written as `\uXXXX`): the same data
 * once parsed, and safe to paste into an HTML page or a `<script>` block.
 */
export function jsonText(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `parts.join(sep)` as parts (each part, with the separator between them), for text written piece by piece. */
export function joinedParts(parts: readonly string[], sep: string): string[] {
  const out: string[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(sep);
    out.push(p);
  });
  return out;
}
