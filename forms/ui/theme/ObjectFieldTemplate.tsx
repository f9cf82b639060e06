import type { ObjectFieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import type { JsonSchema } from '../../core/pack/types';
import { deref } from '../../core/schema/schema-walk';

/**
 * Children in a two-column grid; titles are drawn by FieldTemplate, so none here. At the top level,
 * consecutive single fields share one card between the numbered sections instead of a card each.
 */
export function ObjectFieldTemplate({ properties, fieldPathId, schema, registry }: ObjectFieldTemplateProps) {
  const visible = properties.filter((p) => !p.hidden);
  if (fieldPathId.path.length > 0) return <div class="grid">{visible.map((p) => p.content)}</div>;
  const root = registry.rootSchema as JsonSchema;
  const own = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const isBlock = (name: string) => {
    const s = own[name] ? deref(root, own[name]) : undefined;
    return s?.type === 'object' || (s?.type === 'array' && !registry.schemaUtils.isMultiSelect(s as RJSFSchema));
  };
  const out: preact.ComponentChildren[] = [];
  let run: preact.ComponentChildren[] = [];
  const closeRun = () => {
    if (run.length) out.push(<div class="section plain-fields grid" key={`run-${out.length}`}>{run}</div>);
    run = [];
  };
  for (const p of visible) {
    if (isBlock(p.name)) {
      closeRun();
      out.push(p.content);
    } else run.push(p.content);
  }
  closeRun();
  return <div class="root-fields">{out}</div>;
}
