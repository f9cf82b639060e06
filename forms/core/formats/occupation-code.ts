import type { ReferenceContext } from '../reference/reference-context';

/**
 * 职业分类大典（2022年版）codes, `D-DD-DD-DD`. Existence is checked against the pack's occupation
 * list (reference/occupations-2022.json), handed in as its reference context.
 */
export type OccupationCodeProblem = 'format' | 'unknown';

export function normalizeOccupationCode(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 7 ? `${digits[0]}-${digits.slice(1, 3)}-${digits.slice(3, 5)}-${digits.slice(5, 7)}` : raw.trim();
}

export function occupationCodeProblem(code: string, ref: ReferenceContext): OccupationCodeProblem | null {
  if (!/^\d-\d{2}-\d{2}-\d{2}$/.test(code)) return 'format';
  if (!ref.occupations.has(code)) return 'unknown';
  return null;
}
