/**
 * What the editor and the pack installer keep in extension storage. The installed pack key is the one
 * shared/active-pack.ts reads; the previous installed pack is kept beside it for rollback. Anything that
 * holds pack files (installed, previous, working copy) is stored as JSON text: storage.local would give
 * an object back with its keys sorted (see packToStored), and key order is field order.
 */
import { browser } from 'wxt/browser';
import { readHistory, type PublishedVersion } from '../../core/editor/publish-history';
import type { PackFiles } from '../../core/pack/types';
import type { TrustedKey } from '../../core/signing/keys';
import type { TrustedKeyUntil } from '../../core/editor/key-rotation';
import type { SignedPackFile } from '../../core/signing/pack-file';
import { INSTALLED_PACK_KEY, packFromStored, packToStored, writeInstalledHint } from '../../../shared/active-pack';

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

async function get<T>(key: string): Promise<T | undefined> {
  const r = await browser.storage.local.get(key);
  return r[key] as T | undefined;
}
const set = (key: string, value: unknown) => browser.storage.local.set({ [key]: value });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The working copy, or undefined when there is none or it cannot be read (the editor then starts afresh). */
export async function loadWorkingCopy(): Promise<WorkingCopy | undefined> {
  const raw = await get<unknown>(WORKING_COPY_KEY);
  let v = raw;
  if (typeof raw === 'string') {
    try {
      v = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return isObj(v) && isObj(v.files) ? (v as unknown as WorkingCopy) : undefined;
}
export const saveWorkingCopy = (c: WorkingCopy) => set(WORKING_COPY_KEY, JSON.stringify(c));
export const clearWorkingCopy = () => browser.storage.local.remove(WORKING_COPY_KEY);


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

const stored = (file: SignedPackFile | null) => (file ? packToStored(file) : null);

/** Installs a verified pack; the one it replaces (or "bundled", stored as null) is kept for rollback. */
export async function installPack(file: SignedPackFile): Promise<void> {
  const current = (await loadInstalled()) ?? null;
  writeInstalledHint('installed'); // before the pack: pages must not skip looking for it (shared/active-pack.ts)
  await browser.storage.local.set({ [PREVIOUS_PACK_KEY]: stored(current), [INSTALLED_PACK_KEY]: packToStored(file) });
}

/** Back to the pack before the last install (the bundled one when the previous was bundled). */
export async function rollbackPack(): Promise<void> {
  const previous = await loadPrevious();
  const current = (await loadInstalled()) ?? null;
  writeInstalledHint('installed');
  if (previous) await browser.storage.local.set({ [INSTALLED_PACK_KEY]: stored(previous), [PREVIOUS_PACK_KEY]: stored(current) });
  else {
    // the next page that finds no pack writes 'none' again
    await browser.storage.local.remove(INSTALLED_PACK_KEY);
    await browser.storage.local.set({ [PREVIOUS_PACK_KEY]: stored(current) });
  }
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
  await browser.storage.local.set({ [PUBLISH_HISTORY_KEY]: history, [LAST_PUBLISHED_KEY]: packToStored(file) });
  return history;
}
export const loadLastPublished = async () => packFromStored<SignedPackFile>(await get<unknown>(LAST_PUBLISHED_KEY));
