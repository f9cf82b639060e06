/**
 * The one way the kit walks a document schema (JSON Schema draft-07, the kit's subset): follow a local
 * `$ref`, and find the schemas that may declare an object's properties — itself, its `allOf` parts, the
 * `then` / `else` of a condition (both, or the one a value selects), and `dependencies`. Field lists,
 * the print view, pruning hidden sections and the draft type check all read a schema through here, so
 * they agree on which fields a document has.
 */
import type { JsonSchema } from '../pack/types';

const asSchema = (v: unknown): JsonSchema | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined;

const MAX_REFS = 16;
const MAX_DEPTH = 16;

/**
 * Follows a local `$ref` (`#/definitions/x`, in the document's own definitions, else in `shared` — the
 * pack's common ones), merging the referring node's sibling keywords (its title, format…) over the target,
 * as RJSF does. A reference that cannot be resolved is left as it is.
 */
export function deref(root: JsonSchema, s: JsonSchema, shared: Readonly<Record<string, JsonSchema>> = {}): JsonSchema {
  let cur = s;
  const seen = new Set<string>();
  for (let i = 0; i < MAX_REFS && typeof cur.$ref === 'string'; i++) {
    const m = /^#\/definitions\/(.+)$/.exec(cur.$ref as string);
    // a reference inside its own definition (a cycle) is not followed again
    if (!m || seen.has(m[1])) break;
    seen.add(m[1]);
    const own = root.definitions as Record<string, unknown> | undefined;
    const target = asSchema(own && Object.hasOwn(own, m[1]) ? own[m[1]] : Object.hasOwn(shared, m[1]) ? shared[m[1]] : undefined);
    if (!target) break;
    const { $ref: _ignored, ...rest } = cur;
    cur = { ...target, ...rest };
  }
  return cur;
}

export interface PartsOptions {
  /**
   * Which branch of a condition declares fields: `then` (true) or `else` (false), judged for a value; or
   * undefined for both (the fields a document may have, whichever way it is filled).
   */
  branch?: (condition: JsonSchema) => boolean | undefined;
  /** only the `then` branches (fields that exist when their condition holds), never `else` */
  thenOnly?: boolean;
  /** also the schemas of `dependencies` (and their `oneOf` alternatives) */
  dependencies?: boolean;
  /** the pack's shared definitions, for `$ref`s the document does not define */
  shared?: Readonly<Record<string, JsonSchema>>;
}

/** One schema that may declare an object's properties, and whether it applies only under a condition. */
export interface ObjectPart {
  schema: JsonSchema;
  conditional: boolean;
}

/**
 * Every schema that may declare properties of an object described by `s`, `$ref`s followed, in
 * document order: `s` itself, then its `allOf` parts and chosen condition branches, recursively.
 */
export function objectPartsWithConditions(root: JsonSchema, s: JsonSchema, o: PartsOptions = {}): ObjectPart[] {
  const out: ObjectPart[] = [];
  const visit = (x: JsonSchema | undefined, conditional: boolean, depth: number) => {
    if (!x || depth > MAX_DEPTH) return;
    const r = deref(root, x, o.shared);
    out.push({ schema: r, conditional });
    for (const part of (r.allOf as unknown[] | undefined) ?? []) visit(asSchema(part), conditional, depth + 1);
    const cond = asSchema(r.if);
    const chosen = cond && o.branch ? o.branch(cond) : undefined;
    if (chosen !== false) visit(asSchema(r.then), true, depth + 1);
    if (chosen !== true && !o.thenOnly) visit(asSchema(r.else), true, depth + 1);
    if (o.dependencies) {
      for (const dep of Object.values((r.dependencies as Record<string, unknown> | undefined) ?? {})) {
        const d = asSchema(dep);
        if (!d) continue;
        visit(d, true, depth + 1);
        for (const alt of (d.oneOf as unknown[] | undefined) ?? []) visit(asSchema(alt), true, depth + 1);
      }
    }
  };
  visit(s, false, 0);
  return out;
}

/** The schemas of objectPartsWithConditions, without the conditional flag. */
export const objectParts = (root: JsonSchema, s: JsonSchema, o: PartsOptions = {}): JsonSchema[] =>
  objectPartsWithConditions(root, s, o).map((p) => p.schema);

/**
 * The properties the parts of an object declare, each with every schema that declares it (first
 * declaration first) and whether all of them are conditional.
 */
export function declaredProperties(root: JsonSchema, s: JsonSchema, o: PartsOptions = {}): Map<string, { schemas: JsonSchema[]; conditional: boolean; required: boolean }> {
  const out = new Map<string, { schemas: JsonSchema[]; conditional: boolean; required: boolean }>();
  for (const { schema, conditional } of objectPartsWithConditions(root, s, o)) {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]) : []);
    for (const [name, sub] of Object.entries((schema.properties as Record<string, unknown> | undefined) ?? {})) {
      const child = asSchema(sub);
      if (!child) continue;
      const seen = out.get(name);
      if (seen) seen.schemas.push(child);
      else out.set(name, { schemas: [child], conditional, required: required.has(name) });
    }
  }
  return out;
}
