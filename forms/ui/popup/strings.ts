import { defineStrings, type Bilingual } from '../../core/i18n/text';

/** The popup's own words (everything about the checks themselves comes from the pack). */
const STRINGS = {
  title: { zh: '快速判断', en: 'Quick checks' },
  subtitle: { zh: '依据沪人社职〔2024〕120号', en: 'Under HRSS-SH [2024] No. 120' },
  loading: { zh: '正在加载文书包…', en: 'Loading the policy pack…' },
  loadFailed: { zh: '无法加载文书包', en: 'The policy pack could not be loaded' },
  fillIn: { zh: '请填写：', en: 'Please fill in: ' },
  fixInput: { zh: '请修改：', en: 'Please correct: ' },
  outcome: { zh: '结论', en: 'Answer' },
  reasons: { zh: '依据', en: 'Why' },
  openDocument: { zh: '打开并预填：', en: 'Open, prefilled: ' },
  unset: { zh: '—', en: '—' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  add: { zh: '添加', en: 'Add' },
  remove: { zh: '删除', en: 'Remove' },
  showArticle: { zh: '查看条文', en: 'Show article' },
  autofillSlot: { zh: '自动填写', en: 'Autofill' },
} satisfies Record<string, Bilingual>;

export type PopupString = keyof typeof STRINGS;

export const s = defineStrings(STRINGS);
