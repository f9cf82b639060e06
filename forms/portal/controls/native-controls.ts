/** Adapters for the browser's own controls: text, select, radio and checkbox groups, a lone checkbox. */
import { asList, asText, same, type Control } from './control';
import { fire, setNativeValue, typeValue } from '../dom/events';
import { optionText } from '../dom/labels';

export function nativeText(el: HTMLInputElement | HTMLTextAreaElement): Control {
  return {
    kind: 'native-text',
    sync: true,
    root: el,
    inputs: [el],
    textInputs: [el],
    read: () => el.value,
    async write(v) {
      typeValue(el, asText(v));
    },
  };
}

export function nativeSelect(el: HTMLSelectElement): Control {
  const selected = () => [...el.selectedOptions].map((o) => o.text.trim());
  return {
    kind: 'native-select',
    sync: true,
    root: el,
    inputs: [el],
    textInputs: [],
    read: () => (el.multiple ? selected() : (selected()[0] ?? '')),
    async write(v) {
      const wanted = asList(v);
      const opts = [...el.options];
      if (el.multiple) {
        for (const o of opts) o.selected = wanted.some((w) => same(o.text, w) || o.value === w);
      } else {
        // by the text the user sees first; the value attribute is only a fallback
        const o = opts.find((x) => same(x.text, wanted[0] ?? '')) ?? opts.find((x) => x.value === wanted[0]);
        if (!o) return;
        setNativeValue(el, o.value);
      }
      fire(el, 'input');
      fire(el, 'change');
    },
  };
}

export function choiceInputs(root: Element, type: 'radio' | 'checkbox'): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`)];
}

export function nativeGroup(root: Element, type: 'radio' | 'checkbox'): Control {
  const inputs = () => choiceInputs(root, type);
  return {
    kind: `native-${type}-group`,
    sync: true,
    root,
    inputs: inputs(),
    textInputs: [],
    read: () => {
      const on = inputs().filter((i) => i.checked).map(optionText);
      return type === 'radio' ? (on[0] ?? '') : on;
    },
    async write(v) {
      const wanted = asList(v);
      for (const i of inputs()) {
        const want = wanted.some((w) => same(optionText(i), w) || i.value === w);
        if (type === 'radio' ? want && !i.checked : want !== i.checked) i.click();
      }
    },
  };
}

export function nativeToggle(el: HTMLInputElement): Control {
  return {
    kind: 'native-checkbox',
    sync: true,
    root: el,
    inputs: [el],
    textInputs: [],
    read: () => el.checked,
    async write(v) {
      if (typeof v === 'boolean' && el.checked !== v) el.click();
    },
  };
}
