/**
 * What the editor and the pack installer keep. The installed pack key is the one shared/active-pack.ts
 * reads; the previous installed pack is kept beside it for rollback. Everything is in the extension's
 * own database (shared/storage/extension-store.ts): storage.local is open to content scripts, so a
 * portal page could plant a pack and trusted keys there. (The signing keys: signing-key-store.ts.)
 */
import { browser } from 'wxt/browser';
import { readHistory, type PublishedVersion } from '../../core/editor/publish-history';
import type { PackFiles } from '../../core/pack/types';
import type { TrustedKey } from '../../core/signing/keys';
import type { TrustedKeyUntil } from '../../core/editor/key-rotation';
import type { SignedPackFile } from '../../core/signing/pack-file';
import { verifyPackFile } from '../../core/signing/verify-pack';
import { INSTALLED_PACK_KEY, packFromStored, writeInstalledHint } from '../../../shared/active-pack';
import { extGet, extSet } from '../../../shared/storage/extension-store';

export const PREVIOUS_PACK_KEY = 'formkit.previousPack';
export const WORKING_COPY_KEY = 'formkit.editor.workingCopy';
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


export const loadBureauMode = async () => (await get<boolean>(BUREAU_MODE_KEY)) === true;
export const saveBureauMode = (on: boolean) => set(BUREAU_MODE_KEY, on);

export const loadTrustedKeys = async (): Promise<TrustedKeyUntil[]> => {
  const v = await get<TrustedKeyUntil[]>(TRUSTED_KEYS_KEY);
  return Array.isArray(v) ? v : [];
};
export const saveTrustedKeys = (keys: TrustedKey[]) => set(TRUSTED_KEYS_KEY, keys);

export const loadPackUrl = async () => (await get<string>(PACK_URL_KEY)) ?? '';
export const savePackUrl = (url: string) => set(PACK_URL_KEY, url);

export const loadInstalled = async () => packFromStored<SignedPackFile>(await get<unknown>(INSTALLED_PACK_KEY));
export const loadPrevious = async () => packFromStored<SignedPackFile>(await get<unknown>(PREVIOUS_PACK_KEY)) ?? null;


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

export const PUBLISH_HISTORY_KEY = 'formkit.editor.publishHistory';
export const LAST_PUBLISHED_KEY = 'formkit.editor.lastPublished';

export const loadPublishHistory = async () => readHistory(await get<unknown>(PUBLISH_HISTORY_KEY));

/**
 * Records a signed version: its entry in the history, and the file itself (as text, like every stored
 * pack) so that after a reload the next version is compared with what was really published last.
 */
export async function recordPublished(entry: PublishedVersion, file: SignedPackFile): Promise<PublishedVersion[]> {
  const history = [...(await loadPublishHistory()), entry];
  await extSet({ [PUBLISH_HISTORY_KEY]: history, [LAST_PUBLISHED_KEY]: file });
  return history;
}
export const loadLastPublished = async () => packFromStored<SignedPackFile>(await get<unknown>(LAST_PUBLISHED_KEY));
