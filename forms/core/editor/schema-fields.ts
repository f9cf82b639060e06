/**
 * The fields of a document schema as a flat list a person can read: data pointer (`/a/b`, `/rows/*∕c`
 * for array items), title, and the keywords that change what is accepted. Used by the diff and by the
 * migration notes; `$ref`s are followed into the document's own or the pack's shared definitions.
 */
import type { JsonSchema } from '../pack/types';
import { deref, objectPartsWithConditions } from '../schema/schema-walk';

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
  const out = new Map<string, FieldSummary>();
  // `seen`: the definitions entered on the way down, so a definition that contains itself ends the walk
  const visit = (node: unknown, pointer: string, title: string, required: boolean, conditional: boolean, seen: ReadonlySet<string>) => {
    if (!isObj(node)) return;
    const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
    const full = deref(schema, node, shared);
    if (pointer) {
      const rules: Record<string, unknown> = {};
      for (const k of VALIDATION_KEYS) if (k in node) rules[k] = node[k];
      // the first declaration wins; a branch that extends an object only adds what it declares anew
      if (!out.has(pointer)) out.set(pointer, { pointer, title: String(full.title ?? title ?? pointer), required, conditional, rules });
    }
    // a definition met again inside itself: the field is listed, its contents were listed above
    if (ref && seen.has(ref)) return;
    const inside = ref ? new Set(seen).add(ref) : seen;
    // the object's own properties first, then those of its `then` branches (conditional); a branch that
    // declares a property again is walked too, for what it adds under it
    for (const part of objectPartsWithConditions(schema, full, { thenOnly: true, shared })) {
      const req = new Set(Array.isArray(part.schema.required) ? (part.schema.required as string[]) : []);
      if (!isObj(part.schema.properties)) continue;
      for (const [k, v] of Object.entries(part.schema.properties)) visit(v, `${pointer}/${k}`, k, req.has(k), conditional || part.conditional, inside);
    }
    if (isObj(full.items)) visit(full.items, `${pointer}/*`, `${String(full.title ?? pointer)}[]`, false, conditional, inside);
  };
  visit(schema, '', '', false, false, new Set());
  // array-item pseudo fields (`/x/*`) of objects say nothing of their own
  return [...out.values()].filter((f) => !f.pointer.endsWith('/*') || !('type' in f.rules && f.rules.type === 'object'));
}
