/**
 * The headings of the sections around a control, nearest first: a fieldset's legend, a card's
 * header, a table caption or a full-width heading row, a heading element or title-like block before
 * it. The matcher reads a short label (姓名) in its section (联系人信息) as one.
 */
import { visibleText } from './labels';

const HEADING_SELF = 'h1, h2, h3, h4, h5, h6, legend, caption, [role="heading"]';
const HEADING_CLASS = /(^|[-_\s])(title|header|heading|legend|caption|subtitle|section-title|card-head|panel-heading|group-title|divider)([-_\s]|$)/i;
const CONTAINER_HEADER =
  ':scope > legend, :scope > .el-card__header, :scope > .ant-card-head, :scope > .layui-card-header, :scope > .ivu-card-head, :scope > .card-header, :scope > .panel-heading, :scope > .van-cell-group__title, :scope > .el-collapse-item__header, :scope > .ant-collapse-header';
const CONTROL = 'input:not([type="hidden"]), select, textarea, button, [role="combobox"], [role="radio"], [role="checkbox"], [role="switch"]';
const MAX_HEADING = 24;

function headingText(el: Element): string | null {
  if (el.querySelector(CONTROL) || el.matches(CONTROL)) return null;
  const t = visibleText(el);
  if (!t || t.length > MAX_HEADING) return null;
  if (el.matches(HEADING_SELF) || HEADING_CLASS.test(el.getAttribute('class') ?? '')) return t;
  // a table row that is one cell wide (or whose only text cell spans the table) heads the rows below it
  if (el.tagName === 'TR') {
    const cells = [...el.children].filter((c) => visibleText(c));
    if (cells.length === 1 && ((cells[0] as HTMLTableCellElement).colSpan > 1 || el.children.length === 1)) return t;
    if (cells.length === 1 && cells[0].tagName === 'TH') return t;
  }
  // a lone bold line or a div whose only content is a short bold text
  if (/^(STRONG|B)$/.test(el.tagName)) return t;
  const only = el.children.length === 1 ? el.children[0] : null;
  if (only && (only.matches(HEADING_SELF) || /^(STRONG|B)$/.test(only.tagName)) && visibleText(only) === t) return t;
  return null;
}

export function sectionHeadings(el: Element, max = 2): string[] {
  const out: string[] = [];
  let cur: Element | null = el;
  let depth = 0;
  while (cur && out.length < max && depth++ < 14) {
    // a container's own header (fieldset legend, card header)
    if (cur !== el) {
      const h = cur.querySelector(CONTAINER_HEADER);
      if (h && !h.contains(el)) {
        const t = headingText(h) ?? visibleText(h);
        if (t && t.length <= MAX_HEADING && !out.includes(t)) out.push(t);
      }
    }
    // the nearest heading-like sibling before it
    let prev = cur.previousElementSibling;
    let steps = 0;
    while (prev && steps++ < 12) {
      const t = headingText(prev);
      if (t) {
        if (!out.includes(t)) out.push(t);
        break;
      }
      prev = prev.previousElementSibling;
    }
    if (cur.tagName === 'TABLE') {
      const cap = (cur as HTMLTableElement).caption;
      const t = cap ? visibleText(cap) : '';
      if (t && !out.includes(t)) out.push(t);
    }
    // up the flat tree: a web component's slotted child sits under the slot its section's legend heads
    cur = cur.assignedSlot ?? cur.parentElement ?? (((cur.getRootNode() as ShadowRoot).host as Element | undefined) ?? null);
    if (cur && /^(BODY|HTML)$/.test(cur.tagName)) break;
  }
  return out.slice(0, max);
}
