/**
 * Choosing an option in a select's or cascader's popup, shared by the component library adapters.
 * A select may show its options at once, filter them as the user types, or fetch them from the
 * server only after typing (remote search): the option is looked for in the open list first, then
 * searched for by typing its label into the select's own search box, waiting a bounded time for the
 * answer. No option in time is a FillFailure `no-option`, never a guess.
 */
import { FillFailure, same } from './control';
import { mouse, typeValue } from '../dom/events';
import { LIST_WAIT_MS, OPTIONS_WAIT_MS, nextFrame, waitFor } from '../dom/wait';

export interface OptionSource {
  /** the open popup once it holds options, else null */
  list(): Element | null;
  /** the option with this label in the popup */
  option(list: Element, label: string): Element | null | undefined;
  /** the box the user types a search into, while the control offers one */
  searchBox(): HTMLInputElement | null;
}

// a searchable select gets a short look at its list before it is searched instead (a remote one
// shows no list until searched); a select without search waits for its list as long as it takes
const LOOK_MS = 250;

/** The option to click for `label`, after the caller opened the popup. */
export async function findOption(src: OptionSource, label: string): Promise<Element> {
  let list = await waitFor(() => src.list(), LOOK_MS);
  if (!list && !src.searchBox()) list = await waitFor(() => src.list(), LIST_WAIT_MS - LOOK_MS);
  let option = list ? src.option(list, label) : null;
  const box = option ? null : src.searchBox();
  if (box) {
    typeValue(box, label, { blur: false, realFocus: true });
    option = await waitFor(() => {
      const l = src.list();
      return l ? src.option(l, label) : null;
    }, OPTIONS_WAIT_MS);
  }
  if (!option) throw new FillFailure('no-option', label);
  return option;
}

/**
 * Clicks one option per level of an open cascader panel (Element Plus, Element UI and Ant Design lay
 * their menus out the same way); throws `no-option` naming the first level without that label.
 */
export async function pickCascadePath(
  pop: Element,
  path: readonly string[],
  menuSelector: string,
  itemSelector: string,
  labelOf: (item: Element) => string,
): Promise<void> {
  for (let level = 0; level < path.length; level++) {
    const item = await waitFor(() => {
      const menu = pop.querySelectorAll(menuSelector)[level];
      return menu ? [...menu.querySelectorAll(itemSelector)].find((n) => same(labelOf(n), path[level])) : null;
    }, 1000);
    if (!item) throw new FillFailure('no-option', path.slice(0, level + 1).join(' / '));
    mouse(item, 'click');
    await nextFrame();
  }
}
