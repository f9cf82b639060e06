/**
 * Value pipelines from a draft value to what the portal shows: `2025-03-10` → `2025年03月10日`,
 * `municipal-soe` → `市属国企`, `310110` → `杨浦区`. Every step is named in the portal map (pack data);
 * nothing here knows a portal.
 */
import type { Transform } from './types';

export interface TransformContext {
  /** pack reference data by file stem */
  reference: Record<string, unknown>;
  /** the schema enum and `ui:enumNames` of the field, when it has them */
  enumValues?: readonly unknown[];
  enumNames?: readonly string[];
}

export type TransformResult = { ok: true; value: unknown } | { ok: false; detail: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats `YYYY-MM-DD` with tokens YYYY, MM, DD, M, D (other characters are kept). */
export function formatDate(iso: string, format: string): string | null {
  const m = DATE.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  return format.replace(/YYYY|MM|DD|M|D/g, (tok) =>
    tok === 'YYYY' ? y : tok === 'MM' ? mo : tok === 'DD' ? d : tok === 'M' ? String(Number(mo)) : String(Number(d)),
  );
}

function eachOrOne(value: unknown, f: (v: unknown) => TransformResult): TransformResult {
  if (!Array.isArray(value)) return f(value);
  const out: unknown[] = [];
  for (const v of value) {
    const r = f(v);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

function step(t: Transform, value: unknown, ctx: TransformContext): TransformResult {
  if ('date' in t) {
    return eachOrOne(value, (v) => {
      const s = typeof v === 'string' ? formatDate(v, t.date) : null;
      return s === null ? { ok: false, detail: `not a date: ${String(v)}` } : { ok: true, value: s };
    });
  }
  if ('enumNames' in t) {
    return eachOrOne(value, (v) => {
      const i = ctx.enumValues?.indexOf(v) ?? -1;
      const name = i >= 0 ? ctx.enumNames?.[i] : undefined;
      return name === undefined ? { ok: false, detail: `no enum label for ${String(v)}` } : { ok: true, value: name };
    });
  }
  if ('map' in t) {
    return eachOrOne(value, (v) => {
      const s = t.map[String(v)];
      return s === undefined ? { ok: false, detail: `no mapping for ${String(v)}` } : { ok: true, value: s };
    });
  }
  if ('lookup' in t) {
    const { ref, list, key, value: valueKey } = t.lookup;
    const rows = (ctx.reference[ref] as Record<string, unknown> | undefined)?.[list];
    if (!Array.isArray(rows)) return { ok: false, detail: `reference ${ref}.${list} missing` };
    return eachOrOne(value, (v) => {
      const row = rows.find((r) => (r as Record<string, unknown>)?.[key] === v) as Record<string, unknown> | undefined;
      const s = row?.[valueKey];
      return typeof s === 'string' ? { ok: true, value: s } : { ok: false, detail: `${String(v)} not in ${ref}` };
    });
  }
  if ('join' in t) {
    return Array.isArray(value)
      ? { ok: true, value: value.filter((v) => v !== undefined && v !== null && v !== '').map(String).join(t.join) }
      : { ok: true, value };
  }
  if ('split' in t) {
    if (typeof value !== 'string') return { ok: false, detail: 'split needs text' };
    const parts = value.split(t.split);
    if (t.index === undefined) return { ok: true, value: parts };
    const p = parts[t.index];
    return p === undefined ? { ok: false, detail: `no part ${t.index} in ${value}` } : { ok: true, value: p };
  }
  if ('boolean' in t) {
    return typeof value === 'boolean' ? { ok: true, value: value ? t.boolean[0] : t.boolean[1] } : { ok: false, detail: 'not a yes/no value' };
  }
  if ('prepend' in t) {
    return { ok: true, value: [...t.prepend, ...(Array.isArray(value) ? value : [value])] };
  }
  return { ok: false, detail: `unknown transform ${JSON.stringify(t)}` };
}

export function applyTransforms(value: unknown, steps: readonly Transform[] | undefined, ctx: TransformContext): TransformResult {
  let cur: TransformResult = { ok: true, value };
  for (const t of steps ?? []) {
    if (!cur.ok) break;
    cur = step(t, cur.value, ctx);
  }
  return cur;
}
