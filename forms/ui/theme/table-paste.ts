/**
 * Rows pasted from a spreadsheet (Excel, WPS, LibreOffice put tab-separated text on the clipboard,
 * one line per row, a cell holding a tab, newline or quote wrapped in quotes) into a table: the text
 * is cut into cells and each cell becomes the value its column expects — an option's label becomes its
 * code, 是/否 a boolean, several labels a multiple choice, an occupation's name its code. Columns are
 * filled in order from the cell the paste lands on; read-only columns (filled by the form itself) are
 * skipped, so a staff list's columns line up with the ones the clerk can type in.
 */
import type { TableColumn } from './table-columns';

/** Tab-separated text as rows of cells (RFC 4180 quoting with tabs, as spreadsheets write it). */
export function parseSpreadsheetText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const src = text.replace(/\r\n?/g, '\n');
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  // a spreadsheet ends its copy with a newline; blank lines carry nothing
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/** Whether a paste is more than one cell's text (a plain paste into one field stays the browser's). */
export const isSpreadsheetPaste = (text: string): boolean => /\t|\n./.test(text.replace(/\r?\n$/, ''));

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗']);
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The value a column takes from a pasted cell, or undefined to leave it empty. `resolveOccupation`
 * turns a name or code into a code (null: keep the text, the form then says it is not an occupation).
 */
export function cellValue(column: TableColumn, text: string, resolveOccupation: (t: string) => string | null): unknown {
  const raw = text.trim();
  if (raw === '') return undefined;
  const options = column.options.enumOptions ?? [];
  const option = (t: string) => {
    const f = fold(t);
    // a label may name a thing two ways (五级/初级工): either name matches
    return options.find((o) => fold(String(o.label)) === f || fold(String(o.value)) === f || fold(String(o.label)).split('/').includes(f));
  };
  const type = column.schema.type;
  if (type === 'boolean') {
    const f = fold(raw);
    return TRUE.has(f) ? true : FALSE.has(f) ? false : undefined;
  }
  if (type === 'array') {
    const picked = raw
      .split(/[、,，;；/\n]+/)
      .map((part) => option(part.trim()))
      .filter((o): o is NonNullable<typeof o> => Boolean(o))
      .map((o) => o.value);
    return picked.length ? [...new Set(picked)] : undefined;
  }
  if (options.length && column.schema.enum) return option(raw)?.value ?? raw;
  if (type === 'number' || type === 'integer') {
    const n = Number(raw.replace(/[,，\s]/g, ''));
    return Number.isFinite(n) ? n : raw;
  }
  if (column.widgetName === 'occupation') return resolveOccupation(raw) ?? raw;
  // identifiers copied from a sheet often carry spaces or a leading apostrophe (Excel's text marker)
  if (column.widgetName === 'residentId' || column.widgetName === 'uscc') return raw.replace(/^'/, '').replace(/\s+/g, '').toUpperCase();
  if (column.widgetName === 'mobile') return raw.replace(/^'/, '').replace(/\s+/g, '');
  return raw;
}

/**
 * The rows after pasting `cells` at row `startRow`, column `startColumn` (an index into `columns`):
 * existing rows are overwritten cell by cell, rows beyond the end are added (up to `maxRows`).
 */
export function pasteRows<R extends Record<string, unknown>>(
  rows: ReadonlyArray<R>,
  columns: ReadonlyArray<TableColumn>,
  cells: string[][],
  startRow: number,
  startColumn: number,
  resolveOccupation: (t: string) => string | null,
  maxRows = Infinity,
): { rows: R[]; added: number; truncated: boolean } {
  const editable = columns.map((c, i) => ({ c, i })).filter(({ c, i }) => !c.readonly && i >= startColumn);
  const next = rows.slice() as R[];
  let added = 0;
  let truncated = false;
  cells.forEach((line, r) => {
    const at = startRow + r;
    if (at >= maxRows) {
      truncated = true;
      return;
    }
    if (at >= next.length) {
      next.push({} as R);
      added++;
    }
    const row: Record<string, unknown> = { ...next[at] };
    line.forEach((text, k) => {
      const target = editable[k];
      if (!target) return;
      const v = cellValue(target.c, text, resolveOccupation);
      if (v === undefined) delete row[target.c.key];
      else row[target.c.key] = v;
    });
    next[at] = row as R;
  });
  return { rows: next, added, truncated };
}
