import type { EnumOptionsType, Registry, RJSFSchema, UiSchema, Widget, WidgetProps } from '@rjsf/utils';
import { getUiOptions, getWidget, optionsList, orderProperties, resolveDefaultWidget } from '@rjsf/utils';

/** One column of a list shown as a table: resolved once per list, not once per cell. */
export interface TableColumn {
  key: string;
  title: string;
  required: boolean;
  schema: RJSFSchema;
  ui: UiSchema;
  Widget: Widget;
  /** the widget's `options` (ui options plus enumOptions), shared by every row */
  options: WidgetProps['options'];
  readonly: boolean;
  placeholder: string;
  help?: string;
  /** a group of options (checkboxes, radios): a wider column */
  grouped: boolean;
  /** the widget's name in the registry (`text`, `select`, `occupation`…), '' when ui.json gave a component */
  widgetName: string;
}

const SCALAR = new Set(['string', 'number', 'integer', 'boolean']);
const CONDITIONAL = ['if', 'oneOf', 'anyOf', 'dependencies', 'dependentSchemas', 'dependentRequired'];

/**
 * The columns of an array of flat objects, or null when a row holds something a table cell cannot
 * (nested objects, lists of objects, conditional parts): such lists keep RJSF's own rows.
 * Why a table at all: RJSF renders every cell through SchemaField → FieldTemplate → getWidget, which
 * for 50 rows of 14 controls was most of the document's first render (bench/notes.md).
 */
export function tableColumns(arraySchema: RJSFSchema, uiSchema: UiSchema | undefined, registry: Registry): TableColumn[] | null {
  const { schemaUtils, widgets } = registry;
  if (!arraySchema.items || typeof arraySchema.items !== 'object' || Array.isArray(arraySchema.items)) return null;
  const item = schemaUtils.retrieveSchema(arraySchema.items as RJSFSchema, undefined);
  if (item.type !== 'object' || !item.properties || CONDITIONAL.some((k) => k in item)) return null;
  const itemUi = ((uiSchema?.items ?? {}) as UiSchema) ?? {};
  const keys = orderProperties(Object.keys(item.properties), getUiOptions(itemUi).order as string[] | undefined);
  const required = new Set(item.required ?? []);
  const columns: TableColumn[] = [];
  for (const key of keys) {
    const raw = item.properties[key];
    if (typeof raw !== 'object') return null;
    const schema = schemaUtils.retrieveSchema(raw as RJSFSchema, undefined);
    const ui = (itemUi[key] ?? {}) as UiSchema;
    const uiOptions = getUiOptions(ui);
    if (ui['ui:field'] || uiOptions.widget === 'hidden') return null;
    const multi = schema.type === 'array' && schemaUtils.isMultiSelect(schema);
    if (!multi && !SCALAR.has(String(schema.type))) return null;
    let widgetName: string | Widget;
    let enumOptions: EnumOptionsType[] | undefined;
    if (multi) {
      widgetName = (uiOptions.widget as string | undefined) ?? 'select';
      enumOptions = optionsList(schemaUtils.retrieveSchema(schema.items as RJSFSchema, undefined), (ui.items ?? ui) as UiSchema);
    } else if (schema.type === 'boolean') {
      widgetName = (uiOptions.widget as string | undefined) ?? 'checkbox';
      enumOptions = optionsList({ enum: [true, false] } as RJSFSchema, ui);
    } else {
      const d = resolveDefaultWidget(schema, ui, schemaUtils, widgets);
      widgetName = (uiOptions.widget as string | undefined) ?? d.defaultWidget;
      enumOptions = d.enumOptions ?? optionsList(schema, ui);
    }
    const { widget: _w, placeholder = '', title: uiTitle, help, ...rest } = uiOptions;
    const name = typeof widgetName === 'string' ? widgetName : '';
    columns.push({
      key,
      title: String(uiTitle ?? schema.title ?? key),
      required: required.has(key),
      schema,
      ui,
      Widget: getWidget(multi ? { ...schema, type: 'array' } : schema, widgetName, widgets),
      options: { ...rest, enumOptions } as WidgetProps['options'],
      readonly: Boolean(uiOptions.readonly),
      placeholder: String(placeholder),
      help: help === undefined ? undefined : String(help),
      grouped: name === 'checkboxes' || name === 'radio',
      widgetName: name,
    });
  }
  return columns;
}
