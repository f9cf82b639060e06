/**
 * The fields of a document schema as a flat list a person can read: data pointer (`/a/b`, `/rows/*∕c`
 * for array items), title, and the keywords that change what is accepted. Used by the diff and by the
 * migration notes; `$ref`s are followed into the document's own or the pack's shared definitions.
 */
import type { JsonSchema } from '../pack/types';

export interface FieldSummary {
  pointer: string;
  title: string;
  required: boolean;
  /** only if/then branch fields carry a condition */
  conditional: boolean;
  /** the keywords that decide validity, for comparison */
  rules: Record<string, unknown>;
}

const VALIDATION_KEYS = ['type', 'format', 'pattern', 'enum', 'const', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', '$ref'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function schemaFields(schema: JsonSchema, shared: Record<string, JsonSchema> = {}): FieldSummary[] {
  const own = isObj(schema.definitions) ? (schema.definitions as Record<string, JsonSchema>) : {};
  const deref = (node: Record<string, unknown>, seen: Set<string>): Record<string, unknown> => {
    const ref = typeof node.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1] : undefined;
    if (!ref || seen.has(ref)) return node;
    const target = own[ref] ?? shared[ref];
    return target ? { ...deref(target, new Set(seen).add(ref)), ...node } : node;
  };
  const out = new Map<string, FieldSummary>();
  const visit = (node: unknown, pointer: string, title: string, required: boolean, conditional: boolean, seen: Set<string>) => {
    if (!isObj(node)) return;
    const full = deref(node, seen);
    if (pointer) {
      const rules: Record<string, unknown> = {};
      for (const k of VALIDATION_KEYS) if (k in node) rules[k] = node[k];
      // the first declaration wins; a branch that extends an object only adds what it declares anew
      if (!out.has(pointer)) out.set(pointer, { pointer, title: String(full.title ?? title ?? pointer), required, conditional, rules });
    }
    const req = new Set(Array.isArray(full.required) ? (full.required as string[]) : []);
    if (isObj(full.properties)) {
      for (const [k, v] of Object.entries(full.properties)) visit(v, `${pointer}/${k}`, k, req.has(k), conditional, seen);
    }
    if (isObj(full.items)) visit(full.items, `${pointer}/*`, `${String(full.title ?? pointer)}[]`, false, conditional, seen);
    if (Array.isArray(full.allOf)) {
      for (const part of full.allOf) {
        if (!isObj(part) || !isObj(part.then)) continue;
        const thenReq = new Set(Array.isArray(part.then.required) ? (part.then.required as string[]) : []);
        if (isObj(part.then.properties)) {
          for (const [k, v] of Object.entries(part.then.properties)) {
            visit(v, `${pointer}/${k}`, k, thenReq.has(k), true, seen);
          }
        }
      }
    }
  };
  visit(schema, '', '', false, false, new Set());
  // array-item pseudo fields (`/x/*`) of objects say nothing of their own
  return [...out.values()].filter((f) => !f.pointer.endsWith('/*') || !('type' in f.rules && f.rules.type === 'object'));
}
