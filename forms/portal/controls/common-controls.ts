/**
 * Adapters for controls Element (Plus and UI) and Ant Design draw the same way, told apart only by
 * class names: labelled radio/checkbox groups, switches, number inputs.
 */
import { asText, same, type Control } from './control';
import { groupWanted } from './native-controls';
import { mouse, typeValue } from '../dom/events';
import { visibleText } from '../dom/labels';
import { nextFrame, waitFor } from '../dom/wait';

/**
 * A radio or checkbox group drawn by a library or as ARIA widgets: one element per choice showing its
 * text, checked by a class (`is-checked`) or by `aria-checked`. The one group driver every library uses.
 */
export function labelledChoices(root: Element, item: string, label: string, checked: string | ((el: Element) => boolean), multi?: boolean, kind = item.slice(1)): Control {
  const items = () => [...root.querySelectorAll(item)];
  const textOf = (el: Element) => visibleText(el.querySelector(label) ?? el);
  const isOn = typeof checked === 'string' ? (el: Element) => el.classList.contains(checked) : checked;
  const isMulti = multi ?? item.includes('checkbox');
  return {
    kind,
    root,
    inputs: [...root.querySelectorAll('input')],
    textInputs: [],
    role: isMulti ? 'multi' : 'choice',
    options: () => items().map(textOf),
    read: () => {
      const on = items().filter(isOn).map(textOf);
      return isMulti ? on : (on[0] ?? '');
    },
    async write(this: Control, v, forms) {
      const wanted = groupWanted(items().map(textOf), v, forms, !isMulti);
      this.picked = wanted;
      for (const it of items()) {
        const want = wanted.some((w) => same(textOf(it), w));
        const on = isOn(it);
        if (isMulti ? want !== on : want && !on) {
          const inp = it.querySelector('input');
          if (inp && !inp.hidden && (inp as HTMLInputElement).type !== 'hidden') (inp as HTMLInputElement).click();
          else mouse(it, 'click');
          // the next click must see this one's state, or a group built from stale state drops it
          await waitFor(() => isOn(it) === want, 600);
        }
      }
    },
  };
}

export function toggleControl(root: Element, kind: string, isOn: () => boolean, target: Element): Control {
  return {
    kind,
    root,
    inputs: [...root.querySelectorAll('input')],
    textInputs: [],
    role: 'toggle',
    read: isOn,
    async write(v) {
      if (typeof v === 'boolean' && isOn() !== v) {
        mouse(target, 'click');
        await waitFor(() => isOn() === v, 600);
      }
    },
  };
}

export function numberInput(root: Element, kind: string): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  return {
    kind,
    root,
    inputs: [input],
    textInputs: [input],
    read: () => input.value,
    async write(v) {
      // input-number commits on change and re-formats on blur from the value it has rendered: blurring
      // in the same task as the input event re-showed the old number (Ant Design, when emptied on undo)
      typeValue(input, asText(v), { realFocus: true, blur: false });
      await nextFrame();
      input.blur();
    },
  };
}
