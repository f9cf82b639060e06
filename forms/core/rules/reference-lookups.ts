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

/**
 * Rules look codes up per row on every keystroke: index each reference list once per pack (a pack is
 * immutable once parsed; an edited pack is a new object, so the WeakMap never serves stale data).
 */
const indexes = new WeakMap<Pack, Map<string, Map<string, unknown>>>();
function indexed<T>(pack: Pack, name: string, build: () => Array<[string, T]>): Map<string, T> {
  let perPack = indexes.get(pack);
  if (!perPack) indexes.set(pack, (perPack = new Map()));
  let idx = perPack.get(name) as Map<string, T> | undefined;
  if (!idx) {
    idx = new Map<string, T>();
    // first entry wins, as a linear find would
    for (const [k, v] of build()) if (!idx.has(k)) idx.set(k, v);
    perPack.set(name, idx as Map<string, unknown>);
  }
  return idx;
}

export function catalogEntry(pack: Pack, code: unknown): CatalogEntry | null {
  if (typeof code !== 'string') return null;
  return indexed(pack, 'catalog', () => catalogEntries(pack).map((e) => [e.code, e] as [string, CatalogEntry])).get(code) ?? null;
}

/** The ladder entry for a level name or alias (`五级` → 初级工). */
export function levelDef(pack: Pack, name: unknown): LevelDef | null {
  if (typeof name !== 'string') return null;
  const idx = indexed(pack, 'levels', () =>
    levelDefs(pack).flatMap((l) => [l.name, ...(l.aliases ?? []), ...(l.grade ? [l.grade] : [])].map((k) => [k, l] as [string, LevelDef])),
  );
  return idx.get(name.trim()) ?? null;
}

export function occupationNameOf(pack: Pack, code: unknown): string | null {
  if (typeof code !== 'string') return null;
  return indexed(pack, 'occupations', () => occupations(pack).map((o) => [o.code, o.name] as [string, string])).get(code) ?? null;
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
  if (typeof code !== 'string') return null;
  return indexed(pack, 'districts', () => list<{ code: string; name: string }>(pack, 'districts', 'districts').map((d) => [d.code, d.name] as [string, string])).get(code) ?? null;
}

/** `official` or `sample` as the reference file declares it; a list that declares nothing is taken as official. */
export function referenceStatus(pack: Pack, stem: string): 'official' | 'sample' | null {
  const v = pack.reference[stem] as { status?: unknown } | undefined;
  if (!v || typeof v !== 'object') return null;
  return v.status === 'sample' ? 'sample' : 'official';
}

/** What each sample reference list asks the user to know (its `notice`), for the workbench and the popup. */
export function sampleNotices(pack: Pack): Array<{ list: string; zh: string; en: string }> {
  const out: Array<{ list: string; zh: string; en: string }> = [];
  for (const [stem, v] of Object.entries(pack.reference)) {
    const n = (v as { notice?: { zh?: unknown; en?: unknown } } | undefined)?.notice;
    if (referenceStatus(pack, stem) !== 'sample' || !n || typeof n.zh !== 'string') continue;
    out.push({ list: stem, zh: n.zh, en: typeof n.en === 'string' ? n.en : n.zh });
  }
  return out;
}
