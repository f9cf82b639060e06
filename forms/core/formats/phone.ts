/**
 * 联系电话: a mobile number, or a landline as offices give it — with its area code (021-64001234,
 * 0512-6523 1234, an extension after a dash) or a local Shanghai 8-digit number. Spaces and a +86
 * prefix are tidied away; the dash after the area code may be there or not.
 */
export type PhoneProblem = 'format';

export const normalizePhone = (raw: string): string => {
  const s = raw.trim().replace(/^\+?86[\s-]?/, '').replace(/[（(](\d{3,4})[)）]/, '$1-').replace(/\s+/g, '');
  // a mobile written in groups (138-1234-5678) is stored as its 11 digits
  const digits = s.replace(/-/g, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : s;
};

export const phoneProblem = (s: string): PhoneProblem | null =>
  /^1[3-9]\d{9}$/.test(s) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(s) || /^[2-9]\d{7}$/.test(s) ? null : 'format';
