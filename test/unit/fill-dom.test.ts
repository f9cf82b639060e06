// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { labelKeys } from '../../forms/core/fill/normalize-label';
import { controlFor } from '../../forms/portal/controls/controls';
import { findUnits } from '../../forms/portal/dom/find-units';
import { unusableReason } from '../../forms/portal/dom/visibility';
import { collectDocuments } from '../../forms/portal/frames';
import { sameValue } from '../../forms/portal/values';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
const labelsOf = (doc: Document) => findUnits(doc).map((u) => u.labels.flatMap(labelKeys));

describe('finding fields by their visible label', () => {
  it('reads label[for], a wrapping label, aria-label, aria-labelledby and placeholder', () => {
    const doc = page(`
      <label for="a">* 单位名称：</label><input id="a">
      <label>法人代表 <input id="b"></label>
      <input id="c" aria-label="联系电话">
      <span id="lab">电子邮箱</span><input id="d" aria-labelledby="lab">
      <input id="e" placeholder="注册地址">`);
    const keys = labelsOf(doc);
    expect(keys[0]).toContain('单位名称');
    expect(keys[1]).toContain('法人代表');
    expect(keys[2]).toContain('联系电话');
    expect(keys[3]).toContain('电子邮箱');
    expect(keys[4]).toContain('注册地址');
  });
  it('reads the table cell to the left, and the column header for rows', () => {
    const doc = page(`
      <table><tr><td>统一社会信用代码：</td><td><input name="t2"></td></tr></table>
      <table><thead><tr><th>职业编码</th><th>申报等级</th></tr></thead>
        <tbody><tr><td><input name="c"></td><td><input name="l"></td></tr></tbody></table>`);
    const keys = labelsOf(doc);
    expect(keys[0]).toContain('统一社会信用代码');
    expect(keys[1]).toContain('职业编码');
    expect(keys[2]).toContain('申报等级');
  });
  it('groups radios and checkboxes by name under the label of their cell', () => {
    const doc = page(`<table><tr><td>企业性质：</td><td>
      <label><input type="radio" name="k" value="1">在沪央企</label><label><input type="radio" name="k" value="2">市属国企</label></td></tr></table>`);
    const units = findUnits(doc);
    expect(units).toHaveLength(1);
    expect(units[0].labels.flatMap(labelKeys)).toContain('企业性质');
    expect(controlFor(units[0].root)?.kind).toBe('native-radio-group');
  });
  it('takes a date asked for as three selects (年/月/日) in one cell as one field named by its cell', () => {
    const years = ['2024', '2025', '2026'].map((y) => `<option>${y}</option>`).join('');
    const nums = (n: number) => Array.from({ length: n }, (_, i) => `<option>${i + 1}</option>`).join('');
    const doc = page(`<table><tr><td>申报时间</td><td><select name="y"><option value="">--</option>${years}</select>年<select name="m">${nums(12)}</select>月<select name="d">${nums(31)}</select>日</td></tr></table>`);
    const units = findUnits(doc);
    expect(units).toHaveLength(1);
    expect(units[0].labels.flatMap(labelKeys)).toContain('申报时间');
    expect(controlFor(units[0].root)?.kind).toBe('split-date-selects');
  });
  it('treats an Element Plus or Ant Design form item as one field named by its label', () => {
    const doc = page(`
      <div class="el-form-item"><label class="el-form-item__label">所属区县</label><div class="el-form-item__content"><div class="el-select"><div class="el-select__wrapper"><input></div></div></div></div>
      <div class="ant-form-item"><div class="ant-form-item-label"><label title="申请日期">申请日期</label></div><div class="ant-form-item-control"><div class="ant-picker"><input></div></div></div>`);
    const units = findUnits(doc);
    expect(units.map((u) => controlFor(u.root)?.kind)).toEqual(['el-select', 'ant-date-picker']);
    expect(units[0].labels).toContain('所属区县');
    expect(units[1].labels).toContain('申请日期');
  });
});

