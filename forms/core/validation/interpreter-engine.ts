import { format as cfFormats, Validator, type Schema } from '@cfworker/json-schema';
import { formatCheckers } from '../formats/registry';
import { containsRef } from '../pack/contains-ref';
import { documentSchema } from '../pack/document-schema';
import type { JsonSchema, Pack } from '../pack/types';
import { dedupe, LEAF_KEYWORDS } from './leaf-keywords';
import type { SchemaEngine, SchemaIssue } from './types';

// The interpreter's format table is a plain exported object; ours join it so both engines share checkers.
for (const [name, f] of Object.entries(formatCheckers)) cfFormats[name] = f.validate;

const REQUIRED_RE = /required property "(.+)"/;

function toIssues(errors: { instanceLocation: string; keyword: string; error: string }[]): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const e of errors) {
    if (!LEAF_KEYWORDS.has(e.keyword)) continue;
    let path = e.instanceLocation.replace(/^#/, '');
    const params: Record<string, unknown> = {};
    if (e.keyword === 'required') {
      const m = REQUIRED_RE.exec(e.error);
      if (!m) continue;
      params.missingProperty = m[1];
      path = `${path}/${m[1].replace(/~/g, '~0').replace(/\//g, '~1')}`;
    }
    out.push({ path, keyword: e.keyword, params });
  }
  return dedupe(out);
}

/** Eval-free validation (@cfworker/json-schema) for packs edited or imported at run time. */
export function createInterpreterEngine(pack: Pack): SchemaEngine {
  const validators = new Map<string, Validator>();
  return {
    kind: 'interpreter',
    validate(docId, data) {
      let v = validators.get(docId);
      if (!v) {
        // cloned: the interpreter annotates the schema objects it dereferences
        v = new Validator(structuredClone(documentSchema(pack, docId)) as Schema, '7', false);
        validators.set(docId, v);
      }
      const r = v.validate(data);
      return r.valid ? [] : toIssues(r.errors);
    },
  };
}

const subschemaCache = new WeakMap<object, WeakMap<object, Validator>>();

/**
 * Whether `data` satisfies a sub-schema of `root` (RJSF asks this to pick if/then/else branches).
 * Interpreted in both modes: sub-schemas are not precompiled, and this needs no eval either.
 */
export function isValidAgainst(schema: JsonSchema, data: unknown, root: JsonSchema): boolean {
  let perRoot = subschemaCache.get(root);
  if (!perRoot) subschemaCache.set(root, (perRoot = new WeakMap()));
  let v = perRoot.get(schema);
  if (!v) {
    // the root's definitions only when there is a reference to resolve (form schemas come inlined)
    const full = structuredClone(root.definitions && containsRef(schema) ? { ...schema, definitions: root.definitions } : schema) as Schema;
    v = new Validator(full, '7', true);
    perRoot.set(schema, v);
  }
  return v.validate(data).valid;
}
