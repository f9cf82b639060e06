import { dedupe, LEAF_KEYWORDS } from './leaf-keywords';
import type { SchemaEngine, SchemaIssue } from './types';
import { escapeSegment } from '../schema/json-pointer';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}
export type PrecompiledValidate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** Validates with ajv standalone functions generated at build time: no eval, so MV3-safe. */
export function createPrecompiledEngine(byDocument: Record<string, PrecompiledValidate>): SchemaEngine {
  return {
    kind: 'precompiled',
    validate(docId, data) {
      const fn = byDocument[docId];
      if (!fn) throw new Error(`no precompiled validator for ${docId}`);
      if (fn(data)) return [];
      const out: SchemaIssue[] = [];
      for (const e of fn.errors ?? []) {
        if (!LEAF_KEYWORDS.has(e.keyword)) continue;
        const path =
          e.keyword === 'required' ? `${e.instancePath}/${escapeSegment(String(e.params.missingProperty))}` : e.instancePath;
        out.push({ path, keyword: e.keyword, params: e.params });
      }
      return dedupe(out);
    },
  };
}
