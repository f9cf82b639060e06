/** One live row of a table field (TableField.tsx): the kit's widgets in its cells, findings under them. */
import type { FieldProps } from '@rjsf/utils';
import { memo } from 'preact/compat';
import { t } from '../../../shared/i18n';
import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/findings/finding';
import type { Lang } from '../../core/i18n/lang';
import { FindingList } from './FindingList';
import { joinPointer } from '../../core/schema/json-pointer';
import type { TableColumn } from './table-columns';
import { cellLabel, rowName as nameOfRow } from './table-labels';

export type Row = Record<string, unknown>;
export type RowAction = 'remove' | 'up' | 'down';

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]));

const sameRow = (a: Row | undefined, b: Row | undefined): boolean => {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!sameValue(a[k], b[k])) return false;
  return true;
};

export const findingsKey = (m: Map<string, Finding[]> | undefined): string =>
  m ? [...m].map(([p, fs]) => `${p}:${fs.map((f) => `${f.severity}${f.message}`).join('|')}`).join('\n') : '';

export interface RowProps {
  index: number;
  count: number;
  value: Row;
  columns: TableColumn[];
  baseId: string;
  /** the list's title, so row buttons say which list they act on */
  listTitle: string;
  /** the form's language, for the row's own words */
  lang: Lang;
  basePath: (string | number)[];
  /** findings under this row, by pointer */
  findings: Map<string, Finding[]> | undefined;
  pack: Pack | undefined;
  disabled: boolean;
  readonly: boolean;
  canRemove: boolean;
  registry: FieldProps['registry'];
  onCell(index: number, column: TableColumn, value: unknown, id: string): void;
  onAction(index: number, action: RowAction): void;
  onBlur: FieldProps['onBlur'];
  onFocus: FieldProps['onFocus'];
}

function TableRowView(p: RowProps) {
  const { index, count, value, columns, baseId, basePath, findings, pack, disabled, readonly, registry } = p;
  const rowPointer = joinPointer([...basePath, index]);
  const { lang } = p;
  const rowName = nameOfRow(p.listTitle, index, lang);
  const shownAtCells = new Set<string>();
  const cells = columns.map((c) => {
    const id = `${baseId}_${index}_${c.key}`;
    const pointer = `${rowPointer}/${c.key}`;
    const own: Finding[] = [];
    if (findings) for (const [ptr, fs] of findings) if (ptr === pointer || ptr.startsWith(`${pointer}/`)) { own.push(...fs); shownAtCells.add(ptr); }
    const { Widget } = c;
    return (
      <div role="cell" class={`cell cell-${c.key} ${own.some((f) => f.severity === 'error') ? 'has-error' : ''}`} key={c.key}>
        <Widget
          id={id}
          name={c.key}
          htmlName={id}
          schema={c.schema}
          uiSchema={c.ui}
          value={value?.[c.key]}
          required={c.required}
          disabled={disabled}
          readonly={readonly || c.readonly}
          autofocus={false}
          // no visible label in a cell: the widget names itself (aria-label) by column and row
          label={cellLabel(c.title, index, lang)}
          hideLabel
          placeholder={c.placeholder}
          options={c.options}
          registry={registry}
          onChange={(v: unknown) => p.onCell(index, c, v, id)}
          onBlur={p.onBlur}
          onFocus={p.onFocus}
        />
        {pack && own.length > 0 && <FindingList pack={pack} findings={own} id={`${id}__error`} />}
      </div>
    );
  });
  const rest: Finding[] = [];
  if (findings) for (const [ptr, fs] of findings) if (!shownAtCells.has(ptr)) rest.push(...fs);
  const locked = disabled || readonly;
  return (
    <div role="row" class={`table-row ${findings?.size ? 'has-error' : ''}`} id={`${baseId}_${index}__section`}>
      <div role="rowheader" class="row-index">
        {index + 1}
      </div>
      {cells}
      <div role="cell" class="row-tools">
          <button type="button" class="btn move" tabIndex={-1} aria-keyshortcuts="Alt+ArrowUp" disabled={locked || index === 0} onClick={() => p.onAction(index, 'up')} aria-label={`${t('moveUp', lang)}：${rowName}`}>
            ↑
          </button>
          <button type="button" class="btn move" tabIndex={-1} aria-keyshortcuts="Alt+ArrowDown" disabled={locked || index === count - 1} onClick={() => p.onAction(index, 'down')} aria-label={`${t('moveDown', lang)}：${rowName}`}>
            ↓
          </button>
          <button type="button" class="btn remove" disabled={locked || !p.canRemove} onClick={() => p.onAction(index, 'remove')} aria-label={`${t('removeItem', lang)}：${rowName}`}>
            {t('removeItem', lang)}
          </button>
      </div>
      {pack && rest.length > 0 && (
        <div role="cell" class="row-findings">
          <FindingList pack={pack} findings={rest} id={`${baseId}_${index}__error`} />
        </div>
      )}
    </div>
  );
}

/** Whether a row would draw the same: its own values, findings and place (a cell edit touches one row). */
export const sameRowProps = (a: RowProps, b: RowProps): boolean =>
  a.index === b.index &&
  a.count === b.count &&
  a.columns === b.columns &&
  a.disabled === b.disabled &&
  a.readonly === b.readonly &&
  a.canRemove === b.canRemove &&
  a.pack === b.pack &&
  a.baseId === b.baseId &&
  a.listTitle === b.listTitle &&
  a.lang === b.lang &&
  sameRow(a.value, b.value) &&
  findingsKey(a.findings) === findingsKey(b.findings);

export const TableRow = memo(TableRowView, sameRowProps);
