/**
 * Which fields a fill may touch (pages and inputs may be hostile): only what the user can see and could edit
 * by hand. Hidden and off-screen fields are a classic way for a page to harvest autofilled data.
 */
export type UnusableReason = 'hidden' | 'off-screen' | 'disabled' | 'readonly' | 'password';

export function isHidden(el: Element): boolean {
  const he = el as HTMLElement;
  if (typeof he.checkVisibility === 'function' && !he.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
  const rect = el.getBoundingClientRect();
  return rect.width < 2 || rect.height < 2;
}

export function isOffScreen(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  const doc = el.ownerDocument.documentElement;
  const w = el.ownerDocument.defaultView ?? window;
  const left = rect.left + w.scrollX;
  const top = rect.top + w.scrollY;
  return left + rect.width <= 0 || top + rect.height <= 0 || left >= Math.max(doc.scrollWidth, w.innerWidth);
}

const COMPONENT_DISABLED = '.is-disabled, .ant-select-disabled, .ant-picker-disabled, .ant-input-number-disabled, .ant-switch-disabled, .ant-radio-wrapper-disabled, .ant-checkbox-wrapper-disabled, [aria-disabled="true"]';

/**
 * @param root the field's outer element (a component wrapper or the input itself)
 * @param textInputs inputs the user types into (readonly applies to these only: a select's inner input is readonly by design)
 */
export function unusableReason(root: Element, inputs: Element[], textInputs: Element[]): UnusableReason | null {
  for (const i of inputs) {
    if (i instanceof (i.ownerDocument.defaultView ?? window).HTMLInputElement && (i.type === 'password' || i.type === 'hidden')) {
      return i.type === 'password' ? 'password' : 'hidden';
    }
  }
  if (isHidden(root)) return 'hidden';
  if (isOffScreen(root)) return 'off-screen';
  if (root.matches(COMPONENT_DISABLED) || root.closest('fieldset:disabled')) return 'disabled';
  if (inputs.length && inputs.every((i) => (i as HTMLInputElement).disabled)) return 'disabled';
  if (textInputs.some((i) => (i as HTMLInputElement).readOnly)) return 'readonly';
  return null;
}
