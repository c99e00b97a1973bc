// `srm report`: one report over many files (build.ts), as JSON, Markdown (markdown.ts) or a self-contained HTML page
// (html.ts). Pure.
import { jsonText } from '../exportText';
import type { ReportJson } from './build';

export * from './build';
export { reportToMarkdown, type ReportTextOptions } from './markdown';
export { reportToHtml, REPORT_PAGE_CSS } from './html';

/** The JSON report: the shape of build.ts (docs/cli.md); the text holds no raw `<`, `>` or `&` (jsonText). */
export function reportToJson(r: ReportJson): string {
  return `${jsonText(r)}\n`;
}
