/**
 * One adapter per kind of control: how to read its value as the user sees it, and how to set it the
 * way a user would (so the page's framework model follows). Adapters never throw for "value not
 * offered"; the read-back after writing decides whether a fill stuck.
 */
import type { FillValue } from '../../../core/fill/types';
import { normalizeLabel } from '../../../core/fill/normalize-label';
import { fire, mouse, press, setNativeValue, typeValue } from './events';
import { optionText, visibleText } from './labels';
import { nextFrame, sleep, waitFor } from './wait';

export interface Control {
  /** adapter name, e.g. `el-select`, `native-text` (shown in debug output) */
  kind: string;
  root: Element;
  /** native inputs the control holds (safety checks look at them) */
  inputs: Element[];
  /** inputs the user types into (readonly applies only to these) */
  textInputs: Element[];
  read(): FillValue | null;
  write(value: FillValue): Promise<void>;
  /** native controls take their value at once: no frame to wait for before reading back */
  sync?: boolean;
  /** empties the control when writing an empty value cannot (selects with a clear button) */
  clear?(): Promise<void>;
}

const same = (a: string, b: string): boolean => normalizeLabel(a) === normalizeLabel(b);
const asList = (v: FillValue): string[] => (Array.isArray(v) ? v : typeof v === 'boolean' || v === '' ? [] : [v]);
const asText = (v: FillValue): string => (Array.isArray(v) ? v.join('') : String(v));

function pick(root: Element, sel: string): Element | null {
  return root.matches(sel) ? root : root.querySelector(sel);
}
const isVisible = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

// ---------- native -------------------------------------------------------------------------------

function nativeText(el: HTMLInputElement | HTMLTextAreaElement): Control {
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

function nativeSelect(el: HTMLSelectElement): Control {
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

function choiceInputs(root: Element, type: 'radio' | 'checkbox'): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>(`input[type="${type}"]`)];
}

