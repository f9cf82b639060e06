import type { RJSFSchema } from '@rjsf/utils';
import { createSchemaUtils, deepEquals, retrieveSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../forms/core/pack/document-schema';
import { inlineRefs } from '../../forms/core/pack/inline-refs';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { isSettledSchema } from '../../forms/ui/fast/settled-schemas';
import { kitValidator } from '../../forms/ui/validator-adapter';

// The shortcut must give what RJSF gives: for every subschema of every document (as the form gets
// it, references inlined), the patched schemaUtils.retrieveSchema equals RJSF's standalone function.
function* subschemas(node: unknown): Generator<RJSFSchema> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* subschemas(n);
    return;
  }
  yield node as RJSFSchema;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' || k === 'definitions') for (const c of Object.values(v as object)) yield* subschemas(c);
    else if (k === 'items' || k === 'then' || k === 'else' || k === 'if' || k === 'allOf' || k === 'anyOf' || k === 'oneOf') yield* subschemas(v);
  }
}

describe('RJSF retrieveSchema shortcut for settled subschemas', () => {
  const pack = parsePack(readPackDir('schemas'));
  it('returns what RJSF returns, for every subschema of every document, and skips the work for most', () => {
    let settled = 0;
    let total = 0;
    for (const id of pack.manifest.documents) {
      const root = inlineRefs(documentSchema(pack, id)) as RJSFSchema;
      const utils = createSchemaUtils(kitValidator, root);
      for (const s of subschemas(root)) {
        total++;
        if (isSettledSchema(s)) settled++;
        const ours = utils.retrieveSchema(s, undefined);
        const theirs = retrieveSchema(kitValidator, s, root, undefined);
        expect(deepEquals(ours, theirs), `${id}: ${JSON.stringify(s).slice(0, 80)}`).toBe(true);
      }
    }
    expect(settled / total).toBeGreaterThan(0.8);
  });

  it('leaves schemas with something to resolve to RJSF', () => {
    expect(isSettledSchema({ $ref: '#/definitions/x' })).toBe(false);
    expect(isSettledSchema({ type: 'object', properties: { a: { $ref: '#/definitions/x' } } })).toBe(false);
    expect(isSettledSchema({ if: {}, then: {} })).toBe(false);
    expect(isSettledSchema({ type: 'object', additionalProperties: true })).toBe(false);
    expect(isSettledSchema({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } })).toBe(true);
  });
});
