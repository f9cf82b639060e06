import { describe, expect, it } from 'vitest';
import { checkSchemaSubset } from '../../forms/core/editor/schema-subset';
import { addField, listFields, moveField, removeField, renameField, setCondition, updateField, type SchemaAndUi } from '../../forms/core/editor/schema-edit';
import { placeField } from '../../forms/core/editor/schema-edit';

const base = (): SchemaAndUi => ({
  schema: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', title: '机构名称' },
      kind: { type: 'string', title: '类型', enum: ['a', 'b'] },
      contact: { type: 'object', title: '联系人', properties: { phone: { type: 'string', title: '电话' } } },
    },
  },
  ui: { 'ui:order': ['name', 'kind', 'contact', '*'] },
});
const ok = (r: ReturnType<typeof addField>) => {
  if (!r.ok) throw new Error(r.en);
  return r.value;
};

describe('schema edits', () => {
  it('adds a required field with a format preset and widget, listed after the others', () => {
    const d = ok(addField(base(), [], { key: 'uscc', kind: 'text', title: '统一社会信用代码', required: true, format: 'uscc' }));
    expect(d.schema.properties).toMatchObject({ uscc: { type: 'string', format: 'uscc', title: '统一社会信用代码' } });
    expect(d.schema.required).toEqual(['name', 'uscc']);
    expect(d.ui.uscc).toEqual({ 'ui:widget': 'uscc' });
    expect(listFields(d.schema, d.ui).map((f) => f.key)).toEqual(['name', 'kind', 'contact', 'uscc']);
  });

  it('refuses a duplicate or malformed key', () => {
    expect(addField(base(), [], { key: 'name', kind: 'text', title: 'x' }).ok).toBe(false);
    expect(addField(base(), [], { key: 'a_b', kind: 'text', title: 'x' }).ok).toBe(false);
  });

  it('adds into a section, select options with labels, moves and removes', () => {
    let d = ok(addField(base(), ['contact'], { key: 'role', kind: 'select', title: '职务', options: [{ value: 'head', label: '负责人' }, { value: 'staff', label: '经办人' }] }));
    expect((d.schema.properties as any).contact.properties.role).toEqual({ title: '职务', type: 'string', enum: ['head', 'staff'] });
    expect((d.ui as any).contact.role['ui:enumNames']).toEqual(['负责人', '经办人']);
    d = moveField(d, ['contact'], -1);
    expect(listFields(d.schema, d.ui).map((f) => f.key)).toEqual(['name', 'contact', 'kind']);
    d = removeField(d, ['kind']);
    expect(listFields(d.schema, d.ui).map((f) => f.key)).toEqual(['name', 'contact']);
  });

  it('updates min/max and required, keeping keywords it does not show', () => {
    const start = base();
    (start.schema.properties as any).name.default = '某公司';
    const d = ok(updateField(start, ['name'], { key: 'name', kind: 'text', title: '名称', min: 2, max: 50, required: false }));
    expect((d.schema.properties as any).name).toEqual({ default: '某公司', title: '名称', type: 'string', minLength: 2, maxLength: 50 });
    expect(d.schema.required).toBeUndefined();
  });

  it('renames a field with its ui and required entry', () => {
    const d = ok(renameField(base(), ['name'], 'orgName'));
    expect(Object.keys(d.schema.properties as object)).toEqual(['orgName', 'kind', 'contact']);
    expect(d.schema.required).toEqual(['orgName']);
    expect(d.ui['ui:order']).toEqual(['orgName', 'kind', 'contact', '*']);
  });

  it('moves a field under a top-level condition the engines accept, and back', () => {
    let d = ok(addField(base(), [], { key: 'note', kind: 'textarea', title: '说明', required: true }));
    d = ok(setCondition(d, 'note', { field: 'kind', equals: 'b' }));
    expect(d.schema.allOf).toEqual([{ if: { properties: { kind: { const: 'b' } }, required: ['kind'] }, then: { properties: { note: { title: '说明', type: 'string' } }, required: ['note'] } }]);
    expect((d.schema.properties as any).note).toBeUndefined();
    expect(checkSchemaSubset(d.schema, { file: 's', definitions: new Set() }, true)).toEqual([]);
    const note = listFields(d.schema, d.ui).find((f) => f.key === 'note')!;
    expect(note).toMatchObject({ condition: { field: 'kind', equals: 'b' }, required: true, kind: 'textarea', readOnly: false });
    d = ok(setCondition(d, 'note', null));
    expect(d.schema.allOf).toBeUndefined();
    expect(d.schema.required).toContain('note');
  });
});

