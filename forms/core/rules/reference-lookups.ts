import type { Pack } from '../pack/types';

/** Typed views of the pack's reference files that rules look things up in. Absent or malformed → empty. */
export interface CatalogEntry {
  code: string;
  name: string;
  standardBasis: string;
  levels: string[];
}

export interface LevelDef {
  name: string;
  grade: string | null;
  rank: number;
  aliases: string[];
  en?: string;
  enterpriseOnly?: boolean;
}

const list = <T>(pack: Pack, file: string, key: string): T[] => {
  const v = pack.reference[file] as Record<string, unknown> | undefined;
  const items = v && typeof v === 'object' ? v[key] : undefined;
  return Array.isArray(items) ? (items as T[]) : [];
};

export const catalogEntries = (pack: Pack) => list<CatalogEntry>(pack, 'filing-catalog', 'entries');
export const levelDefs = (pack: Pack) => list<LevelDef>(pack, 'levels', 'levels');
export const occupations = (pack: Pack) => list<{ code: string; name: string }>(pack, 'occupations-2022', 'occupations');

export function catalogEntry(pack: Pack, code: unknown): CatalogEntry | null {
  return typeof code === 'string' ? (catalogEntries(pack).find((e) => e.code === code) ?? null) : null;
}

/** The ladder entry for a level name or alias (`五级` → 初级工). */
export function levelDef(pack: Pack, name: unknown): LevelDef | null {
  if (typeof name !== 'string') return null;
  const n = name.trim();
  return levelDefs(pack).find((l) => l.name === n || l.aliases.includes(n) || l.grade === n) ?? null;
}

export function occupationNameOf(pack: Pack, code: unknown): string | null {
  return typeof code === 'string' ? (occupations(pack).find((o) => o.code === code)?.name ?? null) : null;
}

/** A named condition set for candidate eligibility: `schemas/reference/eligibility-<id>.json`. */
export interface ConditionSet {
  id: string;
  title: { zh: string; en?: string };
  /** conditions by canonical level name; each one alternative (“具备以下条件之一”) */
  levels: Record<string, Array<{ id: string; text: { zh: string; en?: string }; logic: unknown }>>;
}

export function conditionSet(pack: Pack, id: unknown): ConditionSet | null {
  if (typeof id !== 'string') return null;
  const v = pack.reference[`eligibility-${id}`] as ConditionSet | undefined;
  return v && typeof v === 'object' && v.levels && typeof v.levels === 'object' ? v : null;
}

export function conditionSetIds(pack: Pack): string[] {
  return Object.keys(pack.reference)
    .filter((k) => k.startsWith('eligibility-'))
    .map((k) => k.slice('eligibility-'.length));
}

export function districtNameOf(pack: Pack, code: unknown): string | null {
  return typeof code === 'string' ? (list<{ code: string; name: string }>(pack, 'districts', 'districts').find((d) => d.code === code)?.name ?? null) : null;
}
