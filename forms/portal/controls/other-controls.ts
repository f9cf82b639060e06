/**
 * Drivers for the libraries government portals also use — layui (jQuery), View UI Plus (Vue 3),
 * Vant (mobile) — and for ARIA widgets and split date selects any library may draw. Each drives the
 * control the way a person does (click the visible element the library listens on) and reads back
 * what the person sees.
 */
import type { FillValue } from '../../core/fill/types';
import { digitOf } from '../../core/fill/value-forms';
import { choiceLabels, eachLabels, FillFailure, firstPresent, type Control } from './control';
import { fire, mouse, press, setNativeValue, typeValue } from '../dom/events';
import { offersYears } from '../dom/find-units';
import { visibleText } from '../dom/labels';
import { labelledChoices } from './common-controls';
import { isShown, popupOf } from './popup';
import { nextFrame, waitFor } from '../dom/wait';

/**
 * A select drawn as a box over a hidden list of options (layui's `.layui-form-select`, View UI's
 * `.ivu-select`): opened by a click on its title, an option chosen by a click.
 */
export function listSelect(
  root: Element,
  kind: string,
  parts: { trigger: string; options: () => Element[]; shown: () => FillValue; multiple?: boolean },
): Control {
  // a library select may carry a type=hidden input for form posting (View UI): the one shown is the control's
  const input = root.querySelector('input:not([type="hidden"])');
  const picked: string[] = [];
  const pick = async (labels: string[], loose: boolean): Promise<boolean> => {
    let opts = parts.options();
    if (!opts.length || !opts.some(isShown)) {
      mouse(root.querySelector(parts.trigger) ?? root, 'click');
      opts = (await waitFor(() => {
        const o = parts.options();
        return o.length ? o : null;
      }, 1000)) ?? [];
    }
    const texts = opts.map(visibleText);
    const hit = firstPresent(texts, labels, loose);
    if (hit === null) return false;
    const o = opts[texts.indexOf(hit)];
    picked.push(hit);
    mouse(o, 'mousedown');
    mouse(o, 'click');
    await nextFrame();
    return true;
  };
  return {
    kind,
    root,
    inputs: input ? [input] : [],
    textInputs: [],
    role: parts.multiple ? 'multi' : 'choice',
    options: () => parts.options().map(visibleText).filter(Boolean),
    read: parts.shown,
    get picked() {
      return picked;
    },
    async write(v, forms) {
      picked.length = 0;
      try {
        if (parts.multiple && Array.isArray(v)) {
          for (const alts of eachLabels(v, forms)) if (!(await pick(alts, !!forms?.loose))) throw new FillFailure('no-option', alts[0]);
          return;
        }
        const labels = choiceLabels(v, forms);
        if (!(await pick(labels, !!forms?.loose))) throw new FillFailure('no-option', labels[0]);
      } finally {
        if (input) press(input, 'Escape');
        // a click elsewhere closes the lists that close on outside clicks (layui, View UI)
        mouse(root.ownerDocument.body, 'click');
      }
    },
  };
}

export function layuiSelect(root: Element): Control {
  const title = () => root.querySelector('.layui-select-title input') as HTMLInputElement | null;
  return listSelect(root, 'layui-select', {
    trigger: '.layui-select-title',
    // the options are rendered inside the control (a `dl` of `dd`), or — when layui appends its panel
    // elsewhere — in the shown panel placed against it; the placeholder row is not one
    options: () => {
      const own = [...root.querySelectorAll('dl dd:not(.layui-select-tips):not(.layui-disabled)')];
      if (own.length) return own;
      const panel = popupOf(root, '.layui-select-panel-wrap');
      return panel ? [...panel.querySelectorAll('dd:not(.layui-select-tips):not(.layui-disabled)')] : [];
    },
    shown: () => title()?.value ?? '',
  });
}

export function ivuSelect(root: Element): Control {
  const multiple = root.classList.contains('ivu-select-multiple');
  return listSelect(root, 'ivu-select', {
    trigger: '.ivu-select-selection',
    options: () => {
      const own = root.querySelector('.ivu-select-dropdown');
      const pop = own && isShown(own) ? own : popupOf(root, '.ivu-select-dropdown');
      return pop ? [...pop.querySelectorAll('.ivu-select-item:not(.ivu-select-item-disabled)')] : [];
    },
    shown: () => {
      if (multiple) return [...root.querySelectorAll('.ivu-tag-text')].map(visibleText);
      const v = root.querySelector('.ivu-select-selected-value');
      const i = root.querySelector('.ivu-select-input') as HTMLInputElement | null;
      return v ? visibleText(v) : (i?.value ?? '');
    },
    multiple,
  });
}

/** An ARIA group of `role=radio` or `role=checkbox` items (Vant, web components), checked by aria-checked. */
export function ariaChoices(root: Element, role: 'radio' | 'checkbox', label: string): Control {
  return labelledChoices(root, `[role="${role}"]`, label, (el) => el.getAttribute('aria-checked') === 'true', role === 'checkbox', `aria-${role}-group`);
}

/** A date split into year, month and day selects: each picked by its number (2025 / 2025年, 3 / 03 / 3月). */
export function splitDateSelects(root: Element, selects: HTMLSelectElement[]): Control {
  const [y, m, d] = selects;
  const num = (o: HTMLOptionElement) => Number(digitOf(o.text) || digitOf(o.value) || Number.NaN);
  const read = (): string => {
    const parts = [y, m, d].map((s) => (s.selectedIndex >= 0 && s.value !== '' ? num(s.options[s.selectedIndex]) : Number.NaN));
    if (parts.some((p) => !Number.isFinite(p))) return '';
    return `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`;
  };
  return {
    kind: 'split-date-selects',
    sync: true,
    root,
    inputs: selects,
    textInputs: [],
    role: 'date',
    read,
    async write(v, forms) {
      const iso = [typeof v === 'string' ? v : '', ...(forms?.texts ?? [])].find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t));
      if (!iso) throw new FillFailure('no-option', String(v));
      const want = iso.split('-').map(Number);
      for (const [i, s] of [y, m, d].entries()) {
        const o = [...s.options].find((x) => num(x) === want[i]);
        if (!o) throw new FillFailure('no-option', iso);
        setNativeValue(s, o.value);
        fire(s, 'input');
        fire(s, 'change');
        // the day list may depend on the month chosen
        await nextFrame();
      }
    },
  };
}

/** Three selects in one field whose first offers years: a split date. */
export function splitDateOf(unitRoot: Element): HTMLSelectElement[] | null {
  const selects = [...unitRoot.querySelectorAll('select')] as HTMLSelectElement[];
  return selects.length === 3 && offersYears(selects[0]) ? selects : null;
}

/** A date picker whose input parses typed text on change or Enter (View UI, Vant-less pickers, web components). */
export function typedDate(root: Element, kind: string): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  return {
    kind,
    root,
    inputs: [input],
    textInputs: [input],
    role: 'date',
    read: () => input.value,
    async write(v) {
      // the typed text is parsed on change; Enter would pick the panel's focused day instead (today),
      // so the panel is closed with Escape (View UI Plus picker.vue handleKeydown)
      typeValue(input, Array.isArray(v) ? v.join('') : String(v), { blur: false, realFocus: true });
      await nextFrame();
      press(input, 'Escape');
      input.blur();
    },
  };
}
