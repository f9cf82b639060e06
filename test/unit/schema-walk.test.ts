import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../forms/core/pack/types';
import { declaredProperties, deref, objectParts } from '../../forms/core/schema/schema-walk';
import { typeMismatches } from '../../forms/core/drafts/value-types';
import { schemaFields } from '../../forms/core/editor/schema-fields';

// The one schema walker (forms/core/schema/schema-walk.ts): which fields a document has, whichever
// reader asks — the editor's field list, the draft type check, pruning and printing.
const schema: JsonSchema = {
  definitions: { phone: { type: 'string', title: '电话' }, node: { type: 'object', properties: { child: { $ref: '#/definitions/node' } } } },
  type: 'object',
  required: ['route'],
  properties: { route: { type: 'string', enum: ['a', 'b'] }, phone: { $ref: '#/definitions/phone', title: '联系电话' }, tree: { $ref: '#/definitions/node' } },
  allOf: [
    {
      if: { properties: { route: { const: 'a' } } },
      then: { required: ['licence'], properties: { licence: { type: 'string' } } },
      else: { properties: { reason: { type: 'string' } } },
    },
  ],
  dependencies: { phone: { properties: { extension: { type: 'string' } } } },
};

describe('the schema walker', () => {
  it('follows a $ref with the referring title over the definition, and from the pack’s shared definitions', () => {
    expect(deref(schema, { $ref: '#/definitions/phone', title: '联系电话' })).toEqual({ type: 'string', title: '联系电话' });
    expect(deref(schema, { $ref: '#/definitions/date' }, { date: { type: 'string', format: 'date' } })).toEqual({ type: 'string', format: 'date' });
    expect(deref(schema, { $ref: '#/definitions/missing' })).toEqual({ $ref: '#/definitions/missing' });
  });

  it('finds both branches of a condition, or the one a value selects, and dependencies only when asked', () => {
    const names = (o: Parameters<typeof declaredProperties>[2]) => [...declaredProperties(schema, schema, o).keys()];
    expect(names({})).toEqual(['route', 'phone', 'tree', 'licence', 'reason']);
    expect(names({ branch: () => true })).toEqual(['route', 'phone', 'tree', 'licence']);
    expect(names({ branch: () => false })).toEqual(['route', 'phone', 'tree', 'reason']);
    expect(names({ thenOnly: true })).toEqual(['route', 'phone', 'tree', 'licence']);
    expect(names({ dependencies: true })).toContain('extension');
    // the schema, its allOf part, and the part's two branches
    expect(objectParts(schema, schema)).toHaveLength(4);
  });

  it('marks what a branch declares as conditional, with the branch’s own required list', () => {
    const licence = declaredProperties(schema, schema).get('licence')!;
    expect(licence).toMatchObject({ conditional: true, required: true });
    expect(declaredProperties(schema, schema).get('route')).toMatchObject({ conditional: false, required: true });
  });

  it('gives the editor’s field list and the draft type check the same fields, a self-referring definition included', () => {
    const pointers = schemaFields(schema).map((f) => f.pointer);
    expect(pointers).toEqual(['/route', '/phone', '/tree', '/tree/child', '/licence']);
    expect(schemaFields(schema).find((f) => f.pointer === '/licence')).toMatchObject({ conditional: true, required: true });
    expect(typeMismatches(schema, { route: 'a', phone: 1, licence: 5 })).toEqual([
      { path: '/phone', expected: 'string', found: 'integer' },
      { path: '/licence', expected: 'string', found: 'integer' },
    ]);
  });
});
