// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { labelVariants } from '../../forms/core/fill/match-fields';
import { controlFor } from '../../forms/portal/controls/controls';
import { findUnits } from '../../forms/portal/dom/find-units';
import { sectionHeadings } from '../../forms/portal/dom/sections';
import { findListTables, rowCells } from '../../forms/portal/dom/tables';

// happy-dom lays nothing out: give every element a small visible box (the geometric verdict is tested in fill-visibility.test.ts)
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function () {
    return { left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20, x: 10, y: 10, toJSON: () => ({}) } as DOMRect;
  };
});

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
/** Each unit's labels, normalised as the matcher reads them. */
const labelsOf = (doc: Document) => findUnits(doc).map((u) => u.labels.flatMap((l) => labelVariants(l, ['请输入', '请选择'])));
const unitNamed = (doc: Document, label: string) => findUnits(doc).find((u) => u.labels.flatMap((l) => labelVariants(l, ['请输入', '请选择'])).includes(label));

describe('labels in the markup of every library', () => {
  const cases: Array<[string, string, string]> = [
    ['Element UI/Plus form item', `<div class="el-form-item"><label class="el-form-item__label">* 单位名称：</label><div class="el-form-item__content"><div class="el-input"><input class="el-input__inner"></div></div></div>`, '单位名称'],
    ['Ant Design form item', `<div class="ant-form-item"><div class="ant-form-item-label"><label class="ant-form-item-required" title="机构名称">机构名称</label></div><div class="ant-form-item-control"><input class="ant-input"></div></div>`, '机构名称'],
    ['layui form item', `<div class="layui-form-item"><label class="layui-form-label">申请单位</label><div class="layui-input-block"><input class="layui-input"></div></div>`, '申请单位'],
    ['View UI form item', `<div class="ivu-form-item"><label class="ivu-form-item-label">经办人</label><div class="ivu-form-item-content"><div class="ivu-input-wrapper"><input class="ivu-input"></div></div></div>`, '经办人'],
    ['Vant field', `<div class="van-cell van-field"><div class="van-cell__title van-field__label"><label>联系人</label></div><div class="van-cell__value van-field__value"><div class="van-field__body"><input class="van-field__control"></div></div></div>`, '联系人'],
    ['Bootstrap 3 horizontal group', `<div class="form-group"><label class="col-sm-2 control-label">所属区县</label><div class="col-sm-10"><input class="form-control"></div></div>`, '所属区县'],
    ['Bootstrap 5 form-label', `<div class="mb-3"><label class="form-label">行政区划</label><input class="form-control"></div>`, '行政区划'],
    ['label[for]', `<label for="x">统一社会信用代码</label><input id="x">`, '统一社会信用代码'],
    ['wrapping label', `<label>法人代表 <input></label>`, '法人代表'],
    ['aria-label', `<input aria-label="联系电话">`, '联系电话'],
    ['aria-labelledby', `<span id="l1">电子邮箱</span><input aria-labelledby="l1">`, '电子邮箱'],
    ['placeholder', `<input placeholder="请输入注册地址">`, '注册地址'],
    ['title', `<input title="邮政编码">`, '邮政编码'],
    ['previous table cell', `<table><tr><td>机构全称：</td><td><input></td></tr></table>`, '机构全称'],
    ['text before it in the same line', `<p>申请日期：<input name="d"></p>`, '申请日期'],
    ['text before it, wrapped', `<div><span>填表人</span><span><input name="t"></span></div>`, '填表人'],
    ['fieldset legend of a radio set', `<fieldset><legend>企业性质</legend><label><input type="radio" name="k">国企</label><label><input type="radio" name="k">民企</label></fieldset>`, '企业性质'],
  ];
  for (const [name, html, label] of cases) {
    it(name, () => {
      const doc = page(html);
      expect(labelsOf(doc).flat()).toContain(label);
    });
  }
  it('a web component in an open shadow root, named inside or by its host', () => {
    const doc = page(`<gov-field id="h" aria-label="单位地址"></gov-field><gov-field id="h2"></gov-field>`);
    const inner = doc.getElementById('h')!.attachShadow({ mode: 'open' });
    inner.innerHTML = `<input part="input">`;
    const inner2 = doc.getElementById('h2')!.attachShadow({ mode: 'open' });
    inner2.innerHTML = `<label for="i">邮箱</label><input id="i">`;
    const all = labelsOf(doc).flat();
    expect(all).toContain('单位地址');
    expect(all).toContain('邮箱');
  });
  it('a switch drawn as a button role=switch inside a web component is a field, driven as a toggle', () => {
    const doc = page(`<gov-switch id="s"></gov-switch>`);
    const sr = doc.getElementById('s')!.attachShadow({ mode: 'open' });
    sr.innerHTML = `<label for="b">考核场所有视频监控</label><button type="button" role="switch" id="b" aria-checked="false"></button>`;
    const unit = findUnits(doc).find((u) => u.labels.includes('考核场所有视频监控'));
    expect(unit?.root.getAttribute('role')).toBe('switch');
    expect(controlFor(unit!.root)?.role).toBe('toggle');
  });
  it('a cell of a component table whose header is a table of its own is named by the header above it', () => {
    const doc = page(`<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th>姓名</th><th>身份证号码</th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table class="el-table__body"><tbody><tr><td><input class="a"></td><td><input class="b"></td></tr></tbody></table></div></div>`);
    const all = labelsOf(doc);
    expect(all).toContainEqual(expect.arrayContaining(['姓名']));
    expect(all).toContainEqual(expect.arrayContaining(['身份证号码']));
  });
  it('a Bootstrap row of two columns is two fields, not one', () => {
    const doc = page(`<div class="row"><div class="col-md-6"><label for="a">姓名</label><input id="a"></div><div class="col-md-6"><label for="b">职务</label><input id="b"></div></div>`);
    expect(labelsOf(doc)).toHaveLength(2);
  });
});

