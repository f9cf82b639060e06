/** Calendar dates as `YYYY-MM-DD` strings — the only date form the pack, drafts and rules use. */
export type DateProblem = 'format' | 'invalid';

export function dateProblem(s: string): DateProblem | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'format';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? null : 'invalid';
}

export function parseDate(s: string): Date | null {
  return typeof s === 'string' && dateProblem(s) === null ? new Date(`${s}T00:00:00Z`) : null;
}

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months; a day past the target month's end becomes that month's last day. */
export function addMonths(s: string, months: number): string | null {
  const d = parseDate(s);
  if (!d) return null;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatDate(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

export function daysBetween(from: string, to: string): number | null {
  const a = parseDate(from);
  const b = parseDate(to);
  return a && b ? Math.round((b.getTime() - a.getTime()) / 86400000) : null;
}

export function todayIso(now: Date = new Date()): string {
  // local calendar day, not UTC: a user in Shanghai filing at 07:00 means today's date
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
