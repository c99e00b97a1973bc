// Fixtures with a `$0` cursor marker, for the hover, completion and symbol unit tests.
import { parseFile, type ParsedFile } from '../../server/src/service';

export function at(withCursor: string): { file: ParsedFile; offset: number; text: string } {
  const offset = withCursor.indexOf('$0');
  if (offset < 0) throw new Error('fixture has no $0');
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + 2);
  return { file: parseFile(text), offset, text };
}

export const DOC = `apiVersion: srm/v1
kind: ResponsibilityAssignment
metadata:
  name: contoso
  owner: secops
teams:
  - id: secops
    name: Security Operations
    contact: secops@contoso.example
  - id: platform
workloads:
  - name: payroll-api
    model: paas
    service: Azure App Service
    responsibilities:
      information-and-data: customer
      devices: customer
      operating-system:
        owner: microsoft
        team: platform
  - name: crm
    model: saas
    responsibilities:
      information-and-data: customer
`;

/** DOC with `$0` put at the `nth` occurrence of `needle`, moved by `delta`; or with `needle` replaced by `repl`. */
export function mark(needle: string, delta = 0, doc = DOC): string {
  const i = doc.indexOf(needle);
  if (i < 0) throw new Error(`not in fixture: ${needle}`);
  return doc.slice(0, i + delta) + '$0' + doc.slice(i + delta);
}

export function replace(needle: string, repl: string, doc = DOC): string {
  if (!doc.includes(needle)) throw new Error(`not in fixture: ${needle}`);
  return doc.replace(needle, repl);
}