describe('the section a field is in', () => {
  it('reads legends, card headers, heading rows and headings before it', () => {
    const doc = page(`
      <fieldset><legend>联系人信息</legend><label for="a">姓名</label><input id="a"></fieldset>
      <div class="el-card"><div class="el-card__header">法定代表人</div><div class="el-card__body"><div class="el-form-item"><label class="el-form-item__label">姓名</label><div class="el-form-item__content"><input id="b"></div></div></div></div>
      <table><tr><td colspan="2">签字确认</td></tr><tr><td>姓名</td><td><input id="c"></td></tr></table>
      <h3>考核场所</h3><div><label for="d">地址</label><input id="d"></div>`);
    expect(sectionHeadings(doc.getElementById('a')!)[0]).toBe('联系人信息');
    expect(unitNamed(doc, '姓名')).toBeDefined();
    const units = findUnits(doc);
    expect(units.find((u) => u.root.querySelector('#b') || u.root.id === 'b')?.context?.[0]).toBe('法定代表人');
    expect(sectionHeadings(doc.getElementById('c')!)[0]).toBe('签字确认');
    expect(sectionHeadings(doc.getElementById('d')!)[0]).toBe('考核场所');
  });
});

describe('controls choose the form of a value their options hold', () => {
  it('a native select showing district names takes the name of a district code', async () => {
    const doc = page(`<label for="s">所属区县</label><select id="s"><option value="">请选择</option><option value="a">黄浦区</option><option value="b">浦东新区</option></select>`);
    const c = controlFor(doc.getElementById('s')!)!;
    await c.write('浦东新区', { texts: ['浦东新区', '浦东', '310115'] });
    expect(c.read()).toBe('浦东新区');
    const short = page(`<select id="s"><option>黄浦</option><option>浦东</option></select>`);
    const c2 = controlFor(short.getElementById('s')!)!;
    await c2.write('浦东新区', { texts: ['浦东新区', '浦东', '310115'] });
    expect(c2.read()).toBe('浦东');
  });
  it('a 是/否 radio group takes a yes/no value; 有/无 too', async () => {
    const doc = page(`<div id="g"><label><input type="radio" name="v" value="1">有</label><label><input type="radio" name="v" value="0">无</label></div>`);
    const c = controlFor(doc.getElementById('g')!)!;
    await c.write(true, { texts: ['是', '有', 'Yes'] });
    expect(c.read()).toBe('有');
  });
  it('a checkbox group of grade names takes levels given as 初级工/技师', async () => {
    const doc = page(`<div id="g"><label><input type="checkbox" name="l">五级</label><label><input type="checkbox" name="l">四级</label><label><input type="checkbox" name="l">二级</label></div>`);
    const c = controlFor(doc.getElementById('g')!)!;
    await c.write(['初级工', '技师'], { each: [['初级工', '五级', '5'], ['技师', '二级', '2']] });
    expect(c.read()).toEqual(['五级', '二级']);
  });
  it('an option worded differently is chosen only when it is clearly the closest', async () => {
    const doc = page(`<select id="s"><option>央企</option><option>市属国企</option><option>区属国企</option><option>其他</option></select>`);
    const c = controlFor(doc.getElementById('s')!)!;
    await c.write('在沪央企', { texts: ['在沪央企', 'central-soe'], loose: true });
    expect(c.read()).toBe('央企');
    expect(c.picked).toEqual(['央企']);
    // a value from a reference list is never taken for a look-alike: 黄浦区 is not 杨浦区
    const d = page(`<select id="s"><option value="">请选择</option><option>黄浦区</option><option>浦东新区</option></select>`);
    const c3 = controlFor(d.getElementById('s')!)!;
    await expect(c3.write('杨浦区', { texts: ['杨浦区', '杨浦', '310110'] })).rejects.toMatchObject({ reason: 'no-option' });
    expect(c3.read()).toBe('请选择');
    const none = page(`<select id="s"><option value="">请选择</option><option>事业单位</option><option>社会团体</option></select>`);
    const c2 = controlFor(none.getElementById('s')!)!;
    await expect(c2.write('在沪央企', { texts: ['在沪央企'], loose: true })).rejects.toMatchObject({ reason: 'no-option' });
    expect(c2.read()).toBe('请选择');
  });
  it('a date split in year, month and day selects', async () => {
    const opts = (from: number, to: number, suffix: string) => Array.from({ length: to - from + 1 }, (_, i) => `<option value="${from + i}">${from + i}${suffix}</option>`).join('');
    const doc = page(`<div id="d"><select>${opts(2020, 2030, '年')}</select><select>${opts(1, 12, '月')}</select><select>${opts(1, 31, '日')}</select></div>`);
    const c = controlFor(doc.getElementById('d')!)!;
    expect(c.kind).toBe('split-date-selects');
    await c.write('2025-03-10', { texts: ['2025-03-10', '2025年3月10日'] });
    expect(c.read()).toBe('2025-03-10');
  });
  it('a text box whose placeholder shows 年月日 gets the date that way', async () => {
    const doc = page(`<input id="t" placeholder="例如 2024年01月01日">`);
    const c = controlFor(doc.getElementById('t')!)!;
    await c.write('2025-03-10', { texts: ['2025-03-10', '2025/03/10', '2025年3月10日', '2025年03月10日'] });
    expect(c.read()).toBe('2025年03月10日');
  });
  it('layui radios, checkboxes and switches are driven through the elements layui draws', async () => {
    const doc = page(`<div id="r"><input type="radio" name="q" title="央企" style="display:none"><div class="layui-form-radio"><i></i><div>央企</div></div><input type="radio" name="q" title="市属国企" style="display:none"><div class="layui-form-radio"><i></i><div>市属国企</div></div></div>`);
    for (const d of doc.querySelectorAll('.layui-form-radio')) d.addEventListener('click', () => {
      for (const o of doc.querySelectorAll('.layui-form-radio')) o.classList.remove('layui-form-radioed');
      d.classList.add('layui-form-radioed');
    });
    const c = controlFor(doc.getElementById('r')!)!;
    expect(c.kind).toBe('layui-form-radio');
    await c.write('市属国企', { texts: ['市属国企', 'municipal-soe'] });
    expect(c.read()).toBe('市属国企');
  });
  it('an ARIA radio group (Vant, web components)', async () => {
    const doc = page(`<div role="radiogroup" id="g"><div role="radio" aria-checked="false"><span class="van-radio__label">是</span></div><div role="radio" aria-checked="false"><span class="van-radio__label">否</span></div></div>`);
    for (const r of doc.querySelectorAll('[role=radio]')) r.addEventListener('click', () => {
      for (const o of doc.querySelectorAll('[role=radio]')) o.setAttribute('aria-checked', 'false');
      r.setAttribute('aria-checked', 'true');
    });
    const c = controlFor(doc.getElementById('g')!)!;
    await c.write(false, { texts: ['否', '无'] });
    expect(c.read()).toBe('否');
  });
});

