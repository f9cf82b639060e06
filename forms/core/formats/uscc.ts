/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-symbol alphabet, the last a check
 * character; positions 9–17 carry the GB 11714 organisation code with its own check.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type UsccProblem = 'length' | 'charset' | 'check' | 'orgCheck';

/** Upper-cases and strips spaces, as staff paste codes with both. */
export function normalizeUscc(raw: string): string {
  return raw.replace(/[\s\u3000-]/g, '').toUpperCase();
}

export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  const values: number[] = [];
  for (const ch of code) {
    const v = CHARSET.indexOf(ch);
    if (v < 0) return 'charset';
    values.push(v);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += values[i] * WEIGHTS[i];
  const c = (31 - (sum % 31)) % 31;
  if (CHARSET[c] !== code[17]) return 'check';
  // GB 11714 organisation code inside positions 9–17
  const org = code.slice(8, 17);
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const v = ORG_CHARS.indexOf(org[i]);
    if (v < 0) return 'orgCheck';
    s += v * ORG_WEIGHTS[i];
  }
  const oc = 11 - (s % 11);
  const expected = oc === 10 ? 'X' : oc === 11 ? '0' : String(oc);
  if (org[8] !== expected) return 'orgCheck';
  return null;
}

export const isUscc = (code: string): boolean => usccProblem(code) === null;
