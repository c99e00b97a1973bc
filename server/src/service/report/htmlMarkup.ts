// The HTML report's markup kit: elements whose text children are escaped and attributes go through htmlAttr
// (exportText.ts), the rendering of the matrix view's picture, and the tables, links and party badges of every
// section. Pure.
import { htmlAttr, htmlText, safeLinkUrl } from '../exportText';
import { partyClass, partyLetter, type ViewNode } from '../matrix/view';
import { SECTIONS } from './text';

/** Markup built here: text children are escaped, attributes go through htmlAttr. */
export class Html {
  constructor(readonly html: string) {}
}
export type Child = string | number | Html | null | undefined | false | readonly Child[];

/** htmlText, with a quick way out for the many texts that hold nothing to escape. */
const NEEDS_ESCAPE = /[&<>"']/;
export function text(s: string): string {
  return NEEDS_ESCAPE.test(s) ? htmlText(s) : s;
}

function children(c: readonly Child[]): string {
  let s = '';
  for (const x of c) {
    if (x === null || x === undefined || x === false) continue;
    if (typeof x === 'string') s += text(x);
    else if (typeof x === 'number') s += String(x);
    else if (x instanceof Html) s += x.html;
    else s += children(x as readonly Child[]);
  }
  return s;
}

/** Attribute names the code writes here that never load or navigate: their value is only escaped. */
const PLAIN_ATTRS: ReadonlySet<string> = new Set(['class', 'id', 'scope', 'title', 'style', 'role', 'aria-label', 'rel', 'colspan']);

/** ` name="value"`: htmlAttr's rules (links through safeLinkUrl), quicker for the plain attributes above. */
function attr(name: string, value: string): string {
  return PLAIN_ATTRS.has(name) ? ` ${name}="${text(value)}"` : htmlAttr(name, value);
}

/** An element. `href` may be a fragment of this page (`#id`, ids are the code's own) or a link safeLinkUrl accepts. */
export function h(tag: string, attrs: Record<string, string | undefined> | null, ...kids: Child[]): Html {
  let open = `<${tag}`;
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === undefined) continue;
      open += k === 'href' && /^#[a-z0-9-]+$/.test(v) ? ` href="${v}"` : attr(k, v);
    }
  }
  return new Html(`${open}>${children(kids)}</${tag}>`);
}

/** A node of HTML already rendered (the report's own, never the picture's): renderView writes it as it is. */
export const RAW = '#raw';

/**
 * The static rendering of a picture node, as matrix/html.ts renderHtml writes it (class first, then the attributes,
 * no data-*: test/unit/report.test.ts compares the two), with attr's quicker escaping: the report draws many cells.
 */
export function renderView(n: ViewNode | string): string {
  if (typeof n === 'string') return text(n);
  if (n.tag === RAW) return (n.children?.[0] as string | undefined) ?? '';
  let open = `<${n.tag}`;
  if (n.cls) open += attr('class', n.cls);
  if (n.attrs) for (const k in n.attrs) open += attr(k, n.attrs[k] as string);
  let inner = '';
  if (n.children) for (const c of n.children) inner += renderView(c);
  return `${open}>${inner}</${n.tag}>`;
}

/** A link to a page elsewhere (an evidence URL, a rule's documentation), or the text alone when it is no safe link. */
export function link(url: string, label: string = url, cls = 'ext'): Html | string {
  if (safeLinkUrl(url) === undefined) return label;
  return h('a', { class: cls, href: url, rel: 'noopener noreferrer' }, label);
}

export function table(head: readonly (string | Html)[], rows: readonly (readonly Child[])[], num: ReadonlySet<number> = new Set(), rowCls?: (i: number) => string | undefined): Html {
  return h(
    'table',
    { class: 'data' },
    h('thead', null, h('tr', null, head.map((x, i) => h('th', { scope: 'col', class: num.has(i) ? 'num' : undefined }, x)))),
    h('tbody', null, rows.map((r, i) => h('tr', { class: rowCls?.(i) }, r.map((c, k) => h('td', { class: num.has(k) ? 'num' : undefined }, c))))),
  );
}

/**
 * A long section's markup as its pieces in order, pushed and never concatenated (a big tree's page is a hundred
 * megabytes: concatenated, each piece would leave a node of a rope to flatten and collect). The CLI writes them in
 * pieces of a megabyte (cli/fsio.ts inPieces); joined, they are the section's HTML.
 */
export type Pieces = string[];

/** A mark never in an element's text or attributes (their `<` is escaped), put where the children go. */
export const CHILDREN = '<srm-children>';

/** The HTML before CHILDREN and after it (all of it before when it is missing). */
export function aroundChildren(html: string): [before: string, after: string] {
  const at = html.indexOf(CHILDREN);
  return at < 0 ? [html, ''] : [html.slice(0, at), html.slice(at + CHILDREN.length)];
}

/** What `h(tag, attrs, ...)` writes before its children and after them. */
export function tagsOf(tag: string, attrs: Record<string, string | undefined> | null): [open: string, close: string] {
  return aroundChildren(h(tag, attrs, new Html(CHILDREN)).html);
}

/** A section of the page (as part) as pieces: its opening and heading are in `out`, `close` gives its end. */
export function partPieces(id: string, out: Pieces): { close: () => void } {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  const [open, end] = tagsOf('section', { class: 'part', id });
  out.push(open, h('h2', null, title).html);
  return { close: () => void out.push(end) };
}

/**
 * The long tables (a team's cells, the cells with no team: tens of thousands of rows in a big tree) are written as
 * pieces: the head here, then the rows (each text through `text`, htmlText; the pieces repeated on every row are
 * escaped once), then ROWS_TABLE_END.
 */
export function rowsTableOpen(head: readonly string[]): string {
  return `<table class="data"><thead><tr>${head.map((x) => `<th scope="col">${text(x)}</th>`).join('')}</tr></thead><tbody>`;
}
export const ROWS_TABLE_END = '</tbody></table>';

export const range = (from: number, to: number): Set<number> => new Set(Array.from({ length: to - from }, (_, i) => from + i));
export const at = (file: string, line: number): Html => h('span', { class: 'mono' }, `${file}:${line}`);

/** A section of the page, with its heading (text.ts SECTIONS). */
export function part(id: string, ...kids: Child[]): Html {
  const title = SECTIONS.find((s) => s.id === id)!.title;
  return h('section', { class: 'part', id }, h('h2', null, title), ...kids);
}

export function party(owner: string | null): Html {
  return h('span', { class: `party ${partyClass(owner)}` }, h('span', { class: 'badge' }, partyLetter(owner) || '–'), owner ?? '(empty)');
}
