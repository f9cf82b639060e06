import { Validator, type Schema } from '@cfworker/json-schema';
import { containsRef } from '../pack/contains-ref';
import type { JsonSchema } from '../pack/types';
import './custom-formats';

const subschemaCache = new WeakMap<object, WeakMap<object, Validator>>();

/**
 * Whether `data` satisfies a sub-schema of `root` (RJSF asks this to pick if/then/else branches).
 * Interpreted in both modes: sub-schemas are not precompiled, and this needs no eval either.
 */
export function isValidAgainst(schema: JsonSchema, data: unknown, root: JsonSchema): boolean {
  let perRoot = subschemaCache.get(root);
  if (!perRoot) subschemaCache.set(root, (perRoot = new WeakMap()));
  let v = perRoot.get(schema);
  if (!v) {
    // the root's definitions only when there is a reference to resolve (form schemas come inlined)
    const full = structuredClone(root.definitions && containsRef(schema) ? { ...schema, definitions: root.definitions } : schema) as Schema;
    v = new Validator(full, '7', true);
    perRoot.set(schema, v);
  }
  return v.validate(data).valid;
}
