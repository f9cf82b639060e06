import type { Pack } from '../pack/types';
import { labelKeys, normalizeLabel } from './normalize-label';

/** Synonym groups from `reference/synonyms.json`, looked up by normalised label. */
export interface SynonymIndex {
  /** every normalised label that names the same thing as `label` (including its own keys) */
  expand(label: string): string[];
}

/** The pack's synonym groups: `reference/synonyms.json` (`synonyms`) and autofill's own `fill/synonyms.json` (`groups`). */
export function packSynonyms(pack: Pick<Pack, 'reference' | 'files'>): SynonymIndex {
  const own = pack.files['fill/synonyms.json'] as { groups?: unknown } | undefined;
  return synonymIndex(pack.reference.synonyms, { synonyms: own?.groups });
}

export function synonymIndex(...references: unknown[]): SynonymIndex {
  const groups: string[][] = [];
  for (const reference of references) {
    const raw = (reference as { synonyms?: unknown } | undefined)?.synonyms;
    if (!Array.isArray(raw)) continue;
    for (const g of raw) if (Array.isArray(g)) groups.push(g.filter((x): x is string => typeof x === 'string').map(normalizeLabel));
  }
  const byKey = new Map<string, Set<string>>();
  for (const g of groups) {
    for (const k of g) {
      const set = byKey.get(k) ?? new Set<string>();
      for (const m of g) set.add(m);
      byKey.set(k, set);
    }
  }
  return {
    expand(label) {
      const out = new Set<string>();
      for (const k of labelKeys(label)) {
        out.add(k);
        for (const m of byKey.get(k) ?? []) out.add(m);
      }
      return [...out];
    },
  };
}
