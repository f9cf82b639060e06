/**
 * What every drafts view of one extension page shares: the store (IndexedDB, opened from this
 * extension page — never from a content script), the tab-sync channel, the journal, and the
 * encryption key once the user has entered the passphrase (memory only, this page only).
 * Tests replace it with `setDraftsEnv()`.
 */
import { createLock, sealBytes, unlock, type LockParams } from '../../core/drafts/encryption';
import { DraftJournal } from '../../core/drafts/journal';
import { sealDraft, sealRevision, unsealDraft } from '../../core/drafts/sealing';
import { openDraftChannel, type DraftChannel } from '../../core/drafts/sync-channel';
import type { Draft } from '../../core/drafts/types';
import type { DraftStore } from '../../../shared/storage/draft-store';
import { IdbDraftStore } from '../../../shared/storage/idb-draft-store';

export const LOCK_META_KEY = 'lock';

export interface DraftsEnv {
  store: DraftStore;
  channel: DraftChannel;
  journal: DraftJournal;
  key?: CryptoKey;
}

let env: DraftsEnv | undefined;

/** Drafts live in the extension's origin only; a content script runs in the portal's page (http/https). */
function assertExtensionPage(): void {
  const protocol = globalThis.location?.protocol ?? '';
  if (protocol === 'http:' || protocol === 'https:') {
    throw new Error('drafts storage may only be opened from extension pages or the background, never from a content script');
  }
}

export function draftsEnv(): DraftsEnv {
  if (!env) {
    assertExtensionPage();
    let kv: Storage | undefined;
    try {
      kv = globalThis.localStorage;
    } catch {
      kv = undefined;
    }
    env = { store: new IdbDraftStore(), channel: openDraftChannel(), journal: new DraftJournal(kv) };
  }
  return env;
}

export function setDraftsEnv(e: DraftsEnv | undefined): void {
  env = e;
  prefetched = undefined;
}

let prefetched: { draftId: string; read: Promise<Draft | undefined> } | undefined;

/**
 * Starts reading a draft while the page is still loading its pack (extension/workbench/main.tsx): the
 * database opens and the record arrives alongside. The editor takes the read once; later opens read afresh.
 */
export function prefetchDraft(draftId: string): void {
  const read = draftsEnv().store.getDraft(draftId);
  read.catch(() => undefined); // a failure is the editor's to report, when it takes the read
  prefetched = { draftId, read };
}

export function takePrefetchedDraft(draftId: string): Promise<Draft | undefined> | undefined {
  const p = prefetched?.draftId === draftId ? prefetched.read : undefined;
  prefetched = undefined;
  return p;
}

export function sealer(e: DraftsEnv): { seal?: (d: Draft) => Promise<Draft>; unseal?: (d: Draft) => Promise<Draft> } {
  const key = e.key;
  if (!key) return {};
  return { seal: (d) => sealDraft(key, d), unseal: (d) => unsealDraft(key, d) };
}

export async function lockParams(e: DraftsEnv): Promise<LockParams | undefined> {
  return e.store.getMeta<LockParams>(LOCK_META_KEY);
}

/** Unlocks with a passphrase; WrongPassphraseError leaves everything as it was. */
export async function unlockDrafts(e: DraftsEnv, passphrase: string): Promise<void> {
  const params = await lockParams(e);
  if (!params) return;
  e.key = await unlock(params, passphrase);
}

/**
 * Turns encryption on: every draft, its history and its attachments are rewritten sealed, then
 * the lock is stored. The key is kept for this page.
 */
export async function enableEncryption(e: DraftsEnv, passphrase: string): Promise<void> {
  const { params, key } = await createLock(passphrase);
  for (const d of await e.store.getAllDrafts()) {
    if (d.sealed) continue;
    await e.store.saveDraft(await sealDraft(key, d), { expectedRevision: d.revision, reason: 'edit', force: true });
    const history = await e.store.listRevisions(d.id);
    await e.store.putRevisions(await Promise.all(history.map((r) => sealRevision(key, r))));
    for (const b of await e.store.listBlobs(d.id)) {
      if (b.iv) continue;
      const { iv, ct } = await sealBytes(key, new Uint8Array(b.bytes));
      await e.store.putBlob({ ...b, bytes: ct.buffer, iv });
    }
  }
  await e.store.setMeta(LOCK_META_KEY, params);
  e.key = key;
}

/** Thrown when an action needs the plain data of a locked draft before the passphrase was entered. */
export class LockedError extends Error {
  readonly zh = '草稿已加密：请先在上方输入密码解锁，再执行此操作。';
  readonly en = 'The draft is encrypted: unlock it with the passphrase above first.';
  constructor() {
    super('locked');
    this.name = 'LockedError';
  }
}
