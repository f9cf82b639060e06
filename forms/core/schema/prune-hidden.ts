import { declaredProperties, deref } from './schema-walk';
import { isValidAgainst } from './branch-valid';
import { documentSchema } from '../pack/document-schema';
import type { JsonSchema, Pack } from '../pack/types';

const asSchema = (v: unknown): JsonSchema | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined;
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function prune(root: JsonSchema, schemas: JsonSchema[], value: unknown, depth: number): unknown {
  if (schemas.length === 0 || depth > 32) return value;
  if (Array.isArray(value)) {
    const items = schemas.map((s) => asSchema(deref(root, s).items)).filter((s): s is JsonSchema => !!s);
    return items.length ? value.map((v) => prune(root, items, v, depth + 1)) : value;
  }
  if (!isPlainObject(value)) return value;
  // a property is declared when the schema or one of its active branches lists it; branch conditions
  // are judged by the eval-free interpreter, the same way the form picks them
  const active = { branch: (cond: JsonSchema) => isValidAgainst(cond, value, root) };
  const declared = new Map<string, JsonSchema[]>();
  for (const s of schemas) {
    for (const [name, d] of declaredProperties(root, s, active)) declared.set(name, [...(declared.get(name) ?? []), ...d.schemas]);
  }
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const child = declared.get(name);
    if (child) out[name] = prune(root, child, v, depth + 1);
  }
  return out;
}

/**
 * The data as it is submitted or exported: without the values of sections that are hidden now.
 * While drafting, a hidden branch keeps its values (switching back restores them); what leaves the
 * kit carries only what the active branches declare, so a filing never contains, say, the consents
 * of an ownership route the applicant did not choose. Properties no schema declares are dropped too.
 * Returns a new value; the input is not changed.
 */
export function pruneHidden<T>(pack: Pack, docId: string, data: T): T {
  const root = documentSchema(pack, docId);
  return prune(root, [root], data, 0) as T;
}
