/**
 * A list filled from another stored document (a ui.json `fillFrom` option): e.g. candidate
 * registration's 本机构备案的职业（工种）及等级 from the institution's filing draft, so the check against the
 * filed scope (三（四）2 “超范围”) runs on what was filed rather than on a second, retyped copy.
 * Which documents and which list are pack data; this only reads them.
 */
import { isSafeSegment, splitPointer } from './json-pointer';

export interface FillFrom {
  /** document ids whose stored drafts may be the source */
  documents: string[];
  /** JSON pointer of the source list in those documents, e.g. `/occupations` */
  list: string;
}

/** The `fillFrom` ui option, or undefined when absent or malformed (a pack mistake shows no button). */
export function parseFillFrom(v: unknown): FillFrom | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const { documents, list } = v as { documents?: unknown; list?: unknown };
  if (!Array.isArray(documents) || !documents.every((d) => typeof d === 'string') || !documents.length) return undefined;
  if (typeof list !== 'string' || !list.startsWith('/') || !splitPointer(list).every(isSafeSegment)) return undefined;
  return { documents: documents as string[], list };
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The rows of the source list, each keeping only the target row's fields (`keys`); rows with nothing
 * in those fields, and repeats, are left out.
 */
export function rowsFromDocument(data: unknown, from: FillFrom, keys: readonly string[]): Record<string, unknown>[] {
  let cur: unknown = data;
  for (const seg of splitPointer(from.list)) {
    if (!cur || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return [];
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (!Array.isArray(cur)) return [];
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const row of cur) {
    if (!row || typeof row !== 'object' || Array.isArray(row)) continue;
    const picked: Record<string, unknown> = {};
    for (const k of keys) if (Object.hasOwn(row, k) && !isEmpty((row as Record<string, unknown>)[k])) picked[k] = structuredClone((row as Record<string, unknown>)[k]);
    if (!Object.keys(picked).length) continue;
    const key = JSON.stringify(picked);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(picked);
  }
  return out;
}