describe('lists: tables whose headers name the columns', () => {
  it('finds a native table with its 新增 button, and names each cell by its header', () => {
    const doc = page(`<fieldset><legend>申报职业</legend>
      <table><thead><tr><th>职业（工种）</th><th>等级</th></tr></thead><tbody><tr><td><input></td><td><input type="checkbox" name="a">五级</td></tr></tbody></table>
      <button type="button">＋ 新增</button></fieldset>`);
    const [t] = findListTables([doc]);
    expect(t.headers).toEqual(['职业（工种）', '等级']);
    expect(t.addButton?.textContent).toContain('新增');
    expect(t.context).toContain('申报职业');
    expect(rowCells(t, t.rows()[0]).map((c) => c.header)).toEqual(['职业（工种）', '等级']);
  });
  it("finds Element's split header and body tables as one list", () => {
    const doc = page(`<div class="el-table"><div class="el-table__header-wrapper"><table><thead><tr><th>姓名</th><th>证书编号</th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table><tbody><tr class="el-table__row"><td><input></td><td><input></td></tr></tbody></table></div></div>
      <button class="el-button">添加一行</button>`);
    const tables = findListTables([doc]);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows()).toHaveLength(1);
    expect(tables[0].addButton?.textContent).toBe('添加一行');
  });
  it('takes no add button when two lists share the space around it', () => {
    const doc = page(`<div><table><thead><tr><th>姓名</th></tr></thead><tbody></tbody></table><table><thead><tr><th>地址</th></tr></thead><tbody></tbody></table><button>新增</button></div>`);
    const tables = findListTables([doc]);
    expect(tables.every((t) => t.addButton === null)).toBe(true);
  });
});
