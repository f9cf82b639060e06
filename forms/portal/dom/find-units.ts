/**
 * Field units of a page: one per logical field, with its labels, the headings of its section and its
 * outer element. A component library's form item (Element UI/Plus, Ant Design React/Vue, layui, View
 * UI, Vant, Arco, TDesign, Naive, Bootstrap's form groups) is one unit named by its label; the
 * remaining native controls are units on their own, radio and checkbox sets grouped by name. Open
 * shadow roots (web components) are searched too.
 */
import { labelsOfControl, labelsOfGroup, visibleText } from './labels';
import { sectionHeadings } from './sections';

export interface FieldUnit {
  /** the element the control adapter starts from */
  root: Element;
  labels: string[];
  /** headings of the sections around it, nearest first */
  context?: string[];
}

interface FormItemKind {
  item: string;
  label: string;
  content: string;
}

/** Form items by library: the item, its label, the box holding its control. */
const FORM_ITEMS: FormItemKind[] = [
  { item: '.el-form-item', label: ':scope > .el-form-item__label, :scope > .el-form-item__label-wrap .el-form-item__label', content: '.el-form-item__content' },
  { item: '.ant-form-item', label: '.ant-form-item-label label, .ant-form-item-label', content: '.ant-form-item-control' },
  { item: '.layui-form-item', label: '.layui-form-label', content: '.layui-input-block, .layui-input-inline, .layui-input-wrap' },
  { item: '.ivu-form-item', label: '.ivu-form-item-label', content: '.ivu-form-item-content' },
  { item: '.van-field, .van-cell', label: '.van-field__label, .van-cell__title', content: '.van-field__value, .van-cell__value' },
  { item: '.arco-form-item', label: '.arco-form-item-label', content: '.arco-form-item-wrapper-col' },
  { item: '.t-form__item', label: '.t-form__label', content: '.t-form__controls' },
  { item: '.n-form-item', label: '.n-form-item-label', content: '.n-form-item-blank' },
  // Bootstrap: a group with a label of its own (its label[for] is read from the control as well)
  { item: '.form-group, .mb-3, .form-row, .row', label: ':scope > .form-label, :scope > .col-form-label, :scope > label, :scope > [class*="col"] > .col-form-label, :scope > [class*="col"] > .form-label', content: '.col, [class*="col-"], .input-group' },
];
const ITEM_SELECTOR = FORM_ITEMS.map((k) => k.item).join(', ');
const NATIVE = 'input, select, textarea';
const COMPONENT =
  '.el-select, .el-cascader, .el-date-editor, .el-input-number, .el-radio-group, .el-checkbox-group, .ant-select, .ant-picker, .ant-input-number, .ant-radio-group, .ant-checkbox-group, .ivu-select, .ivu-date-picker, .ivu-cascader, .ivu-input-number, .ivu-radio-group, .ivu-checkbox-group, .layui-form-select, .van-radio-group, .van-checkbox-group';

/** `scope.querySelectorAll(selector)` and the same inside every open shadow root below it. */
export function deepQueryAll(scope: ParentNode, selector: string): Element[] {
  const out = [...scope.querySelectorAll(selector)];
  for (const host of scope.querySelectorAll('*')) {
    const sr = (host as Element).shadowRoot;
    if (sr) out.push(...deepQueryAll(sr, selector));
  }
  return out;
}

function kindOf(fi: Element): FormItemKind | undefined {
  return FORM_ITEMS.find((k) => fi.matches(k.item));
}

/** Innermost form items holding a control (a Bootstrap `.row` holding form groups is not one). */
function innermostFormItems(scope: ParentNode): Element[] {
  const all = deepQueryAll(scope, ITEM_SELECTOR).filter((fi) => fi.querySelector(`${NATIVE}, [role="radio"], [role="checkbox"], [role="switch"], [contenteditable="true"]`));
  return all.filter((fi) => {
    if (all.some((o) => o !== fi && fi.contains(o))) return false;
    const k = kindOf(fi);
    // generic Bootstrap groups count only with a label of their own and one control (a row of columns is not one field)
    if (!k) return false;
    if (!k.item.startsWith('.form-group')) return true;
    const singles = fi.querySelectorAll('input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"]), select, textarea').length;
    return !!fi.querySelector(k.label) && singles <= 1;
  });
}

function ownLabel(fi: Element, k: FormItemKind): string {
  for (const l of fi.querySelectorAll(k.label)) {
    const t = visibleText(l);
    if (t) return t;
  }
  return '';
}

/** @param others the visible labels of the page's other form items: text read near the control that is another item's label is not this one's */
function formItemLabel(fi: Element, k: FormItemKind, others: ReadonlySet<string>): string[] {
  const own = ownLabel(fi, k);
  const out: string[] = own ? [own] : [];
  // a form item without a visible label may still name itself on its control
  const c = fi.querySelector(NATIVE);
  // (a checkbox's own wrapping label may be all the item says: 开展特级技师、首席技师评聘 in a label-less item)
  if (c) out.push(...labelsOfControl(c).filter((x) => (x !== visibleText(fi) || !!c.closest('label')) && (x === own || !others.has(x))));
  return out.filter(Boolean);
}

