/**
 * 职业分类大典（2022年版）codes, `D-DD-DD-DD`. Existence is checked against the active pack's
 * occupation list. The list is module state because precompiled (ajv standalone) validators bind
 * format functions at module load; `useOccupationIndex` is called whenever a pack is activated.
 */
export type OccupationCodeProblem = 'format' | 'unknown';

let index: ReadonlyMap<string, string> | null = null;

export function useOccupationIndex(entries: ReadonlyArray<{ code: string; name: string }>): void {
  index = new Map(entries.map((e) => [e.code, e.name]));
}

export const occupationName = (code: string): string | undefined => index?.get(code);

export function normalizeOccupationCode(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 7 ? `${digits[0]}-${digits.slice(1, 3)}-${digits.slice(3, 5)}-${digits.slice(5, 7)}` : raw.trim();
}

export function occupationCodeProblem(code: string): OccupationCodeProblem | null {
  if (!/^\d-\d{2}-\d{2}-\d{2}$/.test(code)) return 'format';
  if (index && !index.has(code)) return 'unknown';
  return null;
}
