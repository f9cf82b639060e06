import type { ReferenceContext } from './reference-context';

const OCCUPATION = /^\d-\d{2}-\d{2}-\d{2}$/;

type Ui = Record<string, unknown> | undefined;
const uiAt = (ui: Ui, key: string): Ui => {
  const u = ui?.[key];
  return u && typeof u === 'object' && !Array.isArray(u) ? (u as Record<string, unknown>) : undefined;
};

/**
 * Values the kit fills in for the user: an occupation row's `name` follows its `code` (the 2022
 * 大典 name) where the form picks that code from the catalogue (`"ui:widget": "occupation"`). A code
 * typed as plain text (a former occupation of an older edition) keeps the name the user wrote.
 * Returns the same object when nothing changed, so renders stay cheap.
 */
export function deriveValues<T>(data: T, ref: ReferenceContext, ui?: Ui): T {
  if (Array.isArray(data)) {
    let changed = false;
    const out = data.map((v) => {
      const d = deriveValues(v, ref, uiAt(ui, 'items'));
      if (d !== v) changed = true;
      return d;
    });
    return (changed ? out : data) as T;
  }
  if (!data || typeof data !== 'object') return data;
  const obj = data as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(obj)) {
    const d = deriveValues(v, ref, uiAt(ui, k));
    if (d !== v) (out ??= { ...obj })[k] = d;
  }
  const code = obj.code;
  if (typeof code === 'string' && OCCUPATION.test(code) && uiAt(ui, 'code')?.['ui:widget'] === 'occupation') {
    const name = ref.occupations.get(code);
    if (name && obj.name !== name) (out ??= { ...obj }).name = name;
  }
  return (out ?? data) as T;
}
