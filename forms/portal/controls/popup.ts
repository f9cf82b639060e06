/**
 * The popup (dropdown, cascader panel) a control opened. Component libraries render popups at the
 * end of <body>, away from the control: Element Plus and Ant Design name theirs on the input
 * (`aria-controls`); Element UI (Vue 2) keeps its popup inside the control until the first open and
 * then moves it to <body> with no link, so the adapter remembers it while it can still see it; a
 * popup that was moved before the fill ever saw it is the shown one placed against the control.
 */
export const isShown = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

const kept = new WeakMap<Element, Element>();

/** Remembers the control's own popup while it is still inside the control (Element UI before first open). */
export function keepPopup(root: Element, selector: string): void {
  const own = root.querySelector(selector);
  if (own) kept.set(root, own);
}

/** The popup an input names with `aria-controls`, or null when it names none (or it is not rendered yet). */
export function linkedPopup(input: Element | null | undefined, closest: string): Element | null {
  const id = input?.getAttribute('aria-controls');
  return id ? (input!.ownerDocument.getElementById(id)?.closest(closest) ?? null) : null;
}

// a popup sits just below the control (or just above it when there is no room below), overlapping it
// horizontally; the one still closing after another control's fill is excluded by its leave transition
const MAX_GAP_PX = 40;
function placedAgainst(root: Element, popup: Element): number | null {
  const r = root.getBoundingClientRect();
  const p = popup.getBoundingClientRect();
  if (p.right <= r.left || p.left >= r.right) return null;
  const below = p.top - r.bottom;
  const above = r.top - p.bottom;
  const gap = below >= -2 ? below : above >= -2 ? above : Infinity;
  return gap <= MAX_GAP_PX ? Math.max(gap, 0) : null;
}
const leaving = (el: Element): boolean => [...el.classList].some((c) => c.includes('-leave-'));

/** The control's kept popup if it has one, else the shown popup placed closest against it. */
export function popupOf(root: Element, selector: string): Element | null {
  const own = kept.get(root);
  if (own?.isConnected) return own;
  let best: Element | null = null;
  let bestGap = Infinity;
  for (const p of root.ownerDocument.querySelectorAll(selector)) {
    if (root.contains(p) || leaving(p) || !isShown(p)) continue;
    const gap = placedAgainst(root, p);
    if (gap !== null && gap < bestGap) {
      best = p;
      bestGap = gap;
    }
  }
  return best;
}
