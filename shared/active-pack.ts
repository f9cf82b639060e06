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
import { fetchBundledPack, readInstalledHint, writeInstalledHint } from './pack-startup';
import { PREVIEW_HINT_KEY } from './local-keys';

export interface PackFile {
  format: 'formkit-pack@1';
  hash: string;
  files: PackFiles;
}

export interface ActivePack {
  pack: Pack;
  hash: string;
  /** `preview`: the bureau's unpublished working copy, shown in its own pages only */
  origin: 'bundled' | 'installed' | 'preview';
}

/** storage.local key of the pack the bureau previews in its own popup and workbench (JSON text) */
export const PREVIEW_PACK_KEY = 'formkit.editor.previewPack';

const previewOn = (): boolean => {
  try {
    return globalThis.localStorage?.getItem(PREVIEW_HINT_KEY) === '1';
  } catch {
    return false;
  }
};

/** Shows `files` in this browser's popup and workbench until the preview ends; nobody else sees it. */
export async function startPreview(files: PackFiles): Promise<void> {
  globalThis.localStorage?.setItem(PREVIEW_HINT_KEY, '1');
  await browser.storage.local.set({ [PREVIEW_PACK_KEY]: packToStored({ format: 'formkit-pack@1', hash: 'preview', files }) });
}
export async function endPreview(): Promise<void> {
  globalThis.localStorage?.removeItem(PREVIEW_HINT_KEY);
  await browser.storage.local.remove(PREVIEW_PACK_KEY);
}
export const isPreviewing = previewOn;

/** storage.local key under which an installed pack file is kept (written by the editor's import). */
export const INSTALLED_PACK_KEY = 'formkit.installedPack';

/**
 * A pack file as storage.local keeps it: JSON text, never the object. Chrome stores objects as
 * base::Value, whose dictionaries are ordered by key, so an object comes back A→Z; a form's field and
 * option order is the schema's key order, and would be lost (canonical sorted JSON is for hashing only).
 */
export const packToStored = (file: PackFile): string => JSON.stringify(file);

/** The pack file from what storage.local returned: text (current), or an object (older installs). */
export function packFromStored<T extends PackFile = PackFile>(raw: unknown): T | undefined {
  let v = raw;
  if (typeof raw === 'string') {
    try {
      v = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const o = v as Partial<PackFile> | null;
  return typeof o === 'object' && o !== null && o.format === 'formkit-pack@1' && typeof o.files === 'object' ? (o as T) : undefined;
}

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
  // a preview is looked for only while the bureau has one on (a synchronous flag): other pages pay nothing
  if (previewOn()) {
    try {
      const preview = packFromStored((await browser.storage.local.get(PREVIEW_PACK_KEY))[PREVIEW_PACK_KEY]);
      if (preview) return activatePack(preview, 'preview');
    } catch {
      // no preview after all: the pack as usual
    }
  }
  if (readInstalledHint() === 'none') return activatePack(await bundled, 'bundled');
  try {
    const stored = await browser.storage.local.get(INSTALLED_PACK_KEY);
    const installed = packFromStored(stored[INSTALLED_PACK_KEY]);
    if (installed) return activatePack(installed, 'installed');
    if (stored[INSTALLED_PACK_KEY] === undefined) writeInstalledHint('none');
  } catch {
    // storage unavailable or the installed pack is malformed: fall back to the bundled pack
  }
  return activatePack(await bundled, 'bundled');
}
