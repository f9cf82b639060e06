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
  try {
    const stored = await browser.storage.local.get(INSTALLED_PACK_KEY);
    const installed = stored[INSTALLED_PACK_KEY] as PackFile | undefined;
    if (installed?.format === 'formkit-pack@1') return activatePack(installed, 'installed');
  } catch {
    // storage unavailable or the installed pack is malformed: fall back to the bundled pack
  }
  return activatePack(await fetchBundledPack(), 'bundled');
}
