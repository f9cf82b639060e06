import { renderToString } from 'preact-render-to-string';
import { FormKitContext, type KitFormContext } from '../theme/form-context';
import { TableRow, type RowProps } from '../theme/table-row';

/**
 * A table row's first frame as plain markup: the live row component (theme/table-row.tsx, with the
 * theme's widgets) rendered to a string, which the browser parses natively. LazyRow shows it and turns
 * it into the live row — Preact adopting these very elements — the first time the row is touched or
 * changes. Being the same component, the markup cannot drift from the live row; what it cannot show is
 * what a widget only draws after mounting (an effect), which test/unit/static-row.test.tsx would catch
 * for every table of every sample.
 *
 * Why (first render): creating the 50-row document's three tables through Preact, element by element
 * with their listeners, was most of the first render; one string parsed as innerHTML costs a fraction
 * (forms/ui/fast/README.md has the gain measured on vs off).
 */
export function staticRowHtml(row: RowProps, context: KitFormContext | null): string {
  return renderToString(
    <FormKitContext.Provider value={context}>
      <TableRow {...row} />
    </FormKitContext.Provider>,
  );
}
