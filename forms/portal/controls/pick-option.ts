/**
 * Choosing an option in a select's or cascader's popup, shared by the component library adapters.
 * A select may show its options at once, filter them as the user types, or fetch them from the
 * server only after typing (remote search): the option is looked for in the open list first, then
 * searched for by typing its label into the select's own search box, waiting a bounded time for the
 * answer. No option in time is a FillFailure `no-option`, never a guess.
 */
import { FillFailure, firstPresent, same } from './control';
import { mouse, typeValue } from '../dom/events';
import { LIST_WAIT_MS, OPTIONS_WAIT_MS, nextFrame, waitFor } from '../dom/wait';

export interface OptionSource {
  /** the open popup once it holds options, else null */
  list(): Element | null;
  /** the option with this label in the popup */
  option(list: Element, label: string): Element | null | undefined;
  /** every option in the popup with its text (to pick among a value's forms, or the closest wording) */
  all?(list: Element): Array<{ el: Element; text: string }>;
  /** the box the user types a search into, while the control offers one */
  searchBox(): HTMLInputElement | null;
}

// a searchable select gets a short look at its list before it is searched instead (a remote one
// shows no list until searched); a select without search waits for its list as long as it takes
const LOOK_MS = 250;

/** Of the options shown, the one for any of `labels` (in order), else the clearly closest wording. */
function inList(src: OptionSource, list: Element, labels: readonly string[], fuzzy: boolean): { el: Element; text: string } | null {
  for (const l of labels) {
    const o = src.option(list, l);
    if (o) return { el: o, text: l };
  }
  if (!fuzzy || !src.all) return null;
  const all = src.all(list);
  const hit = firstPresent(all.map((a) => a.text), labels, true);
  return hit !== null ? (all.find((a) => a.text === hit) ?? null) : null;
}

/** How many of a value's forms are typed into a search box before giving up (each waits for the server). */
const SEARCH_FORMS = 2;

/**
 * The option to click for a value, after the caller opened the popup: any of `labels` (the value's
 * forms, best first) in the open list, else searched for by typing them. `chosen` is the option's text.
 */
export async function findOption(src: OptionSource, label: string | readonly string[]): Promise<Element> {
  return (await findOptionText(src, typeof label === 'string' ? [label] : label)).el;
}

/**
 * @param loose the value may be worded differently by the page (an enum label): the clearly closest
 *   option is taken when no form matches exactly — only after searching, a virtual list shows few rows
 */
export async function findOptionText(src: OptionSource, labels: readonly string[], loose = false): Promise<{ el: Element; text: string }> {
  let list = await waitFor(() => src.list(), LOOK_MS);
  if (!list && !src.searchBox()) list = await waitFor(() => src.list(), LIST_WAIT_MS - LOOK_MS);
  let found = list ? inList(src, list, labels, false) : null;
  const box = found ? null : src.searchBox();
  if (box) {
    for (const [i, label] of labels.slice(0, SEARCH_FORMS).entries()) {
      typeValue(box, label, { blur: false, realFocus: true });
      found = await waitFor(() => {
        const l = src.list();
        return l ? inList(src, l, [label], false) : null;
      }, i === 0 ? OPTIONS_WAIT_MS : OPTIONS_WAIT_MS / 6);
      if (found) break;
    }
  }
  if (!found && loose) {
    const l = src.list();
    found = l ? inList(src, l, labels, true) : null;
  }
  if (!found) throw new FillFailure('no-option', labels[0] ?? '');
  return found;
}

/**
 * Clicks one option per level of an open cascader panel (Element Plus, Element UI and Ant Design lay
 * their menus out the same way); throws `no-option` naming the first level without that label.
 */
export async function pickCascadePath(
  pop: Element,
  path: readonly string[] | ReadonlyArray<readonly string[]>,
  menuSelector: string,
  itemSelector: string,
  labelOf: (item: Element) => string,
): Promise<string[]> {
  // several candidate paths (上海市 / 浦东新区, 上海 / 浦东新区, 浦东新区): walk the ones the menus offer
  let paths = (typeof path[0] === 'string' ? [path as readonly string[]] : (path as ReadonlyArray<readonly string[]>)).filter((p) => p.length);
  const chosen: string[] = [];
  for (let level = 0; paths.some((p) => p.length > level); level++) {
    const live = paths.filter((p) => p.length > level);
    const hit = await waitFor(() => {
      const menu = pop.querySelectorAll(menuSelector)[level];
      if (!menu) return null;
      const items = [...menu.querySelectorAll(itemSelector)];
      for (const p of live) {
        const item = items.find((n) => same(labelOf(n), p[level]));
        if (item) return { item, label: p[level] };
      }
      return null;
    }, 1000);
    if (!hit) {
      // a path may end here (the menu had no deeper level for a shorter candidate)
      if (paths.some((p) => p.length === level)) break;
      throw new FillFailure('no-option', [...chosen, live[0][level]].join(' / '));
    }
    chosen.push(hit.label);
    paths = live.filter((p) => same(p[level], hit.label));
    mouse(hit.item, 'click');
    await nextFrame();
  }
  return chosen;
}
