import { containsRef } from './contains-ref';
import type { JsonSchema } from './types';

const cache = new WeakMap<JsonSchema, JsonSchema>();

/**
 * The schema with every `#/definitions/…` reference replaced by the definition it names, siblings
 * of the `$ref` (a field's own title, format…) laid over it as RJSF does when it resolves one.
 * For the form renderer only: RJSF resolved each reference again on every render of every field,
 * a fifth of the document's first render. A reference inside its own definition (a cycle)
 * is left as it is, with `definitions` kept for it. Validators use the schema as written.
 */
export function inlineRefs(schema: JsonSchema): JsonSchema {
  const hit = cache.get(schema);
  if (hit) return hit;
  const defs = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const walk = (node: unknown, open: ReadonlySet<string>): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, open));
    if (!node || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
      const name = ref.slice('#/definitions/'.length);
      const def = defs[name];
      if (def && !open.has(name)) {
        const { $ref: _ref, ...siblings } = obj;
        const inner = walk(def, new Set(open).add(name)) as Record<string, unknown>;
        return { ...inner, ...walkEntries(siblings, open) };
      }
    }
    return walkEntries(obj, open);
  };
  const walkEntries = (obj: Record<string, unknown>, open: ReadonlySet<string>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = k === 'definitions' ? v : walk(v, open);
    return out;
  };
  const out = walk(schema, new Set()) as JsonSchema;
  // nothing refers to the definitions any more (no cycle): leave them out, so what walks the schema
  // (RJSF, the interpreter's conditions) does not carry them along
  const { definitions, ...rest } = out as Record<string, unknown>;
  const result = (definitions === undefined || containsRef(rest) ? out : rest) as JsonSchema;
  cache.set(schema, result);
  return result;
}
