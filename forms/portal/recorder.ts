/**
 * Learn mode: the user clicks a portal field, then chooses which draft field it receives. Only the
 * draft's field titles are on the page (never its values). Each choice becomes one field map entry
 * (the field's label when it has one the matcher will find again, else a selector).
 */
import type { PortalFieldMap } from '../core/fill/types';
import type { Lang } from '../core/i18n/lang';
import { defineStrings } from '../core/i18n/text';
import { findUnits } from './dom/find-units';
import { selectorFor } from './dom/selector-for';

const HOST_ID = 'formkit-fill-recorder';

export interface RecorderOptions {
  fields: Array<{ path: string; title: string }>;
  lang: Lang;
  onLearned(field: PortalFieldMap): void;
}

/** The learn-mode bar's words. */
const t = defineStrings({
  intro: { zh: '学习模式：点击门户上的一个字段，再选择它对应的草稿字段。', en: 'Learn mode: click a portal field, then choose the draft field it receives.' },
  save: { zh: '保存映射', en: 'Save' },
  stop: { zh: '结束学习', en: 'Stop learning' },
  picked: { zh: '已选字段：{field}', en: 'Field: {field}' },
  saved: { zh: '已保存：{field}。可继续点击下一个字段。', en: 'Saved: {field}. Click the next field.' },
});

export function startRecorder(doc: Document, opts: RecorderOptions): () => void {
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  // open, unlike the report panel: it holds only field titles (never values), and tests drive it
  const root = host.attachShadow({ mode: 'open' });
  const lang = opts.lang;
  root.innerHTML = `<style>
    .bar { position: fixed; left: 16px; bottom: 16px; z-index: 2147483647; background: #fffbe6; border: 1px solid #d4b106;
      border-radius: 8px; padding: 8px 10px; font: 13px system-ui, "PingFang SC", sans-serif; color: #222; max-width: 460px; }
    select, button { font: inherit; margin: 4px 4px 0 0; }
  </style>
  <div class="bar" role="dialog">
    <div class="msg"></div>
    <div class="pick" hidden><select></select><button class="save"></button></div>
    <button class="stop"></button>
  </div>`;
  const msg = root.querySelector('.msg') as HTMLElement;
  const pick = root.querySelector('.pick') as HTMLElement;
  const select = root.querySelector('select') as HTMLSelectElement;
  const save = root.querySelector('.save') as HTMLButtonElement;
  const stopBtn = root.querySelector('.stop') as HTMLButtonElement;
  msg.textContent = t('intro', lang);
  save.textContent = t('save', lang);
  stopBtn.textContent = t('stop', lang);
  for (const f of opts.fields) select.add(new Option(`${f.title}（${f.path}）`, f.path));
  doc.documentElement.append(host);

  let current: PortalFieldMap | null = null;
  // only the user's own clicks count: a page can dispatch synthetic clicks (isTrusted false) to teach a wrong map
  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    const target = e.target as Element | null;
    if (!target || host.contains(target)) return;
    const control = target.closest('input, select, textarea, .el-select, .el-cascader, .el-date-editor, .ant-select, .ant-picker, .el-radio-group, .el-checkbox-group, .ant-radio-group, .ant-checkbox-group, .el-switch, .ant-switch');
    if (!control) return;
    e.preventDefault();
    e.stopPropagation();
    const unit = findUnits(doc).find((u) => u.root.contains(control) || u.root === control);
    const label = unit?.labels[0];
    current = label ? { label } : { selector: selectorFor(control) };
    msg.textContent = t('picked', lang, { field: label ?? current.selector ?? '' });
    pick.hidden = false;
  };
  save.addEventListener('click', (e) => {
    if (!e.isTrusted || !current) return;
    const field = { ...current, path: select.value } as PortalFieldMap;
    opts.onLearned(field);
    msg.textContent = t('saved', lang, { field: select.selectedOptions[0]?.text ?? '' });
    pick.hidden = true;
    current = null;
  });
  const stop = () => {
    doc.removeEventListener('click', onClick, true);
    host.remove();
  };
  stopBtn.addEventListener('click', stop);
  doc.addEventListener('click', onClick, true);
  return stop;
}
