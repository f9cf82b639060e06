import { canonicalJson } from '../pack/pack-hash';
import type { SealedData } from './types';

/**
 * Optional encryption at rest: a passphrase → PBKDF2 (SHA-256) → AES-GCM-256 key, WebCrypto only.
 * The key never leaves memory (non-extractable) and the passphrase is never stored. What is stored is
 * a `LockParams` record: salt, iteration count and a known text sealed with the key, so that a wrong
 * passphrase is refused up front (the GCM tag fails) instead of "decrypting" drafts into garbage.
 */
export const PBKDF2_ITERATIONS = 600_000; // OWASP 2023 recommendation for PBKDF2-HMAC-SHA256

const CHECK_TEXT = 'formkit-drafts-key-check-v1';

/** Where the lock parameters are kept (drafts database, `meta` store). While present, storage refuses plaintext. */
export const LOCK_META_KEY = 'lock';

export interface LockParams {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 salt (16 bytes) */
  salt: string;
  check: SealedData;
}

export class WrongPassphraseError extends Error {
  readonly zh = '密码不正确，草稿仍保持加密，未做任何改动。';
  readonly en = 'Wrong passphrase: the drafts stay locked and nothing was changed.';
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

const subtle = () => globalThis.crypto.subtle;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<{ iv: string; ct: Uint8Array<ArrayBuffer> }> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key, bytes));
  return { iv: toBase64(iv), ct };
}

/** Throws WrongPassphraseError when the key does not open the bytes (GCM authentication failed). */
export async function openBytes(key: CryptoKey, iv: string, ct: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, ct));
  } catch {
    throw new WrongPassphraseError();
  }
}

export async function sealJson(key: CryptoKey, value: unknown): Promise<SealedData> {
  const { iv, ct } = await sealBytes(key, new TextEncoder().encode(canonicalJson(value)));
  return { alg: 'AES-GCM', iv, ct: toBase64(ct) };
}

export async function openJson<T>(key: CryptoKey, sealed: SealedData): Promise<T> {
  const bytes = await openBytes(key, sealed.iv, fromBase64(sealed.ct));
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/** Sets up a new passphrase: the params to store and the key to use for this session. */
export async function createLock(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ params: LockParams; key: CryptoKey }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await sealJson(key, CHECK_TEXT);
  return { params: { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), check }, key };
}

/** The key for a passphrase, or WrongPassphraseError — checked against the stored known text first. */
export async function unlock(params: LockParams, passphrase: string): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, fromBase64(params.salt), params.iterations);
  const text = await openJson<string>(key, params.check);
  if (text !== CHECK_TEXT) throw new WrongPassphraseError();
  return key;
}
