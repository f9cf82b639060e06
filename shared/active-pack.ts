/**
 * The pack every extension page works with: an installed (imported, signature-checked) pack from
 * extension storage if there is one, else the pack bundled with the extension (`/pack.json`).
 * Fetched as data so small pages (the popup) do not carry it in their JavaScript.
 */
import { useDistrictIndex } from '../forms/core/formats/district';
import { useOccupationIndex } from '../forms/core/formats/occupation-code';
import { parsePack } from '../forms/core/pack/parse-pack';
import type { Pack, PackFiles } from '../forms/core/pack/types';
import { fetchBundledPack, readInstalledHint, writeInstalledHint } from './pack-startup';
import { extGet } from './storage/extension-store';

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

/**
 * Key under which an installed pack file is kept (written by the editor's import), in the extension's
 * own database (shared/storage/extension-store.ts) — never in storage.local, which content scripts can write.
 */
export const INSTALLED_PACK_KEY = 'formkit.installedPack';

// the 'none' / 'installed' hint that lets pages skip the storage round trip, and the bundled pack's
// fetch, live in shared/pack-startup.ts (a page's first script can use them without the pack code)
export { fetchBundledPack, writeInstalledHint };

export function activatePack(file: PackFile, origin: ActivePack['origin']): ActivePack {
  const pack = parsePack(file.files);
  const occ = pack.reference['occupations-2022'] as { occupations?: { code: string; name: string }[] } | undefined;
  if (occ?.occupations) useOccupationIndex(occ.occupations);
  const districts = pack.reference.districts as { districts?: { code: string }[] } | undefined;
  if (districts?.districts) useDistrictIndex(districts.districts);
  return { pack, hash: file.hash, origin };
}

/** `bundled`: the bundled pack's fetch when the page has started it already (the popup, after its first frame). */
export async function loadActivePack(bundled: Promise<PackFile> = fetchBundledPack()): Promise<ActivePack> {
  // asked at once, alongside the storage lookup (pages preload /pack.json: first render, issue 9); an
  // installed pack wins, and the bundled one is then unused
  bundled.catch(() => undefined);
  if (readInstalledHint() === 'none') return activatePack(await bundled, 'bundled');
  try {
    const installed = await extGet<PackFile>(INSTALLED_PACK_KEY);
    if (installed?.format === 'formkit-pack@1') return activatePack(installed, 'installed');
    if (installed === undefined) writeInstalledHint('none');
  } catch {
    // storage unavailable or the installed pack is malformed: fall back to the bundled pack
  }
  return activatePack(await bundled, 'bundled');
}
