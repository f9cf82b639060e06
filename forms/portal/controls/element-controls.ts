/**
 * Element Plus (Vue 3) and Element UI (Vue 2) selects, cascaders and date pickers. The two share
 * class names but not all of their DOM, and one adapter per control covers both:
 * - select: Element Plus shows the choice in a placeholder span and links its dropdown from the
 *   input; Element UI shows it in its readonly input and moves its dropdown to <body> unlinked
 *   (popup.ts); a filterable Element UI select takes typing in that same input once open;
 * - clear buttons appear on hover: Element UI listens for it on the inner `.el-input`;
 * - date picker: Element UI parses typed text with its panel, which it mounts only after focus.
 */
import type { FillValue } from '../../core/fill/types';
import { asList, asText, choiceLabels, eachLabels, FillFailure, same, type Control } from './control';
import { fire, mouse, press, typeValue } from '../dom/events';
import { visibleText } from '../dom/labels';
import { findOptionText, pickCascadePath, type OptionSource } from './pick-option';
import { isShown, keepPopup, linkedPopup, popupOf } from './popup';
import { LIST_WAIT_MS, nextFrame, waitFor } from '../dom/wait';

const firstInput = (root: Element): HTMLInputElement => root.querySelector('input') as HTMLInputElement;

/** Shows a clearable control's clear button (it exists only under the pointer) and clicks it. */
async function clickClear(root: Element, button: string): Promise<void> {
  const inner = root.querySelector('.el-input, .el-select__wrapper');
  mouse(root, 'mouseenter');
  if (inner) mouse(inner, 'mouseenter');
  const x = await waitFor(() => root.querySelector(button), 800);
  if (x) mouse(x, 'click');
  if (inner) mouse(inner, 'mouseleave');
  mouse(root, 'mouseleave');
  await nextFrame();
}

const DROPDOWN = '.el-select-dropdown';
const OPTION = '.el-select-dropdown__item';

export function elSelect(root: Element): Control {
  const input = firstInput(root);
  keepPopup(root, DROPDOWN);
  // an empty multiple select looks like an empty single one: '' reads as "nothing chosen" either way
  const read = (): FillValue => {
    const tags = [...root.querySelectorAll('.el-select__tags-text, .el-tag .el-tag__content')].map(visibleText).filter(Boolean);
    if (tags.length) return [...new Set(tags)];
    const ph = root.querySelector('.el-select__placeholder:not(.is-transparent)');
    if (ph) return visibleText(ph);
    // Element UI shows the chosen label in its readonly input instead
    return root.querySelector('.el-select__placeholder') ? '' : (input?.value ?? '');
  };
  // Element Plus names its dropdown (once rendered); options linked so are clickable whether or not
  // the popper has finished its entry transition. Element UI: the kept or the placed one (popup.ts)
  const dropdown = () => (input?.hasAttribute('aria-controls') ? linkedPopup(input, `${DROPDOWN}, .el-popper`) : popupOf(root, DROPDOWN));
  const options: OptionSource = {
    list: () => {
      const pop = dropdown();
      return pop?.querySelector(OPTION) ? pop : null;
    },
    option: (pop, label) => [...pop.querySelectorAll(OPTION)].find((o) => same(visibleText(o), label) && !o.classList.contains('is-disabled')),
    all: (pop) => [...pop.querySelectorAll(OPTION)].filter((o) => !o.classList.contains('is-disabled')).map((el) => ({ el, text: visibleText(el) })),
    // filterable and remote selects take typing (Element UI's input turns editable while open)
    searchBox: () => [...root.querySelectorAll<HTMLInputElement>('input')].find((i) => !i.readOnly && !i.disabled && i.type !== 'hidden') ?? null,
  };
  const open = () => mouse(root.querySelector('.el-select__wrapper') ?? root, 'click');
  const picked: string[] = [];
  return {
    kind: 'el-select',
    root,
    inputs: input ? [input] : [],
    textInputs: [],
    role: 'choice',
    read,
    get picked() {
      return picked;
    },
    clear: () => clickClear(root, '.el-select__clear, .el-icon-circle-close'),
    async write(v, forms) {
      picked.length = 0;
      open();
      try {
        if (Array.isArray(v)) {
          const list = () => asList(read());
          // each wanted element under the form the options show; chosen ones the value lacks are unticked
          const wanted: string[] = [];
          for (const alts of eachLabels(v, forms)) {
            const have = list().find((c) => alts.some((a) => same(a, c)));
            if (have) {
              wanted.push(have);
              continue;
            }
            const o = await findOptionText(options, alts);
            mouse(o.el, 'click');
            wanted.push(o.text);
            await waitFor(() => list().some((c) => same(c, o.text)), 600);
          }
          for (const c of list()) {
            if (wanted.some((w) => same(w, c))) continue;
            const o = await findOptionText(options, [c]);
            mouse(o.el, 'click');
            await waitFor(() => !list().some((x) => same(x, c)), 600);
          }
          picked.push(...wanted);
          press(input, 'Escape');
          return;
        }
        // the dropdown fades out on its own; the read-back does not need to wait for it
        const o = await findOptionText(options, choiceLabels(v, forms), !!forms?.loose);
        picked.push(o.text);
        mouse(o.el, 'click');
      } catch (e) {
        press(input, 'Escape');
        throw e;
      }
    },
  };
}

