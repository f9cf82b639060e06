/**
 * The pack every extension page works with: an installed (imported, signature-checked) pack from
 * extension storage if there is one, else the pack bundled with the extension (`/pack.json`).
 * Fetched as data so small pages (the popup) do not carry it in their JavaScript.
 */
import { parsePack } from '../forms/core/pack/parse-pack';
import type { Pack, PackFiles } from '../forms/core/pack/types';
import type { PackFileBody as PackFile } from '../forms/core/signing/pack-file';
import { activateReference } from '../forms/core/reference/reference-context';
import { fetchBundledPack, readInstalledHint, writeInstalledHint } from './pack-startup';
import { extGet, extSet } from './storage/extension-store';
import { PREVIEW_HINT_KEY } from './local-keys';

export interface ActivePack {
  pack: Pack;
  hash: string;
  /** `preview`: the bureau's unpublished working copy, shown in its own pages only */
  origin: 'bundled' | 'installed' | 'preview';
}

/** Key of the pack the bureau previews in its own popup and workbench (the extension's database, like every pack) */
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
  await extSet({ [PREVIEW_PACK_KEY]: { format: 'formkit-pack@1', hash: 'preview', files } });
}
export async function endPreview(): Promise<void> {
  globalThis.localStorage?.removeItem(PREVIEW_HINT_KEY);
  await extSet({ [PREVIEW_PACK_KEY]: undefined });
}
export const isPreviewing = previewOn;

/**
 * Key under which an installed pack file is kept (written by the editor's import), in the extension's
 * own database (shared/storage/extension-store.ts) — never in storage.local, which content scripts can write.
 */
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
  // the page's format checks (RJSF's branch picks, the first validation) use this pack's lists
  activateReference(pack);
  return { pack, hash: file.hash, origin };
}

/** `bundled`: the bundled pack's fetch when the page has started it already (the popup, after its first frame). */
export async function loadActivePack(bundled: Promise<PackFile> = fetchBundledPack()): Promise<ActivePack> {
  // asked at once, alongside the storage lookup (pages preload /pack.json: first render); an
  // installed pack wins, and the bundled one is then unused
  bundled.catch(() => undefined);
  // a preview is looked for only while the bureau has one on (a synchronous flag): other pages pay nothing
  if (previewOn()) {
    try {
      const preview = packFromStored(await extGet<unknown>(PREVIEW_PACK_KEY));
      if (preview) return activatePack(preview, 'preview');
    } catch {
      // no preview after all: the pack as usual
    }
  }
  if (readInstalledHint() === 'none') return activatePack(await bundled, 'bundled');
  try {
    const raw = await extGet<unknown>(INSTALLED_PACK_KEY);
    const installed = packFromStored(raw);
    if (installed) return activatePack(installed, 'installed');
    if (raw === undefined) writeInstalledHint('none');
  } catch {
    // storage unavailable or the installed pack is malformed: fall back to the bundled pack
  }
  return activatePack(await bundled, 'bundled');
}
