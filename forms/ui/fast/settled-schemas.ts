/**
 * RJSF's retrieveSchema copies a field's whole subschema and compares the copy deeply with the
 * original on every render of every field, even when there is nothing to resolve — a fifth of the
 * workbench's first render in the profile. For a subschema with no `$ref` anywhere in it
 * and none of the keywords RJSF resolves at its top (if, allOf, dependencies, patternProperties,
 * additionalProperties other than false), that work returns the input unchanged, so this returns the
 * input at once. Document schemas reach RJSF with their references inlined
 * (forms/core/pack/inline-refs.ts), so almost every field's subschema qualifies. Everything else goes
 * through RJSF as before. test/unit/settled-schemas.test.ts checks the shortcut against RJSF on
 * every subschema of every document.
 * Imported for its effect by the document form (forms/ui/document/DocumentForm.tsx).
 */
import type { RJSFSchema } from '@rjsf/utils';
import { createSchemaUtils } from '@rjsf/utils';
import { containsRef } from '../../core/pack/contains-ref';
import { fastPathOn } from './switch';
import { kitValidator } from '../validator-adapter';

const RESOLVED_AT_TOP = ['if', 'allOf', 'dependencies', 'patternProperties'] as const;
/** Whether RJSF's retrieveSchema would hand `schema` back unchanged. */
export function isSettledSchema(schema: unknown): schema is RJSFSchema {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return false;
  const s = schema as Record<string, unknown>;
  if (RESOLVED_AT_TOP.some((k) => k in s)) return false;
  if ('additionalProperties' in s && s.additionalProperties !== false) return false;
  return !containsRef(s);
}

type Retrieve = (schema: RJSFSchema, formData?: unknown, resolveAnyOfOrOneOfRefs?: boolean) => RJSFSchema;
const proto = Object.getPrototypeOf(createSchemaUtils(kitValidator, {})) as { retrieveSchema: Retrieve; __kitSettled?: true };
// a fast path: off with the one switch (forms/ui/fast/README.md)
if (!proto.__kitSettled && fastPathOn('settled-schemas')) {
  const original = proto.retrieveSchema;
  proto.retrieveSchema = function (this: unknown, schema, formData, resolveAnyOfOrOneOfRefs) {
    if (!resolveAnyOfOrOneOfRefs && isSettledSchema(schema)) return schema;
    return original.call(this, schema, formData, resolveAnyOfOrOneOfRefs);
  };
  proto.__kitSettled = true;
}

