/**
 * Where this browser keeps the bureau's signing keys — the one module that reads or writes them, so
 * that moving them elsewhere changes this file only. They live in the extension origin's IndexedDB
 * (shared/storage/extension-store.ts), never in storage.local, which content scripts can read. The private
 * half stays a JWK so the bureau can export it encrypted (key-backup.ts). The ring holds the key in use and, during a rotation, the next key until a pack has announced it.
 */
import { browser } from 'wxt/browser';
import type { SigningKeys } from '../../core/signing/keys';
import { extGet, extSet } from '../../../shared/storage/extension-store';

export const SIGNING_KEY_KEY = 'formkit.editor.signingKey';
const KEY_RING_KEY = 'formkit.editor.signingKeyRing';

export interface KeyRing {
  current: SigningKeys;
  /** made by a rotation; announced (and then made current) by the next publish */
  next?: SigningKeys;
  /** end of the overlap the announcement gives institutions */
  overlapUntil?: string;
}

/** A key an older version kept in storage.local: moved once into the extension's database and removed there. */
async function fromOldLocal(): Promise<SigningKeys | undefined> {
  try {
    const v = (await browser.storage.local.get(SIGNING_KEY_KEY))[SIGNING_KEY_KEY] as SigningKeys | undefined;
    if (v !== undefined) await browser.storage.local.remove(SIGNING_KEY_KEY);
    return v?.privateJwk ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function loadKeyRing(): Promise<KeyRing | null> {
  const ring = await extGet<KeyRing>(KEY_RING_KEY);
  if (ring?.current?.privateJwk) return ring;
  const old = await fromOldLocal();
  if (!old) return null;
  const moved: KeyRing = { current: old };
  await saveKeyRing(moved);
  return moved;
}

export const saveKeyRing = (ring: KeyRing) => extSet({ [KEY_RING_KEY]: ring });
