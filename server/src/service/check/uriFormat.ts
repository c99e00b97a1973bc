// The `uri` format of the schemas (evidence links): a scheme, a colon and no spaces. One definition for the
// validators compiled at run time (schemaValidation.ts createAjv) and those compiled ahead (validators/*.js,
// which require this file by name: keep its path and its export).
export const uri = { type: 'string' as const, validate: (s: string): boolean => /^[a-z][a-z0-9+.-]*:\S+$/i.test(s) };
