import { beforeAll, describe, expect, it } from 'vitest';
import { checkOrigin, originMatches } from '../../forms/core/fill/origin';
import { labelKeys, normalizeLabel } from '../../forms/core/fill/normalize-label';
import { planFill } from '../../forms/core/fill/plan-fill';
import { packPortalMaps, parsePortalMap, PortalMapError, selectPortalMap } from '../../forms/core/fill/portal-maps';
import { applyTransforms, formatDate } from '../../forms/core/fill/transforms';
import type { PlanItem, PortalMap } from '../../forms/core/fill/types';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

let pack: Pack;
let draft: Record<string, unknown>;
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  draft = pack.documents['filing-enterprise'].samples['valid-central-soe.json'] as Record<string, unknown>;
});
const byPath = (items: PlanItem[], path: string) => items.find((i) => i.path === path);

describe('label normalisation', () => {
  it('treats width, required marks, colons, spaces and brackets as the same label', () => {
    const forms = ['* 法定代表人：', '法定代表人:', '＊法定 代表人', '法定代表人（）'];
    for (const f of forms) expect(normalizeLabel(f)).toBe('法定代表人');
    expect(normalizeLabel('ＡＢＣ（１）')).toBe('abc1');
  });
  it('also offers the label without its bracketed remark', () => {
    expect(labelKeys('行业主管部门（或上级主管部门）')).toEqual(['行业主管部门或上级主管部门', '行业主管部门']);
  });
});

describe('origin checks', () => {
  it('needs HTTPS except on loopback, and a listed origin', () => {
    const listed = ['https://rsj.sh.gov.cn', 'https://*.osta.org.cn', 'http://127.0.0.1:*'];
    expect(checkOrigin('https://rsj.sh.gov.cn/form', listed)).toEqual({ ok: true, origin: 'https://rsj.sh.gov.cn' });
    expect(checkOrigin('http://rsj.sh.gov.cn/form', listed)).toMatchObject({ ok: false, reason: 'insecure' });
    expect(checkOrigin('https://zscx.osta.org.cn/', listed).ok).toBe(true);
    expect(checkOrigin('https://osta.org.cn.evil.example/', listed)).toMatchObject({ ok: false, reason: 'not-listed' });
    expect(checkOrigin('https://rsj.sh.gov.cn.evil.example/', listed)).toMatchObject({ ok: false, reason: 'not-listed' });
    expect(checkOrigin('http://127.0.0.1:5173/x', listed).ok).toBe(true);
    expect(checkOrigin('http://localhost:5173/x', listed)).toMatchObject({ ok: false, reason: 'not-listed' });
    expect(checkOrigin('not a url', listed)).toMatchObject({ ok: false, reason: 'bad-url' });
  });
  it('matches ports exactly unless the pattern says any', () => {
    expect(originMatches('https://rsj.sh.gov.cn', new URL('https://rsj.sh.gov.cn:8443/'))).toBe(false);
    expect(originMatches('https://rsj.sh.gov.cn:8443', new URL('https://rsj.sh.gov.cn:8443/'))).toBe(true);
  });
});

describe('transforms', () => {
  it('formats dates, maps codes to names and enum values to labels', () => {
    expect(formatDate('2025-03-10', 'YYYY年M月D日')).toBe('2025年3月10日');
    const ctx = { reference: pack.reference };
    expect(applyTransforms('310110', [{ lookup: { ref: 'districts', list: 'districts', key: 'code', value: 'name' } }], ctx)).toEqual({ ok: true, value: '杨浦区' });
    expect(applyTransforms('310110', [{ lookup: { ref: 'districts', list: 'districts', key: 'code', value: 'name' } }, { prepend: ['上海市'] }], ctx)).toEqual({
      ok: true,
      value: ['上海市', '杨浦区'],
    });
    expect(applyTransforms(['a', 'b'], [{ join: '、' }], ctx)).toEqual({ ok: true, value: 'a、b' });
    expect(applyTransforms('6-31-01-03', [{ split: '-', index: 0 }], ctx)).toEqual({ ok: true, value: '6' });
    expect(applyTransforms(true, [{ boolean: ['是', '否'] }], ctx)).toEqual({ ok: true, value: '是' });
    expect(applyTransforms('999999', [{ lookup: { ref: 'districts', list: 'districts', key: 'code', value: 'name' } }], ctx).ok).toBe(false);
  });
});

