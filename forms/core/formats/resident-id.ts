/** 居民身份证号码 (GB 11643-1999): 17 digits, a check character, and a real birth date in 7–14. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type ResidentIdProblem = 'length' | 'charset' | 'birthDate' | 'check';

export function normalizeResidentId(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export function residentIdProblem(id: string): ResidentIdProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'charset';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birthDate';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  if (CHECK[sum % 11] !== id[17]) return 'check';
  return null;
}

export const isResidentId = (id: string): boolean => residentIdProblem(id) === null;

/** Birth date (YYYY-MM-DD) of a valid id. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
