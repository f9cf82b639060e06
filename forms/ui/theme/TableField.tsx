import type { FieldProps, RJSFSchema, UiSchema } from '@rjsf/utils';
import { asNumber, getUiOptions } from '@rjsf/utils';
import { memo } from 'preact/compat';
import { useCallback, useContext, useMemo, useRef } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/validation/types';
import { FindingList } from '../document/FindingList';
import { FormKitContext, pointerOf } from '../document/form-context';
import { tableColumns, type TableColumn } from './table-columns';

type Row = Record<string, unknown>;
type RowAction = 'remove' | 'up' | 'down';

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]));

/** Rows re-render only when their own values or findings change (a cell edit touches one row). */
const sameRow = (a: Row | undefined, b: Row | undefined): boolean => {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!sameValue(a[k], b[k])) return false;
  return true;
};

const findingsKey = (m: Map<string, Finding[]> | undefined): string =>
  m ? [...m].map(([p, fs]) => `${p}:${fs.map((f) => `${f.severity}${f.message}`).join('|')}`).join('\n') : '';

interface RowProps {
  index: number;
  count: number;
  value: Row;
  columns: TableColumn[];
  baseId: string;
  /** the list's title, so row buttons say which list they act on */
  listTitle: string;
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
  const rowPointer = pointerOf([...basePath, index]);
  const rowName = `${p.listTitle} ${t('row')} ${index + 1}${t('rowSuffix')}`;
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
          label={`${c.title}（${t('row')} ${index + 1}${t('rowSuffix')}）`}
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
          <button type="button" class="btn move" disabled={locked || index === 0} onClick={() => p.onAction(index, 'up')} aria-label={`${t('moveUp')}：${rowName}`}>
            ↑
          </button>
          <button type="button" class="btn move" disabled={locked || index === count - 1} onClick={() => p.onAction(index, 'down')} aria-label={`${t('moveDown')}：${rowName}`}>
            ↓
          </button>
          <button type="button" class="btn remove" disabled={locked || !p.canRemove} onClick={() => p.onAction(index, 'remove')} aria-label={`${t('removeItem')}：${rowName}`}>
            {t('removeItem')}
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

const TableRow = memo(
  TableRowView,
  (a, b) =>
    a.index === b.index &&
    a.count === b.count &&
    a.columns === b.columns &&
    a.disabled === b.disabled &&
    a.readonly === b.readonly &&
    a.canRemove === b.canRemove &&
    a.pack === b.pack &&
    a.baseId === b.baseId &&
    a.listTitle === b.listTitle &&
    sameRow(a.value, b.value) &&
    findingsKey(a.findings) === findingsKey(b.findings),
);

let keySeq = 0;

/**
 * Each row is its own CSS grid (so rows off screen can skip layout with content-visibility, which
 * table rows cannot); the shared template keeps the columns aligned. Widths follow the widget kind.
 */
function gridColumns(columns: TableColumn[]): string {
  const width = (c: TableColumn) => {
    if (c.grouped && c.schema.type === 'array') return 'minmax(15em, 2.2fr)';
    if (c.grouped) return 'minmax(8.5em, 1fr)';
    if (c.schema.type === 'boolean') return 'minmax(4em, 0.5fr)';
    return 'minmax(7em, 1fr)';
  };
  return `2.2em ${columns.map(width).join(' ')} auto`;
}

/**
 * `"ui:field": "table"` in a document's ui.json: a list of flat rows as one table — a header of
 * column titles, one line per row, the kit's own widgets in the cells, findings under the cell they
 * concern. Cell ids follow RJSF's (`root_occupations_3_code`), so the error summary, focus and
 * print work as for any field. Lists whose rows are not flat fall back to RJSF's ArrayField.
 */
export function TableField(props: FieldProps) {
  const { schema, uiSchema, formData, fieldPathId, registry, disabled = false, readonly = false, onChange, onBlur, onFocus } = props;
  const ctx = useContext(FormKitContext);
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
    onChange([...rows, item ?? {}] as never, fieldPathId.path);
  };
  const baseId = fieldPathId.$id;
  return (
    <div class="array table-field" id={`${baseId}__array`}>
      {rows.length === 0 ? (
        <p class="array-empty">{t('emptyList')}</p>
      ) : (
        <div class="table-scroll">
          <div role="table" class="kit-table" style={{ '--table-columns': gridColumns(columns) }} aria-label={String(schema.title ?? '')}>
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
                  <span class="sr-only">{t('rowActions')}</span>
                </div>
            </div>
            <div role="rowgroup">
              {rows.map((row, i) => (
                <TableRow
                  key={keys.current[i]}
                  index={i}
                  count={rows.length}
                  value={row}
                  columns={columns}
                  baseId={baseId}
                  listTitle={String(schema.title ?? '')}
                  basePath={fieldPathId.path}
                  findings={byRow.get(i)}
                  pack={ctx?.pack}
                  disabled={disabled}
                  readonly={readonly}
                  canRemove={rows.length > minItems}
                  registry={registry}
                  onCell={onCell}
                  onAction={onAction}
                  onBlur={blur}
                  onFocus={focus}
                />
              ))}
            </div>
          </div>
        </div>
      )}
      {canAdd && (
        <button type="button" class="btn add" onClick={add}>
          {t('addItem')}
        </button>
      )}
    </div>
  );
}
