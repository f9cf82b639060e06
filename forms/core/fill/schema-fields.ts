/**
 * The draft fields a document declares, flattened: one entry per scalar leaf or array of scalars,
 * keyed by a pointer pattern where array items are `*` (`/occupations/*\/code`). Conditional
 * branches (`allOf[].then`) are included — the draft decides which of them exist.
 */
import type { JsonSchema } from '../pack/types';
import { declaredProperties, deref } from '../schema/schema-walk';
import { escapeSegment } from '../schema/json-pointer';

export interface SchemaField {
  /** pointer pattern, `*` for an array index */
  pattern: string;
  title: string;
  type: string;
  format?: string;
  /** enum of the value, or of the items for an array of scalars */
  enumValues?: unknown[];
  /** `ui:enumNames` for that enum */
  enumNames?: string[];
  /** the ui widget, when ui.json names one */
  widget?: string;
  /** inside an array of objects */
  inArray: boolean;
  /** the title of the nearest enclosing array, for reports */
  arrayTitle?: string;
  /** titles of the enclosing objects and arrays, outermost first (联系人 for `/contact/name`) */
  sections: string[];
  /** the schema description, a weaker hint for the matcher */
  description?: string;
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * An object's properties as the one schema walker finds them: its own, its `allOf` parts' and its `then`
 * branches' (a condition's fields may exist; `else` only narrows), the first declaration of a name winning.
 */
const propertiesOf = (root: JsonSchema, s: JsonSchema): Array<[string, JsonSchema]> =>
  [...declaredProperties(root, s, { thenOnly: true })].map(([k, d]) => [k, d.schemas[0]]);

export function schemaFields(root: JsonSchema, ui: Record<string, unknown>): SchemaField[] {
  const out: SchemaField[] = [];
  const walk = (
    s: JsonSchema,
    uiNode: Record<string, unknown> | undefined,
    pattern: string,
    title: string,
    inArray: boolean,
    depth: number,
    arrayTitle: string | undefined,
    sections: string[],
  ) => {
    if (depth > 12) return;
    const r = deref(root, s);
    const own = typeof s.title === 'string' ? s.title : typeof r.title === 'string' ? r.title : title;
    const description = typeof s.description === 'string' ? s.description : typeof r.description === 'string' ? r.description : undefined;
    if (r.type === 'object' || obj(r.properties)) {
      const inner = pattern && own && sections[sections.length - 1] !== own ? [...sections, own] : sections;
      for (const [k, child] of propertiesOf(root, r)) walk(child, obj(uiNode?.[k]), `${pattern}/${escapeSegment(k)}`, k, inArray, depth + 1, arrayTitle, inner);
      return;
    }
    if (r.type === 'array') {
      const items = deref(root, obj(r.items) ?? {});
      if (items.type === 'object' || obj(items.properties)) {
        walk(items, obj(uiNode?.items), `${pattern}/*`, own, true, depth + 1, own, sections);
        return;
      }
      out.push({
        pattern,
        title: own,
        type: 'array',
        format: typeof items.format === 'string' ? items.format : undefined,
        enumValues: Array.isArray(items.enum) ? items.enum : undefined,
        enumNames: enumNamesOf(uiNode) ?? enumNamesOf(obj(uiNode?.items)),
        widget: typeof uiNode?.['ui:widget'] === 'string' ? (uiNode['ui:widget'] as string) : undefined,
        inArray,
        arrayTitle,
        sections,
        description,
      });
      return;
    }
    out.push({
      pattern,
      title: own,
      type: typeof r.type === 'string' ? r.type : 'string',
      format: typeof r.format === 'string' ? r.format : undefined,
      enumValues: Array.isArray(r.enum) ? r.enum : undefined,
      enumNames: enumNamesOf(uiNode),
      widget: typeof uiNode?.['ui:widget'] === 'string' ? (uiNode['ui:widget'] as string) : undefined,
      inArray,
      arrayTitle,
      sections,
      description,
    });
  };
  walk(root, ui, '', '', false, 0, undefined, []);
  return out;
}

function enumNamesOf(uiNode: Record<string, unknown> | undefined): string[] | undefined {
  const n = uiNode?.['ui:enumNames'];
  return Array.isArray(n) && n.every((x) => typeof x === 'string') ? (n as string[]) : undefined;
}

/** `/occupations/1/code` → `/occupations/*\/code` */
export const patternOf = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');