function nativeGroup(root: Element, type: 'radio' | 'checkbox'): Control {
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

function nativeToggle(el: HTMLInputElement): Control {
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

// ---------- Element Plus -------------------------------------------------------------------------

function elInput(root: Element): HTMLInputElement {
  return root.querySelector('input') as HTMLInputElement;
}

function elSelect(root: Element): Control {
  const input = elInput(root);
  // an empty multiple select looks like an empty single one: '' reads as "nothing chosen" either way
  const read = (): FillValue => {
    const tags = [...root.querySelectorAll('.el-select__tags-text, .el-tag .el-tag__content')].map(visibleText).filter(Boolean);
    if (tags.length) return [...new Set(tags)];
    const ph = root.querySelector('.el-select__placeholder:not(.is-transparent)');
    if (ph) return visibleText(ph);
    // Element UI (Vue 2) shows the chosen label in its readonly input instead
    return root.querySelector('.el-select__placeholder') ? '' : (input?.value ?? '');
  };
  const dropdown = () => {
    const id = input?.getAttribute('aria-controls');
    const list = id ? root.ownerDocument.getElementById(id) : null;
    // Element UI (Vue 2) does not link its dropdown: take the one visible dropdown, if exactly one
    const visible = id ? [] : [...root.ownerDocument.querySelectorAll('.el-select-dropdown')].filter(isVisible);
    const linked = list?.closest('.el-select-dropdown, .el-popper') ?? null;
    if (linked) return linked;
    return visible.length === 1 ? visible[0] : null;
  };
  // options are rendered when the menu first opens; once they exist (linked to this select by id)
  // a click selects, whether or not the popper has finished its entry transition
  const options = (pop: Element | null) => (pop && pop.querySelector('.el-select-dropdown__item') ? pop : null);
  const open = async () => {
    mouse(root.querySelector('.el-select__wrapper') ?? root, 'click');
    return waitFor(() => options(dropdown()), 1500);
  };
  const optionFor = (pop: Element, label: string) =>
    [...pop.querySelectorAll('.el-select-dropdown__item')].find((o) => same(visibleText(o), label) && !o.classList.contains('is-disabled'));
  return {
    kind: 'el-select',
    root,
    inputs: input ? [input] : [],
    textInputs: [],
    read,
    async clear() {
      // the clear button exists only while the pointer is over the select
      mouse(root, 'mouseenter');
      const x = await waitFor(() => root.querySelector('.el-select__clear'), 800);
      if (x) mouse(x, 'click');
      mouse(root, 'mouseleave');
      await nextFrame();
    },
    async write(v) {
      const wanted = asList(v);
      const isMulti = Array.isArray(v);
      const pop = await open();
      if (!pop) return;
      if (isMulti) {
        const list = () => asList(read());
        for (const label of new Set([...wanted, ...list()])) {
          const want = wanted.some((w) => same(w, label));
          const has = list().some((c) => same(c, label));
          if (want === has) continue;
          const o = optionFor(pop, label);
          if (o) {
            mouse(o, 'click');
            await waitFor(() => list().some((c) => same(c, label)) === want, 600);
          }
        }
        press(input, 'Escape');
        return;
      }
      let o = optionFor(pop, wanted[0] ?? '');
      if (!o && !input.readOnly) {
        // filterable / remote: type to search, as a user would
        typeValue(input, wanted[0] ?? '', { blur: false, realFocus: true });
        o = (await waitFor(() => optionFor(pop, wanted[0] ?? ''), 1500)) ?? undefined;
      }
      // the popper fades out on its own; the read-back does not need to wait for it
      if (o) mouse(o, 'click');
      else press(input, 'Escape');
    },
  };
}

function elCascader(root: Element): Control {
  const input = elInput(root);
  const panel = () =>
    [...root.ownerDocument.querySelectorAll('.el-cascader__dropdown')].find((p) => isVisible(p)) ?? null;
  return {
    kind: 'el-cascader',
    root,
    inputs: input ? [input] : [],
    textInputs: [],
    async clear() {
      mouse(root, 'mouseenter');
      mouse(root.querySelector('.el-input') ?? root, 'mouseenter');
      const x = await waitFor(() => root.querySelector('.el-cascader__clear, .el-input__clear, .icon-circle-close'), 800);
      if (x) mouse(x, 'click');
      await nextFrame();
    },
    read: () => (input.value ? input.value.split(/\s*\/\s*/) : []),
    async write(v) {
      const path = asList(v);
      mouse(input, 'click');
      const pop = await waitFor(panel, 1500);
      if (!pop) return;
      const found = await pickCascadePath(pop, path, '.el-cascader-menu', '.el-cascader-node', (n) =>
        visibleText(n.querySelector('.el-cascader-node__label') ?? n),
      );
      if (!found) press(input, 'Escape');
    },
  };
}

/**
 * Clicks one option per level of an open cascader panel (Element Plus and Ant Design lay their menus
 * out the same way); false when some level has no option with that label.
 */
async function pickCascadePath(
  pop: Element,
  path: readonly string[],
  menuSelector: string,
  itemSelector: string,
  labelOf: (item: Element) => string,
): Promise<boolean> {
  for (let level = 0; level < path.length; level++) {
    const item = await waitFor(() => {
      const menu = pop.querySelectorAll(menuSelector)[level];
      return menu ? [...menu.querySelectorAll(itemSelector)].find((n) => same(labelOf(n), path[level])) : null;
    }, 1000);
    if (!item) return false;
    mouse(item, 'click');
    await nextFrame();
  }
  return true;
}

function elDate(root: Element): Control {
  const input = elInput(root);
  return {
    kind: 'el-date-picker',
    root,
    inputs: input ? [input] : [],
    textInputs: input ? [input] : [],
    read: () => input.value,
    async write(v) {
      // the picker parses typed text on `change` with its display format (the map formats the date
      // for it); no need to open its calendar panel, which costs more than the rest of the fill
      typeValue(input, asText(v));
    },
  };
}

function labelledChoices(root: Element, item: string, label: string, checked: string): Control {
  const items = () => [...root.querySelectorAll(item)];
  const textOf = (el: Element) => visibleText(el.querySelector(label) ?? el);
  const isMulti = item.includes('checkbox');
  return {
    kind: item.slice(1),
    root,
    inputs: [...root.querySelectorAll('input')],
    textInputs: [],
    read: () => {
      const on = items().filter((i) => i.classList.contains(checked)).map(textOf);
      return isMulti ? on : (on[0] ?? '');
    },
    async write(v) {
      const wanted = asList(v);
      for (const it of items()) {
        const want = wanted.some((w) => same(textOf(it), w));
        const on = it.classList.contains(checked);
        if (isMulti ? want !== on : want && !on) {
          const inp = it.querySelector('input');
          if (inp) (inp as HTMLInputElement).click();
          else mouse(it, 'click');
          // the next click must see this one's state, or a group built from stale state drops it
          await waitFor(() => it.classList.contains(checked) === want, 600);
        }
      }
    },
  };
}

function toggleControl(root: Element, kind: string, isOn: () => boolean, target: Element): Control {
  return {
    kind,
    root,
    inputs: [...root.querySelectorAll('input')],
    textInputs: [],
    read: isOn,
    async write(v) {
      if (typeof v === 'boolean' && isOn() !== v) {
        mouse(target, 'click');
        await waitFor(() => isOn() === v, 600);
      }
    },
  };
}

function numberInput(root: Element, kind: string): Control {
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

// ---------- Ant Design ---------------------------------------------------------------------------

function antDropdownOf(root: Element): () => Element | null {
  return () => {
    const input = root.querySelector('input');
    const id = input?.getAttribute('aria-controls') ?? (input?.id ? `${input.id}_list` : null);
    // the popup that belongs to this select (its listbox id), never another select's closing popup
    const pop = id ? (root.ownerDocument.getElementById(id)?.closest('.ant-select-dropdown') ?? null) : null;
    return pop && !pop.classList.contains('ant-select-dropdown-hidden') && isVisible(pop) ? pop : null;
  };
}

function antSelect(root: Element): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  const selector = root.querySelector('.ant-select-selector') ?? root;
  const isMultiple = () => root.classList.contains('ant-select-multiple');
  const read = (): FillValue => {
    if (isMultiple()) return [...root.querySelectorAll('.ant-select-selection-item-content')].map(visibleText);
    const it = root.querySelector('.ant-select-selection-item');
    return it ? (it.getAttribute('title') ?? visibleText(it)) : '';
  };
  const dropdown = antDropdownOf(root);
  const optionFor = (pop: Element, label: string) =>
    [...pop.querySelectorAll('.ant-select-item-option')].find((o) => same(o.getAttribute('title') ?? visibleText(o), label) || same(visibleText(o), label));
  const choose = async (label: string): Promise<void> => {
    if (!dropdown()) mouse(selector, 'mousedown');
    const pop = await waitFor(dropdown, 1500);
    if (!pop) return;
    let o = optionFor(pop, label);
    if (!o && !input.readOnly) {
      // the option list is virtual: only rendered rows exist, so search for the wanted one
      typeValue(input, label, { blur: false, realFocus: true });
      o = (await waitFor(() => optionFor(pop, label), 1500)) ?? undefined;
    }
    if (!o) return;
    mouse(o, 'mousedown');
    mouse(o, 'click');
    await nextFrame();
  };
  return {
    kind: 'ant-select',
    root,
    inputs: [input],
    textInputs: [],
    read,
    async clear() {
      const x = root.querySelector('.ant-select-clear');
      if (x) {
        mouse(x, 'mousedown');
        mouse(x, 'mouseup');
        mouse(x, 'click');
      }
      await nextFrame();
    },
    async write(v) {
      const wanted = asList(v);
      if (Array.isArray(v) || isMultiple()) {
        const list = () => asList(read());
        for (const label of new Set([...wanted, ...list()])) {
          const want = wanted.some((w) => same(w, label));
          const has = list().some((c) => same(c, label));
          if (want !== has) await choose(label);
        }
      } else {
        await choose(wanted[0] ?? '');
      }
      press(input, 'Escape');
      input.blur();
    },
  };
}

function antCascader(root: Element): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  const selector = root.querySelector('.ant-select-selector') ?? root;
  const panel = () =>
    [...root.ownerDocument.querySelectorAll('.ant-cascader-dropdown, .ant-select-dropdown')].find(
      (p) => !p.classList.contains('ant-select-dropdown-hidden') && isVisible(p) && p.querySelector('.ant-cascader-menu'),
    ) ?? null;
  return {
    kind: 'ant-cascader',
    root,
    inputs: [input],
    textInputs: [],
    async clear() {
      const x = root.querySelector('.ant-select-clear');
      if (x) {
        mouse(x, 'mousedown');
        mouse(x, 'mouseup');
        mouse(x, 'click');
      }
      await nextFrame();
    },
    read: () => {
      const it = root.querySelector('.ant-select-selection-item');
      const t = it ? (it.getAttribute('title') ?? visibleText(it)) : '';
      return t ? t.split(/\s*\/\s*/) : [];
    },
    async write(v) {
      const path = asList(v);
      mouse(selector, 'mousedown');
      const pop = await waitFor(panel, 1500);
      if (!pop) return;
      await pickCascadePath(pop, path, '.ant-cascader-menu', '.ant-cascader-menu-item', (n) => n.getAttribute('title') ?? visibleText(n));
      await sleep(0);
      press(input, 'Escape');
      input.blur();
    },
  };
}

function antPicker(root: Element): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  return {
    kind: 'ant-date-picker',
    root,
    inputs: [input],
    textInputs: [input],
    read: () => input.value,
    async clear() {
      // typed empty text is reverted on blur; the clear icon is how a user empties the picker
      const x = root.querySelector('.ant-picker-clear');
      if (x) {
        mouse(x, 'mousedown');
        mouse(x, 'mouseup');
        mouse(x, 'click');
      }
      await sleep(0);
    },
    async write(v) {
      mouse(input, 'mousedown');
      input.focus({ preventScroll: true });
      mouse(input, 'click');
      await sleep(0);
      typeValue(input, asText(v), { blur: false, realFocus: true });
      await sleep(0);
      press(input, 'Enter');
      await sleep(0);
      input.blur();
    },
  };
}

