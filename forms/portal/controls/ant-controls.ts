/** Ant Design selects, cascaders and date pickers (its groups, switches and numbers: common-controls.ts). */
import type { FillValue } from '../../core/fill/types';
import { asList, asText, choiceLabels, eachLabels, same, type Control } from './control';
import { cascadePaths } from './element-controls';
import { mouse, press, typeValue } from '../dom/events';
import { visibleText } from '../dom/labels';
import { findOptionText, pickCascadePath, type OptionSource } from './pick-option';
import { isShown } from './popup';
import { LIST_WAIT_MS, nextFrame, sleep, waitFor } from '../dom/wait';

function antDropdownOf(root: Element): () => Element | null {
  return () => {
    const input = root.querySelector('input');
    const id = input?.getAttribute('aria-controls') ?? (input?.id ? `${input.id}_list` : null);
    // the popup that belongs to this select (its listbox id), never another select's closing popup
    const pop = id ? (root.ownerDocument.getElementById(id)?.closest('.ant-select-dropdown') ?? null) : null;
    return pop && !pop.classList.contains('ant-select-dropdown-hidden') && isShown(pop) ? pop : null;
  };
}

/** Ant Design's clear icon acts on mousedown/mouseup as well as click. */
function pressClear(root: Element, selector: string): void {
  const x = root.querySelector(selector);
  if (!x) return;
  mouse(x, 'mousedown');
  mouse(x, 'mouseup');
  mouse(x, 'click');
}

export function antSelect(root: Element): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  const selector = root.querySelector('.ant-select-selector') ?? root;
  const isMultiple = () => root.classList.contains('ant-select-multiple');
  const read = (): FillValue => {
    if (isMultiple()) return [...root.querySelectorAll('.ant-select-selection-item-content')].map(visibleText);
    const it = root.querySelector('.ant-select-selection-item');
    return it ? (it.getAttribute('title') ?? visibleText(it)) : '';
  };
  const dropdown = antDropdownOf(root);
  // the option list is virtual: only rendered rows exist, so a wanted row not rendered is searched for
  const options: OptionSource = {
    list: dropdown,
    option: (pop, label) =>
      [...pop.querySelectorAll('.ant-select-item-option')].find((o) => same(o.getAttribute('title') ?? visibleText(o), label) || same(visibleText(o), label)),
    all: (pop) => [...pop.querySelectorAll('.ant-select-item-option:not(.ant-select-item-option-disabled)')].map((el) => ({ el, text: el.getAttribute('title') ?? visibleText(el) })),
    searchBox: () => (input.readOnly ? null : input),
  };
  const choose = async (labels: string[], loose = false): Promise<string> => {
    if (!dropdown()) mouse(selector, 'mousedown');
    const o = await findOptionText(options, labels, loose);
    mouse(o.el, 'mousedown');
    mouse(o.el, 'click');
    await nextFrame();
    return o.text;
  };
  const picked: string[] = [];
  return {
    kind: 'ant-select',
    root,
    inputs: [input],
    textInputs: [],
    role: 'choice',
    read,
    get picked() {
      return picked;
    },
    async clear() {
      pressClear(root, '.ant-select-clear');
      await nextFrame();
    },
    async write(v, forms) {
      picked.length = 0;
      try {
        if (Array.isArray(v) || isMultiple()) {
          const list = () => asList(read());
          const wanted: string[] = [];
          for (const alts of eachLabels(v, forms)) {
            const have = list().find((c) => alts.some((a) => same(a, c)));
            wanted.push(have ?? (await choose(alts)));
          }
          for (const c of list()) if (!wanted.some((w) => same(w, c))) await choose([c]);
          picked.push(...wanted);
        } else {
          picked.push(await choose(choiceLabels(v, forms), !!forms?.loose));
        }
      } finally {
        press(input, 'Escape');
        input.blur();
      }
    },
  };
}

export function antCascader(root: Element): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  const selector = root.querySelector('.ant-select-selector') ?? root;
  const panel = () =>
    [...root.ownerDocument.querySelectorAll('.ant-cascader-dropdown, .ant-select-dropdown')].find(
      (p) => !p.classList.contains('ant-select-dropdown-hidden') && isShown(p) && p.querySelector('.ant-cascader-menu'),
    ) ?? null;
  return {
    kind: 'ant-cascader',
    root,
    inputs: [input],
    textInputs: [],
    async clear() {
      pressClear(root, '.ant-select-clear');
      await nextFrame();
    },
    read: () => {
      const it = root.querySelector('.ant-select-selection-item');
      const t = it ? (it.getAttribute('title') ?? visibleText(it)) : '';
      return t ? t.split(/\s*\/\s*/) : [];
    },
    role: 'cascade',
    async write(v, forms) {
      const path = cascadePaths(v, forms);
      mouse(selector, 'mousedown');
      const pop = await waitFor(panel, LIST_WAIT_MS);
      if (!pop) return;
      try {
        await pickCascadePath(pop, path, '.ant-cascader-menu', '.ant-cascader-menu-item', (n) => n.getAttribute('title') ?? visibleText(n));
        await sleep(0);
      } finally {
        press(input, 'Escape');
        input.blur();
      }
    },
  };
}

export function antPicker(root: Element): Control {
  const input = root.querySelector('input') as HTMLInputElement;
  return {
    kind: 'ant-date-picker',
    role: 'date',
    root,
    inputs: [input],
    textInputs: [input],
    read: () => input.value,
    async clear() {
      // typed empty text is reverted on blur; the clear icon is how a user empties the picker
      pressClear(root, '.ant-picker-clear');
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
