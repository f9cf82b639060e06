import { describe, expect, it } from 'vitest';
import { patternOf, schemaFields } from '../../forms/core/fill/schema-fields';
import type { JsonSchema } from '../../forms/core/pack/types';

// The fields autofill looks for on a portal page: the draft's leaves as the one schema walker sees them.
describe('fill field list', () => {
  const schema: JsonSchema = {
    type: 'object',
    definitions: { person: { type: 'object', title: '联系人', properties: { name: { type: 'string', title: '姓名' } } } },
    properties: {
      kind: { type: 'string', title: '类型', enum: ['a', 'b'] },
      'unit/dept': { type: 'string', title: '部门' },
      contact: { $ref: '#/definitions/person' },
      rows: { type: 'array', title: '职业', items: { type: 'object', properties: { code: { type: 'string', title: '代码' } } } },
    },
    allOf: [
      {
        if: { properties: { kind: { const: 'a' } } },
        then: { properties: { extra: { type: 'string', title: '补充' }, kind: { type: 'string', title: '重复声明' } } },
        else: { properties: { other: { type: 'string', title: '否则' } } },
      },
    ],
  };
  const fields = schemaFields(schema, { kind: { 'ui:enumNames': ['甲', '乙'] } });
  const byPattern = new Map(fields.map((f) => [f.pattern, f]));

  it('lists leaves through $ref, arrays and then-branches, with sections and enum names', () => {
    expect(byPattern.get('/contact/name')).toMatchObject({ title: '姓名', sections: ['联系人'] });
    expect(byPattern.get('/rows/*/code')).toMatchObject({ title: '代码', inArray: true, arrayTitle: '职业' });
    expect(byPattern.get('/extra')?.title).toBe('补充');
    expect(byPattern.get('/kind')).toMatchObject({ title: '类型', enumNames: ['甲', '乙'] });
    // an else branch only narrows what the document has; its fields are not looked for
    expect(byPattern.has('/other')).toBe(false);
  });

  it('escapes a property name holding "/" as a JSON pointer does, so draft pointers find it', () => {
    expect(byPattern.get('/unit~1dept')?.title).toBe('部门');
    expect(byPattern.has('/unit/dept')).toBe(false);
    expect(patternOf('/rows/3/code')).toBe('/rows/*/code');
  });
});
