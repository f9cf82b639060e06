/** Adapters for the browser's own controls: text, select, radio and checkbox groups, a lone checkbox. */
import type { FillValue, ValueForms } from '../../core/fill/types';
import { asList, asText, choiceLabels, eachLabels, FillFailure, firstPresent, same, type Control } from './control';
import { fire, setNativeValue, typeValue } from '../dom/events';
import { optionText } from '../dom/labels';

export function nativeText(el: HTMLInputElement | HTMLTextAreaElement): Control {
  return {
    kind: 'native-text',
    sync: true,
    root: el,
    inputs: [el],
    textInputs: [el],
    role: 'text',
    read: () => el.value,
    async write(v, forms) {
      typeValue(el, textFor(el, v, forms));
    },
  };
}

/** The shape of a date text: digits (and yyyy/MM/dd template letters) as `d`, separators kept. */
const shapeOf = (s: string, collapse: boolean): string => {
  const d = s.normalize('NFKC').replace(/[yYmMdD]/g, 'd').replace(/\d/g, 'd');
  return collapse ? d.replace(/d+/g, 'd') : d;
};

/**
 * The form a text box wants: a date box's type or placeholder (年月日, slashes, dots) picks the date
 * format; `type=number` takes the bare number; otherwise the value as planned.
 */
export function textFor(el: HTMLInputElement | HTMLTextAreaElement, v: FillValue, forms?: ValueForms): string {
  const text = asText(v);
  const texts = forms?.texts ?? [];
  if (!texts.length) return text;
  if (el instanceof (el.ownerDocument.defaultView ?? window).HTMLInputElement) {
    if (el.type === 'date') return texts.find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t)) ?? text;
    if (el.type === 'number') return texts.find((t) => /^-?\d+(\.\d+)?$/.test(t)) ?? text;
  }
  const hint = el.getAttribute('placeholder') ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(texts.find((t) => /^\d{4}/.test(t)) ?? '') && /[年/.]|yyyy|YYYY|\d{4}/.test(hint)) {
    const sample = hint.replace(/^[^\dyY]*/, '').replace(/[^\ddDmMyY年月日/.-]+$/, '');
    // the exact shape (2024年01月01日 wants zero-padded), else the same separators
    const hit = texts.find((t) => /^\d{4}/.test(t) && shapeOf(t, false) === shapeOf(sample, false)) ?? texts.find((t) => /^\d{4}/.test(t) && shapeOf(t, true) === shapeOf(sample, true));
    if (hit) return hit;
  }
  return text;
}

export function nativeSelect(el: HTMLSelectElement): Control {
  // from the options themselves: selectedOptions is not live in every DOM
  const selected = () => (el.multiple ? [...el.options].filter((o) => o.selected) : el.selectedIndex >= 0 ? [el.options[el.selectedIndex]] : []).map((o) => o.text.trim());
  return {
    kind: 'native-select',
    sync: true,
    root: el,
    inputs: [el],
    textInputs: [],
    role: el.multiple ? 'multi' : 'choice',
    options: () => [...el.options].map((o) => o.text.trim()).filter(Boolean),
    read: () => (el.multiple ? selected() : (selected()[0] ?? '')),
    async write(this: Control, v, forms) {
      this.picked = [];
      const opts = [...el.options];
      const texts = opts.map((o) => o.text.trim());
      // by the text the user sees first, in any of the value's forms; the value attribute is only a fallback
      const find = (wanted: string[]) => {
        const t = firstPresent(texts, wanted, !!forms?.loose);
        const o = t !== null ? opts[texts.indexOf(t)] : opts.find((x) => wanted.includes(x.value));
        if (o) (this.picked ??= []).push(o.text.trim());
        return o;
      };
      // an option the select does not offer is said so at once (no read-back to wait out)
      if (el.multiple) {
        const each = eachLabels(v, forms);
        const found = each.map(find);
        const missing = each.filter((_, i) => !found[i]).map((a) => a[0]);
        if (missing.length) throw new FillFailure('no-option', missing.join('、'));
        const want = new Set(found);
        for (const o of opts) o.selected = want.has(o);
      } else {
        const labels = choiceLabels(v, forms);
        const o = find(labels);
        if (!o) throw new FillFailure('no-option', labels[0] ?? '');
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
    role: type === 'radio' ? 'choice' : 'multi',
    options: () => inputs().map(optionText),
    read: () => {
      const on = inputs().filter((i) => i.checked).map(optionText);
      return type === 'radio' ? (on[0] ?? '') : on;
    },
    async write(this: Control, v, forms) {
      const texts = inputs().map(optionText);
      const wanted = groupWanted(texts, v, forms, type === 'radio');
      this.picked = wanted;
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
    role: 'toggle',
    read: () => el.checked,
    async write(v) {
      if (typeof v === 'boolean' && el.checked !== v) el.click();
    },
  };
}

/**
 * The option texts a group should have on: one for a radio group, each element's for a checkbox group.
 * A value the group does not offer is a `no-option` failure before anything is clicked.
 */
export function groupWanted(texts: readonly string[], v: FillValue, forms: ValueForms | undefined, single: boolean): string[] {
  if (single || typeof v === 'boolean' || !Array.isArray(v)) {
    const labels = choiceLabels(v, forms);
    const hit = firstPresent(texts, labels, !!forms?.loose);
    if (hit === null) throw new FillFailure('no-option', labels[0] ?? asList(v)[0] ?? '');
    return [hit];
  }
  const each = eachLabels(v, forms);
  const hits = each.map((alts) => firstPresent(texts, alts, !!forms?.loose));
  const missing = each.filter((_, i) => hits[i] === null).map((a) => a[0]);
  if (missing.length) throw new FillFailure('no-option', missing.join('、'));
  return hits as string[];
}
