import { normalizeLabel } from '../../core/fill/normalize-label';
import type { FillValue } from '../../core/fill/types';

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

export function showValue(v: FillValue | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return Array.isArray(v) ? v.join('、') : v;
}
