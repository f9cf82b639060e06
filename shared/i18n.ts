/**
 * The workbench's own words in Chinese (default) and English, as one typed table (forms/core/i18n/
 * text.ts). The language is a user choice kept in localStorage so every extension page reads it
 * synchronously. The pack's words come from the pack (forms/core/i18n/pack-translation.ts).
 */
import type { Lang } from '../forms/core/i18n/lang';
import { defineStrings, type Bilingual } from '../forms/core/i18n/text';
import { LANG_KEY } from './local-keys';

export type { Lang };

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

/** Words every workbench page shares; a feature with more words extends it (forms/ui/drafts/strings.ts). */
export const baseStrings = {
  appTitle: { zh: '技能等级认定表单助手', en: 'Skill Certification Forms' },
  documents: { zh: '文书', en: 'Documents' },
  drafts: { zh: '草稿', en: 'Drafts' },
  language: { zh: 'English', en: '中文' },
  submit: { zh: '提交校验', en: 'Check and submit' },
  errorsTitle: { zh: '待修改的问题', en: 'Problems to fix' },
  noErrors: { zh: '校验通过', en: 'All checks passed' },
  required: { zh: '必填', en: 'required' },
  addItem: { zh: '添加一项', en: 'Add' },
  addTo: { zh: '添加{list}', en: 'Add to {list}' },
  removeItem: { zh: '删除', en: 'Remove' },
  moveUp: { zh: '上移', en: 'Move up' },
  moveDown: { zh: '下移', en: 'Move down' },
  row: { zh: '第', en: 'row' },
  rowSuffix: { zh: ' 行', en: '' },
  rowActions: { zh: '行操作', en: 'Row actions' },
  print: { zh: '打印', en: 'Print' },
  article: { zh: '条文', en: 'Article' },
  loadFailed: { zh: '无法加载文书包', en: 'The policy pack could not be loaded' },
  unknownDocument: { zh: '未知文书', en: 'Unknown document' },
  back: { zh: '返回', en: 'Back' },
  warning: { zh: '提示', en: 'Warning' },
  emptyList: { zh: '尚未添加', en: 'Nothing added yet' },
  copyItem: { zh: '复制', en: 'Copy' },
  clear: { zh: '清空', en: 'Clear' },
  attachFile: { zh: '选择文件', en: 'Choose a file' },
  attachFailed: { zh: '文件读取失败', en: 'The file could not be read' },
  fileName: { zh: '文件名', en: 'Name' },
  fileType: { zh: '类型', en: 'Type' },
  fileSize: { zh: '大小', en: 'Size' },
  summaryIdle: { zh: '填写时在此显示问题', en: 'Problems appear here as you fill in' },
  summaryCount: { zh: '{e} 个错误，{w} 个提示', en: '{e} errors, {w} warnings' },
  submittedOk: { zh: '校验通过，可以打印或填报。', en: 'All checks passed: ready to print or file.' },
  newDocument: { zh: '新建', en: 'New' },
  packInfo: { zh: '文书包 {id} {version}（{origin}）', en: 'Pack {id} {version} ({origin})' },
  bundled: { zh: '内置', en: 'bundled' },
  installed: { zh: '已安装', en: 'installed' },
  preview: { zh: '预览，未发布', en: 'preview, not published' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  citesArticles: { zh: '依据', en: 'Under' },
  printLoading: { zh: '正在准备打印…', en: 'Preparing the print view…' },
  printMissing: { zh: '找不到这份草稿', en: 'This draft does not exist' },
  printLocked: { zh: '草稿已加密：请先打开草稿并输入口令，再打印', en: 'Drafts are locked: open the draft and enter the passphrase first' },
  printFailed: { zh: '无法打印', en: 'Cannot print' },
} satisfies Record<string, Bilingual>;

type Vars = Readonly<Record<string, string | number>>;

/** A translator whose language defaults to the page's (currentLang). */
export function pageStrings<K extends string>(table: Readonly<Record<K, Bilingual>>) {
  const translate = defineStrings(table);
  return (key: K, lang: Lang = currentLang(), vars: Vars = {}): string => translate(key, lang, vars);
}

export const t = pageStrings(baseStrings);
