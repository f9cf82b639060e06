/**
 * The label matcher on page wordings it was not written for: each case is one page — its controls'
 * labels, the headings above them, their kinds and visible options — and the field each control
 * must get, or `null` where the right answer is "don't fill" (an ambiguous or unrelated control).
 * Wordings come from different real application forms (一网通办, district 人社 registration forms,
 * 随申办 mobile forms, statistical 登记表), deliberately not the corpus pages' wordings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assignFields, matchSettings, type MatchCandidate, type MatchSettings, type MatchTarget } from '../../forms/core/fill/match-fields';
import { planFill } from '../../forms/core/fill/plan-fill';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { Pack } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';

let pack: Pack;
let settings: MatchSettings;
let targets: MatchTarget[];
beforeAll(() => {
  pack = parsePack(readPackDir('schemas'));
  settings = matchSettings(pack.files);
  const draft = pack.documents['filing-enterprise'].samples['valid-central-soe.json'];
  const items = planFill({ pack, docId: 'filing-enterprise', draft, map: null }).items.filter((i) => !i.row && i.kind !== 'file');
  // as the page runtime builds them (forms/portal/fill-page.ts)
  targets = items.map((i) => {
    const m = i.match as { labels: string[]; context?: string[]; hints?: string[]; sections?: string[][] };
    const forms = [...(typeof i.value === 'string' ? [i.value] : []), ...(i.forms?.texts ?? []), ...(i.forms?.each ?? []).flat()];
    return { id: i.id, labels: m.labels, context: m.context ?? [], hints: m.hints, sections: m.sections, kind: i.kind, forms };
  });
});

interface Ctl {
  label: string;
  heading?: string;
  kind?: string;
  options?: string[];
  /** the field it must get; null: left alone */
  want: string | null;
}

const YES_NO = ['是', '否'];

function run(page: Ctl[]): Record<string, string | null> {
  const cands: MatchCandidate[] = page.map((c) => ({ labels: [c.label], context: c.heading ? [c.heading] : [], kind: c.kind ?? 'text', options: c.options }));
  const r = assignFields(targets, cands, settings);
  return Object.fromEntries(page.map((c, i) => [`${c.heading ? `${c.heading} › ` : ''}${c.label}`, r.assigned.find((p) => p.candidate === i)?.target ?? null]));
}
const wanted = (page: Ctl[]) => Object.fromEntries(page.map((c) => [`${c.heading ? `${c.heading} › ` : ''}${c.label}`, c.want]));

const PAGES: Record<string, Ctl[]> = {
  'a district registration form: headings name the applicant and the person handling it': [
    { label: '单位全称', heading: '申请单位基本情况', want: '/institution/name' },
    { label: '社会信用代码', heading: '申请单位基本情况', want: '/institution/uscc' },
    { label: '法定代表人', heading: '申请单位基本情况', want: '/institution/legalRepresentative' },
    { label: '所在区县', heading: '申请单位基本情况', kind: 'choice', want: '/institution/registrationDistrict' },
    { label: '成立时间', heading: '申请单位基本情况', kind: 'date', want: '/institution/foundingDate' },
    { label: '单位性质', heading: '申请单位基本情况', kind: 'choice', options: ['企业', '事业单位', '社会团体', '民办非企业单位'], want: '/institution/unitType' },
    { label: '姓名', heading: '经办人信息', want: '/contact/name' },
    { label: '移动电话', heading: '经办人信息', want: '/contact/mobile' },
    { label: '电子信箱', heading: '经办人信息', want: '/contact/email' },
  ],
  'both people on one page, each under its own heading': [
    { label: '姓名', heading: '评价机构负责人', want: '/institution/evaluationHead/name' },
    { label: '职务', heading: '评价机构负责人', want: '/institution/evaluationHead/position' },
    { label: '手机', heading: '评价机构负责人', want: '/institution/evaluationHead/mobile' },
    { label: '姓名', heading: '联系人信息', want: '/contact/name' },
    { label: '职务', heading: '联系人信息', want: '/contact/position' },
    { label: '手机号码', heading: '联系人信息', want: '/contact/mobile' },
  ],
  'only the contact has a section: the head never takes its controls': [
    { label: '机构名称', want: '/institution/name' },
    { label: '联系人', heading: '填报人信息', want: '/contact/name' },
    { label: '职务', heading: '填报人信息', want: '/contact/position' },
    { label: '手机号码', heading: '填报人信息', want: '/contact/mobile' },
  ],
  'no headings at all: a phone beside the contact\'s own fields is the contact\'s': [
    { label: '申请机构名称', want: '/institution/name' },
    { label: '经办人', want: '/contact/name' },
    { label: '手机号码', want: '/contact/mobile' },
    { label: 'E-mail', want: '/contact/email' },
  ],
  'two bare 姓名 boxes with nothing to tell them apart are left alone': [
    { label: '姓名', want: null },
    { label: '姓名', want: null },
  ],
  'ownership worded as a category, decided by what the options can show': [
    { label: '所有制类型', kind: 'choice', options: ['国有企业（中央）', '国有企业（市属）', '国有企业（区属）', '民营企业'], want: '/ownership' },
    { label: '机构类型', kind: 'choice', options: ['企业', '社会团体', '事业单位', '院校'], want: '/institution/unitType' },
  ],
  'a label that is one field\'s title but options only the other field\'s value fits': [
    { label: '单位类型', kind: 'choice', options: ['在沪央企', '市属国有企业', '区属国有企业', '其他'], want: '/ownership' },
  ],
  'a category select whose options cannot be read: the exact title wins over the other field\'s synonym': [
    { label: '企业性质', kind: 'choice', want: '/ownership' },
    { label: '单位类型', kind: 'choice', want: '/institution/unitType' },
  ],
  'a category label both fields share, options unread: not guessed': [{ label: '单位性质', kind: 'choice', want: null }],
  'yes/no questions worded as questions': [
    { label: '是否国有企业', kind: 'choice', options: YES_NO, want: 'derived:state-owned' },
    { label: '是否开展特级技师评聘', kind: 'toggle', want: '/scope/premiumLevels' },
    { label: '有无视频监控', heading: '考核场所', kind: 'toggle', want: '/facilities/videoSurveillance' },
    { label: '是否为高新技术企业', kind: 'choice', options: YES_NO, want: null },
  ],
  'dates named their own way by a date picker': [
    { label: '填表时间', kind: 'date', want: '/applicationDate' },
    { label: '题库更新时间', kind: 'date', want: '/questionBank/lastUpdated' },
  ],
  'a mobile form with short labels and placeholders as labels': [
    { label: '申请单位', want: '/institution/name' },
    { label: '信用代码', want: '/institution/uscc' },
    { label: '法人', want: '/institution/legalRepresentative' },
    { label: '详细地址', want: '/institution/registeredAddress' },
    { label: '联系手机', heading: '联系方式', want: '/contact/mobile' },
    { label: '邮箱', heading: '联系方式', want: '/contact/email' },
  ],
  'fields the draft does not have are not filled with something else': [
    { label: '开户银行', want: null },
    { label: '注册资本（万元）', want: null },
    { label: '传真', want: null },
    { label: '邮政编码', want: null },
  ],
};

describe('matching page wordings nobody wrote a map for', () => {
  for (const [name, page] of Object.entries(PAGES)) {
    it(name, () => {
      expect(run(page)).toEqual(wanted(page));
    });
  }
});