describe('fill plan without a portal map (label matching)', () => {
  it('offers each scalar draft field under its title and the pack synonyms, with enum labels', () => {
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const legal = byPath(plan.items, '/institution/legalRepresentative')!;
    expect(legal.value).toBe('张建国');
    expect('labels' in legal.match && legal.match.labels).toEqual(expect.arrayContaining(['法定代表人', '法人代表', '法人']));
    expect(byPath(plan.items, '/ownership')).toMatchObject({ value: '市属国企', kind: 'choice' });
    expect(byPath(plan.items, '/informationSystem/covers')).toMatchObject({ kind: 'multi', value: ['机构备案', '评价报名', '资格审核', '过程监管'] });
    expect(byPath(plan.items, '/scope/premiumLevels')).toMatchObject({ kind: 'toggle', value: true });
  });
  it('offers lists without a map row by row, for the page to place in the table whose headers name the columns', () => {
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const code1 = byPath(plan.items, '/occupations/1/code')!;
    expect(code1).toMatchObject({ value: '6-18-02-04', row: { array: '/occupations', index: 1 } });
    expect(code1.row?.rows).toBeUndefined();
    expect('scored' in code1.match && code1.match.scored).toBe(true);
    // a multi-value cell keeps each level's other forms (五级 for 初级工)
    const levels = byPath(plan.items, '/occupations/0/levels')!;
    expect(levels.value).toEqual(['初级工', '中级工', '高级工', '技师']);
    expect(levels.forms?.each?.[0]).toEqual(expect.arrayContaining(['初级工', '五级', '5']));
    // a district in a row is offered as its name first, the code kept as another form
    expect(byPath(plan.items, '/sites/0/district')).toMatchObject({ value: '杨浦区', forms: { texts: expect.arrayContaining(['杨浦', '310110']) } });
    // nested objects of a row (an attachment's stored file) are not columns
    expect(plan.items.some((i) => i.path.includes('/file/'))).toBe(false);
  });
  it('turns lists off with label matching when a map says so, and reports them', () => {
    const map: PortalMap = { id: 'm', title: { zh: 'm' }, origins: ['https://x.gov.cn'], documents: { 'filing-enterprise': { fields: [], labelMatching: false } } };
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map });
    expect(plan.skipped).toContainEqual(expect.objectContaining({ path: '/occupations', reason: 'array-without-map' }));
    expect(plan.items).toHaveLength(0);
  });
  it('offers the pack\'s derived values: counts and joined names', () => {
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    expect(byPath(plan.items, 'derived:evaluator-count')).toMatchObject({ value: '2', derived: true });
    expect(byPath(plan.items, 'derived:occupation-names')).toMatchObject({ value: '电工、焊工' });
    expect(byPath(plan.items, 'derived:station-total')).toMatchObject({ value: '40' });
  });
  it('gives every field its sections for context (姓名 under 联系人)', () => {
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: null });
    const name = byPath(plan.items, '/contact/name')!;
    expect('context' in name.match && name.match.context.join('|')).toMatch(/联系人/);
  });
});

describe('fill plan with a portal map', () => {
  const map: PortalMap = {
    id: 't',
    title: { zh: '测试' },
    origins: ['https://example.gov.cn'],
    formats: { 'sh-district': [{ lookup: { ref: 'districts', list: 'districts', key: 'code', value: 'name' } }] },
    documents: {
      'filing-enterprise': {
        fields: [
          { path: '/applicationDate', selector: '#date', transform: [{ date: 'YYYY年MM月DD日' }] },
          { paths: ['/contact/name', '/contact/position'], label: '联系人', transform: [{ join: ' ' }] },
        ],
        arrays: [{ path: '/occupations', rows: 'tr.occ', addRow: '#add', fields: [{ path: '/code', selector: 'input.code' }, { path: '/levels', selector: '.levels', transform: [{ join: '、' }] }] }],
      },
    },
  };
  it('applies the map: selectors, transforms, joined fields, rows with their add button', () => {
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map });
    expect(byPath(plan.items, '/applicationDate')).toMatchObject({ match: { selector: '#date' }, value: '2025年03月10日', kind: 'date' });
    expect(byPath(plan.items, '/contact/name')).toMatchObject({ value: '赵磊 人力资源部经理', kind: 'text' });
    expect(byPath(plan.items, '/occupations/1/code')).toMatchObject({ value: '6-18-02-04', row: { index: 1, rows: 'tr.occ', addRow: '#add' } });
    expect(byPath(plan.items, '/occupations/0/levels')).toMatchObject({ value: '初级工、中级工、高级工、技师' });
    // a district field left to label matching gets the map's format default: the name, not the code
    expect(byPath(plan.items, '/institution/registrationDistrict')).toMatchObject({ value: '杨浦区' });
    // mapped fields are not offered twice by label
    expect(plan.items.filter((i) => i.path === '/contact/position')).toHaveLength(0);
  });
  it('reports a value the map cannot transform, and skips empty mapped fields', () => {
    const bad = { ...draft, applicationDate: '10/03/2025', contact: { name: '' } };
    const plan = planFill({ pack, docId: 'filing-enterprise', draft: bad, map });
    expect(plan.skipped).toContainEqual(expect.objectContaining({ path: '/applicationDate', reason: 'transform-failed' }));
    expect(plan.skipped).toContainEqual(expect.objectContaining({ path: '/contact/name', reason: 'empty' }));
  });
});

