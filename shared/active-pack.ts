/**
 * The pack every extension page works with: an installed (imported, signature-checked) pack from
 * extension storage if there is one, else the pack bundled with the extension (`/pack.json`).
 * Fetched as data so small pages (the popup) do not carry it in their JavaScript.
 */
import { browser } from 'wxt/browser';
import { useDistrictIndex } from '../forms/core/formats/district';
import { useOccupationIndex } from '../forms/core/formats/occupation-code';
import { parsePack } from '../forms/core/pack/parse-pack';
import type { Pack, PackFiles } from '../forms/core/pack/types';

export interface PackFile {
  format: 'formkit-pack@1';
  hash: string;
  files: PackFiles;
}

export interface ActivePack {
  pack: Pack;
  hash: string;
  origin: 'bundled' | 'installed';
}

/** storage.local key under which an installed pack file is kept (written by the editor's import). */
export const INSTALLED_PACK_KEY = 'formkit.installedPack';

/**
 * A synchronous hint in the extension's localStorage: 'none' once a page has seen that no pack is
 * installed, 'installed' as soon as an install starts. Only 'none' is acted on (pages then skip the
 * ~30 ms storage.local round trip before their first render, issue 9); anything else, or no
 * localStorage (the service worker), means asking storage as before. An install writes 'installed'
 * before the pack, so the hint can only ever cause a lookup, never hide an installed pack.
 */
const INSTALLED_HINT_KEY = 'formkit.installedPack.hint';

function readHint(): string | null {
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

export function activatePack(file: PackFile, origin: ActivePack['origin']): ActivePack {
  const pack = parsePack(file.files);
  const occ = pack.reference['occupations-2022'] as { occupations?: { code: string; name: string }[] } | undefined;
  if (occ?.occupations) useOccupationIndex(occ.occupations);
  const districts = pack.reference.districts as { districts?: { code: string }[] } | undefined;
  if (districts?.districts) useDistrictIndex(districts.districts);
  return { pack, hash: file.hash, origin };
}

export async function fetchBundledPack(): Promise<PackFile> {
  // added to the build by a hook (wxt.config.ts), so not among WXT's typed public paths
  const res = await fetch((browser.runtime.getURL as (path: string) => string)('/pack.json'));
  if (!res.ok) throw new Error(`pack.json: HTTP ${res.status}`);
  return (await res.json()) as PackFile;
}

export async function loadActivePack(): Promise<ActivePack> {
  // asked at once, alongside the storage lookup (pages preload /pack.json: first render, issue 9); an
  // installed pack wins, and the bundled one is then unused
  const bundled = fetchBundledPack();
  bundled.catch(() => undefined);
  if (readHint() === 'none') return activatePack(await bundled, 'bundled');
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
