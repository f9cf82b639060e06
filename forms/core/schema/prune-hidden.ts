import { deref } from './field-schema';
import { isValidAgainst } from './branch-valid';
import { documentSchema } from '../pack/document-schema';
import type { JsonSchema, Pack } from '../pack/types';

const asSchema = (v: unknown): JsonSchema | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined;
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The schemas that currently describe an object: the schema itself plus, for every `allOf` part,
 * the `then` branch when its `if` holds for this value and the `else` branch when it does not.
 * Branch conditions are judged by the eval-free interpreter, the same way the form picks them.
 */
function activeParts(root: JsonSchema, schema: JsonSchema, value: Record<string, unknown>, depth: number): JsonSchema[] {
  if (depth > 16) return [];
  const s = deref(root, schema);
  const out = [s];
  for (const p of (s.allOf as unknown[] | undefined) ?? []) {
    const part = asSchema(p);
    if (!part) continue;
    const cond = asSchema(part.if);
    if (!cond) {
      out.push(...activeParts(root, part, value, depth + 1));
      continue;
    }
    const branch = asSchema(isValidAgainst(cond, value, root) ? part.then : part.else);
    if (branch) out.push(...activeParts(root, branch, value, depth + 1));
  }
  return out;
}

function prune(root: JsonSchema, schemas: JsonSchema[], value: unknown, depth: number): unknown {
  if (schemas.length === 0 || depth > 32) return value;
  if (Array.isArray(value)) {
    const items = schemas.map((s) => asSchema(deref(root, s).items)).filter((s): s is JsonSchema => !!s);
    return items.length ? value.map((v) => prune(root, items, v, depth + 1)) : value;
  }
  if (!isPlainObject(value)) return value;
  const parts = schemas.flatMap((s) => activeParts(root, s, value, 0));
  // a property is declared when the schema or one of its active branches lists it
  const declared = new Map<string, JsonSchema[]>();
  for (const part of parts) {
    for (const [name, sub] of Object.entries((part.properties as Record<string, unknown> | undefined) ?? {})) {
      const child = asSchema(sub);
      if (child) declared.set(name, [...(declared.get(name) ?? []), child]);
    }
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
