import { beforeAll, describe, expect, it } from 'vitest';
import { derivedFields, derivedValue, valuesAt } from '../../forms/core/fill/derived-fields';
import { schemaFields } from '../../forms/core/fill/schema-fields';
import { digitOf, valueFormRules, valueForms, type ValueFormRules } from '../../forms/core/fill/value-forms';
import { documentSchema } from '../../forms/core/pack/document-schema';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { showsValue } from '../../forms/portal/values';

let pack: Pack;
let rules: ValueFormRules;
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  rules = valueFormRules(pack.files);
});
const forms = (raw: unknown, field: Parameters<typeof valueForms>[1] = {}) => valueForms(raw, field, rules, pack.reference);

describe('every form a portal may show a value in', () => {
  it('a district code: its name first, the short name, the code, cascader paths', () => {
    const f = forms('310115', { format: 'sh-district' });
    expect(f.value).toBe('浦东新区');
    expect(f.forms.texts).toEqual(expect.arrayContaining(['浦东新区', '浦东', '310115']));
    expect(f.forms.paths).toEqual(expect.arrayContaining([['上海市', '浦东新区'], ['浦东新区']]));
    expect(forms('310110', { format: 'sh-district' }).forms.texts).toContain('杨浦');
  });
  it('a text field holding digits is not taken for a district', () => {
    expect(forms('310115', { type: 'string' }).value).toBe('310115');
  });
  it('an enum: its label first, the code kept', () => {
    const f = forms('municipal-soe', { enumValues: ['central-soe', 'municipal-soe'], enumNames: ['在沪央企', '市属国企'] });
    expect(f.value).toBe('市属国企');
    expect(f.forms.texts).toContain('municipal-soe');
  });
  it('an enum\'s other wordings from the pack, only for the enum they were written for', () => {
    const ownership = { enumValues: ['central-soe', 'municipal-soe', 'district-soe', 'other'], enumNames: ['在沪央企', '市属国企', '区属企业', '民营及其他企业'] };
    const f = forms('municipal-soe', ownership);
    expect(f.value).toBe('市属国企');
    expect(f.forms.texts).toEqual(expect.arrayContaining(['市属国有企业', '市管国有企业', '本市国有企业（市属）']));
    expect(f.forms.texts).not.toContain('区属国有企业');
    // another enum's `other` is not reworded as 民营企业
    expect(forms('other', { enumValues: ['enterprise', 'school', 'other'], enumNames: ['企业', '院校', '其他'] }).forms.texts).not.toContain('民营企业');
  });
  it('a list of enum values may be matched loosely, each element by its label (备案 for 机构备案)', () => {
    const f = forms(['filing', 'registration'], { type: 'array', enumValues: ['filing', 'registration'], enumNames: ['机构备案', '评价报名'] });
    expect(f.forms.loose).toBe(true);
    expect(forms(['初级工'], { type: 'array' }).forms.loose).toBeUndefined();
  });
  it('a level: 初级工, 五级, 5 and combined forms', () => {
    const f = forms('初级工', { enumValues: ['初级工', '中级工'] });
    expect(f.value).toBe('初级工');
    expect(f.forms.texts).toEqual(expect.arrayContaining(['初级工', '五级', '5', '初级', '五级/初级工', '初级工（五级）']));
    expect(forms('高级技师', { enumValues: ['高级技师'] }).forms.texts).toEqual(expect.arrayContaining(['一级', '1']));
  });
  it('a list of levels: each element with its forms', () => {
    const f = forms(['初级工', '技师'], { type: 'array', enumValues: ['初级工', '技师'] });
    expect(f.value).toEqual(['初级工', '技师']);
    expect(f.forms.each?.[1]).toEqual(expect.arrayContaining(['技师', '二级', '2']));
  });
  it('yes/no: the boolean, with 是/有 or 否/无 words for choices', () => {
    const yes = forms(true, { type: 'boolean' });
    expect(yes.value).toBe(true);
    expect(yes.forms.texts).toEqual(expect.arrayContaining(['是', '有']));
    expect(forms(false, { type: 'boolean' }).forms.texts).toEqual(expect.arrayContaining(['否', '无']));
  });
  it('a date in every common format, ISO first', () => {
    const f = forms('2025-03-10', { format: 'date' });
    expect(f.value).toBe('2025-03-10');
    expect(f.forms.texts).toEqual(expect.arrayContaining(['2025/03/10', '2025年3月10日', '2025年03月10日', '2025.03.10', '20250310']));
  });
  it('a number with and without units', () => {
    expect(forms(180, { type: 'integer' }).forms.texts).toEqual(expect.arrayContaining(['180', '180天', '180个']));
  });
  it('an occupation code with its name', () => {
    expect(forms('6-31-01-03', { format: 'occupation-code' }).forms.texts).toEqual(expect.arrayContaining(['6-31-01-03', '6-31-01-03 电工']));
  });
  it('a pack without value-form rules offers only the schema\'s own forms', () => {
    const bare = valueForms('310115', { format: 'sh-district' }, valueFormRules({}), pack.reference);
    expect(bare.value).toBe('310115');
  });
  it('turns Chinese numerals into digits', () => {
    expect(digitOf('五级')).toBe('5');
    expect(digitOf('12个')).toBe('12');
    expect(digitOf('技师')).toBe('');
  });
});

