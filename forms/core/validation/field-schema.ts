import type { JsonSchema } from '../pack/types';
import { pointerSegments } from '../pack/json-pointer';

const asSchema = (v: unknown): JsonSchema | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined;

/** Follows a local `$ref` (`#/definitions/x`), merging sibling keywords over the target. */
export function deref(root: JsonSchema, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; i < 16 && typeof cur.$ref === 'string'; i++) {
    const name = (cur.$ref as string).replace(/^#\/definitions\//, '');
    const target = asSchema((root.definitions as Record<string, unknown> | undefined)?.[name]);
    if (!target) break;
    const { $ref: _ignored, ...rest } = cur;
    cur = { ...target, ...rest };
  }
  return cur;
}

/** Every schema that may declare properties of this object: itself, allOf parts, if/then/else branches. */
function branches(root: JsonSchema, s: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (x: JsonSchema | undefined, depth: number) => {
    if (!x || depth > 8) return;
    const r = deref(root, x);
    out.push(r);
    for (const part of (r.allOf as unknown[] | undefined) ?? []) visit(asSchema(part), depth + 1);
    visit(asSchema(r.then), depth + 1);
    visit(asSchema(r.else), depth + 1);
    for (const dep of Object.values((r.dependencies as Record<string, unknown> | undefined) ?? {})) {
      const d = asSchema(dep);
      if (!d) continue;
      visit(d, depth + 1);
      for (const alt of (d.oneOf as unknown[] | undefined) ?? []) visit(asSchema(alt), depth + 1);
    }
  };
  visit(s, 0);
  return out;
}

export function splitPointer(path: string): string[] {
  return pointerSegments(path);
}

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
      for (const o of branches(root, c)) {
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
