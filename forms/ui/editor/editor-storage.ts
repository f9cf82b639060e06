/**
 * What the editor and the pack installer keep. The installed pack key is the one shared/active-pack.ts
 * reads; the previous installed pack is kept beside it for rollback. Everything is in the extension's
 * own database (shared/storage/extension-store.ts): storage.local is open to content scripts, so a
 * portal page could read a private key there or plant a pack and trusted keys.
 */
import { browser } from 'wxt/browser';
import type { PackFiles } from '../../core/pack/types';
import { importPrivateKey, isPrivateJwk, keyIdOf, type Ed25519PrivateJwk, type Ed25519PublicJwk, type SigningKeys, type TrustedKey } from '../../core/signing/keys';
import type { SignedPackFile } from '../../core/signing/pack-file';
import { verifyPackFile } from '../../core/signing/verify-pack';
import { INSTALLED_PACK_KEY, writeInstalledHint } from '../../../shared/active-pack';
import { extGet, extSet } from '../../../shared/storage/extension-store';

export const PREVIOUS_PACK_KEY = 'formkit.previousPack';
export const WORKING_COPY_KEY = 'formkit.editor.workingCopy';
export const SIGNING_KEY_KEY = 'formkit.editor.signingKey';
export const BUREAU_MODE_KEY = 'formkit.settings.bureauMode';
export const TRUSTED_KEYS_KEY = 'formkit.settings.trustedKeys';
export const PACK_URL_KEY = 'formkit.settings.packUrl';

export interface WorkingCopy {
  files: PackFiles;
  /** field renames recorded by the field editor, per document (old pointer → new), for migration notes */
  renames: Record<string, Record<string, string>>;
  /** hash of the pack the copy started from */
  baseHash: string;
}

const get = <T>(key: string): Promise<T | undefined> => extGet<T>(key);
const set = (key: string, value: unknown) => extSet({ [key]: value });

/**
 * The bureau's own work moves out of storage.local once (versions before this kept it there): the
 * working copy and the private key. Installed packs, trusted keys and settings are not carried over —
 * anything in storage.local may have been written by a page — and are added again by the user.
 */
async function fromOldLocal<T>(key: string): Promise<T | undefined> {
  try {
    const v = (await browser.storage.local.get(key))[key] as T | undefined;
    if (v !== undefined) await browser.storage.local.remove(key);
    return v;
  } catch {
    return undefined;
  }
}

export async function loadWorkingCopy(): Promise<WorkingCopy | undefined> {
  const v = await get<WorkingCopy>(WORKING_COPY_KEY);
  if (v !== undefined) return v;
  const old = await fromOldLocal<WorkingCopy>(WORKING_COPY_KEY);
  if (old !== undefined) await set(WORKING_COPY_KEY, old);
  return old;
}
export const saveWorkingCopy = (c: WorkingCopy) => set(WORKING_COPY_KEY, c);
export const clearWorkingCopy = () => set(WORKING_COPY_KEY, undefined);

/** The publishing key as kept: the private half a non-extractable CryptoKey (it signs, it cannot be read). */
export interface StoredSigningKey {
  keyId: string;
  publicJwk: Ed25519PublicJwk;
  privateKey: CryptoKey;
}

export async function loadSigningKeys(): Promise<StoredSigningKey | undefined> {
  const v = await get<StoredSigningKey>(SIGNING_KEY_KEY);
  if (v !== undefined) return v;
  const old = await fromOldLocal<SigningKeys>(SIGNING_KEY_KEY);
  return old && isPrivateJwk(old.privateJwk) ? storeSigningJwk(old.privateJwk) : undefined;
}

/** Keeps an imported private JWK as a non-extractable key (the JWK itself is not stored). */
export async function storeSigningJwk(jwk: Ed25519PrivateJwk): Promise<StoredSigningKey> {
  const keyId = await keyIdOf(jwk);
  const k: StoredSigningKey = { keyId, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keyId }, privateKey: await importPrivateKey(jwk) };
  await set(SIGNING_KEY_KEY, k);
  return k;
}

/** A new key pair made in this browser; its private half can never leave it (export the public key to share). */
export async function generateStoredSigningKey(): Promise<StoredSigningKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const pub = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey;
  const keyId = await keyIdOf({ x: pub.x! });
  const k: StoredSigningKey = { keyId, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: pub.x!, kid: keyId }, privateKey: pair.privateKey };
  await set(SIGNING_KEY_KEY, k);
  return k;
}

export const loadBureauMode = async () => (await get<boolean>(BUREAU_MODE_KEY)) === true;
export const saveBureauMode = (on: boolean) => set(BUREAU_MODE_KEY, on);

export const loadTrustedKeys = async () => {
  const v = await get<TrustedKey[]>(TRUSTED_KEYS_KEY);
  return Array.isArray(v) ? v : [];
};
export const saveTrustedKeys = (keys: TrustedKey[]) => set(TRUSTED_KEYS_KEY, keys);

export const loadPackUrl = async () => (await get<string>(PACK_URL_KEY)) ?? '';
export const savePackUrl = (url: string) => set(PACK_URL_KEY, url);

export const loadInstalled = () => get<SignedPackFile>(INSTALLED_PACK_KEY);
export const loadPrevious = () => get<SignedPackFile | null>(PREVIOUS_PACK_KEY);

/** Installs a verified pack; the one it replaces (or "bundled", stored as null) is kept for rollback. */
export async function installPack(file: SignedPackFile): Promise<void> {
  const current = (await loadInstalled()) ?? null;
  writeInstalledHint('installed'); // before the pack: pages must not skip looking for it (shared/active-pack.ts)
  await extSet({ [PREVIOUS_PACK_KEY]: current, [INSTALLED_PACK_KEY]: file });
}

export class RollbackRefusedError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'RollbackRefusedError';
  }
}

/**
 * Back to the pack before the last install (the bundled one when the previous was bundled). The previous
 * pack is verified again against today's trusted keys: a key removed since must not come back with it.
 */
export async function rollbackPack(): Promise<void> {
  const previous = await loadPrevious();
  if (previous) {
    const v = await verifyPackFile(previous, await loadTrustedKeys());
    if (!v.ok) throw new RollbackRefusedError(`无法恢复上一个文书包：${v.zh}`, `The previous pack cannot be restored: ${v.en}`);
  }
  const current = (await loadInstalled()) ?? null;
  writeInstalledHint('installed');
  // the next page that finds no pack writes 'none' again
  await extSet({ [INSTALLED_PACK_KEY]: previous ?? undefined, [PREVIOUS_PACK_KEY]: current });
}
