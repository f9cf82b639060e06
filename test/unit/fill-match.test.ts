import { beforeAll, describe, expect, it } from 'vitest';
import { assignFields, labelVariants, matchSettings, scorePair, similarity, type MatchCandidate, type MatchSettings, type MatchTarget } from '../../forms/core/fill/match-fields';
import { planFill } from '../../forms/core/fill/plan-fill';
import type { PlanItem } from '../../forms/core/fill/types';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

let pack: Pack;
let settings: MatchSettings;
let items: PlanItem[];
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  settings = matchSettings(pack.files);
  const draft = pack.documents['filing-enterprise'].samples['valid-central-soe.json'];
  items = planFill({ pack, docId: 'filing-enterprise', draft, map: null }).items.filter((i) => !i.row);
});

/** The draft's scalar fields as the page matcher sees them. */
const targets = (): MatchTarget[] =>
  items.map((i) => {
    const m = i.match as { labels: string[]; context?: string[]; hints?: string[]; sections?: string[][] };
    return { id: i.path, labels: m.labels, context: m.context ?? [], hints: m.hints, sections: m.sections, kind: i.kind, forms: i.forms?.texts };
  });
const page = (...cands: Array<[string, string?, string?]>): MatchCandidate[] => cands.map(([label, heading, kind]) => ({ labels: [label], context: heading ? [heading] : [], kind: kind ?? 'text' }));
const assigned = (cands: MatchCandidate[]) => {
  const r = assignFields(targets(), cands, settings);
  return Object.fromEntries(r.assigned.map((p) => [cands[p.candidate].labels[0] + (cands[p.candidate].context[0] ? `@${cands[p.candidate].context[0]}` : ''), p.target]));
};

describe('label normalisation for matching', () => {
  it('drops required marks, colons, spaces, bracketed notes and 请输入/请选择 placeholders', () => {
    for (const raw of ['* 单位名称：', '单位名称:', '单位名称（必填）', '请输入单位名称', '【单位名称】', ' 单位 名称 ']) {
      expect(labelVariants(raw, settings.ignore)).toContain('单位名称');
    }
    expect(labelVariants('请选择所属区县', settings.ignore)).toContain('所属区县');
  });
  it('scores equal labels 1, a field label inside the page label high, unrelated labels low', () => {
    expect(similarity('机构名称', '机构名称')).toBe(1);
    expect(similarity('申请单位', '申请单位名称')).toBeGreaterThan(0.85);
    expect(similarity('联系电话', '注册地址')).toBeLessThan(0.2);
    // a short page label inside a longer title says little on its own
    expect(similarity('机构名称', '名称')).toBeLessThan(settings.fillAt);
  });
});

