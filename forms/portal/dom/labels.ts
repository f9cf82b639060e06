/**
 * The visible label of a native control, from the places portals put it, strongest first:
 * label[for], a wrapping label, aria-labelledby, aria-label, the table cell to the left, the column
 * header above (table rows), then placeholder and title.
 */
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function ownCell(el: Element): HTMLTableCellElement | null {
  return el.closest('td, th') as HTMLTableCellElement | null;
}

/** The cell to the left (label column) when it holds no control of its own. */
function cellLeft(el: Element): string {
  const cell = ownCell(el);
  let prev = cell?.previousElementSibling;
  while (prev && !/^(TD|TH)$/.test(prev.tagName)) prev = prev.previousElementSibling;
  if (!prev || prev.querySelector('input, select, textarea')) return '';
  return text(prev);
}

/** The header cell above, for controls inside table body rows (column layout). */
function cellAbove(el: Element): string {
  const cell = ownCell(el);
  const table = cell?.closest('table');
  if (!cell || !table) return '';
  const row = cell.parentElement;
  const index = row ? [...row.children].indexOf(cell) : -1;
  // the header row: in <thead>, or a first row made of <th> cells
  const first = table.querySelector('tr');
  const head = table.querySelector('thead tr') ?? (first && [...first.children].every((c) => c.tagName === 'TH') ? first : null);
  if (!head || head.contains(cell) || index < 0) return '';
  return text(head.children[index]);
}

export function labelsOfControl(el: Element): string[] {
  const doc = el.ownerDocument;
  const out: string[] = [];
  const id = el.getAttribute('id');
  if (id) for (const l of doc.querySelectorAll(`label[for="${CSS.escape(id)}"]`)) out.push(text(l));
  const wrap = el.closest('label');
  if (wrap) out.push(text(wrap));
  const by = el.getAttribute('aria-labelledby');
  if (by) out.push(by.split(/\s+/).map((x) => text(doc.getElementById(x))).join(''));
  const aria = el.getAttribute('aria-label');
  if (aria) out.push(aria);
  out.push(cellLeft(el), cellAbove(el));
  const ph = el.getAttribute('placeholder');
  if (ph) out.push(ph);
  return out.filter(Boolean);
}

/** A group's label (radio/checkbox sets): legend, radiogroup's aria label, or the table cell to the left. */
export function labelsOfGroup(container: Element, first: Element): string[] {
  const out: string[] = [];
  const fs = container.closest('fieldset');
  const legend = fs?.querySelector('legend');
  if (legend) out.push(text(legend));
  const role = first.closest('[role="radiogroup"], [role="group"]');
  if (role) {
    const aria = role.getAttribute('aria-label');
    if (aria) out.push(aria);
    const by = role.getAttribute('aria-labelledby');
    if (by) out.push(text(container.ownerDocument.getElementById(by)));
  }
  out.push(cellLeft(first), cellAbove(first));
  return out.filter(Boolean);
}

/** The text a choice shows (a radio or checkbox's own label). */
export function optionText(input: Element): string {
  const id = input.getAttribute('id');
  if (id) {
    const l = input.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`);
    if (l) return text(l);
  }
  const wrap = input.closest('label');
  if (wrap) return text(wrap);
  let n = input.nextSibling;
  while (n && n.nodeType === 3 && !n.textContent?.trim()) n = n.nextSibling;
  return n ? (n.textContent ?? '').trim() : input.getAttribute('value') ?? '';
}

export { text as visibleText };
