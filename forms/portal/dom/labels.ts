/**
 * The visible label of a native control, from the places portals put it, strongest first:
 * label[for], a wrapping label, aria-labelledby, aria-label, the table cell to the left, the column
 * header above (table rows), the text before it in the same line, then placeholder and title.
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
  // component tables draw the header as a table of its own above the body's (Element, Ant Design with
  // a fixed header, layui, View UI): the header row is then the last one of the wrapper's thead
  const split = () => {
    const wrap = table.parentElement?.closest(SPLIT_TABLES);
    const rows = wrap ? [...wrap.querySelectorAll('thead tr')] : [];
    return rows[rows.length - 1] ?? null;
  };
  const head = table.querySelector('thead tr') ?? (first && [...first.children].every((c) => c.tagName === 'TH') ? first : null) ?? split();
  if (!head || head.contains(cell) || index < 0) return '';
  return text(head.children[index]);
}

const SPLIT_TABLES = '.el-table, .ant-table, .layui-table-view, .ivu-table-wrapper, .vxe-table, .n-data-table, .arco-table, .t-table';

export function labelsOfControl(el: Element): string[] {
  // inside a web component the label is in the same shadow root
  const doc = el.getRootNode() as Document | ShadowRoot;
  const out: string[] = [];
  const id = el.getAttribute('id');
  if (id) for (const l of doc.querySelectorAll(`label[for="${CSS.escape(id)}"]`)) out.push(text(l));
  const wrap = el.closest('label');
  if (wrap) out.push(text(wrap));
  const by = el.getAttribute('aria-labelledby');
  if (by) out.push(by.split(/\s+/).map((x) => text(doc.getElementById(x))).join(''));
  const aria = el.getAttribute('aria-label');
  if (aria) out.push(aria);
  out.push(cellLeft(el), cellAbove(el), textBefore(el));
  const ph = el.getAttribute('placeholder');
  if (ph) out.push(ph);
  const title = el.getAttribute('title');
  if (title) out.push(title);
  return out.filter(Boolean);
}

const CONTROLS = 'input:not([type="hidden"]), select, textarea';
const MAX_LABEL = 30;

/**
 * The text just before a control on its line (`单位名称：<input>` in a div or a paragraph), up to the
 * previous control; climbs out of wrappers the control is the first thing in.
 */
export function textBefore(el: Element): string {
  let cur: Element = el;
  for (let depth = 0; depth < 4; depth++) {
    const parts: string[] = [];
    let n: Node | null = cur.previousSibling;
    while (n) {
      if (n.nodeType === 1) {
        const e = n as Element;
        if (e.matches(CONTROLS) || e.querySelector(CONTROLS) || e.tagName === 'BR') break;
        parts.unshift(e.textContent ?? '');
      } else if (n.nodeType === 3) parts.unshift(n.textContent ?? '');
      n = n.previousSibling;
    }
    const t = parts.join('').replace(/\s+/g, ' ').trim();
    if (t) return t.length <= MAX_LABEL ? t : '';
    const parent = cur.parentElement;
    if (!parent || /^(BODY|FORM|TD|TH|TR|TABLE|FIELDSET)$/.test(parent.tagName) || parent.querySelectorAll(CONTROLS).length > 1) return '';
    cur = parent;
  }
  return '';
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
    if (by) out.push(text((container.getRootNode() as Document | ShadowRoot).getElementById(by)));
  }
  out.push(cellLeft(first), cellAbove(first));
  return out.filter(Boolean);
}

/** The text a choice shows (a radio or checkbox's own label). */
export function optionText(input: Element): string {
  const id = input.getAttribute('id');
  if (id) {
    const l = (input.getRootNode() as Document | ShadowRoot).querySelector(`label[for="${CSS.escape(id)}"]`);
    if (l) return text(l);
  }
  const wrap = input.closest('label');
  if (wrap) return text(wrap);
  let n = input.nextSibling;
  while (n && n.nodeType === 3 && !n.textContent?.trim()) n = n.nextSibling;
  return n ? (n.textContent ?? '').trim() : input.getAttribute('value') ?? '';
}

export { text as visibleText };
