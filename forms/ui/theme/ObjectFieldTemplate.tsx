import type { ObjectFieldTemplateProps } from '@rjsf/utils';

/** Children in a two-column grid; titles are drawn by FieldTemplate, so none here. */
export function ObjectFieldTemplate({ properties, fieldPathId }: ObjectFieldTemplateProps) {
  const root = fieldPathId.path.length === 0;
  return (
    <div class={root ? 'root-fields' : 'grid'}>
      {properties.filter((p) => !p.hidden).map((p) => p.content)}
    </div>
  );
}
