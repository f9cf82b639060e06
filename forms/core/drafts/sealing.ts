import { openJson, sealJson } from './encryption';
import type { Draft } from './types';

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
