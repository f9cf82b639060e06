import { openBytes, openJson, sealBytes, sealJson } from './encryption';
import type { BlobRecord, Draft, Revision } from './types';

/**
 * A draft's stored form under a key. Everything the user typed is sealed — the data, the title (the
 * institution name) and what a migration could not carry; left plain is only what the list and the
 * store need to work: ids, document id, pack version, status, dates and revision.
 */
interface SealedPayload {
  data: Draft['data'];
  notCarried: Draft['notCarried'] | null;
  /** absent in drafts sealed before titles were sealed */
  title?: string;
}

export async function sealDraft(key: CryptoKey, d: Draft): Promise<Draft> {
  const { notCarried, sealed: _s, sealedTitle: _t, ...rest } = d;
  const sealed = await sealJson(key, { data: d.data, notCarried: notCarried ?? null, title: d.title } satisfies SealedPayload);
  return { ...rest, title: '', data: {}, sealed, sealedTitle: await sealJson(key, d.title) };
}

/** The plain draft; WrongPassphraseError (nothing changed) when the key does not open it. */
export async function unsealDraft(key: CryptoKey, d: Draft): Promise<Draft> {
  if (!d.sealed) return d;
  const inner = await openJson<SealedPayload>(key, d.sealed);
  const { sealed: _s, sealedTitle: _t, ...rest } = d;
  return { ...rest, title: inner.title ?? d.title, data: inner.data, ...(inner.notCarried ? { notCarried: inner.notCarried } : {}) };
}

/** True when nothing of the draft's own content is stored in plain text. */
export function isDraftSealed(d: Draft): boolean {
  return Boolean(d.sealed && d.sealedTitle) && d.title === '' && Object.keys(d.data).length === 0 && !d.notCarried;
}

/** A history record sealed the same way as its draft (title included). */
export async function sealRevision(key: CryptoKey, r: Revision): Promise<Revision> {
  if (isRevisionSealed(r)) return r;
  const plain = await unsealRevision(key, r); // a record sealed before titles were sealed
  return { ...plain, title: '', data: {}, sealed: await sealJson(key, { data: plain.data, notCarried: null, title: plain.title } satisfies SealedPayload) };
}

export async function unsealRevision(key: CryptoKey, r: Revision): Promise<Revision> {
  if (!r.sealed) return r;
  const inner = await openJson<SealedPayload>(key, r.sealed);
  const { sealed: _s, ...rest } = r;
  return { ...rest, title: inner.title ?? r.title, data: inner.data };
}

export function isRevisionSealed(r: Revision): boolean {
  return Boolean(r.sealed) && r.title === '' && Object.keys(r.data).length === 0;
}

/** An attachment with its bytes and its file name sealed. */
export async function sealBlob(key: CryptoKey, b: BlobRecord): Promise<BlobRecord> {
  if (isBlobSealed(b)) return b;
  const name = b.sealedName ? await openJson<string>(key, b.sealedName) : b.name;
  const sealedBytes = b.iv ? { iv: b.iv, ct: new Uint8Array(b.bytes) } : await sealBytes(key, new Uint8Array(b.bytes));
  return { ...b, name: '', sealedName: await sealJson(key, name), bytes: sealedBytes.ct.buffer, iv: sealedBytes.iv };
}

export function isBlobSealed(b: BlobRecord): boolean {
  return Boolean(b.iv && b.sealedName) && b.name === '';
}

/** The attachment's file name (plain records: as stored). */
export async function openBlobName(key: CryptoKey | undefined, b: BlobRecord): Promise<string> {
  if (!b.sealedName) return b.name;
  if (!key) return '';
  return openJson<string>(key, b.sealedName);
}

/** The attachment's plain bytes. */
export async function openBlobBytes(key: CryptoKey, b: BlobRecord): Promise<Uint8Array<ArrayBuffer>> {
  return b.iv ? openBytes(key, b.iv, new Uint8Array(b.bytes)) : new Uint8Array(b.bytes);
}
