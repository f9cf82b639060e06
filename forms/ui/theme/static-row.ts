import type { EnumOptionsType } from '@rjsf/utils';
import { ariaDescribedByIds, getInputProps } from '@rjsf/utils';
import { t } from '../../../shared/i18n';
import { toText } from './BufferedInputs';
import { IDENTIFIER_INPUTS } from './identifier-widgets';
import { OCCUPATION_PLACEHOLDER, OCCUPATION_PLACEHOLDER_EN } from './reference-widgets';
import { cellLabel, rowName } from './table-labels';
import type { TableColumn } from './table-columns';
import type { Lang } from '../../core/i18n/lang';

/**
 * A table row's first frame as plain markup: the same elements, attributes and values the live row
 * (TableField's TableRow and the theme's widgets) renders, written as one string the browser parses
 * natively. LazyRow shows it and turns it into the live row — Preact adopting these very elements — the
 * first time the row is touched or changes.
 *
 * Why (first render): drawing the 50-row document's three tables through Preact, element by
 * element with their listeners, was ≈ 70 ms of the first render; the same rows as markup cost a few ms
 * (bench/notes.md, "First render"). test/unit/static-row.test.tsx holds this markup to the live row's
 * for every table of every document: adopting it must change nothing and replace no element.
 */

type Row = Record<string, unknown>;

export interface StaticRowContext {
  baseId: string;
  listTitle: string;
  count: number;
  disabled: boolean;
  readonly: boolean;
  canRemove: boolean;
  lang: Lang;
  /** the occupation's name beside its code (occupation-code.ts) */
  occupationName(code: string): string | undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
// most values need no escaping: test first (a table's markup is built for every row on the first render)
const esc = (v: unknown): string => {
  const s = String(v);
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]) : s;
};

/** ` name="value"` per attribute; `true` gives a bare attribute, false / undefined / null none. */
function attrs(a: Record<string, string | number | boolean | undefined | null>): string {
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v === undefined || v === null || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${esc(v)}"`;
  }
  return out;
}

interface Cell {
  id: string;
  column: TableColumn;
  value: unknown;
  label: string;
  disabled: boolean;
  readonly: boolean;
}

type CellMarkup = (cell: Cell, ctx: StaticRowContext) => string;

/** The theme's BaseInputTemplate, with a kind's extra input attributes (identifier-widgets.tsx). */
const input =
  (extra: { className?: string; maxLength?: number; autoComplete?: string; spellCheck?: boolean; inputMode?: string; type?: string } = {}): CellMarkup =>
  ({ id, column, value, label, disabled, readonly }) => {
    const inputProps = getInputProps(column.schema, undefined, column.options) as { type: string };
    return `<input${attrs({
      id,
      name: id,
      class: `input ${extra.className ?? ''}`,
      readonly,
      tabindex: readonly ? '-1' : undefined,
      disabled,
      required: column.required,
      placeholder: column.placeholder,
      maxlength: extra.maxLength,
      autocomplete: extra.autoComplete,
      spellcheck: extra.spellCheck === undefined ? undefined : String(extra.spellCheck),
      inputmode: extra.inputMode,
      type: extra.type ?? inputProps.type,
      value: toText(value),
      'aria-describedby': ariaDescribedByIds(id),
      'aria-label': label,
    })}>`;
  };

const occupation: CellMarkup = ({ id, column, value, label, disabled, readonly }, ctx) => {
  const code = typeof value === 'string' ? value : '';
  return `<div class="occupation-input"><input${attrs({
    id,
    name: id,
    class: 'input mono',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    placeholder: column.placeholder || (ctx.lang === 'en' ? OCCUPATION_PLACEHOLDER_EN : OCCUPATION_PLACEHOLDER),
    required: column.required,
    disabled,
    readonly,
    autocomplete: 'off',
    'aria-describedby': `${ariaDescribedByIds(id)} ${id}__name`,
    'aria-label': label,
    value: code,
  })}><span${attrs({ class: 'occupation-name', id: `${id}__name`, 'aria-live': 'polite' })}>${esc(
    (code && ctx.occupationName(code)) || '',
  )}</span></div>`;
};

const options = (column: TableColumn): EnumOptionsType[] => column.options.enumOptions ?? [];
const disabledOptions = (column: TableColumn): unknown[] => (column.options.enumDisabled ?? []) as unknown[];

