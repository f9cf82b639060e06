import { normalizeLabel } from '../core/fill/normalize-label';
import type { FillValue, ValueForms } from '../core/fill/types';

/** Whether what a control shows equals what was asked (labels compared normalised, lists as sets). */
export function sameValue(shown: FillValue | null, wanted: FillValue, ordered = false): boolean {
  if (shown === null) return false;
  if (typeof wanted === 'boolean') return shown === wanted;
  if (Array.isArray(wanted)) {
    if (shown === '') shown = [];
    if (!Array.isArray(shown) || shown.length !== wanted.length) return false;
    const a = shown.map(normalizeLabel);
    const b = wanted.map(normalizeLabel);
    return ordered ? a.every((x, i) => x === b[i]) : b.every((x) => a.includes(x));
  }
  if (Array.isArray(shown) && shown.length === 0) shown = '';
  if (typeof shown !== 'string') return false;
  if (normalizeLabel(shown) === normalizeLabel(wanted)) return true;
  const n1 = Number(shown.replace(/,/g, ''));
  const n2 = Number(wanted);
  return shown.trim() !== '' && Number.isFinite(n1) && Number.isFinite(n2) && n1 === n2;
}

/**
 * Whether what a control shows is the value in any of its forms (浦东 for 310115, 2025年03月10日 for
 * 2025-03-10, 是 for true, a cascader showing 上海市 / 浦东新区), or the option the control chose for
 * it: a value set right is never reported as "did not stick".
 */
export function showsValue(shown: FillValue | null, wanted: FillValue, forms?: ValueForms, picked?: readonly string[], ordered = false): boolean {
  if (sameValue(shown, wanted, ordered)) return true;
  if (shown === null || !forms) return picked?.length ? sameValue(shown, picked.length === 1 && !Array.isArray(wanted) ? picked[0] : [...picked]) : false;
  if (typeof shown === 'string' && shown !== '') {
    if ((forms.texts ?? []).some((t) => sameValue(shown, t))) return true;
    // a number shown with its unit (40个) or a cascader shown as one text (上海市 / 浦东新区)
    if ((forms.paths ?? []).some((p) => sameValue(shown.split(/\s*[/／>]\s*/), p, true))) return true;
  }
  if (Array.isArray(shown)) {
    if ((forms.paths ?? []).some((p) => sameValue(shown, p, true))) return true;
    if (forms.each && shown.length === forms.each.length) {
      const left = shown.map(normalizeLabel);
      if (forms.each.every((alts) => alts.some((a) => left.includes(normalizeLabel(a))))) return true;
    }
    if (forms.texts && shown.length === 1 && forms.texts.some((t) => sameValue(shown[0], t))) return true;
  }
  if (typeof shown === 'boolean' && typeof wanted !== 'boolean') return false;
  if (picked?.length) return sameValue(shown, !Array.isArray(wanted) && picked.length === 1 ? picked[0] : [...picked]);
  return false;
}

export function showValue(v: FillValue | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return Array.isArray(v) ? v.join('、') : v;
}
