import type { JsonSchema } from '../pack/types';
import { escapeSegment } from '../schema/json-pointer';
import { declaredProperties, deref } from '../schema/schema-walk';

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

/** Property schemas declared for an object node, including those of `then` branches (conditional parts). */
function propertiesOf(root: JsonSchema, node: JsonSchema): Map<string, JsonSchema> {
  return new Map([...declaredProperties(root, node, { thenOnly: true })].map(([k, d]) => [k, d.schemas[0]]));
}

export function typeMismatches(root: JsonSchema, data: unknown): TypeMismatch[] {
  const out: TypeMismatch[] = [];
  const walk = (schemaNode: JsonSchema, value: unknown, path: string) => {
    const node = deref(root, schemaNode);
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
        const child = props.get(k);
        if (child) walk(child, v, `${path}/${esc(k)}`);
      }
    } else if (found === 'array' && node.items && typeof node.items === 'object' && !Array.isArray(node.items)) {
      (value as unknown[]).forEach((v, i) => walk(node.items as JsonSchema, v, `${path}/${i}`));
    }
  };
  walk(root, data, '');
  return out;
}
