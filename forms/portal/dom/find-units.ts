/**
 * Field units of a page: one per logical field, with its labels and its outer element. Component
 * library form items (Element `.el-form-item`, Ant Design `.ant-form-item`) are one unit each; the
 * remaining native controls are units on their own, radio and checkbox sets grouped by name.
 */
import { labelsOfControl, labelsOfGroup, visibleText } from './labels';

export interface FieldUnit {
  /** the element the control adapter starts from */
  root: Element;
  labels: string[];
}

const FORM_ITEM = '.el-form-item, .ant-form-item';
const NATIVE = 'input, select, textarea';

function innermostFormItems(scope: ParentNode): Element[] {
  const all = [...scope.querySelectorAll(FORM_ITEM)];
  return all.filter((fi) => !fi.querySelector(FORM_ITEM));
}

function formItemLabel(fi: Element): string[] {
  const l = fi.querySelector(':scope > .el-form-item__label, :scope > .el-form-item__label-wrap .el-form-item__label, .ant-form-item-label label');
  const out = l ? [visibleText(l)] : [];
  // a form item without a visible label may still name itself on its control
  const c = fi.querySelector(NATIVE);
  if (c) out.push(...labelsOfControl(c).filter((x) => x !== visibleText(fi)));
  return out.filter(Boolean);
}

export function findUnits(scope: ParentNode): FieldUnit[] {
  const units: FieldUnit[] = [];
  const claimed = new Set<Element>();
  for (const fi of innermostFormItems(scope)) {
    const content = fi.querySelector('.el-form-item__content, .ant-form-item-control') ?? fi;
    units.push({ root: content, labels: formItemLabel(fi) });
    for (const c of fi.querySelectorAll(NATIVE)) claimed.add(c);
  }
  const groups = new Map<string, Element[]>();
  for (const el of scope.querySelectorAll(NATIVE)) {
    if (claimed.has(el)) continue;
    // component library controls outside a form item: the wrapper is the unit
    const comp = el.closest('.el-select, .el-cascader, .el-date-editor, .el-input-number, .ant-select, .ant-picker, .ant-input-number, .el-radio-group, .el-checkbox-group, .ant-radio-group, .ant-checkbox-group');
    if (comp) {
      if (!units.some((u) => u.root === comp)) units.push({ root: comp, labels: labelsOfControl(el) });
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
    units.push({ root: el, labels: labelsOfControl(el) });
  }
  for (const list of groups.values()) {
    const first = list[0];
    if (list.length === 1 && (first as HTMLInputElement).type === 'checkbox') {
      // a lone checkbox is a yes/no field: its own label names it, or the cell to its left
      units.push({ root: first, labels: [...labelsOfControl(first), ...labelsOfGroup(first, first)] });
      continue;
    }
    const container = commonAncestor(list);
    units.push({ root: container, labels: labelsOfGroup(container, first) });
  }
  return units;
}

function commonAncestor(els: Element[]): Element {
  let c: Element = els[0].parentElement ?? els[0];
  while (c.parentElement && !els.every((e) => c.contains(e))) c = c.parentElement;
  return c;
}