export function findUnits(scope: ParentNode): FieldUnit[] {
  const units: FieldUnit[] = [];
  const claimed = new Set<Element>();
  const items = innermostFormItems(scope);
  const itemLabels = new Set(items.map((fi) => ownLabel(fi, kindOf(fi)!)).filter(Boolean));
  for (const fi of items) {
    const k = kindOf(fi)!;
    const content = fi.querySelector(k.content);
    const root = content && content.querySelector(`${NATIVE}, [role="radio"], [role="checkbox"], [role="switch"]`) ? content : fi;
    units.push({ root, labels: formItemLabel(fi, k, itemLabels), context: sectionHeadings(fi) });
    for (const c of fi.querySelectorAll(NATIVE)) claimed.add(c);
  }
  // a date asked for as three selects (年 / 月 / 日) in one place is one field, named like its first select
  for (const box of splitDateBoxes(scope)) {
    if ([...box.querySelectorAll('select')].some((s) => claimed.has(s))) continue;
    const first = box.querySelector('select')!;
    units.push({ root: box, labels: labelsOf(first), context: sectionHeadings(box) });
    for (const s of box.querySelectorAll('select')) claimed.add(s);
  }
  const groups = new Map<string, Element[]>();
  for (const el of deepQueryAll(scope, NATIVE)) {
    if (claimed.has(el)) continue;
    // component library controls outside a form item: the wrapper is the unit
    const comp = el.closest(COMPONENT);
    if (comp) {
      if (!units.some((u) => u.root === comp)) units.push({ root: comp, labels: labelsOf(el), context: sectionHeadings(comp) });
      continue;
    }
    const type = (el as HTMLInputElement).type;
    if (el.tagName === 'INPUT' && (type === 'radio' || type === 'checkbox')) {
      const name = (el as HTMLInputElement).name;
      const key = name ? `${type}:${name}` : `${type}:#${units.length}:${groups.size}`;
      const list = groups.get(key) ?? [];
      list.push(el);
      groups.set(key, list);
      continue;
    }
    units.push({ root: el, labels: labelsOf(el), context: sectionHeadings(el) });
  }
  // ARIA switches drawn without a native input (a button role=switch in a web component, outside any form item)
  for (const sw of deepQueryAll(scope, '[role="switch"]')) {
    if (sw.matches(NATIVE) || units.some((u) => u.root === sw || u.root.contains(sw))) continue;
    units.push({ root: sw, labels: labelsOf(sw), context: sectionHeadings(sw) });
  }
  for (const list of groups.values()) {
    const first = list[0];
    if (list.length === 1 && (first as HTMLInputElement).type === 'checkbox') {
      // a lone checkbox is a yes/no field: its own label names it, or the cell to its left
      units.push({ root: first, labels: [...labelsOf(first), ...labelsOfGroup(first, first)], context: sectionHeadings(first) });
      continue;
    }
    const container = commonAncestor(list);
    units.push({ root: container, labels: labelsOfGroup(container, first), context: sectionHeadings(container) });
  }
  return units;
}

/** A select whose options are years (the first of a split date). */
export function offersYears(sel: HTMLSelectElement): boolean {
  return [...sel.options].filter((o) => /^(19|20)\d{2}/.test(o.text.trim()) || /^(19|20)\d{2}$/.test(o.value)).length >= 2;
}

/** The nearest elements holding exactly three selects, the first offering years, and no other control. */
function splitDateBoxes(scope: ParentNode): Element[] {
  const out: Element[] = [];
  for (const sel of deepQueryAll(scope, 'select')) {
    const box = sel.parentElement;
    if (!box || out.includes(box) || box.querySelector('select') !== sel) continue;
    const selects = [...box.querySelectorAll('select')];
    if (selects.length !== 3 || box.querySelector('input:not([type="hidden"]), textarea')) continue;
    if (offersYears(selects[0] as HTMLSelectElement)) out.push(box);
  }
  return out;
}

/** A control's labels; one inside a web component without a label of its own is named by its host. */
function labelsOf(el: Element): string[] {
  const own = labelsOfControl(el);
  const root = el.getRootNode();
  if (own.length || !(root instanceof (el.ownerDocument.defaultView ?? window).ShadowRoot)) return own;
  const host = (root as ShadowRoot).host;
  return [...labelsOfControl(host), ...(host.getAttribute('label') ? [host.getAttribute('label')!] : [])];
}

function commonAncestor(els: Element[]): Element {
  let c: Element = els[0].parentElement ?? els[0];
  while (c.parentElement && !els.every((e) => c.contains(e))) c = c.parentElement;
  return c;
}
