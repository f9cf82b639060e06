/**
 * UI strings in Chinese (default) and English. Each feature adds its keys to `strings` below;
 * the language is a user choice kept in localStorage so every extension page reads it synchronously.
 */
import type { Lang } from '../forms/core/validation/types';

export type { Lang };

const LANG_KEY = 'formkit.lang';

export function currentLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function setLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
}

export type Strings = Record<string, { zh: string; en: string }>;

const strings: Strings = {
  appTitle: { zh: '技能等级认定表单助手', en: 'Skill Certification Forms' },
  documents: { zh: '文书', en: 'Documents' },
  drafts: { zh: '草稿', en: 'Drafts' },
  language: { zh: 'English', en: '中文' },
  submit: { zh: '提交校验', en: 'Check and submit' },
  errorsTitle: { zh: '待修改的问题', en: 'Problems to fix' },
  noErrors: { zh: '校验通过', en: 'All checks passed' },
  required: { zh: '必填', en: 'required' },
  addItem: { zh: '添加一项', en: 'Add' },
  removeItem: { zh: '删除', en: 'Remove' },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  print: { zh: '打印', en: 'Print' },
  article: { zh: '条文', en: 'Article' },
  loadFailed: { zh: '无法加载文书包', en: 'The policy pack could not be loaded' },
  unknownDocument: { zh: '未知文书', en: 'Unknown document' },
  back: { zh: '返回', en: 'Back' },
  warning: { zh: '提示', en: 'Warning' },
};

export function addStrings(more: Strings): void {
  Object.assign(strings, more);
}

export function t(key: string, lang: Lang = currentLang(), vars: Record<string, string | number> = {}): string {
  const entry = strings[key];
  const text = entry ? entry[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));
}
