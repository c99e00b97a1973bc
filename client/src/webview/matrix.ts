// The matrix webview's script (bundled by esbuild to dist/matrix-webview.js, browser, iife): draws the matrix the
// extension posts (the server's data, never a second parser here) and posts back clicks and export requests.
// The picture comes drawn by the server (server/src/service/matrixView.ts, the same one the HTML export renders):
// this builds DOM from it with elements, attributes and text nodes only (no innerHTML), under a strict CSP, and adds
// the clicks and the stale view of a document that has a syntax error.
import type { FromWebview, MatrixResult, MatrixViewNode, ToWebview } from '../../../shared/matrix';
import './matrix.css';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

let version = 0;

function reveal(start: number, end: number): void {
  vscode.postMessage({ type: 'reveal', start, end, version });
}

/** Makes `e` act like a link to [start, end): click, Enter or Space reveals it in the editor. */
function clickable(e: HTMLElement, start: number, end: number): void {
  e.tabIndex = 0;
  e.dataset.start = String(start);
  e.dataset.end = String(end);
  e.classList.add('clickable');
  e.addEventListener('click', () => reveal(start, end));
  e.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      reveal(start, end);
    }
  });
}

/** DOM for a node of the server's picture: elements, attributes and text nodes only (never HTML), plus clicks. */
function toDom(n: MatrixViewNode | string): Node {
  if (typeof n === 'string') return document.createTextNode(n);
  const e = document.createElement(n.tag);
  if (n.cls) e.className = n.cls;
  for (const [k, v] of Object.entries(n.attrs ?? {})) e.setAttribute(k, v);
  for (const [k, v] of Object.entries(n.data ?? {})) e.dataset[k] = v;
  if (n.reveal) {
    clickable(e, n.reveal.start, n.reveal.end);
    if (n.tag === 'td') e.title = `${e.title}\nClick to show it in the editor`;
  }
  for (const c of n.children ?? []) e.append(toDom(c));
  return e;
}

/** A document's last good picture, marked stale (the document has a syntax error now): a notice under its title. */
function staleView(prev: MatrixViewNode): MatrixViewNode {
  const [title, ...rest] = prev.children ?? [];
  const notice: MatrixViewNode = { tag: 'p', cls: 'notice stale', children: ['YAML syntax error: showing the last version that could be read.'] };
  return { ...prev, children: title === undefined ? [notice] : [title, notice, ...rest] };
}

/** The last readable picture of each document, shown (marked stale) while the document has a syntax error. */
const lastGood = new Map<number, MatrixViewNode>();
let currentUri = '';

function render(result: MatrixResult, fileName: string): void {
  if (result.uri !== currentUri) {
    lastGood.clear();
    currentUri = result.uri;
    setStatus('');
  }
  version = result.version;
  // Kept by VS Code across a window reload: the extension reopens the view on this file.
  vscode.setState({ uri: result.uri });
  const root = document.getElementById('matrix')!;
  document.getElementById('file')!.textContent = fileName;
  document.getElementById('legend')!.replaceChildren(toDom(result.view.legend));
  const sections: Node[] = [];
  result.matrix.documents.forEach((d, i) => {
    const view = result.view.documents[i];
    if (!view) return;
    const prev = lastGood.get(d.index);
    if (d.syntaxError && d.workloads.length === 0 && prev) sections.push(toDom(staleView(prev)));
    else {
      if (!d.syntaxError) lastGood.set(d.index, view);
      sections.push(toDom(view));
    }
  });
  if (sections.length === 0) sections.push(el('p', 'notice', 'The file has no YAML documents yet.'));
  root.replaceChildren(...sections);
  document.body.dataset.version = String(result.version);
  const violations = root.querySelectorAll('.cell.violation').length;
  const gaps = root.querySelectorAll('.cell.gap').length;
  document.getElementById('summary')!.textContent = `${violations} cell${violations === 1 ? '' : 's'} breaking a rule · ${gaps} gap${gaps === 1 ? '' : 's'}`;
}

function setStatus(text: string): void {
  const s = document.getElementById('status')!;
  s.textContent = text;
}

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const m = ev.data;
  if (m.type === 'matrix') render(m.result, m.fileName);
  else if (m.type === 'unavailable') {
    document.getElementById('file')!.textContent = m.fileName;
    document.getElementById('matrix')!.replaceChildren(el('p', 'notice', m.reason));
  } else if (m.type === 'status') setStatus(m.text);
});

document.getElementById('copy-md')!.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
document.getElementById('save-html')!.addEventListener('click', () => vscode.postMessage({ type: 'saveHtml' }));
vscode.postMessage({ type: 'ready' });
