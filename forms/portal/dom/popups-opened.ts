/**
 * Dropdowns, pickers and popovers a fill opened and a library left open (a date panel after typing,
 * a select whose list did not close on choice): whatever is shown after the fill that was not before
 * is closed as a person closes it: focus leaves it, then a click on an empty part of the page.
 */
import { mouse } from './events';
import { nextFrame } from './wait';

const POPUPS =
  '.el-popper, .el-select-dropdown, .el-picker-panel, .el-cascader__dropdown, .ant-select-dropdown, .ant-picker-dropdown, .ant-cascader-dropdown, .ant-popover, .ivu-select-dropdown, .ivu-date-picker-transfer, .layui-laydate, .layui-form-selected, .van-popup, [role="listbox"], [role="dialog"][data-popper-placement]';

const shown = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  const cs = (el.ownerDocument.defaultView ?? window).getComputedStyle(el);
  return cs.display !== 'none' && cs.visibility !== 'hidden' && Number(cs.opacity) > 0.05;
};

export function openPopups(docs: readonly Document[]): Set<Element> {
  return new Set(docs.flatMap((d) => [...d.querySelectorAll(POPUPS)].filter(shown)));
}

export async function closeOpenedPopups(docs: readonly Document[], before: Set<Element>): Promise<number> {
  const opened = () => docs.flatMap((d) => [...d.querySelectorAll(POPUPS)].filter((p) => !before.has(p) && shown(p)));
  let left = opened();
  if (!left.length) return 0;
  // no Escape: inside a dialog it would close the dialog the form is in
  for (const d of docs) {
    const active = d.activeElement;
    if (active && active !== d.body) (active as HTMLElement).blur?.();
  }
  await nextFrame();
  left = opened();
  for (const d of docs) if (left.some((p) => p.ownerDocument === d)) {
    mouse(d.body, 'mousedown');
    mouse(d.body, 'mouseup');
    mouse(d.body, 'click');
  }
  await nextFrame();
  return left.length;
}
