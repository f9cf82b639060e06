import type { ComponentType } from 'preact';
import { TableRow, type RowProps } from './table-row';

/**
 * How a table field draws its rows (TableField.tsx). The theme draws them live; a fast path may be
 * handed in through the form's context instead (`KitFormContext.TableRows`, forms/ui/fast/), so the
 * theme never imports a fast path.
 */
export interface TableRowsProps {
  rows: RowProps[];
  /** a stable key per row, so a row's buffered inputs follow it when rows are removed or moved */
  keys: readonly number[];
  /** true on the table's first render only (a fast path may draw those rows differently) */
  firstRender: boolean;
}

export type TableRowsComponent = ComponentType<TableRowsProps>;

export function LiveTableRows({ rows, keys }: TableRowsProps) {
  return (
    <div role="rowgroup">
      {rows.map((row, i) => (
        <TableRow key={keys[i]} {...row} />
      ))}
    </div>
  );
}
