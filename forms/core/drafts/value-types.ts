import type { JsonSchema } from '../pack/types';
import { escapeSegment } from '../schema/json-pointer';

/**
 * Checks only the JSON types of a draft's values against its document schema — not the full
 * validation: a draft may be incomplete or wrong (that is what drafts are for), but a string where the
 * form expects an object would break the form, so an imported file with such a value is refused.
 * Returns JSON pointers with the expected and found types.
 */
export interface TypeMismatch {
  path: string;
  expected: string;
  found: string;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(expected: string, found: string): boolean {
  return expected === found || (expected === 'number' && found === 'integer');
}

const esc = escapeSegment;

function resolve(root: JsonSchema, node: JsonSchema): JsonSchema {
  let n = node;
  for (let i = 0; i < 20 && typeof n.$ref === 'string'; i++) {
    const ref = n.$ref as string;
    if (!ref.startsWith('#/definitions/')) break;
    const defs = (root.definitions ?? {}) as Record<string, JsonSchema>;
    const next = defs[ref.slice(14)];
    if (!next) break;
    n = next;
  }
  return n;
}

/** Property schemas declared for an object node, including those in `allOf[].then` (conditional parts). */
function propertiesOf(root: JsonSchema, node: JsonSchema): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = { ...((node.properties ?? {}) as Record<string, JsonSchema>) };
  for (const part of (node.allOf ?? []) as JsonSchema[]) {
    const p = resolve(root, part);
    Object.assign(out, (p.properties ?? {}) as Record<string, JsonSchema>);
    if (p.then && typeof p.then === 'object') Object.assign(out, propertiesOf(root, p.then as JsonSchema));
  }
  return out;
}

export function typeMismatches(root: JsonSchema, data: unknown): TypeMismatch[] {
  const out: TypeMismatch[] = [];
  const walk = (schemaNode: JsonSchema, value: unknown, path: string) => {
    const node = resolve(root, schemaNode);
    const found = jsonType(value);
    const declared = node.type;
    const types = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? (declared as string[]) : [];
    if (types.length && !types.some((t) => typeMatches(t, found))) {
      out.push({ path: path || '/', expected: types.join('|'), found });
      return;
    }
    if (found === 'object') {
      const props = propertiesOf(root, node);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (props[k]) walk(props[k], v, `${path}/${esc(k)}`);
      }
    } else if (found === 'array' && node.items && typeof node.items === 'object' && !Array.isArray(node.items)) {
      (value as unknown[]).forEach((v, i) => walk(node.items as JsonSchema, v, `${path}/${i}`));
    }
  };
  walk(root, data, '');
  return out;
}