/** The theme's CheckboxesWidget and RadioWidget (choice-widgets.tsx). */
const choices =
  (type: 'checkbox' | 'radio'): CellMarkup =>
  ({ id, column, value, label, disabled, readonly }) => {
    const locked = disabled || readonly;
    const chosen = (v: unknown) => (type === 'checkbox' ? Array.isArray(value) && value.includes(v) : value === v);
    const group = type === 'checkbox' ? { class: 'checkboxes', role: 'group' } : { class: 'field-radio-group', role: 'radiogroup' };
    const labelClass = `${type === 'checkbox' ? 'checkbox-inline' : 'radio-inline'}${locked ? ' disabled' : ''}`;
    const describedBy = ariaDescribedByIds(id);
    const off = disabledOptions(column);
    const items = options(column)
      .map(
        (o, i) =>
          `<label class="${labelClass}"><input${attrs({
            type,
            id: `${id}-${i}`,
            name: id,
            value: String(i),
            checked: chosen(o.value),
            required: type === 'radio' && column.required,
            disabled: locked || off.includes(o.value),
            'aria-describedby': describedBy,
          })}>${esc(o.label)}</label>`,
      )
      .join('');
    return `<div${attrs({ ...group, id, 'aria-label': label })}>${items}</div>`;
  };

/** The theme's SelectWidget for one choice (choice-widgets.tsx). */
const select: CellMarkup = ({ id, column, value, label, disabled, readonly }) => {
  const list = options(column);
  const index = list.findIndex((o) => o.value === value);
  const blank = column.schema.default === undefined ? `<option value="">${esc(column.placeholder)}</option>` : '';
  const items = list
    .map((o, i) => `<option${attrs({ value: String(i), disabled: disabledOptions(column).includes(o.value), selected: i === index })}>${esc(o.label)}</option>`)
    .join('');
  return `<select${attrs({
    id,
    name: id,
    class: 'input',
    required: column.required,
    disabled: disabled || readonly,
    'aria-describedby': ariaDescribedByIds(id),
    'aria-label': label,
  })}>${blank}${items}</select>`;
};

/** Markup per widget name; a column whose widget is not here keeps its whole table live. */
const MARKUP: Record<string, (column: TableColumn) => CellMarkup | null> = {
  text: (c) => (c.schema.type === 'string' && !c.options.inputType ? input() : null),
  uscc: (c) => (c.schema.type === 'string' ? input(IDENTIFIER_INPUTS.uscc) : null),
  residentId: (c) => (c.schema.type === 'string' ? input(IDENTIFIER_INPUTS.residentId) : null),
  mobile: (c) => (c.schema.type === 'string' ? input(IDENTIFIER_INPUTS.mobile) : null),
  occupation: (c) => (c.schema.type === 'string' ? occupation : null),
  checkboxes: (c) => (c.schema.type === 'array' ? choices('checkbox') : null),
  radio: (c) => (c.schema.type !== 'array' && c.schema.type !== 'boolean' ? choices('radio') : null),
  select: (c) => (c.schema.type !== 'array' && c.schema.type !== 'boolean' ? select : null),
};

/** The markup writer for each column, or null when some column has no static form (the table stays live). */
export function staticCells(columns: TableColumn[]): CellMarkup[] | null {
  const out: CellMarkup[] = [];
  for (const c of columns) {
    const m = MARKUP[c.widgetName]?.(c) ?? null;
    if (!m) return null;
    out.push(m);
  }
  return out;
}

/** One row as the live TableRow draws it before any finding is shown. */
export function staticRowHtml(cells: CellMarkup[], columns: TableColumn[], row: Row | undefined, index: number, ctx: StaticRowContext): string {
  const locked = ctx.disabled || ctx.readonly;
  let html = `<div${attrs({ role: 'row', class: 'table-row ', id: `${ctx.baseId}_${index}__section` })}><div role="rowheader" class="row-index">${index + 1}</div>`;
  columns.forEach((c, i) => {
    const id = `${ctx.baseId}_${index}_${c.key}`;
    const cell: Cell = { id, column: c, value: row?.[c.key], label: cellLabel(c.title, index, ctx.lang), disabled: ctx.disabled, readonly: ctx.readonly || c.readonly };
    html += `<div role="cell" class="cell cell-${esc(c.key)} ">${cells[i](cell, ctx)}</div>`;
  });
  const name = rowName(ctx.listTitle, index, ctx.lang);
  const { lang } = ctx;
  // ↑ ↓ stay out of the tab order (Alt+↑ / Alt+↓ move a row): Tab from a row's last cell reaches 删除, not a move
  const button = (cls: string, off: boolean, label: string, content: string, keys?: string) =>
    `<button${attrs({ type: 'button', class: `btn ${cls}`, tabindex: keys ? '-1' : undefined, 'aria-keyshortcuts': keys, disabled: off, 'aria-label': label })}>${content}</button>`;
  html +=
    `<div role="cell" class="row-tools">` +
    button('move', locked || index === 0, `${t('moveUp', lang)}：${name}`, '↑', 'Alt+ArrowUp') +
    button('move', locked || index === ctx.count - 1, `${t('moveDown', lang)}：${name}`, '↓', 'Alt+ArrowDown') +
    button('remove', locked || !ctx.canRemove, `${t('removeItem', lang)}：${name}`, esc(t('removeItem', lang))) +
    `</div></div>`;
  return html;
}
