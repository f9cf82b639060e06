/**
 * Lists a page shows as repeated groups of fields rather than a table (Ant Design's Form.List, Ant
 * Design Vue's dynamic form items, a wizard step's rows): an add button worded 添加 / 新增 / 增加一行 / +
 * outside any table, and the groups of fields it adds. What a row holds is learnt by adding one: the
 * fields that appear after the click are the row; later rows are found the same way.
 */
import { ADD_TEXT, BUTTONS, buttonText, isAddButton } from './tables';
import { findUnits, type FieldUnit } from './find-units';
import { sectionHeadings } from './sections';
import { isHidden, isOffScreen } from './visibility';

export interface Repeater {
  button: Element;
  /** the element around the button and its rows */
  scope: Element;
  /** what the button and its section say the rows are (添加督导人员, 内部质量督导人员) */
  context: string[];
}

/** How far above its add button a repeater's rows may sit (the button is usually their sibling). */
const SCOPE_DEPTH = 3;

/** Add buttons outside tables, each with the section it adds rows to. */
export function findRepeaters(docs: readonly Document[], tableRoots: readonly Element[]): Repeater[] {
  const out: Repeater[] = [];
  for (const d of docs) {
    for (const b of d.querySelectorAll(BUTTONS)) {
      if (!isAddButton(b)) continue;
      if (b.closest('table') || tableRoots.some((t) => t.parentElement?.contains(b) && closeTo(t, b))) continue;
      if ((b as HTMLButtonElement).disabled || isHidden(b) || isOffScreen(b)) continue;
      let scope: Element = b.parentElement ?? b;
      for (let i = 0; i < SCOPE_DEPTH && scope.parentElement && !scope.parentElement.matches('form, body'); i++) {
        if (scope.parentElement.querySelectorAll(BUTTONS).length > scope.querySelectorAll(BUTTONS).length + 2) break;
        scope = scope.parentElement;
      }
      const what = buttonText(b).replace(ADD_TEXT, '').replace(/^[+＋\s]+/, '').trim();
      out.push({ button: b, scope, context: [...(what ? [what] : []), ...sectionHeadings(b, 2)] });
    }
  }
  return out;
}

/** A table's own add button sits right after it (tables.ts finds that one). */
function closeTo(table: Element, button: Element): boolean {
  let n: Element | null = table;
  for (let i = 0; i < 3 && n; i++, n = n.parentElement) if (n.nextElementSibling?.contains(button) || n.nextElementSibling === button) return true;
  return false;
}

/** The field units inside a repeater's scope. */
export function unitsIn(r: Repeater): FieldUnit[] {
  return findUnits(r.scope);
}
