/**
 * Read-only inputs that a popup fills: a date picker or a select whose input is `readonly` because
 * the user is meant to click it and choose (layui laydate, Vant field + van-popup picker, Ant Design
 * DatePicker with inputReadOnly, Element's non-editable date editor). They are controls, not
 * read-only values: the driver clicks the input, and only when that opens a popup does it choose in
 * it — a calendar navigated month by month to the day, or picker columns chosen item by item — and
 * confirms. A read-only input that opens nothing is left as it was (FillFailure `readonly`).
 */
import type { FillValue, ValueForms } from '../../core/fill/types';
import { digitOf } from '../../core/fill/value-forms';
import { choiceLabels, FillFailure, firstPresent, type Control } from './control';
import { cascadePaths } from './element-controls';
import { mouse, press } from '../dom/events';
import { visibleText } from '../dom/labels';
import { isShown } from './popup';
import { LIST_WAIT_MS, nextFrame, waitFor } from '../dom/wait';

/** A calendar popup: the month it shows, the cell of a day in that month, the buttons that page it. */
interface Calendar {
  panel: string;
  /** year × 12 + month − 1 of the (first) month shown */
  shown(panel: Element): number | null;
  day(panel: Element, y: number, m: number, d: number): Element | null;
  prev: string;
  next: string;
  prevYear?: string;
  nextYear?: string;
}

const num = (t: string | null | undefined): number => Number(digitOf(t ?? '') && /\d+/.exec(t ?? '')?.[0]);
const monthIndex = (y: number, m: number): number | null => (y > 1900 && m >= 1 && m <= 12 ? y * 12 + m - 1 : null);
const text = (el: Element | null): string => (el ? visibleText(el) : '');

const CALENDARS: Calendar[] = [
  {
    // Ant Design (React and Vue): each cell's title is its date
    panel: '.ant-picker-dropdown',
    shown: (p) => monthIndex(num(text(p.querySelector('.ant-picker-year-btn'))), num(text(p.querySelector('.ant-picker-month-btn')))),
    day: (p, y, m, d) => {
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      return p.querySelector(`td.ant-picker-cell-in-view[title="${iso}"]`) ?? [...p.querySelectorAll('td.ant-picker-cell-in-view')].find((c) => text(c) === String(d)) ?? null;
    },
    prev: '.ant-picker-header-prev-btn',
    next: '.ant-picker-header-next-btn',
    prevYear: '.ant-picker-header-super-prev-btn',
    nextYear: '.ant-picker-header-super-next-btn',
  },
  {
    // layui laydate: each cell carries lay-ymd (months and days unpadded)
    panel: '.layui-laydate',
    shown: (p) => {
      const [y, m] = (p.querySelector('[lay-ym]')?.getAttribute('lay-ym') ?? '').split('-').map(Number);
      return monthIndex(y, m);
    },
    day: (p, y, m, d) => p.querySelector(`td[lay-ymd="${y}-${m}-${d}"]:not(.laydate-day-prev):not(.laydate-day-next):not(.laydate-disabled)`),
    prev: '.laydate-prev-m',
    next: '.laydate-next-m',
    prevYear: '.laydate-prev-y',
    nextYear: '.laydate-next-y',
  },
  {
    // Element Plus and Element UI: the header names year and month, cells show the day
    panel: '.el-picker-panel',
    shown: (p) => {
      const labels = [...p.querySelectorAll('.el-date-picker__header-label')].map(text);
      return monthIndex(num(labels[0]), num(labels[1]));
    },
    day: (p, _y, _m, d) => [...p.querySelectorAll('.el-date-table td.available:not(.prev-month):not(.next-month)')].find((c) => text(c) === String(d)) ?? null,
    prev: '.el-date-picker__prev-btn.el-icon-arrow-left, .el-date-picker__prev-btn .arrow-left, button.arrow-left',
    next: '.el-date-picker__next-btn.el-icon-arrow-right, .el-date-picker__next-btn .arrow-right, button.arrow-right',
    prevYear: '.el-date-picker__prev-btn.el-icon-d-arrow-left, button.d-arrow-left',
    nextYear: '.el-date-picker__next-btn.el-icon-d-arrow-right, button.d-arrow-right',
  },
];

/** Picker columns (Vant's van-picker: a date as year / month / day columns, a district as one column). */
const COLUMNS = { picker: '.van-picker', column: '.van-picker-column', item: '.van-picker-column__item', selected: 'van-picker-column__item--selected', confirm: '.van-picker__confirm' };

const POPUP = `${CALENDARS.map((c) => c.panel).join(', ')}, .van-popup, [role="dialog"], [role="listbox"]`;

/** The ISO date among a value and its forms. */
function isoOf(v: FillValue, forms?: ValueForms): [number, number, number] | null {
  const iso = [typeof v === 'string' ? v : '', ...(forms?.texts ?? [])].find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t));
  return iso ? (iso.split('-').map(Number) as [number, number, number]) : null;
}

const MAX_PAGES = 60;

