import type { FieldProps, RJSFSchema, UiSchema } from '@rjsf/utils';
import { asNumber, getUiOptions } from '@rjsf/utils';
import { useCallback, useContext, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { textIn } from '../../core/i18n/text';
import { resolveOccupation, type OccupationEntry } from '../../core/formats/occupation-search';
import type { Finding } from '../../core/findings/finding';
import { FormKitContext, pointerOf, useFormLang } from './form-context';
import { PASTE_SUFFIX } from './paste-id';
import { tableColumns, type TableColumn } from './table-columns';
import type { Row, RowAction, RowProps } from './table-row';
import { LiveTableRows } from './table-rows';
import { addLabel } from './table-labels';
import { isSpreadsheetPaste, parseSpreadsheetText, pasteRows } from './table-paste';
import { parseFillFrom } from '../../core/schema/rows-from-document';
import { FillFromStored } from './FillFromStored';

let keySeq = 0;

/** Width of a text in em, roughly: a CJK character takes 1em, anything else about half. */
const textEm = (text: string): number => [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 1 : 0.55), 0);

/** The narrowest an option's label can be laid out: whole if Chinese (a line break mid-word misreads), by its longest word if not. */
const labelEm = (label: string): number =>
  /[\u2e80-\uffff]/.test(label) ? textEm(label) : Math.max(0, ...label.split(/\s+/).map(textEm));

/**
 * Each row is its own CSS grid (so rows off screen can skip layout with content-visibility, which
 * table rows cannot); the shared template keeps the columns aligned. Widths follow the widget kind.
 * Every track is sized from the template alone, none from its content (`auto`): the header's row-tools
 * cell is empty, and an `auto` column there made the header's columns wider than the rows' below it.
 * The row tools stack ↑ ↓ over 删除 / Remove in 4.4em. `minEm` is the sum of the minimums: the table is
 * never narrower, so a table of many columns scrolls sideways rather than squeeze its rows past their
 * box (a row's content-visibility clips what overflows it: the row buttons were cut off and unreachable).
 */
function gridColumns(columns: TableColumn[]): { template: string; minEm: number } {
  const width = (c: TableColumn): [number, string] => {
    // a group of options is as wide as its widest option (a 13px box, a 3px gap, the label), up to 10em; longer labels wrap
    if (c.grouped) {
      const longest = Math.max(0, ...(c.options.enumOptions ?? []).map((o) => labelEm(String(o.label))));
      const min = Math.min(10, Math.max(c.schema.type === 'array' ? 7 : 8.5, longest + 1.7));
      return [min, c.schema.type === 'array' ? '2.2fr' : '1fr'];
    }
    if (c.schema.type === 'boolean') return [4, '0.5fr'];
    // identifiers are read digit by digit: an 18-digit ID or credit code, a 10-character occupation code, whole
    if (c.widgetName === 'residentId' || c.widgetName === 'uscc') return [13.5, '1.4fr'];
    if (c.widgetName === 'occupation') return [8.5, '1fr'];
    return [4.5, '1fr'];
  };
  const tracks = columns.map(width);
  const template = `2.2em ${tracks.map(([min, fr]) => `minmax(${min}em, ${fr})`).join(' ')} 4.4em`;
  // column gaps (8px ≈ 0.62em at 13px) and the row's side padding (6px each side)
  const minEm = 2.2 + 4.4 + tracks.reduce((sum, [min]) => sum + min, 0) + (tracks.length + 1) * 0.62 + 0.93;
  return { template, minEm: Math.ceil(minEm * 10) / 10 };
}

/**
 * `"ui:field": "table"` in a document's ui.json: a list of flat rows as one table — a header of
 * column titles, one line per row, the kit's own widgets in the cells, findings under the cell they
 * concern. Cell ids follow RJSF's (`root_occupations_3_code`), so the error summary, focus and
 * print work as for any field. Lists whose rows are not flat fall back to RJSF's ArrayField.
 * The rows are drawn by the form context's `TableRows` when it has one (a fast path, forms/ui/fast/),
 * else live.
 */
