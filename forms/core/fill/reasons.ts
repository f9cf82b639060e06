/** Report wording for each status and reason code, Chinese first (shared by the panel and the popup). */
import type { Lang } from '../validation/types';

type Text = { zh: string; en: string };

export const STATUS_TEXT: Record<string, Text> = {
  filled: { zh: '已填写', en: 'Filled' },
  skipped: { zh: '已跳过', en: 'Skipped' },
  failed: { zh: '未成功', en: 'Failed' },
  'not-found': { zh: '未找到', en: 'Not found' },
};

export const REASON_TEXT: Record<string, Text> = {
  hidden: { zh: '字段不可见', en: 'field is hidden' },
  'off-screen': { zh: '字段在可视区域之外', en: 'field is off-screen' },
  covered: { zh: '字段被其他元素遮挡', en: 'field is covered by another element' },
  'no-file': { zh: '草稿中没有该材料的文件（或文件已加密）', en: 'the draft holds no file for this material (or it is encrypted)' },
  maybe: { zh: '未自动填写（把握不足），可能是页面上的字段', en: 'not filled (not sure enough); it may be the page field' },
  'no-list': { zh: '页面上没有表头与此列表对应的表格', en: 'no table on the page whose headers match this list' },
  'no-column': { zh: '表格中没有对应的列', en: 'no matching column in the table' },
  disabled: { zh: '字段已禁用', en: 'field is disabled' },
  readonly: { zh: '字段只读', en: 'field is read-only' },
  password: { zh: '密码字段从不填写', en: 'password fields are never filled' },
  unsupported: { zh: '不支持的控件', en: 'unsupported control' },
  ambiguous: { zh: '页面上有多个同名字段，无法确定', en: 'several fields on the page match; not guessed' },
  taken: { zh: '该字段已由另一项填写', en: 'field already filled by another item' },
  composing: { zh: '正在输入法输入中', en: 'text is being composed (IME)' },
  'no-option': { zh: '下拉选项中没有该值（或未能及时加载）', en: 'no such option (or it did not load in time)' },
  'other-step': { zh: '当前步骤中没有此字段（若在其他步骤，进入该步骤后再点一次填写）', en: 'not on the current step (if it is on another step, go there and fill again)' },
  'did-not-stick': { zh: '填写后读回的值不一致', en: 'value did not stick' },
  error: { zh: '填写出错', en: 'error while filling' },
  'no-field': { zh: '页面上没有对应字段', en: 'no matching field on the page' },
  'row-missing': { zh: '表格行不存在且无法添加', en: 'table row missing and could not be added' },
  'ambiguous-title': { zh: '草稿中有多个字段同名，无法按标签区分', en: 'several draft fields share this label' },
  'array-without-map': { zh: '表格没有门户映射，未填写', en: 'no portal map for this table' },
  'transform-failed': { zh: '值无法转换为门户格式', en: 'value could not be converted for the portal' },
  empty: { zh: '草稿中此项为空', en: 'empty in the draft' },
  'cross-origin-frame': { zh: '跨源框架未填写（需确认）', en: 'cross-origin frame not filled (needs confirmation)' },
};

export const statusText = (s: string, lang: Lang): string => STATUS_TEXT[s]?.[lang] ?? s;
export const reasonText = (r: string | undefined, lang: Lang): string => (r ? (REASON_TEXT[r]?.[lang] ?? r) : '');
