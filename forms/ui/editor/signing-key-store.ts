/**
 * Where this browser keeps the bureau's signing keys — the one module that reads or writes them, so
 * that moving them elsewhere (a non-extractable CryptoKey in IndexedDB) changes this file only. The
 * ring holds the key in use and, during a rotation, the next key until a pack has announced it.
 */
import { browser } from 'wxt/browser';
import type { SigningKeys } from '../../core/signing/keys';

export const SIGNING_KEY_KEY = 'formkit.editor.signingKey';
const KEY_RING_KEY = 'formkit.editor.signingKeyRing';

export interface KeyRing {
  current: SigningKeys;
  /** made by a rotation; announced (and then made current) by the next publish */
  next?: SigningKeys;
  /** end of the overlap the announcement gives institutions */
  overlapUntil?: string;
}

export async function loadKeyRing(): Promise<KeyRing | null> {
  const r = await browser.storage.local.get([KEY_RING_KEY, SIGNING_KEY_KEY]);
  const ring = r[KEY_RING_KEY] as KeyRing | undefined;
  if (ring?.current?.privateJwk) return ring;
  // a key stored before rotations existed
  const single = r[SIGNING_KEY_KEY] as SigningKeys | undefined;
  return single?.privateJwk ? { current: single } : null;
}

export const saveKeyRing = (ring: KeyRing) => browser.storage.local.set({ [KEY_RING_KEY]: ring, [SIGNING_KEY_KEY]: ring.current });
