/**
 * Which adapter drives the control inside a field unit. The adapters live by library:
 * native-controls.ts, element-controls.ts (Element Plus and Element UI), ant-controls.ts, and
 * common-controls.ts for the controls the libraries draw alike.
 */
import { antCascader, antPicker, antSelect } from './ant-controls';
import { labelledChoices, numberInput, toggleControl } from './common-controls';
import { pick, type Control } from './control';
import { elCascader, elDate, elSelect } from './element-controls';
import { choiceInputs, nativeGroup, nativeSelect, nativeText, nativeToggle } from './native-controls';
import { fileControl, fileInputOf } from './file-controls';
import { opensPicker, popupPicker } from './picker-controls';
import { ariaChoices, ivuSelect, layuiSelect, splitDateOf, splitDateSelects, typedDate } from './other-controls';

export { FillFailure, type Control } from './control';

/** The adapter for the control inside a field unit, or null when it holds none we know. */
export function controlFor(unitRoot: Element): Control | null {
  const w = (unitRoot.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  let el: Element | null;
  const file = fileInputOf(unitRoot);
  if (file) return fileControl(unitRoot, file);
  if ((el = pick(unitRoot, '.el-cascader'))) return elCascader(el);
  if ((el = pick(unitRoot, '.el-select'))) return elSelect(el);
  if ((el = pick(unitRoot, '.el-date-editor'))) return readonlyPicker(el, 'el-date-picker-popup') ?? elDate(el);
  if ((el = pick(unitRoot, '.el-radio-group'))) return labelledChoices(el, '.el-radio', '.el-radio__label', 'is-checked');
  if ((el = pick(unitRoot, '.el-checkbox-group'))) return labelledChoices(el, '.el-checkbox', '.el-checkbox__label', 'is-checked');
  if ((el = pick(unitRoot, '.el-switch'))) {
    const sw = el;
    return toggleControl(sw, 'el-switch', () => sw.classList.contains('is-checked'), sw);
  }
  if ((el = pick(unitRoot, '.el-input-number'))) return numberInput(el, 'el-input-number');
  if ((el = pick(unitRoot, '.ant-cascader'))) return antCascader(el);
  if ((el = pick(unitRoot, '.ant-select'))) return antSelect(el);
  if ((el = pick(unitRoot, '.ant-picker'))) return readonlyPicker(el, 'ant-date-picker-popup') ?? antPicker(el);
  if ((el = pick(unitRoot, '.ant-radio-group'))) return labelledChoices(el, '.ant-radio-wrapper', '.ant-radio-label', 'ant-radio-wrapper-checked');
  if ((el = pick(unitRoot, '.ant-checkbox-group'))) return labelledChoices(el, '.ant-checkbox-wrapper', '.ant-checkbox-label', 'ant-checkbox-wrapper-checked');
  if ((el = pick(unitRoot, '.ant-switch'))) {
    const sw = el;
    return toggleControl(sw, 'ant-switch', () => sw.getAttribute('aria-checked') === 'true', sw);
  }
  if ((el = pick(unitRoot, '.ant-input-number'))) return numberInput(el, 'ant-input-number');
  // layui draws its own control next to the native one it hides
  if ((el = pick(unitRoot, '.layui-form-select'))) return layuiSelect(el);
  if (unitRoot.querySelector('.layui-form-radio')) return labelledChoices(unitRoot, '.layui-form-radio', 'div', 'layui-form-radioed', false);
  if (unitRoot.querySelector('.layui-form-checkbox')) return labelledChoices(unitRoot, '.layui-form-checkbox', 'span, div', 'layui-form-checked', true);
  if ((el = pick(unitRoot, '.layui-form-switch'))) {
    const sw = el;
    return toggleControl(sw, 'layui-switch', () => sw.classList.contains('layui-form-onswitch'), sw);
  }
  // View UI (Plus)
  if ((el = pick(unitRoot, '.ivu-select'))) return ivuSelect(el);
  if ((el = pick(unitRoot, '.ivu-date-picker'))) return typedDate(el, 'ivu-date-picker');
  if ((el = pick(unitRoot, '.ivu-radio-group'))) return labelledChoices(el, '.ivu-radio-wrapper', '.ivu-radio-label', 'ivu-radio-wrapper-checked', false);
  if ((el = pick(unitRoot, '.ivu-checkbox-group'))) return labelledChoices(el, '.ivu-checkbox-wrapper', '.ivu-checkbox-label', 'ivu-checkbox-wrapper-checked', true);
  if ((el = pick(unitRoot, '.ivu-switch'))) {
    const sw = el;
    return toggleControl(sw, 'ivu-switch', () => sw.classList.contains('ivu-switch-checked'), sw);
  }
  if ((el = pick(unitRoot, '.ivu-input-number'))) return numberInput(el, 'ivu-input-number');
  // ARIA widgets (Vant, web components)
  if ((el = pick(unitRoot, '[role="radiogroup"]')) && el.querySelector('[role="radio"]')) return ariaChoices(el, 'radio', '.van-radio__label, [part="label"]');
  if (!unitRoot.querySelector('input[type="checkbox"]') && unitRoot.querySelectorAll('[role="checkbox"]').length > 1) return ariaChoices(unitRoot, 'checkbox', '.van-checkbox__label, [part="label"]');
  if ((el = pick(unitRoot, '[role="switch"]')) && !(el instanceof w.HTMLInputElement)) {
    const sw = el;
    return toggleControl(sw, 'aria-switch', () => sw.getAttribute('aria-checked') === 'true', sw);
  }
  const split = splitDateOf(unitRoot);
  if (split) return splitDateSelects(unitRoot, split);
  if ((el = pick(unitRoot, 'select'))) return nativeSelect(el as HTMLSelectElement);
  const radios = unitRoot instanceof w.HTMLInputElement && unitRoot.type === 'radio' ? [unitRoot] : choiceInputs(unitRoot, 'radio');
  if (radios.length) return nativeGroup(unitRoot instanceof w.HTMLInputElement ? (unitRoot.parentElement ?? unitRoot) : unitRoot, 'radio');
  if (unitRoot instanceof w.HTMLInputElement && unitRoot.type === 'checkbox') return nativeToggle(unitRoot);
  const boxes = choiceInputs(unitRoot, 'checkbox');
  if (boxes.length === 1 && !unitRoot.querySelector('input:not([type="checkbox"]), textarea')) return nativeToggle(boxes[0]);
  if (boxes.length > 1) return nativeGroup(unitRoot, 'checkbox');
  if ((el = pick(unitRoot, 'textarea, input'))) return readonlyPicker(unitRoot, 'popup-picker') ?? nativeText(el as HTMLInputElement);
  return null;
}

/** A read-only input a popup fills (picker-controls.ts), or null for any other input. */
function readonlyPicker(root: Element, kind: string): Control | null {
  const input = pick(root, 'input');
  const w = (root.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  return input instanceof w.HTMLInputElement && opensPicker(input) ? popupPicker(root, input, kind) : null;
}