export function TableField(props: FieldProps) {
  const { schema, uiSchema, formData, fieldPathId, registry, disabled = false, readonly = false, onChange, onBlur, onFocus } = props;
  const ctx = useContext(FormKitContext);
  const lang = useFormLang();
  // RJSF hands over a freshly resolved schema (and registry) on every render: key the columns by content,
  // or every row would re-render on every commit
  const columnsKey = JSON.stringify([schema, uiSchema]);
  const columns = useMemo(() => tableColumns(schema as RJSFSchema, uiSchema as UiSchema | undefined, registry), [columnsKey]);
  const rows: Row[] = Array.isArray(formData) ? (formData as Row[]) : [];
  // stable row keys, so a row's buffered inputs follow it when rows are removed or moved
  const keys = useRef<number[]>([]);
  if (keys.current.length !== rows.length) {
    keys.current = rows.map((_, i) => keys.current[i] ?? ++keySeq);
  }
  const latest = useRef({ rows, onChange, onBlur, onFocus, path: fieldPathId.path });
  latest.current = { rows, onChange, onBlur, onFocus, path: fieldPathId.path };
  const blur = useCallback((id: string, v: unknown) => latest.current.onBlur(id, v), []);
  const focus = useCallback((id: string, v: unknown) => latest.current.onFocus(id, v), []);

  const onCell = useCallback((index: number, column: TableColumn, value: unknown, id: string) => {
    const { onChange: change, path } = latest.current;
    const numeric = column.schema.type === 'number' || column.schema.type === 'integer';
    const v = numeric && typeof value === 'string' ? asNumber(value) : value;
    change(v as never, [...path, index, column.key], undefined, id);
  }, []);
  const onAction = useCallback((index: number, action: RowAction) => {
    const { rows: current, onChange: change, path } = latest.current;
    const next = current.slice();
    const k = keys.current.slice();
    const swap = (i: number, j: number) => {
      [next[i], next[j]] = [next[j], next[i]];
      [k[i], k[j]] = [k[j], k[i]];
    };
    if (action === 'remove') {
      next.splice(index, 1);
      k.splice(index, 1);
    } else if (action === 'up' && index > 0) swap(index, index - 1);
    else if (action === 'down' && index < next.length - 1) swap(index, index + 1);
    keys.current = k;
    change(next as never, path);
  }, []);

  // findings of the rows, grouped by row index once per validation (not once per row)
  const byRow = useMemo(() => {
    const out = new Map<number, Map<string, Finding[]>>();
    if (!ctx) return out;
    const prefix = `${pointerOf(fieldPathId.path)}/`;
    for (const [ptr, fs] of ctx.findingsByPath) {
      if (!ptr.startsWith(prefix)) continue;
      const i = Number(ptr.slice(prefix.length).split('/')[0]);
      if (!Number.isInteger(i)) continue;
      if (!out.has(i)) out.set(i, new Map());
      out.get(i)!.set(ptr, fs);
    }
    return out;
  }, [ctx, fieldPathId.path]);

  // a fast path may draw the rows of the table's first render differently (forms/ui/fast/README.md)
  const isFirstRender = useRef(true);
  const firstRender = isFirstRender.current;
  useLayoutEffect(() => {
    isFirstRender.current = false;
  });
  // after 添加: the new row's first cell takes the focus (not the button, 5–15 Shift+Tab away from it)
  const focusRow = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = focusRow.current;
    if (at === null) return;
    focusRow.current = null;
    const row = document.getElementById(`${fieldPathId.$id}_${at}__section`);
    const first = row?.querySelector<HTMLElement>('.cell input:not([readonly]):not([disabled]), .cell select:not([disabled]), .cell textarea:not([readonly])');
    first?.focus();
  });
  if (!columns) {
    const { ArrayField } = registry.fields;
    return <ArrayField {...props} />;
  }
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const locked = disabled || readonly;
  const canAdd = !locked && rows.length < maxItems && getUiOptions(uiSchema).addable !== false;
  const add = () => {
    const item = registry.schemaUtils.getDefaultFormState((schema as RJSFSchema).items as RJSFSchema, undefined) as Row;
    keys.current = [...keys.current, ++keySeq];
    focusRow.current = rows.length;
    onChange([...rows, item ?? {}] as never, fieldPathId.path);
  };
  const baseId = fieldPathId.$id;
  const fillFrom = parseFillFrom(getUiOptions(uiSchema).fillFrom);
  const grid = gridColumns(columns);
  const Rows = ctx?.TableRows ?? LiveTableRows;
  const listTitle = String(schema.title ?? '');
  /** Row and column of a cell's control, from its id (`root_occupations_3_code`). */
  const cellAt = (el: EventTarget | null): { row: number; column: number } | null => {
    const id = el instanceof Element ? el.closest('[role="cell"]')?.querySelector('[id]')?.id ?? (el as Element).id : '';
    const m = id.startsWith(`${baseId}_`) ? /^(\d+)_(.+?)(?:__.*)?$/.exec(id.slice(baseId.length + 1)) : null;
    if (!m) return null;
    const column = columns.findIndex((c) => c.key === m[2] || m[2].startsWith(`${c.key}-`));
    return column < 0 ? null : { row: Number(m[1]), column };
  };
  const occupations = () => {
    const ref = ctx?.pack.reference ?? {};
    const all = ((ref['occupations-2022'] as { occupations?: OccupationEntry[] } | undefined)?.occupations ?? []) as OccupationEntry[];
    const filable = new Set((((ref['filing-catalog'] as { entries?: OccupationEntry[] } | undefined)?.entries ?? []) as OccupationEntry[]).map((e) => e.code));
    return (text: string) => resolveOccupation(text, all, filable)?.code ?? null;
  };
  // rows copied from a spreadsheet (tab-separated, several lines) fill the table from the cell pasted into
  const onPaste = (e: ClipboardEvent) => {
    if (locked) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!isSpreadsheetPaste(text)) return;
    const cells = parseSpreadsheetText(text);
    if (!cells.length) return;
    e.preventDefault();
    const at = cellAt(e.target) ?? { row: rows.length, column: 0 };
    const { rows: next } = pasteRows(rows, columns, cells, at.row, at.column, occupations(), maxItems);
    keys.current = next.map((_, i) => keys.current[i] ?? ++keySeq);
    // the pasted rows are the user's entries: their findings show at once (the list counts as touched)
    onChange(next as never, fieldPathId.path, undefined, `${baseId}${PASTE_SUFFIX}`);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const at = cellAt(e.target);
    if (!at) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !locked) {
      e.preventDefault();
      const to = e.key === 'ArrowUp' ? at.row - 1 : at.row + 1;
      if (to < 0 || to >= rows.length) return;
      onAction(at.row, e.key === 'ArrowUp' ? 'up' : 'down');
      requestAnimationFrame(() => document.getElementById((e.target as HTMLElement).id.replace(`${baseId}_${at.row}_`, `${baseId}_${to}_`))?.focus());
      return;
    }
    // Enter in a cell goes down a row (as in a spreadsheet) and never submits the form or presses a row button
    const t = e.target as HTMLElement;
    if (e.key === 'Enter' && !e.defaultPrevented && t instanceof HTMLInputElement && t.type !== 'checkbox' && t.type !== 'radio') {
      e.preventDefault();
      document.getElementById(t.id.replace(`${baseId}_${at.row}_`, `${baseId}_${at.row + 1}_`))?.focus();
    }
  };
  return (
    <div class="array table-field" id={`${baseId}__array`} onPaste={onPaste} onKeyDown={onKeyDown}>
      {rows.length === 0 ? (
        <p class="array-empty">{t('emptyList', lang)}</p>
      ) : (
        <div class="table-scroll">
          <div role="table" class="kit-table" style={{ '--table-columns': grid.template, '--table-min': `${grid.minEm}em` }} aria-label={String(schema.title ?? '')}>
            <div role="row" class="table-head">
                <div role="columnheader" class="row-index">
                  #
                </div>
                {columns.map((c) => (
                  <div role="columnheader" key={c.key} class={`col-${c.key}`} title={c.help}>
                    {c.title}
                    {c.required && (
                      <span class="req" aria-hidden="true">
                        *
                      </span>
                    )}
                    {c.help && <span class="col-help">{c.help}</span>}
                  </div>
                ))}
                <div role="columnheader" class="row-tools">
                  <span class="sr-only">{t('rowActions', lang)}</span>
                </div>
            </div>
            <Rows
              keys={keys.current}
              firstRender={firstRender}
              rows={rows.map(
                (row, i): RowProps => ({
                  index: i,
                  count: rows.length,
                  value: row,
                  columns,
                  baseId,
                  listTitle,
                  lang,
                  basePath: fieldPathId.path,
                  findings: byRow.get(i),
                  pack: ctx?.pack,
                  disabled,
                  readonly,
                  canRemove: rows.length > minItems,
                  registry,
                  onCell,
                  onAction,
                  onBlur: blur,
                  onFocus: focus,
                }),
              )}
            />
          </div>
        </div>
      )}
      {fillFrom && !locked && (
        <FillFromStored
          from={fillFrom}
          keys={columns.map((c) => c.key)}
          current={rows.length}
          disabled={locked}
          onRows={(filled) => {
            const next = filled.slice(0, maxItems);
            keys.current = next.map(() => ++keySeq);
            // the rows came from the user's own draft: their findings show at once, as pasted rows' do
            onChange(next as never, fieldPathId.path, undefined, `${baseId}${PASTE_SUFFIX}`);
          }}
        />
      )}
      {canAdd && (
        <button type="button" class="btn add" onClick={add} title={textIn({ zh: '可从 Excel 等表格复制多行，粘贴到表格中', en: 'Rows copied from a spreadsheet can be pasted into the table' }, lang)}>
          {addLabel(listTitle, lang)}
        </button>
      )}
    </div>
  );
}
