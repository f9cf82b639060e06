/**
 * Multi-step forms (wizards): a steps bar (Element `el-steps`, Ant Design `ant-steps`) over one
 * panel per step, the others hidden (v-show) or not rendered (v-if). A fill touches only the step
 * the user sees; the report says which fields wait for another step, so the user moves on and
 * fills again.
 */
import { isHidden } from './visibility';

const STEPS_BAR = '.el-steps, .ant-steps';
const FORM_ITEM = '.el-form-item, .ant-form-item';

export function hasStepsBar(docs: readonly Document[]): boolean {
  return docs.some((d) => [...d.querySelectorAll(STEPS_BAR)].some((bar) => !isHidden(bar)));
}

/**
 * Whether a hidden field is hidden with a whole panel of fields (a step not shown now) rather than
 * on its own (a hidden trap field): the outermost hidden box around it holds more than one field.
 */
export function inHiddenPanel(el: Element): boolean {
  let box: Element = el;
  while (box.parentElement && isHidden(box.parentElement) && box.parentElement !== el.ownerDocument.body) box = box.parentElement;
  if (box === el || box.matches(FORM_ITEM)) return false;
  const items = box.querySelectorAll(FORM_ITEM).length;
  return items > 1 || (items === 0 && box.querySelectorAll('input, select, textarea').length > 1);
}
