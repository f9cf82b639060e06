import { openJson, sealJson } from './encryption';
import type { Draft, Revision } from './types';

/** A draft's stored form under a key: data sealed, `data` emptied. The title stays plain for the list. */
export async function sealDraft(key: CryptoKey, d: Draft): Promise<Draft> {
  const notCarried = d.notCarried;
  const sealed = await sealJson(key, { data: d.data, notCarried: notCarried ?? null });
  const { notCarried: _n, ...rest } = d;
  return { ...rest, data: {}, sealed };
}

/** The plain draft; WrongPassphraseError (nothing changed) when the key does not open it. */
export async function unsealDraft(key: CryptoKey, d: Draft): Promise<Draft> {
  if (!d.sealed) return d;
  const inner = await openJson<{ data: Draft['data']; notCarried: Draft['notCarried'] | null }>(key, d.sealed);
  const { sealed: _s, ...rest } = d;
  return { ...rest, data: inner.data, ...(inner.notCarried ? { notCarried: inner.notCarried } : {}) };
}

/** A history record sealed the same way as its draft. */
export async function sealRevision(key: CryptoKey, r: Revision): Promise<Revision> {
  if (r.sealed) return r;
  return { ...r, data: {}, sealed: await sealJson(key, { data: r.data, notCarried: null }) };
}

export async function unsealRevision(key: CryptoKey, r: Revision): Promise<Revision> {
  if (!r.sealed) return r;
  const inner = await openJson<{ data: Revision['data'] }>(key, r.sealed);
  const { sealed: _s, ...rest } = r;
  return { ...rest, data: inner.data };
}