describe('native controls', () => {
  it('selects by the option text first, then by value', async () => {
    const doc = page(`<select id="s"><option value="">--</option><option value="310110">杨浦区</option><option value="杨浦区">other</option></select>`);
    const c = controlFor(doc.getElementById('s')!)!;
    await c.write('杨浦区');
    expect((doc.getElementById('s') as HTMLSelectElement).value).toBe('310110');
    expect(c.read()).toBe('杨浦区');
  });
  it('announces a typed value with input and change events, as frameworks expect', async () => {
    const doc = page(`<input id="i">`);
    const el = doc.getElementById('i') as HTMLInputElement;
    const seen: string[] = [];
    for (const t of ['input', 'change', 'blur']) el.addEventListener(t, () => seen.push(t));
    await controlFor(el)!.write('赵磊');
    expect(el.value).toBe('赵磊');
    expect(seen).toEqual(['input', 'change', 'blur']);
  });
  it('says no-option, changing nothing, when a choice the value needs is not offered', async () => {
    const doc = page(`<div id="g"><label><input type="checkbox" name="c">备案</label><label><input type="checkbox" name="c">报名</label></div>
      <div id="r"><label><input type="radio" name="r">央企</label><label><input type="radio" name="r">其他</label></div>
      <select id="s"><option>央企</option><option>其他</option></select>`);
    for (const [id, v] of [['g', ['备案', '过程监管']], ['r', '市属国企'], ['s', '市属国企']] as Array<[string, string | string[]]>) {
      const c = controlFor(doc.getElementById(id)!)!;
      const before = c.read();
      await expect(c.write(v)).rejects.toMatchObject({ reason: 'no-option' });
      expect(c.read()).toEqual(before);
    }
  });
  it('ticks exactly the checkboxes named by their labels', async () => {
    const doc = page(`<div id="g"><label><input type="checkbox" name="c" value="a" checked>机构备案</label><label><input type="checkbox" name="c" value="b">评价报名</label><label><input type="checkbox" name="c" value="c">资格审核</label></div>`);
    const c = controlFor(doc.getElementById('g')!)!;
    await c.write(['评价报名', '资格审核']);
    expect(c.read()).toEqual(['评价报名', '资格审核']);
  });
});

describe('safety', () => {
  it('never fills password or hidden inputs, nor disabled or read-only ones', () => {
    const doc = page(`<input id="p" type="password"><input id="h" type="hidden"><input id="d" disabled><input id="r" readonly>`);
    const reason = (id: string) => {
      const c = controlFor(doc.getElementById(id)!)!;
      return unusableReason(c.root, c.inputs, c.textInputs);
    };
    expect(reason('p')).toBe('password');
    expect(reason('h')).toBe('hidden');
    // happy-dom has no layout, so only the checks that do not need one are asserted here (e2e covers the rest)
    expect(['disabled', 'hidden']).toContain(reason('d'));
    expect(['readonly', 'hidden']).toContain(reason('r'));
  });
  it('does not enter frames of another origin, and names them', () => {
    const doc = page(`<iframe src="https://evil.example/x"></iframe>`);
    expect(collectDocuments(doc).crossOrigin).toEqual(['https://evil.example']);
  });
});

describe('read-back comparison', () => {
  it('compares labels normalised, lists as sets, cascades in order, numbers by value', () => {
    expect(sameValue('市属国企 ', '市属国企')).toBe(true);
    expect(sameValue(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(sameValue(['杨浦区', '上海市'], ['上海市', '杨浦区'], true)).toBe(false);
    expect(sameValue('2,400', '2400')).toBe(true);
    expect(sameValue('', ['a'])).toBe(false);
    expect(sameValue('', [])).toBe(true);
    expect(sameValue(true, true)).toBe(true);
    expect(sameValue('2400', '240')).toBe(false);
  });
});