// ---------- detection ----------------------------------------------------------------------------

/** The adapter for the control inside a field unit, or null when it holds none we know. */
export function controlFor(unitRoot: Element): Control | null {
  const w = (unitRoot.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  let el: Element | null;
  if ((el = pick(unitRoot, '.el-cascader'))) return elCascader(el);
  if ((el = pick(unitRoot, '.el-select'))) return elSelect(el);
  if ((el = pick(unitRoot, '.el-date-editor'))) return elDate(el);
  if ((el = pick(unitRoot, '.el-radio-group'))) return labelledChoices(el, '.el-radio', '.el-radio__label', 'is-checked');
  if ((el = pick(unitRoot, '.el-checkbox-group'))) return labelledChoices(el, '.el-checkbox', '.el-checkbox__label', 'is-checked');
  if ((el = pick(unitRoot, '.el-switch'))) {
    const sw = el;
    return toggleControl(sw, 'el-switch', () => sw.classList.contains('is-checked'), sw);
  }
  if ((el = pick(unitRoot, '.el-input-number'))) return numberInput(el, 'el-input-number');
  if ((el = pick(unitRoot, '.ant-cascader'))) return antCascader(el);
  if ((el = pick(unitRoot, '.ant-select'))) return antSelect(el);
  if ((el = pick(unitRoot, '.ant-picker'))) return antPicker(el);
  if ((el = pick(unitRoot, '.ant-radio-group'))) return labelledChoices(el, '.ant-radio-wrapper', '.ant-radio-label', 'ant-radio-wrapper-checked');
  if ((el = pick(unitRoot, '.ant-checkbox-group'))) return labelledChoices(el, '.ant-checkbox-wrapper', '.ant-checkbox-label', 'ant-checkbox-wrapper-checked');
  if ((el = pick(unitRoot, '.ant-switch'))) {
    const sw = el;
    return toggleControl(sw, 'ant-switch', () => sw.getAttribute('aria-checked') === 'true', sw);
  }
  if ((el = pick(unitRoot, '.ant-input-number'))) return numberInput(el, 'ant-input-number');
  if ((el = pick(unitRoot, 'select'))) return nativeSelect(el as HTMLSelectElement);
  const radios = unitRoot instanceof w.HTMLInputElement && unitRoot.type === 'radio' ? [unitRoot] : choiceInputs(unitRoot, 'radio');
  if (radios.length) return nativeGroup(unitRoot instanceof w.HTMLInputElement ? (unitRoot.parentElement ?? unitRoot) : unitRoot, 'radio');
  if (unitRoot instanceof w.HTMLInputElement && unitRoot.type === 'checkbox') return nativeToggle(unitRoot);
  const boxes = choiceInputs(unitRoot, 'checkbox');
  if (boxes.length === 1 && !unitRoot.querySelector('input:not([type="checkbox"]), textarea')) return nativeToggle(boxes[0]);
  if (boxes.length > 1) return nativeGroup(unitRoot, 'checkbox');
  if ((el = pick(unitRoot, 'textarea, input'))) return nativeText(el as HTMLInputElement);
  return null;
}