describe('a key declared in two condition branches', () => {
  const twoBranches = (): SchemaAndUi => ({
    schema: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['a', 'b'] } },
      allOf: [
        { if: { properties: { kind: { enum: ['a'] } }, required: ['kind'] }, then: { properties: { consent: { type: 'string', title: '甲' } } } },
        { if: { properties: { kind: { const: 'b' } }, required: ['kind'] }, then: { properties: { consent: { type: 'string', title: '乙' } } } },
      ],
    },
    ui: { consent: { 'ui:widget': 'textarea' } },
  });

  it('lists both, and edits or removes only the one chosen', () => {
    const fields = listFields(twoBranches().schema, twoBranches().ui).filter((f) => f.key === 'consent');
    expect(fields.map((f) => [f.title, f.branch, f.readOnly])).toEqual([['甲', 0, true], ['乙', 1, false]]);
    const d = ok(updateField(twoBranches(), ['consent'], { key: 'consent', kind: 'text', title: '乙（改）' }, 1));
    expect(((d.schema.allOf as any)[0].then.properties.consent as any).title).toBe('甲');
    expect(((d.schema.allOf as any)[1].then.properties.consent as any).title).toBe('乙（改）');
    const removed = removeField(twoBranches(), ['consent'], 1);
    expect((removed.schema.allOf as unknown[]).length).toBe(1);
    expect(removed.ui.consent).toBeDefined();
  });
});

describe('placing a field in one step', () => {
  const doc = () => ({
    schema: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['a', 'b'], title: '类别' }, name: { type: 'string', title: '名称' }, contact: { type: 'object', title: '联系人', properties: { phone: { type: 'string', title: '电话' }, email: { type: 'string', title: '邮箱' } } } },
      allOf: [{ if: { properties: { kind: { const: 'b' } }, required: ['kind'] }, then: { properties: { extra: { type: 'string', title: '补充' } } } }],
    },
    ui: {},
  });
  it('puts a new field after a conditional one, and inside a section after a given child', () => {
    let d = addField(doc(), [], { key: 'intro', kind: 'textarea', title: '机构简介', max: 500 });
    if (!d.ok) throw new Error(d.zh);
    const placed = placeField(d.value, [], 'intro', 'extra');
    if (!placed.ok) throw new Error(placed.zh);
    expect(listFields(placed.value.schema, placed.value.ui).map((f) => f.key)).toEqual(['kind', 'name', 'contact', 'extra', 'intro']);
    d = addField(placed.value, ['contact'], { key: 'fax', kind: 'text', title: '传真' });
    if (!d.ok) throw new Error(d.zh);
    const inSection = placeField(d.value, ['contact'], 'fax', 'phone');
    if (!inSection.ok) throw new Error(inSection.zh);
    expect(listFields(inSection.value.schema, inSection.value.ui).find((f) => f.key === 'contact')!.children!.map((f) => f.key)).toEqual(['phone', 'fax', 'email']);
    // the schema's own key order is left as written (order is ui:order)
    expect(Object.keys((inSection.value.schema.properties as Record<string, { properties: object }>).contact.properties)).toEqual(['phone', 'email', 'fax']);
  });
  it('refuses to place after a field of another section, saying so in Chinese', () => {
    const r = placeField(doc(), ['contact'], 'phone', 'name');
    expect(!r.ok && r.zh).toContain('只能放在同一分组的字段之后');
  });
});