/** Pages a calendar to the month and clicks the day; false when it cannot. */
async function pickDay(cal: Calendar, panel: Element, [y, m, d]: [number, number, number]): Promise<boolean> {
  const want = y * 12 + m - 1;
  for (let i = 0; i < MAX_PAGES; i++) {
    const at = cal.shown(panel);
    // the day as a cell of the month shown (cells of the months around it are not counted)
    const cell = at === null || at === want ? cal.day(panel, y, m, d) : null;
    if (cell) {
      mouse(cell, 'mousedown');
      mouse(cell, 'mouseup');
      mouse(cell, 'click');
      return true;
    }
    if (at === null) return false;
    // whole years first when that takes fewer clicks (21 months back: two years back, three months on)
    const diff = want - at;
    const byYear = !!cal.prevYear && !!cal.nextYear && Math.abs(diff) > 6;
    const sel = byYear ? (diff > 0 ? cal.nextYear! : cal.prevYear!) : diff > 0 ? cal.next : cal.prev;
    const btn = panel.querySelector(sel);
    if (!btn) return false;
    mouse(btn, 'mousedown');
    mouse(btn, 'mouseup');
    mouse(btn, 'click');
    if (!(await waitFor(() => cal.shown(panel) !== at, 600))) return false;
  }
  return false;
}

/** Chooses an item in each picker column: a date by its numbers, anything else by the value's forms or path. */
async function pickColumns(picker: Element, v: FillValue, forms?: ValueForms): Promise<boolean> {
  const columns = [...picker.querySelectorAll(COLUMNS.column)];
  const date = isoOf(v, forms);
  const wanted: Array<(texts: string[]) => number> =
    date && columns.length === 3
      ? date.map((n) => (texts: string[]) => texts.findIndex((t) => num(t) === n))
      : columns.map((_, i) => (texts: string[]) => {
          // one column: the value's texts; several: each level of the value's path (上海市 / 杨浦区)
          const labels = columns.length === 1 ? choiceLabels(v, forms) : cascadePaths(v, forms).filter((p) => p.length === columns.length).map((p) => p[i]);
          const hit = firstPresent(texts, labels, !!forms?.loose);
          return hit === null ? -1 : texts.indexOf(hit);
        });
  for (let i = 0; i < columns.length; i++) {
    const items = () => [...(picker.querySelectorAll(COLUMNS.column)[i]?.querySelectorAll(COLUMNS.item) ?? [])];
    const k = wanted[i](items().map(text));
    if (k < 0) return false;
    if (!items()[k].classList.contains(COLUMNS.selected)) {
      mouse(items()[k], 'click');
      if (!(await waitFor(() => items()[k]?.classList.contains(COLUMNS.selected), 600))) return false;
    }
  }
  const ok = picker.querySelector(COLUMNS.confirm);
  if (!ok) return false;
  mouse(ok, 'click');
  return true;
}

/** Marks of a read-only input that a popup fills (a plain read-only input has none of them). */
export function opensPicker(input: HTMLInputElement): boolean {
  if (!input.readOnly || input.disabled) return false;
  return (
    input.hasAttribute('lay-key') ||
    !!input.closest('.ant-picker, .el-date-editor, .van-cell--clickable, .van-field--clickable') ||
    input.getAttribute('aria-haspopup') !== null ||
    input.getAttribute('role') === 'combobox'
  );
}

export function popupPicker(root: Element, input: HTMLInputElement, kind: string): Control {
  const hint = `${input.placeholder ?? ''}${input.getAttribute('lay-laydate-id') ? ' date' : ''}`;
  const isDate = !!root.closest('.ant-picker, .el-date-editor') || input.hasAttribute('lay-key') || /日期|时间|date|年|月/i.test(hint);
  // a popup counts from when it is rendered and not display:none (its entry animation need not end)
  const rendered = (p: Element) => (p.ownerDocument.defaultView ?? window).getComputedStyle(p).display !== 'none' && p.getClientRects().length > 0;
  const shownPopups = () => new Set([...root.ownerDocument.querySelectorAll(POPUP)].filter(rendered));
  return {
    kind,
    root,
    inputs: [input],
    // read-only by design: the popup is how a person fills it
    textInputs: [],
    role: isDate ? 'date' : 'choice',
    read: () => input.value,
    async write(v, forms) {
      const before = shownPopups();
      input.focus({ preventScroll: true });
      mouse(input, 'mousedown');
      mouse(input, 'mouseup');
      mouse(input, 'click');
      // as long as any library popup may take to appear on a busy machine (a slow one is not a read-only field)
      const popup = await waitFor(() => [...shownPopups()].find((p) => !before.has(p)) ?? null, LIST_WAIT_MS);
      if (!popup) {
        input.blur();
        throw new FillFailure('readonly');
      }
      let done = false;
      try {
        const picker = popup.matches(COLUMNS.picker) ? popup : popup.querySelector(COLUMNS.picker);
        const cal = CALENDARS.find((c) => popup.matches(c.panel) || popup.closest(c.panel));
        const date = isoOf(v, forms);
        if (picker) done = await pickColumns(picker, v, forms);
        else if (cal && date) done = await pickDay(cal, popup.closest(cal.panel) ?? popup, date);
        if (!done) throw new FillFailure('no-option', Array.isArray(v) ? v.join(' / ') : String(v));
        await nextFrame();
      } finally {
        // a picker that stays open after the choice (or after a failure) is closed as a person would
        if (isShown(popup)) {
          press(input, 'Escape');
          mouse(root.ownerDocument.body, 'mousedown');
          mouse(root.ownerDocument.body, 'click');
        }
        input.blur();
      }
    },
  };
}
