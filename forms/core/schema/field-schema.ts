import type { JsonSchema } from '../pack/types';
import { splitPointer } from './json-pointer';
import { deref, objectParts } from './schema-walk';

const asSchema = (v: unknown): JsonSchema | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined;

export interface FieldAt {
  schema: JsonSchema | undefined;
  /** titles from the root down, with 1-based row numbers for array items */
  trail: string[];
}

/**
 * The schema describing the value at a JSON pointer, and a readable trail of titles to it. A
 * property may be declared in several branches (if/then, allOf), so every candidate is followed.
 */
export function fieldAt(root: JsonSchema, path: string): FieldAt {
  let candidates: JsonSchema[] = [root];
  const trail: string[] = [];
  for (const seg of splitPointer(path)) {
    const next: JsonSchema[] = [];
    const isIndex = /^\d+$/.test(seg);
    for (const c of candidates) {
      // a property may be declared in any branch, dependencies included
      for (const o of objectParts(root, c, { dependencies: true })) {
        const child = isIndex ? asSchema(o.items) : asSchema((o.properties as Record<string, unknown> | undefined)?.[seg]);
        if (child) next.push(deref(root, child));
      }
    }
    if (isIndex) trail.push(`#${Number(seg) + 1}`);
    else {
      const titled = next.find((n) => typeof n.title === 'string');
      trail.push(titled ? String(titled.title) : seg);
    }
    candidates = next;
    if (!next.length) break;
  }
  return { schema: candidates[0], trail };
}
