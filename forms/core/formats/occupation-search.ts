/**
 * Finding an occupation by what a clerk types: a name (电工, 机修钳工, part of one: 钳工) or a code
 * (6-31-01-03, 6310103). Matches rank exact name, then names starting with the text, then names
 * containing it; within each rank the filing catalogue's entries (what can actually be filed) come
 * first, then the 大典 order. Pure: the lists come from the active pack.
 */
export interface OccupationEntry {
  code: string;
  name: string;
}

export interface OccupationMatch extends OccupationEntry {
  /** how the text matched: the whole name or code, its start, or somewhere inside */
  rank: 'exact' | 'prefix' | 'contains';
  /** whether the filing catalogue lists it */
  filable: boolean;
}

const RANK_ORDER: Record<OccupationMatch['rank'], number> = { exact: 0, prefix: 1, contains: 2 };

/** Full-width letters/digits/dashes and spaces as a clerk might type them, made comparable. */
export const foldOccupationText = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[‐‑‒–—―－]/g, '-')
    .toLowerCase();

/** The code a text stands for when it is only a code's digits (with or without dashes), else null. */
export function codeFromText(text: string): string | null {
  const t = foldOccupationText(text);
  if (!/^[\d-]+$/.test(t)) return null;
  const digits = t.replace(/-/g, '');
  return digits.length === 7 ? `${digits[0]}-${digits.slice(1, 3)}-${digits.slice(3, 5)}-${digits.slice(5, 7)}` : null;
}

export function searchOccupations(
  text: string,
  occupations: ReadonlyArray<OccupationEntry>,
  filableCodes: ReadonlySet<string>,
  limit = 8,
): OccupationMatch[] {
  const q = foldOccupationText(text);
  if (!q) return [];
  const qDigits = /^[\d-]+$/.test(q) ? q.replace(/-/g, '') : null;
  const out: OccupationMatch[] = [];
  for (const o of occupations) {
    let rank: OccupationMatch['rank'] | null = null;
    if (qDigits !== null) {
      const digits = o.code.replace(/-/g, '');
      if (digits === qDigits) rank = 'exact';
      else if (digits.startsWith(qDigits)) rank = 'prefix';
    } else {
      const name = foldOccupationText(o.name);
      if (name === q) rank = 'exact';
      else if (name.startsWith(q)) rank = 'prefix';
      else if (name.includes(q)) rank = 'contains';
    }
    if (rank) out.push({ code: o.code, name: o.name, rank, filable: filableCodes.has(o.code) });
  }
  // Array.prototype.sort is stable: equal keys keep the 大典 order
  out.sort((a, b) => RANK_ORDER[a.rank] - RANK_ORDER[b.rank] || Number(b.filable) - Number(a.filable));
  return out.slice(0, limit);
}

/**
 * The one code a finished entry means, or null when it is ambiguous or unknown: a code (any
 * spelling) or a name matching exactly one occupation exactly, or the text being the start or part
 * of exactly one name (机修 → 机修钳工). Several candidates are never guessed between.
 */
export function resolveOccupation(
  text: string,
  occupations: ReadonlyArray<OccupationEntry>,
  filableCodes: ReadonlySet<string>,
): OccupationEntry | null {
  const code = codeFromText(text);
  if (code) return occupations.find((o) => o.code === code) ?? null;
  const all = searchOccupations(text, occupations, filableCodes, Infinity);
  const exact = all.filter((m) => m.rank === 'exact');
  if (exact.length === 1) return { code: exact[0].code, name: exact[0].name };
  if (exact.length === 0 && all.length === 1) return { code: all[0].code, name: all[0].name };
  return null;
}
