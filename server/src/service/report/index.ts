// `srm report`: one report over many files (build.ts, in the JSON shape of shape.ts), as JSON, Markdown (markdown.ts)
// or a self-contained HTML page (html.ts). Pure.
import { jsonText } from '../exportText';
import type { ReportJson } from './shape';

export * from './shape';
export * from './input';
export * from './build';
export { findingToJson, type FindingJson } from './finding';
export { reportMarkdownParts, reportToMarkdown, type ReportTextOptions } from './markdown';
export { reportHtmlParts, reportToHtml, REPORT_PAGE_CSS } from './html';

/** The JSON report: the shape of shape.ts (docs/cli.md); the text holds no raw `<`, `>` or `&` (jsonText). */
export function reportToJson(r: ReportJson): string {
  return `${jsonText(r)}\n`;
}
