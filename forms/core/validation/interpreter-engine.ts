import { Validator, type Schema } from '@cfworker/json-schema';
import '../schema/custom-formats';
import { documentSchema } from '../pack/document-schema';
import type { Pack } from '../pack/types';
import { dedupe, LEAF_KEYWORDS } from './leaf-keywords';
import type { SchemaEngine, SchemaIssue } from './types';
import { escapeSegment } from '../schema/json-pointer';


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
      path = `${path}/${escapeSegment(m[1])}`;
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
