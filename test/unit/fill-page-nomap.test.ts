// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchSettings } from '../../forms/core/fill/match-fields';
import { planFill } from '../../forms/core/fill/plan-fill';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { fillPage } from '../../forms/portal/fill-page';

let pack: Pack;
let draft: unknown;
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  draft = pack.documents['filing-enterprise'].samples['valid-central-soe.json'];
  // happy-dom lays nothing out: every element gets a visible box (the geometric verdict has its own tests)
  // (an inline `left` on an ancestor moves it, so the page's off-screen trap stays off-screen)
  Element.prototype.getBoundingClientRect = function (this: Element) {
    let left = 10;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    for (let e: Element | null = this; e; e = e.parentElement) left += Number.parseFloat((e as HTMLElement).style?.left || '0') || 0;
    return { left, top: 10, right: left + 200, bottom: 40, width: 200, height: 30, x: left, y: 10, toJSON: () => ({}) } as DOMRect;
  };
});

const plainBody = () => readFileSync('demo/plain/index.html', 'utf8').replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<iframe[^>]*><\/iframe>/g, '');

describe('filling a page no map was written for', () => {
  it('a server-rendered table layout: fields by the cell to their left, traps left alone', async () => {
    document.body.innerHTML = plainBody();
    const sel = document.querySelector('select[name=t4]') as HTMLSelectElement;
    sel.insertAdjacentHTML('beforeend', '<option value="310101">黄浦区</option><option value="310110">杨浦区</option>');
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const run = await fillPage(document, 'f1', plan.items, { settings: matchSettings(pack.files) });
    if (process.env.DEBUG_FILL) console.log(run.report.outcomes.map((o) => `${o.status} ${o.id} ${o.reason ?? ''} ${o.value}`).join('\n'));
    const v = (n: string) => (document.querySelector(`[name=${n}]`) as HTMLInputElement).value;
    expect(v('t1')).toBe('上海示例电气集团有限公司');
    expect(v('t2')).toBe('91310110666007217T');
    expect(v('t3')).toBe('张建国');
    expect(sel.value).toBe('310110');
    expect(run.report.outcomes.find((o) => o.id === '/institution/registrationDistrict')?.status).toBe('filled');
    expect(v('t7')).toBe('2025-03-10');
    expect(v('t11')).toBe('赵磊');
    expect(v('qm_rq')).toBe('2025年3月10日');
    expect(v('t13')).toBe('');
    expect((document.querySelector('[name=t8]') as HTMLInputElement).checked).toBe(true);
    expect([...document.querySelectorAll<HTMLInputElement>('[name=t9]:checked')].map((i) => i.value)).toEqual(['a', 'b', 'c', 'd']);
    // the occupation table is found by its headers and grown with its 添加一行 button (plain.js is not loaded here: no rows appear)
    for (const id of ['trap-readonly', 'trap-disabled', 'trap-password', 'trap-hidden']) {
      const el = document.getElementById(id) as HTMLInputElement;
      expect(el.value === '' || el.value === '（自动带出）', id).toBe(true);
    }
    const byId = (id: string) => run.report.outcomes.find((o) => o.id === id);
    expect(byId('/questionBank/description')).toMatchObject({ status: 'not-found', reason: 'maybe', suggestion: { label: expect.stringContaining('题库情况说明') } });
    expect(run.report.outcomes.filter((o) => o.status === 'filled' && o.id.startsWith('derived:'))).toEqual([]);
  });

  it('a list without a map: the table whose headers name the columns, grown with its 新增 button, filled row by row', async () => {
    document.body.innerHTML = `<fieldset><legend>考评人员</legend>
      <table class="layui-table" id="kp"><thead><tr><th>姓名</th><th>身份证号</th><th>技能等级</th><th>操作</th></tr></thead><tbody></tbody></table>
      <button type="button" id="add">＋新增</button></fieldset>
      <fieldset><legend>考核场所</legend><table><thead><tr><th>场地名称</th><th>场地地址</th><th>工位数</th></tr></thead><tbody></tbody></table></fieldset>`;
    const grades = ['五级', '四级', '三级', '二级', '一级'];
    document.getElementById('add')!.addEventListener('click', () => {
      const tr = document.createElement('tr');
      tr.innerHTML = `<td><input class="n"></td><td><input class="id"></td><td><select class="lv"><option value="">请选择</option>${grades.map((g) => `<option>${g}</option>`).join('')}</select></td><td><button type="button">删除</button></td>`;
      tr.querySelector('button')!.addEventListener('click', () => tr.remove());
      document.querySelector('#kp tbody')!.append(tr);
    });
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const run = await fillPage(document, 'f2', plan.items, { settings: matchSettings(pack.files) });
    if (process.env.DEBUG_FILL) console.log(run.report.outcomes.map((o) => `${o.status} ${o.id} ${o.reason ?? ''} ${o.value}`).join('\n'));
    const rows = [...document.querySelectorAll('#kp tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => (r.querySelector('.n') as HTMLInputElement).value)).toEqual(['李明华', '陈志强']);
    expect(rows.map((r) => (r.querySelector('.id') as HTMLInputElement).value)).toEqual(['11010519491231002X', '310110198503150033']);
    // 高级技师 and 技师 shown by the page as grades
    expect(rows.map((r) => (r.querySelector('.lv') as HTMLSelectElement).value)).toEqual(['一级', '二级']);
    expect(run.report.outcomes.find((o) => o.id === '/evaluators/1/level')).toMatchObject({ status: 'filled' });
    // the supervisors' list (also 姓名 / 身份证号) is not poured into the evaluators' table
    expect(run.report.outcomes.find((o) => o.id === '/qualitySupervisors/0/name')?.status).not.toBe('filled');
    // undo removes the rows the fill added
    const { undoFill } = await import('../../forms/portal/fill-page');
    await undoFill(run);
    expect(document.querySelectorAll('#kp tbody tr')).toHaveLength(0);
  });

  it('a list shown as repeated groups of fields with an add button (Form.List), no table: rows added and filled, undo takes them away', async () => {
    const item = (label: string, name: string) => `<div class="ant-form-item"><div class="ant-form-item-label"><label>${label}</label></div><div class="ant-form-item-control"><input name="${name}"></div></div>`;
    document.body.innerHTML = `<form>${item('联系人', 'lxr')}<div class="ant-card"><div class="ant-card-head">内部质量督导人员</div><div class="ant-card-body" id="rows"></div>
      <button type="button" id="add-dd">+ 添加督导人员</button></div></form>`;
    let n = 0;
    document.getElementById('add-dd')!.addEventListener('click', () => {
      const i = n++;
      const row = document.createElement('div');
      row.className = 'dd-row';
      row.innerHTML = `${item('督导员姓名', `xm${i}`)}${item('证件号码', `zj${i}`)}<button type="button">删除</button>`;
      row.querySelector('button')!.addEventListener('click', () => row.remove());
      document.getElementById('rows')!.append(row);
    });
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const run = await fillPage(document, 'f5', plan.items, { settings: matchSettings(pack.files) });
    if (process.env.DEBUG_FILL) console.log(run.report.outcomes.map((o) => `${o.status} ${o.id} ${o.reason ?? ''} ${o.value}`).join('\n'));
    const val = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement | null)?.value;
    expect(document.querySelectorAll('.dd-row')).toHaveLength(1);
    expect([val('xm0'), val('zj0')]).toEqual(['王秀英', '440524188001010014']);
    expect(val('lxr')).toBe('赵磊');
    expect(run.report.outcomes.find((o) => o.id === '/qualitySupervisors/0/idNumber')).toMatchObject({ status: 'filled' });
    const { undoFill } = await import('../../forms/portal/fill-page');
    await undoFill(run);
    expect(document.querySelectorAll('.dd-row')).toHaveLength(0);
  });

  it('a list shown as one field (考核点名称) and a table with short headers (职业（工种） / 等级) under a heading', async () => {
    const item = (label: string, name: string) => `<div class="layui-form-item"><label class="layui-form-label">${label}</label><div class="layui-input-block"><input name="${name}" class="layui-input"></div></div>`;
    document.body.innerHTML = `<form class="layui-form">${item('考核点名称', 'khd')}${item('姓名', 'xm')}
      <fieldset><legend>申报职业</legend><table id="zy"><thead><tr><th>职业（工种）</th><th>等级</th></tr></thead><tbody></tbody></table>
      <button type="button" id="add">新增</button></fieldset></form>`;
    const levels = ['初级工', '中级工', '高级工', '技师', '高级技师'];
    let n = 0;
    document.getElementById('add')!.addEventListener('click', () => {
      const i = n++;
      const tr = document.createElement('tr');
      tr.innerHTML = `<td><input name="zy${i}"></td><td>${levels.map((l) => `<label><input type="checkbox" name="dj${i}" value="${l}">${l}</label>`).join('')}</td>`;
      document.querySelector('#zy tbody')!.append(tr);
    });
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const run = await fillPage(document, 'f4', plan.items, { settings: matchSettings(pack.files) });
    if (process.env.DEBUG_FILL) console.log(run.report.outcomes.map((o) => `${o.status} ${o.id} ${o.reason ?? ''} ${o.value}`).join('\n'));
    const v = (name: string) => (document.querySelector(`[name=${name}]`) as HTMLInputElement).value;
    const d = draft as { sites: Array<{ name: string }>; occupations: Array<{ name: string }> };
    expect(v('khd')).toBe(d.sites[0].name);
    // a bare 姓名 is not given a list's person (evaluators, supervisors)
    expect(['李明华', '陈志强', '王秀英']).not.toContain(v('xm'));
    expect([...document.querySelectorAll('#zy tbody tr')].map((r) => (r.querySelector('input:not([type=checkbox])') as HTMLInputElement).value)).toEqual(d.occupations.map((o) => o.name));
    expect(document.querySelectorAll('[name=dj0]:checked').length).toBeGreaterThan(0);
    expect(run.report.outcomes.find((o) => o.id === '/sites/0/name')?.status).toBe('filled');
  });

  it("materials: the draft's file goes into the upload control named like the material, listed in the report", async () => {
    document.body.innerHTML = `
      <div class="layui-form-item"><label class="layui-form-label">营业执照</label><div class="layui-input-block"><button type="button">选择文件</button><input type="file" class="layui-upload-file" style="display:none"><span class="names"></span></div></div>
      <div class="layui-form-item"><label class="layui-form-label">法人身份证</label><div class="layui-input-block"><input type="file" class="other"></div></div>`;
    const input = document.querySelector('.layui-upload-file') as HTMLInputElement;
    input.addEventListener('change', () => {
      document.querySelector('.names')!.textContent = [...(input.files ?? [])].map((f) => f.name).join('，');
    });
    const withFile = structuredClone(draft) as { attachments: Array<Record<string, unknown>> };
    withFile.attachments = [{ title: '营业执照副本复印件', file: { blobId: 'b1', name: 'yyzz.pdf', type: 'application/pdf', size: 3 } }];
    const plan = planFill({ pack, docId: 'filing-enterprise', draft: withFile, map: null });
    const item = plan.items.find((i) => i.kind === 'file')!;
    expect(item).toMatchObject({ title: '营业执照副本复印件', value: 'yyzz.pdf', file: { blobId: 'b1' } });
    item.file!.data = btoa('pdf');
    const run = await fillPage(document, 'f3', plan.items, { settings: matchSettings(pack.files) });
    expect(input.files?.[0]?.name).toBe('yyzz.pdf');
    expect((document.querySelector('.other') as HTMLInputElement).files?.length ?? 0).toBe(0);
    expect(run.report.outcomes.find((o) => o.id === item.id)).toMatchObject({ status: 'filled', detail: 'yyzz.pdf' });
  });
  it.each([
    ['上传营业执照', '营业执照副本复印件'],
    ['营业执照扫描件', '营业执照副本复印件'],
    ['营业执照（副本）', '营业执照副本复印件'],
    ['请上传单位章程（加盖公章）', '单位章程复印件'],
    ['评价场地证明材料', '评价场地证明'],
  ])('materials worded differently: %s takes the file of %s, a second upload for another material stays empty', async (pageLabel, title) => {
    document.body.innerHTML = `
      <div class="form-group"><label for="u1">${pageLabel}</label><input id="u1" type="file"></div>
      <div class="form-group"><label for="u2">法定代表人身份证扫描件</label><input id="u2" type="file"></div>`;
    const withFile = structuredClone(draft) as { attachments: Array<Record<string, unknown>> };
    withFile.attachments = [{ title, file: { blobId: 'b1', name: 'scan-001.pdf', type: 'application/pdf', size: 3 } }];
    const plan = planFill({ pack, docId: 'filing-enterprise', draft: withFile, map: null });
    const item = plan.items.find((i) => i.kind === 'file')!;
    item.file!.data = btoa('pdf');
    const run = await fillPage(document, 'f6', plan.items, { settings: matchSettings(pack.files) });
    expect((document.getElementById('u1') as HTMLInputElement).files?.[0]?.name).toBe('scan-001.pdf');
    expect((document.getElementById('u2') as HTMLInputElement).files?.length ?? 0).toBe(0);
    expect(run.report.outcomes.find((o) => o.id === item.id)?.status).toBe('filled');
  });
});
