import type { CheckField } from '../../core/checks/types';
import { optionLabel } from '../../core/checks/check-forms';
import type { Lang } from '../../core/i18n/lang';
import { s } from './strings';

interface Props {
  id: string;
  field: CheckField;
  value: unknown;
  lang: Lang;
  onChange: (v: unknown) => void;
}

const num = (raw: string): number | string | undefined => (raw === '' ? undefined : Number.isFinite(Number(raw)) ? Number(raw) : raw);

/** One input of a quick check, drawn from the field's shape in the pack (enum → select, date → date, …). */
export function FieldInput({ id, field, value, lang, onChange }: Props) {
  if (field.type === 'boolean') {
    return <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? true : undefined)} />;
  }
  if (field.enum) {
    return (
      <select id={id} value={value === undefined ? '' : String(value)} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value || undefined)}>
        <option value="">{s('unset', lang)}</option>
        {field.enum.map((v, i) => (
          <option value={String(v)}>{optionLabel(field, i, lang)}</option>
        ))}
      </select>
    );
  }
  if (field.type === 'integer' || field.type === 'number') {
    return (
      <input id={id} type="number" inputMode="decimal" min={field.minimum} max={field.maximum} step={field.type === 'integer' ? 1 : 'any'}
        value={value === undefined ? '' : String(value)} onInput={(e) => onChange(num((e.currentTarget as HTMLInputElement).value))} />
    );
  }
  if (field.type === 'array' && field.items?.enum) {
    const list = Array.isArray(value) ? (value as unknown[]) : [];
    const items = field.items;
    return (
      <div class="choices" id={id}>
        {items.enum!.map((v, i) => (
          <label class="choice">
            <input type="checkbox" value={String(v)} checked={list.includes(v)}
              onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? [...list, v] : list.filter((x) => x !== v))} />
            {optionLabel(items, i, lang)}
          </label>
        ))}
      </div>
    );
  }
  if (field.type === 'array' && field.items?.properties) {
    const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
    const props = field.items.properties;
    const setRow = (i: number, row: Record<string, unknown>) => onChange(rows.map((r, j) => (j === i ? row : r)));
    return (
      <div class="rows" id={id}>
        {rows.map((row, i) => (
          <div class="row">
            {Object.entries(props).map(([k, f]) => (
              <label class="cell">
                <span>{f.title[lang]}</span>
                <FieldInput id={`${id}-${i}-${k}`} field={f} value={row[k]} lang={lang} onChange={(v) => setRow(i, { ...row, [k]: v })} />
              </label>
            ))}
            <button type="button" class="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{s('remove', lang)}</button>
          </div>
        ))}
        <button type="button" class="link" onClick={() => onChange([...rows, {}])}>+ {s('add', lang)}{field.items.title[lang]}</button>
      </div>
    );
  }
  const text = value === undefined ? '' : String(value);
  const onText = (e: Event) => onChange((e.currentTarget as HTMLInputElement).value || undefined);
  return field.format === 'date' ? (
    <input id={id} type="date" value={text} onInput={onText} />
  ) : (
    <input id={id} type="text" placeholder={field.placeholder} value={text} onInput={onText} />
  );
}
