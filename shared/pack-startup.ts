/**
 * What a page's first script needs of the pack loading, without the pack code itself (parsePack,
 * reference indexes — shared/active-pack.ts): the installed-pack hint and the bundled pack's fetch.
 * The popup reads the hint before its first render and starts the fetch right after it.
 */
import { browser } from 'wxt/browser';
import type { PackFileBody as PackFile } from '../forms/core/signing/pack-file';
import { INSTALLED_HINT_KEY } from './local-keys';

/**
 * A synchronous hint in the extension's localStorage: 'none' once a page has seen that no pack is
 * installed, 'installed' as soon as an install starts. Only 'none' is acted on (pages then skip the
 * ~30 ms storage.local round trip before their first render); anything else, or no
 * localStorage (the service worker), means asking storage as before. An install writes 'installed'
 * before the pack, so the hint can only ever cause a lookup, never hide an installed pack.
 */

export function readInstalledHint(): string | null {
  try {
    return globalThis.localStorage?.getItem(INSTALLED_HINT_KEY) ?? null;
  } catch {
    return null;
  }
}

export function writeInstalledHint(hint: 'none' | 'installed'): void {
  try {
    globalThis.localStorage?.setItem(INSTALLED_HINT_KEY, hint);
  } catch {
    // no localStorage (service worker) or it is full: pages simply keep asking storage
  }
}

export async function fetchBundledPack(): Promise<PackFile> {
  // added to the build by a hook (wxt.config.ts), so not among WXT's typed public paths
  const res = await fetch((browser.runtime.getURL as (path: string) => string)('/pack.json'));
  if (!res.ok) throw new Error(`pack.json: HTTP ${res.status}`);
  return (await res.json()) as PackFile;
}
