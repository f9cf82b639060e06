/**
 * Draft-07 meta-schema check, eval-free (@cfworker/json-schema interprets; ajv would compile code,
 * which MV3 pages forbid), so the same check runs in the editor, on import and in the CLI.
 */
import { Validator, type Schema } from '@cfworker/json-schema';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { at, type PackProblem } from './problem';

let validator: Validator | null = null;

export function checkMetaSchema(schema: unknown, file: string, pointer = ''): PackProblem[] {
  validator ??= new Validator(draft07 as unknown as Schema, '7', false);
  const r = validator.validate(schema);
  if (r.valid) return [];
  const out: PackProblem[] = [];
  const seen = new Set<string>();
  for (const e of r.errors) {
    // the wrapping allOf/properties errors repeat their children; keep the innermost per location
    if (e.keyword === 'properties' || e.keyword === 'allOf' || e.keyword === 'anyOf' || e.keyword === '$ref') continue;
    const where = at(file, pointer + e.instanceLocation.replace(/^#/, ''));
    if (seen.has(where)) continue;
    seen.add(where);
    out.push({ where, zh: `不符合 JSON Schema draft-07：${e.error}`, en: `not valid JSON Schema draft-07: ${e.error}` });
  }
  if (!out.length) out.push({ where: at(file, pointer), zh: '不符合 JSON Schema draft-07', en: 'not valid JSON Schema draft-07' });
  return out;
}
