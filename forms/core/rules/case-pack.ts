import type { Pack } from '../pack/types';

/**
 * What a stored case assumes of the pack. `reference` patches reference lists by file stem (shallow):
 * `{"filing-catalog": {"status": "official"}}` states how a rule behaves once the official list is imported
 * while the shipped list is still a sample; a case may also bring its own rows. `params` pins shared parameter
 * values (`renewalWindowMonths: 3`), so a case keeps testing what it was written for when the bureau later
 * changes the parameter or imports another catalogue.
 */
export interface CaseAssumptions {
  reference?: unknown;
  params?: unknown;
}

export type ReferenceOverrides = Record<string, Record<string, unknown>>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The pack a case runs against: the same pack, or a copy carrying the case's assumptions. */
export function casePack(pack: Pack, c: CaseAssumptions): Pack {
  const { reference: overrides, params } = c;
  const hasRef = isObj(overrides) && Object.keys(overrides).length > 0;
  const hasParams = isObj(params) && Object.keys(params).length > 0;
  if (!hasRef && !hasParams) return pack;
  const files = { ...pack.files };
  const reference = { ...pack.reference };
  if (hasRef) {
    for (const [stem, patch] of Object.entries(overrides)) {
      if (!isObj(patch) || FORBIDDEN.has(stem)) continue;
      const base = isObj(reference[stem]) ? reference[stem] : {};
      reference[stem] = { ...base, ...patch };
      files[`reference/${stem}.json`] = reference[stem];
    }
  }
  if (hasParams) {
    const file = isObj(files['rules/parameters.json']) ? (files['rules/parameters.json'] as Record<string, unknown>) : {};
    const all = { ...(isObj(file.parameters) ? file.parameters : {}) } as Record<string, unknown>;
    for (const [name, value] of Object.entries(params)) {
      if (FORBIDDEN.has(name)) continue;
      all[name] = { ...(isObj(all[name]) ? all[name] : {}), value };
    }
    files['rules/parameters.json'] = { ...file, parameters: all };
  }
  return { ...pack, files, reference };
}