describe('reading back a value set in another form', () => {
  it('accepts any of the forms, never a different value', () => {
    const d = forms('310115', { format: 'sh-district' });
    expect(showsValue('浦东', d.value, d.forms)).toBe(true);
    expect(showsValue('310115', d.value, d.forms)).toBe(true);
    expect(showsValue(['上海市', '浦东新区'], d.value, d.forms, undefined, true)).toBe(true);
    expect(showsValue('上海市 / 浦东新区', d.value, d.forms)).toBe(true);
    expect(showsValue('杨浦区', d.value, d.forms)).toBe(false);
    const date = forms('2025-03-10', { format: 'date' });
    expect(showsValue('2025年03月10日', date.value, date.forms)).toBe(true);
    expect(showsValue('2025-03-11', date.value, date.forms)).toBe(false);
    const lv = forms(['初级工', '技师'], { type: 'array' });
    expect(showsValue(['五级', '二级'], lv.value, lv.forms)).toBe(true);
    expect(showsValue(['五级'], lv.value, lv.forms)).toBe(false);
    // the option a control chose for a differently worded value counts as set
    expect(showsValue('央企', '在沪央企', { texts: ['在沪央企'] }, ['央企'])).toBe(true);
  });
});

describe('derived values declared in the pack', () => {
  it('counts, sums, joins and takes the first of a list', () => {
    const draft = pack.documents['filing-enterprise'].samples['valid-central-soe.json'];
    const fields = schemaFields(documentSchema(pack, 'filing-enterprise'), pack.documents['filing-enterprise'].ui);
    const defs = derivedFields(pack.files, 'filing-enterprise');
    const value = (id: string) => derivedValue(defs.find((d) => d.id === id)!, draft, fields, rules, pack.reference)?.value;
    expect(value('evaluator-count')).toBe('2');
    expect(value('supervisor-count')).toBe('1');
    expect(value('station-total')).toBe('40');
    expect(value('occupation-names')).toBe('电工、焊工');
    expect(derivedFields(pack.files, 'violation-individual').some((d) => d.id === 'evaluator-count')).toBe(false);
    expect(derivedValue({ id: 'x', documents: ['*'], op: 'count', path: '/none', title: 'x', labels: [] }, draft, fields, rules, pack.reference)).toBeNull();
  });
  it('answers a question asked in place of a field (是否国有企业 from 企业性质) in yes/no words', () => {
    const draft = pack.documents['filing-enterprise'].samples['valid-central-soe.json'] as Record<string, unknown>;
    const fields = schemaFields(documentSchema(pack, 'filing-enterprise'), pack.documents['filing-enterprise'].ui);
    const soe = derivedFields(pack.files, 'filing-enterprise').find((d) => d.op === 'map' && d.path === '/ownership')!;
    const answer = (ownership: unknown) => derivedValue(soe, { ...draft, ownership }, fields, rules, pack.reference);
    expect(answer('municipal-soe')).toMatchObject({ value: true, forms: { texts: expect.arrayContaining(['是', '有']) } });
    expect(answer('other')).toMatchObject({ value: false, forms: { texts: expect.arrayContaining(['否']) } });
    // no ownership, or one the pack gives no answer for: the question is left unanswered
    expect(answer(undefined)).toBeNull();
    expect(answer('unknown-kind')).toBeNull();
  });
  it('every derived field of the pack has a title, labels and a citation that resolves', () => {
    const file = pack.files['fill/derived.json'] as { derived: Array<{ id: string; labels: string[]; citation: { source: string; article: string } }> };
    for (const d of file.derived) {
      expect(d.labels.length, d.id).toBeGreaterThan(0);
      const src = pack.sources[d.citation.source] as { articles: Array<{ id: string }> };
      expect(src.articles.some((a) => a.id === d.citation.article), d.id).toBe(true);
    }
  });
  it('walks pointer patterns through lists', () => {
    expect(valuesAt({ a: [{ b: 1 }, { b: 2 }, {}] }, '/a/*/b')).toEqual([1, 2]);
  });
});
