// The floor every YAML tool pays: a bare `yaml` parse of the whole file plus JSON Schema validation of its value
// with ajv (strict), compiled once from the project's generated schema.
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { EDITOR_KEYWORDS } from '../server/src/model';

export interface Floor {
  validate: ValidateFunction;
}

/** Compiles the schema once (strict mode; the schema's editor-only keywords are declared as a vocabulary). */
export function makeFloor(schema: Record<string, unknown>): Floor {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(s) });
  return { validate: ajv.compile(schema) };
}

/** One floor check: parse, to a plain value, validate. Returns the error count (so nothing is optimised away). */
export function floorCheck(floor: Floor, text: string): number {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const value = doc.toJS({ maxAliasCount: 100 });
  const ok = floor.validate(value);
  return doc.errors.length + (ok ? 0 : (floor.validate.errors?.length ?? 0));
}
