/**
 * The pack every extension page works with: an installed (imported, signature-checked) pack from
 * extension storage if there is one, else the pack bundled with the extension (`/pack.json`).
 * Fetched as data so small pages (the popup) do not carry it in their JavaScript.
 */
import { browser } from 'wxt/browser';
import { parsePack } from '../forms/core/pack/parse-pack';
import type { Pack } from '../forms/core/pack/types';
import type { PackFileBody as PackFile } from '../forms/core/signing/pack-file';
import { activateReference } from '../forms/core/reference/reference-context';
import { fetchBundledPack, readInstalledHint, writeInstalledHint } from './pack-startup';

export interface ActivePack {
  pack: Pack;
  hash: string;
  origin: 'bundled' | 'installed';
}

/** storage.local key under which an installed pack file is kept (written by the editor's import). */
export const INSTALLED_PACK_KEY = 'formkit.installedPack';

// the 'none' / 'installed' hint that lets pages skip the storage round trip, and the bundled pack's
// fetch, live in shared/pack-startup.ts (a page's first script can use them without the pack code)
export { fetchBundledPack, writeInstalledHint };

export function activatePack(file: PackFile, origin: ActivePack['origin']): ActivePack {
  const pack = parsePack(file.files);
  // the page's format checks (RJSF's branch picks, the first validation) use this pack's lists
  activateReference(pack);
  return { pack, hash: file.hash, origin };
}

/** `bundled`: the bundled pack's fetch when the page has started it already (the popup, after its first frame). */
export async function loadActivePack(bundled: Promise<PackFile> = fetchBundledPack()): Promise<ActivePack> {
  // asked at once, alongside the storage lookup (pages preload /pack.json: first render); an
  // installed pack wins, and the bundled one is then unused
  bundled.catch(() => undefined);
  if (readInstalledHint() === 'none') return activatePack(await bundled, 'bundled');
  try {
    const stored = await browser.storage.local.get(INSTALLED_PACK_KEY);
    const installed = stored[INSTALLED_PACK_KEY] as PackFile | undefined;
    if (installed?.format === 'formkit-pack@1') return activatePack(installed, 'installed');
    if (stored[INSTALLED_PACK_KEY] === undefined) writeInstalledHint('none');
  } catch {
    // storage unavailable or the installed pack is malformed: fall back to the bundled pack
  }
  return activatePack(await bundled, 'bundled');
}
