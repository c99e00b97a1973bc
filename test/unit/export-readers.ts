// Independent readers of each export format (what a spreadsheet, a Markdown renderer, a browser sees) for the
// export-text tests (and the CSV of the baseline tables, unit and CLI): they know nothing of service/exportText.ts;
// and the matrix of a text as `srm matrix` builds it.
import assert from 'node:assert/strict';
import { diagnose, parseFile } from '../../server/src/service';
import { matrixFromParsed, type ResponsibilityMatrix } from '../../server/src/service/matrix/build';

/** OWASP's formula starters, restated: `= + - @`, tab, carriage return (and the full-width forms). */
export const OWASP_START = /^[=+\-@\t\r＝＋－＠]/;
/** What a cell must read back as: the text, with the neutralising `'` when it would start a formula. */
export const neutral = (s: string): string => (OWASP_START.test(s) ? `'${s}` : s);

/** A strict RFC 4180 reader: fails on a quote inside an unquoted field, text after a closing quote, a bare CR/LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const plain = /[^,\r\n"]*/y;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      let j = i + 1;
      for (;;) {
        const k = text.indexOf('"', j);
        assert.ok(k >= 0, 'an unterminated quoted field');
        cell += text.slice(j, k);
        if (text[k + 1] === '"') {
          cell += '"';
          j = k + 2;
        } else {
          i = k + 1;
          break;
        }
      }
    } else {
      plain.lastIndex = i;
      cell = plain.exec(text)![0];
      i = plain.lastIndex;
      assert.notEqual(text[i], '"', 'a quote inside an unquoted field');
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
      continue;
    }
    assert.ok(text.startsWith('\r\n', i), `a field ends at ${i} with ${JSON.stringify(text.slice(i, i + 5))}`);
    rows.push(row);
    row = [];
    i += 2;
  }
  return rows;
}

/** What mdText promises the text renders as: line breaks and tabs as spaces, other controls as U+FFFD. */
export const mdNormal = (s: string): string =>
  s.replace(/\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '\ufffd');
/** The text a CommonMark renderer shows for escaped inline text: backslash escapes and the three entities decoded. */
export const mdUnescape = (s: string): string =>
  s.replace(/\\([!-/:-@[-`{-~])|&(lt|gt|amp);/g, (_m, p: string | undefined, e: string | undefined) => p ?? ({ lt: '<', gt: '>', amp: '&' } as Record<string, string>)[e!]!);

/**
 * Markdown that holds no raw tag, code span, link or image, no control character, no line break but between lines:
 * every `\` escapes an ASCII punctuation, every `&` is one of mdText's entities, no unescaped backtick, no `<`, `>` nor unescaped `](`.
 */
export function assertSafeMarkdown(md: string): void {
  assert.doesNotMatch(md, /[<>\r\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/, 'a raw tag, code span or control character');
  for (let i = 0; i < md.length; i++) {
    const c = md[i];
    if (c === '\\') {
      assert.match(md[i + 1] ?? '', /[!-/:-@[-`{-~]/, `a bare backslash at ${i}`);
      i++;
    } else if (c === '&') {
      assert.match(md.slice(i, i + 5), /^&(lt|gt|amp);/, `a raw & at ${i}`);
    } else if (c === ']') {
      assert.notEqual(md[i + 1], '(', `link syntax at ${i}`);
    } else {
      assert.notEqual(c, '`', `a code span at ${i}`);
    }
  }
}

/** The cells of a table row, split on unescaped pipes (GFM), each trimmed. */
export function mdCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      cur += c + (line[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}

export const HTML_REFS: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** Decodes the five references htmlText writes; any other `&` is a failure (nothing else reaches the page). */
export function htmlDecode(s: string): string {
  return s.replace(/&[^;]{0,6};?/g, (r) => {
    assert.ok(r in HTML_REFS, `an unexpected reference ${JSON.stringify(r)}`);
    return HTML_REFS[r]!;
  });
}

export const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'p', 'ul', 'li', 'span', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'footer']);
export const ATTRS = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'title', 'scope', 'colspan', 'aria-label']);

export interface HtmlElement {
  tag: string;
  cls: string;
  parentCls: string;
  text: string;
}

/**
 * A strict reader of the page's HTML (the subset the export writes): a doctype, start tags with double-quoted
 * attributes, end tags, text, the style's raw text. Fails on anything else (a `<` or `>` in text, an unquoted or
 * unknown attribute, an unknown element, an unbalanced tag). Returns every element with its decoded text.
 */
export function readHtml(html: string): HtmlElement[] {
  assert.ok(html.startsWith('<!doctype html>\n'));
  const startTag = /<([a-z][a-z0-9]*)((?: [a-z][a-z-]*="[^"<>]*")*)>/y;
  const endTag = /<\/([a-z][a-z0-9]*)>/y;
  const attr = / ([a-z][a-z-]*)="([^"]*)"/g;
  const stack: HtmlElement[] = [];
  const out: HtmlElement[] = [];
  let i = '<!doctype html>'.length;
  while (i < html.length) {
    if (html[i] !== '<') {
      const j = html.indexOf('<', i);
      const raw = html.slice(i, j < 0 ? html.length : j);
      assert.doesNotMatch(raw, /[>"']/, `a raw character in text: ${JSON.stringify(raw.slice(0, 80))}`);
      const text = htmlDecode(raw);
      for (const e of stack) e.text += text;
      i += raw.length;
      continue;
    }
    endTag.lastIndex = i;
    const end = endTag.exec(html);
    if (end) {
      const open = stack.pop();
      assert.equal(open?.tag, end[1], `</${end[1]}> closes <${open?.tag}>`);
      out.push(open!);
      i = endTag.lastIndex;
      continue;
    }
    startTag.lastIndex = i;
    const start = startTag.exec(html);
    assert.ok(start, `not a tag the export writes: ${JSON.stringify(html.slice(i, i + 80))}`);
    const tag = start[1]!;
    assert.ok(TAGS.has(tag), `element <${tag}>`);
    let cls = '';
    for (const a of start[2]!.matchAll(attr)) {
      assert.ok(ATTRS.has(a[1]!), `attribute ${a[1]} on <${tag}>`);
      // No href, src or event handler is among them: nothing on the page loads, navigates or runs.
      const value = htmlDecode(a[2]!);
      if (a[1] === 'class') cls = value;
    }
    i = startTag.lastIndex;
    if (tag === 'meta') continue;
    if (tag === 'style') {
      const close = html.indexOf('</style>', i);
      assert.ok(close > 0);
      i = close + '</style>'.length;
      continue;
    }
    stack.push({ tag, cls, parentCls: stack.at(-1)?.cls ?? '', text: '' });
  }
  assert.deepEqual(stack.map((e) => e.tag), [], 'unclosed elements');
  return out;
}


/** The matrix of a file as `srm matrix` builds it (the engine's findings, suppressed ones included). */
export function cliMatrix(text: string): ResponsibilityMatrix {
  const parsed = parseFile(text);
  return matrixFromParsed(parsed, diagnose(parsed, { includeSuppressed: true }));
}
