/**
 * Events as a user's input produces them. Frameworks track input values themselves (React's value
 * tracker, Vue's v-model listeners), so values are written with the prototype's native setter and
 * announced with the events those listeners wait for.
 */
type Settable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function protoOf(el: Settable): object {
  const w = el.ownerDocument.defaultView ?? window;
  if (el instanceof w.HTMLTextAreaElement) return w.HTMLTextAreaElement.prototype;
  if (el instanceof w.HTMLSelectElement) return w.HTMLSelectElement.prototype;
  return w.HTMLInputElement.prototype;
}

export function setNativeValue(el: Settable, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(protoOf(el), 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

const win = (el: Element): Window & typeof globalThis => (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;

export function fire(el: Element, type: 'input' | 'change' | 'blur' | 'focus' | 'focusout' | 'focusin'): void {
  const w = win(el);
  const ev =
    type === 'input'
      ? new w.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' })
      : type === 'blur' || type === 'focus'
        ? new w.FocusEvent(type, { bubbles: false })
        : type === 'focusout' || type === 'focusin'
          ? new w.FocusEvent(type, { bubbles: true })
          : new w.Event(type, { bubbles: true });
  el.dispatchEvent(ev);
}

/**
 * Types a whole value: focus, native set, input, change, blur — the sequence every library listens
 * for. Moving the real focus costs a layout per field (100 fields would take most of a second), so
 * plain inputs get the focus events without the focus; pickers and search boxes that open popups on
 * focus ask for the real one.
 */
export function typeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string, opts: { blur?: boolean; realFocus?: boolean } = {}): void {
  if (opts.realFocus) el.focus({ preventScroll: true });
  else {
    fire(el, 'focus');
    fire(el, 'focusin');
  }
  setNativeValue(el, value);
  fire(el, 'input');
  fire(el, 'change');
  if (opts.blur === false) return;
  if (opts.realFocus) el.blur();
  else {
    fire(el, 'blur');
    fire(el, 'focusout');
  }
}

export function mouse(el: Element, type: 'mousedown' | 'mouseup' | 'click' | 'mouseenter' | 'mouseover' | 'mouseleave'): void {
  const w = win(el);
  el.dispatchEvent(new w.MouseEvent(type, { bubbles: type !== 'mouseenter' && type !== 'mouseleave', cancelable: true, composed: true, view: w, button: 0 }));
}

export function press(el: Element, key: 'Enter' | 'Escape' | 'Tab'): void {
  const w = win(el);
  const code = key;
  const keyCode = key === 'Enter' ? 13 : key === 'Escape' ? 27 : 9;
  for (const type of ['keydown', 'keyup'] as const) {
    el.dispatchEvent(new w.KeyboardEvent(type, { key, code, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit));
  }
}
