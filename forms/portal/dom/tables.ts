/**
 * Editable lists on a page without a map: tables whose header cells name the columns (native tables,
 * Element's and layui's split header/body tables, Ant Design's), with the button that adds a row
 * (添加 / 新增 / 增加一行 / +) next to them. Rows are the body rows that hold a control; a row's cells
 * are named by the header cell above them.
 */
import { deepQueryAll } from './find-units';
import { visibleText } from './labels';
import { sectionHeadings } from './sections';
import { isHidden } from './visibility';

export interface ListTable {
  /** the element around header and body (el-table, layui-table-view, the table itself) */
  root: Element;
  /** header texts, by column index */
  headers: string[];
  /** headings of the section the table is in */
  context: string[];
  rows(): Element[];
  /** the visible button that adds a row, if any */
  addButton: Element | null;
}

const WRAPPERS = '.el-table, .ant-table, .layui-table-view, .ivu-table-wrapper, .vxe-table, .n-data-table, .arco-table, .t-table';
const CONTROL = 'input:not([type="hidden"]), select, textarea, .el-select, .ant-select, [role="combobox"], [role="checkbox"], [role="radio"]';
export const ADD_TEXT = /^[+＋]?\s*(添加|新增|增加|追加|加一行|新建|add)/i;
const REMOVE_TEXT = /^(删除|移除|删去|×|x|remove|delete|-)$/i;
export const BUTTONS = 'button, a, [role="button"], .el-button, .ant-btn, .layui-btn, .ivu-btn, .van-button, input[type="button"]';

/** What a button says: its text, else its value, aria-label or title (spaces removed). */
export const buttonText = (b: Element): string =>
  (visibleText(b) || b.getAttribute('value') || b.getAttribute('aria-label') || b.getAttribute('title') || '').replace(/\s+/g, '');

/** A button that adds a row: 添加 / 新增 / 增加一行 / + … */
export const isAddButton = (b: Element): boolean => {
  const t = buttonText(b);
  return ADD_TEXT.test(t) || t === '+' || t === '＋';
};

/** The button in a row that removes it (删除 / 移除 / × …), if any. */
export const removeButtonIn = (row: Element): Element | undefined => [...row.querySelectorAll(BUTTONS)].find((b) => REMOVE_TEXT.test(buttonText(b)));

function headerCells(root: Element): Element[] {
  const thead = root.querySelector('thead');
  if (thead) {
    // the last header row names the columns (a first row may group them)
    const rows = [...thead.querySelectorAll('tr')];
    const last = rows[rows.length - 1];
    return last ? [...last.children] : [];
  }
  const first = root.querySelector('tr');
  return first && [...first.children].every((c) => c.tagName === 'TH') ? [...first.children] : [];
}

function bodyRows(root: Element, header: Element | null): Element[] {
  return [...root.querySelectorAll('tr')].filter((tr) => !header?.contains(tr) && !tr.closest('thead') && tr.querySelector(CONTROL));
}

/** The add button of a list: the nearest visible button worded 添加/新增/… around the table, not inside a row. */
function addButtonNear(root: Element): Element | null {
  let scope: Element | null = root.parentElement;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    const found = [...scope.querySelectorAll(BUTTONS)].filter((b) => {
      if (b.closest('tbody tr')) return false;
      return isAddButton(b) && !isHidden(b) && !(b as HTMLButtonElement).disabled;
    });
    // a scope holding another list's header as well holds that list's button too: not ours to guess
    if ([...scope.querySelectorAll('thead')].some((h) => !root.contains(h))) return null;
    if (found.length) return found[0];
  }
  return null;
}

export function findListTables(docs: readonly Document[]): ListTable[] {
  const out: ListTable[] = [];
  const seen = new Set<Element>();
  for (const d of docs) {
    for (const table of deepQueryAll(d, 'table')) {
      const root = table.closest(WRAPPERS) ?? table;
      if (seen.has(root)) continue;
      const cells = headerCells(root);
      if (!cells.length) continue;
      seen.add(root);
      const headers = cells.map((c) => visibleText(c));
      const headerBox = cells[0].closest('thead, tr');
      out.push({
        root,
        headers,
        context: sectionHeadings(root, 2),
        rows: () => bodyRows(root, headerBox),
        addButton: addButtonNear(root),
      });
    }
  }
  return out;
}

/** The cells of a row with the header text above each (colspans counted). */
export function rowCells(table: ListTable, row: Element): Array<{ cell: Element; header: string }> {
  const out: Array<{ cell: Element; header: string }> = [];
  let col = 0;
  for (const cell of row.children) {
    if (!/^(TD|TH)$/.test(cell.tagName)) continue;
    out.push({ cell, header: table.headers[col] ?? '' });
    col += (cell as HTMLTableCellElement).colSpan || 1;
  }
  return out;
}
