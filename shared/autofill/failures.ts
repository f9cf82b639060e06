import type { AutofillFailure, AutofillFailureReason } from '../../forms/core/fill/messages';
import { fillIn, type Bilingual } from '../../forms/core/i18n/text';

const TEXT: Record<AutofillFailureReason, Bilingual> = {
  'no-tab': { zh: '没有可填写的标签页', en: 'No tab to fill' },
  'no-access': { zh: '无法读取该标签页的地址：请在门户页面上点击扩展按钮或使用快捷键', en: 'Cannot read the tab address: use the toolbar button or the shortcut on the portal page' },
  'bad-url': { zh: '该页面地址无效', en: 'The page address is not valid' },
  insecure: { zh: '只在 HTTPS 页面上填写（本机地址除外）：{origin}', en: 'Only HTTPS pages are filled (except localhost): {origin}' },
  'not-listed': { zh: '该网站不在允许填写的门户列表中：{origin}', en: 'This site is not an allowed portal: {origin}' },
  'no-draft': { zh: '请先选择要填写的草稿', en: 'Choose a draft to fill first' },
  'draft-locked': { zh: '该草稿已加密，请先在工作台解锁', en: 'This draft is encrypted: unlock it in the workbench first' },
  'no-pack': { zh: '无法加载文书包', en: 'The policy pack could not be loaded' },
  'inject-failed': { zh: '无法在该页面运行填写脚本（可能需要授权该网站）：{origin}', en: 'Could not run the fill script on this page (the site may need permission): {origin}' },
  'origin-changed': { zh: '页面已转到其他网站，未填写任何内容：{origin}', en: 'The page moved to another site; nothing was filled: {origin}' },
  'no-report': { zh: '页面没有返回填写结果', en: 'The page returned no fill report' },
};

export function failure(reason: AutofillFailureReason, origin = ''): AutofillFailure {
  const t = TEXT[reason];
  return { ok: false, reason, ...(origin ? { origin } : {}), message: { zh: fillIn(t.zh, { origin }), en: fillIn(t.en, { origin }) } };
}