describe('portal maps in the pack', () => {
  it('every shipped map parses and names documents the pack has', () => {
    const maps = packPortalMaps(pack);
    expect(maps.length).toBeGreaterThanOrEqual(4);
    for (const m of maps) for (const d of Object.keys(m.documents)) expect(pack.documents[d]).toBeDefined();
  });
  it('sends one draft value to two portal fields when the map names both, under distinct ids', () => {
    const maps = packPortalMaps(pack);
    const map = selectPortalMap(maps, [], 'http://127.0.0.1:5173/antd/index.html', 'filing-enterprise');
    expect(map?.id).toBe('demo-antd');
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map });
    const district = plan.items.filter((i) => i.path === '/institution/registrationDistrict');
    expect(district.map((i) => i.value)).toEqual(['杨浦区', ['上海市', '杨浦区']]);
    expect(new Set(plan.items.map((i) => i.id)).size).toBe(plan.items.length);
  });
  it('rejects a broken map with a message naming the fault', () => {
    expect(() => parsePortalMap({ id: 'x', title: { zh: 'x' }, origins: ['ftp://x'], documents: {} })).toThrow(PortalMapError);
    expect(() => parsePortalMap({ id: 'x', title: { zh: 'x' }, origins: ['https://x.cn'], documents: { d: { fields: [{ path: '/a' }] } } })).toThrow(/selector 或 label/);
  });
  it('lays a user map over the pack map for the same page', () => {
    const maps = packPortalMaps(pack);
    const user: PortalMap = {
      id: 'user:1',
      title: { zh: '我的映射' },
      origins: ['https://rsj.sh.gov.cn'],
      documents: { 'filing-enterprise': { fields: [{ path: '/institution/name', selector: '#org' }] } },
    };
    const m = selectPortalMap(maps, [user], 'https://rsj.sh.gov.cn/apply', 'filing-enterprise')!;
    const fields = m.documents['filing-enterprise'].fields.filter((f) => f.path === '/institution/name');
    expect(fields).toEqual([{ path: '/institution/name', selector: '#org' }]);
  });
});

describe('hidden sections never reach the portal', () => {
  it('drops values of a branch the ownership no longer selects', () => {
    const pack = parsePack(readPackDir('schemas'));
    const map = {
      id: 'test',
      origins: ['https://portal.example'],
      documents: {
        'filing-enterprise': {
          labelMatching: false,
          fields: [
            { path: '/institution/name', selector: '#name' },
            { path: '/consents/industryAuthority/authority', selector: '#authority' },
          ],
        },
      },
    };
    const draft = {
      institution: { name: '上海示例电气集团有限公司' },
      ownership: 'district-soe',
      consents: { industryAuthority: { authority: '上海市经济和信息化委员会', date: '2025-02-20' } },
    };
    const plan = planFill({ pack, docId: 'filing-enterprise', draft, map: map as never });
    const values = plan.items.map((i) => String(i.value));
    expect(values).toContain('上海示例电气集团有限公司');
    expect(values).not.toContain('上海市经济和信息化委员会');
    const asCentral = planFill({ pack, docId: 'filing-enterprise', draft: { ...draft, ownership: 'municipal-soe' }, map: map as never });
    expect(asCentral.items.map((i) => String(i.value))).toContain('上海市经济和信息化委员会');
  });
});