export function elCascader(root: Element): Control {
  const input = firstInput(root);
  keepPopup(root, '.el-cascader__dropdown');
  const panel = () => {
    const p = popupOf(root, '.el-cascader__dropdown');
    return p && isShown(p) ? p : null;
  };
  return {
    kind: 'el-cascader',
    root,
    inputs: input ? [input] : [],
    textInputs: [],
    clear: () => clickClear(root, '.el-cascader__clear, .el-input__clear, .icon-circle-close, .el-icon-circle-close'),
    role: 'cascade',
    read: () => (input.value ? input.value.split(/\s*\/\s*/) : []),
    async write(v, forms) {
      const paths = cascadePaths(v, forms);
      mouse(input, 'click');
      const pop = await waitFor(panel, LIST_WAIT_MS);
      if (!pop) return;
      try {
        await pickCascadePath(pop, paths, '.el-cascader-menu', '.el-cascader-node', (n) => visibleText(n.querySelector('.el-cascader-node__label') ?? n));
      } catch (e) {
        if (e instanceof FillFailure) press(input, 'Escape');
        throw e;
      }
    },
  };
}

/** The option paths a cascader may take for a value: its own path, the value's path forms, the value alone. */
export function cascadePaths(v: FillValue, forms?: import('../../core/fill/types').ValueForms): string[][] {
  const own = Array.isArray(v) ? [v] : typeof v === 'string' && v ? [[v]] : [];
  return [...own, ...(forms?.paths ?? []), ...(forms?.texts ?? []).slice(0, 3).map((t) => [t])].filter((p, i, all) => all.findIndex((q) => q.join('/') === p.join('/')) === i);
}

export function elDate(root: Element): Control {
  const input = firstInput(root);
  // Element UI parses typed text with its calendar panel, which it mounts on focus in Vue 2's next
  // microtask; Element Plus (which wraps every input in .el-input__wrapper) parses without one, and
  // a pause there would cost it a render per date
  const parsesWithPanel = !root.querySelector('.el-input__wrapper');
  return {
    kind: 'el-date-picker',
    role: 'date',
    root,
    inputs: input ? [input] : [],
    textInputs: input ? [input] : [],
    read: () => input.value,
    async write(v) {
      // the pickers parse typed text on `change` with their display format (the map formats the date
      // for them): no clicking through the calendar, which costs more than the rest of the fill
      if (parsesWithPanel) {
        fire(input, 'focus');
        await Promise.resolve();
      }
      typeValue(input, asText(v));
      // and the panel, once its work is done, is closed as a user would close it
      if (parsesWithPanel) press(input, 'Escape');
    },
  };
}
