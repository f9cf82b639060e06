import type { Pack } from '../pack/types';

/**
 * What a stored case changes in the pack's reference lists, by file stem: `{"filing-catalog": {"status":
 * "official"}}` lets a case state how a rule behaves once the official list is imported, while the shipped
 * list is still a sample. Keys are merged into the list (shallow); the pack itself is not changed.
 */
export type ReferenceOverrides = Record<string, Record<string, unknown>>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The pack a case runs against: the same pack, or a copy whose named reference lists carry the case's overrides. */
export function casePack(pack: Pack, overrides: unknown): Pack {
  if (!isObj(overrides) || Object.keys(overrides).length === 0) return pack;
  const reference = { ...pack.reference };
  for (const [stem, patch] of Object.entries(overrides)) {
    if (!isObj(patch) || stem === '__proto__') continue;
    const base = isObj(reference[stem]) ? reference[stem] : {};
    reference[stem] = { ...base, ...patch };
  }
  return { ...pack, reference };
}