describe('assigning page controls to draft fields', () => {
  it('fills the wordings government forms use for the same field, through the pack synonyms', () => {
    const got = assigned(page(['申请单位名称'], ['社会信用代码'], ['法人代表'], ['行政区划', undefined, 'choice'], ['单位地址'], ['经办人'], ['联系手机', '联系人信息'], ['电子邮件地址'], ['填表日期', undefined, 'date']));
    expect(got).toMatchObject({
      申请单位名称: '/institution/name',
      社会信用代码: '/institution/uscc',
      法人代表: '/institution/legalRepresentative',
      行政区划: '/institution/registrationDistrict',
      单位地址: '/institution/registeredAddress',
      经办人: '/contact/name',
      '联系手机@联系人信息': '/contact/mobile',
      电子邮件地址: '/contact/email',
      填表日期: '/applicationDate',
    });
  });
  it('gives a bare 手机号码 to the contact, not to the institution head whose section the page never shows', () => {
    expect(assigned(page(['手机号码']))['手机号码']).toBe('/contact/mobile');
    // under the head's own heading it is the head's
    expect(assigned(page(['手机号码', '评价机构负责人']))['手机号码@评价机构负责人']).toBe('/institution/evaluationHead/mobile');
  });
  it('never gives a label to another field\'s synonym over the field it is the title of: 联系电话 is never the head\'s 手机号码', () => {
    expect(assigned(page(['联系电话']))['联系电话']).not.toBe('/institution/evaluationHead/mobile');
    expect(assigned(page(['联系电话', '职业技能等级评价机构备案']))['联系电话@职业技能等级评价机构备案']).not.toBe('/institution/evaluationHead/mobile');
  });
  it('reads an abridged wording: the page label\'s characters all in the title, in order', () => {
    const got = assigned([{ labels: ['特级技师评聘'], context: [], kind: 'toggle' }]);
    expect(got['特级技师评聘']).toBe('/scope/premiumLevels');
    // a two-character label is too short to say which field it abridges
    expect(assigned(page(['名称']))['名称']).toBeUndefined();
  });
  it('reads a short label in its section: 姓名 under 联系人 is the contact, under 签字 the signer', () => {
    const got = assigned(page(['姓名', '联系人信息'], ['职务', '联系人信息'], ['姓名', '签字确认']));
    expect(got['姓名@联系人信息']).toBe('/contact/name');
    expect(got['职务@联系人信息']).toBe('/contact/position');
  });
  it('gives each control to one field at most, and each field one control', () => {
    const cands = page(['机构名称'], ['申请单位全称'], ['统一社会信用代码']);
    const r = assignFields(targets(), cands, settings);
    const fields = r.assigned.map((p) => p.target);
    const controls = r.assigned.map((p) => p.candidate);
    expect(new Set(fields).size).toBe(fields.length);
    expect(new Set(controls).size).toBe(controls.length);
    // the institution's name goes to the exact label once; the other control is not given it too
    expect(r.assigned.filter((p) => p.target === '/institution/name').map((p) => p.candidate)).toEqual([0]);
    expect(r.assigned.some((p) => p.candidate === 1 && p.target === '/institution/name')).toBe(false);
    // two controls fitting one field equally are not guessed between
    const tie = assignFields(targets(), page(['机构名称'], ['单位名称']), settings);
    expect(tie.assigned.some((p) => p.target === '/institution/name')).toBe(false);
  });
  it('does not guess between two draft fields the page label fits equally', () => {
    const two: MatchTarget[] = [
      { id: 'a', labels: ['同意日期'], context: ['行业主管部门同意意见'] },
      { id: 'b', labels: ['同意日期'], context: ['行业主管部门同意意见'] },
    ];
    const r = assignFields(two, page(['同意日期']), settings);
    expect(r.assigned).toHaveLength(0);
    expect(r.ambiguous.map((a) => a.target).sort()).toEqual(['a', 'b']);
  });
  it('does not guess between two equally fitting page controls', () => {
    const r = assignFields([{ id: 'x', labels: ['联系电话'], context: [] }], page(['联系电话'], ['联系电话']), settings);
    expect(r.assigned).toHaveLength(0);
    expect(r.ambiguous).toEqual([{ target: 'x', candidates: [0, 1] }]);
  });
  it('below the bar it suggests (可能是 …) instead of filling', () => {
    const r = assignFields([{ id: 'v', labels: ['监控录像保存天数'], context: [] }], page(['监控保存时长']), settings);
    expect(r.assigned).toHaveLength(0);
    expect(r.suggested).toEqual([expect.objectContaining({ target: 'v', candidate: 0 })]);
    const none = assignFields([{ id: 'v', labels: ['监控录像保存天数'], context: [] }], page(['备注']), settings);
    expect(none.suggested).toHaveLength(0);
  });
  it('fits yes/no values to switches and 是/否 choices, not to text boxes', () => {
    const t: MatchTarget = { id: 'y', labels: ['配备视频监控系统'], context: [], kind: 'toggle', forms: ['是', '有'] };
    const box = scorePair(t, { labels: ['配备视频监控系统'], context: [], kind: 'text' }, settings);
    const sw = scorePair(t, { labels: ['配备视频监控系统'], context: [], kind: 'toggle' }, settings);
    const radios = scorePair(t, { labels: ['配备视频监控系统'], context: [], kind: 'choice', options: ['是', '否'] }, settings);
    expect(sw).toBeGreaterThan(box);
    expect(radios).toBeGreaterThan(box);
    expect(box).toBeLessThan(settings.fillAt);
  });
  it('prefers the choice whose options hold the value', () => {
    const t: MatchTarget = { id: 'o', labels: ['企业性质'], context: [], kind: 'choice', forms: ['市属国企', 'municipal-soe'] };
    const right = scorePair(t, { labels: ['单位性质'], context: [], kind: 'choice', options: ['在沪央企', '市属国企'] }, settings);
    const wrong = scorePair(t, { labels: ['单位性质'], context: [], kind: 'choice', options: ['事业单位', '社会团体'] }, settings);
    expect(right).toBeGreaterThan(wrong);
  });
  it('puts a count, not a joined list of names, into a field whose label asks for a number', () => {
    const names: MatchTarget = { id: 'names', labels: ['申报职业', '评价职业'], context: [], forms: ['电工、焊工'] };
    const count: MatchTarget = { id: 'count', labels: ['申报职业数量', '职业数量'], context: [], forms: ['2', '2个'] };
    for (const label of ['评价职业数', '评价职业（个）', '备案职业数量：']) {
      const c: MatchCandidate = { labels: [label], context: [], kind: 'text' };
      expect(scorePair(names, c, settings), label).toBeLessThan(settings.fillAt);
      const r = assignFields([names, count], [c], settings);
      expect(r.assigned.map((p) => p.target), label).not.toContain('names');
    }
    // a label that merely contains 数 inside is no quantity: 数据来源 still takes a text
    expect(scorePair({ id: 'src', labels: ['数据来源'], context: [], forms: ['平台导入'] }, { labels: ['数据来源'], context: [] }, settings)).toBe(1);
  });
  it('puts a count only where a number is asked for, never in a person\'s field', () => {
    const count: MatchTarget = { id: 'n', labels: ['内部质量督导员人数', '督导员人数'], context: [], forms: ['1', '1人'], quantity: true };
    expect(scorePair(count, { labels: ['质量督导员'], context: [] }, settings)).toBeLessThan(settings.fillAt);
    expect(scorePair(count, { labels: ['督导员人数'], context: [] }, settings)).toBeGreaterThanOrEqual(settings.fillAt);
  });
  it('takes a label without its generic ending, said exactly, for the field (职业（工种） for 职业工种名称)', () => {
    const name: MatchTarget = { id: 'n', labels: ['职业名称', '职业工种名称'], context: [] };
    expect(scorePair(name, { labels: ['职业（工种）'], context: [] }, settings)).toBeGreaterThanOrEqual(settings.fillAt);
    // only the whole rest counts: 职业 alone is not 职业工种
    expect(scorePair(name, { labels: ['职业（工种）类别'], context: [] }, settings)).toBeLessThan(0.98);
    // a pack without implied endings keeps the plain comparison: an abridged wording, not the field's own
    expect(scorePair(name, { labels: ['职业（工种）'], context: [] }, { ...settings, implied: [] })).toBeLessThan(0.98);
  });
  it('reads a declaration beside a lone checkbox as the yes/no field it rewords, and only there', () => {
    const commit: MatchTarget = { id: 'c', labels: ['本单位承诺所填信息真实有效，按照“谁评价、谁负责、谁发证”的原则承担主体责任'], context: [], kind: 'toggle', forms: ['是'] };
    expect(scorePair(commit, { labels: ['本单位承诺所填信息真实有效，并承担相应责任'], context: [], kind: 'toggle' }, settings)).toBeGreaterThanOrEqual(settings.fillAt);
    // the same sentence over a text box is no declaration
    const text: MatchTarget = { id: 'd', labels: ['依据国家职业标准开发理论和技能题库，每年更新一次'], context: [] };
    expect(scorePair(text, { labels: ['依据行业企业评价规范开发技能题库，按需更新'], context: [] }, settings)).toBeLessThan(settings.fillAt);
  });
  it('never matches a file input to a text value', () => {
    expect(scorePair({ id: 'n', labels: ['机构名称'], context: [] }, { labels: ['机构名称'], context: [], kind: 'file' }, settings)).toBe(0);
  });
  it('reads its thresholds from the pack, with defaults for a pack without them', () => {
    expect(settings.fillAt).toBeGreaterThan(settings.suggestAt);
    expect(matchSettings({}).fillAt).toBeGreaterThan(0);
    expect(matchSettings({ 'fill/matching.json': { fillAt: 'x' } }).fillAt).toBe(matchSettings({}).fillAt);
  });
});
