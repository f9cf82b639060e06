import type { ReferenceContext } from './reference-context';

const OCCUPATION = /^\d-\d{2}-\d{2}-\d{2}$/;

/**
 * Values the kit fills in for the user: an occupation row's `name` follows its `code` (the 2022
 * 大典 name). Returns the same object when nothing changed, so renders stay cheap.
 */
export function deriveValues<T>(data: T, ref: ReferenceContext): T {
  if (Array.isArray(data)) {
    let changed = false;
    const out = data.map((v) => {
      const d = deriveValues(v, ref);
      if (d !== v) changed = true;
      return d;
    });
    return (changed ? out : data) as T;
  }
  if (!data || typeof data !== 'object') return data;
  const obj = data as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(obj)) {
    const d = deriveValues(v, ref);
    if (d !== v) (out ??= { ...obj })[k] = d;
  }
  const code = obj.code;
  if (typeof code === 'string' && OCCUPATION.test(code)) {
    const name = ref.occupations.get(code);
    if (name && obj.name !== name) (out ??= { ...obj }).name = name;
  }
  return (out ?? data) as T;
}
