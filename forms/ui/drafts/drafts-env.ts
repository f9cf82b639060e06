/**
 * What every drafts view of one extension page shares: the store (IndexedDB, opened from this
 * extension page — never from a content script), the tab-sync channel, the journal, and the
 * encryption key once the user has entered the passphrase (memory only, this page only).
 * Tests replace it with `setDraftsEnv()`.
 */
import { LOCK_META_KEY, unlock, type LockParams } from '../../core/drafts/encryption';
import { enableEncryption as sealEverything, resumeEncryption, type ResumeResult } from '../../core/drafts/encryption-migration';
import { DraftJournal } from '../../core/drafts/journal';
import { LockedError } from '../../core/drafts/locked-error';
import { sealDraft, unsealDraft } from '../../core/drafts/sealing';
import { openDraftChannel, type DraftChannel } from '../../core/drafts/sync-channel';
import type { Draft } from '../../core/drafts/types';
import type { DraftStore } from '../../core/drafts/draft-store';
import { IdbDraftStore } from '../../../shared/storage/idb-draft-store';

export { LOCK_META_KEY, LockedError };

export interface DraftsEnv {
  store: DraftStore;
  channel: DraftChannel;
  journal: DraftJournal;
  key?: CryptoKey;
  /** whether a lock is stored, as last read (undefined: not read yet) — the plain journal is used only when false */
  lockOn?: boolean;
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

/**
 * Sealing with whatever key the page holds at the moment of the write: a page unlocked after it opened
 * a draft seals from then on. Without a key the draft goes out plain and storage refuses it while a
 * lock is stored (LockedError, shown with the passphrase prompt) — a locked page never writes plaintext.
 * Reading a sealed record without a key is refused the same way.
 */
export function sealer(e: DraftsEnv): { seal: (d: Draft) => Promise<Draft>; unseal: (d: Draft) => Promise<Draft> } {
  return {
    seal: (d) => (e.key ? sealDraft(e.key, d) : Promise.resolve(d)),
    unseal: (d) => (!d.sealed ? Promise.resolve(d) : e.key ? unsealDraft(e.key, d) : Promise.reject(new LockedError())),
  };
}

/** Whether this page may keep a plain copy of unsaved edits (journal.ts): only when no lock is stored. */
export const mayJournal = (e: DraftsEnv) => (): boolean => e.lockOn === false && !e.key;

export async function lockParams(e: DraftsEnv): Promise<LockParams | undefined> {
  const p = await e.store.getMeta<LockParams>(LOCK_META_KEY);
  e.lockOn = p !== undefined;
  return p;
}

/**
 * Unlocks with a passphrase (WrongPassphraseError leaves everything as it was), then seals whatever an
 * interrupted switch-on left plain. A storage fault while sealing does not undo the unlock.
 */
export async function unlockDrafts(e: DraftsEnv, passphrase: string): Promise<ResumeResult | undefined> {
  const params = await lockParams(e);
  if (!params) return undefined;
  e.key = await unlock(params, passphrase);
  return resumeEncryption(e.store, e.key).catch(() => undefined);
}

/**
 * Turns encryption on (crash-safe order: encryption-migration.ts). The key is kept for this page even
 * when sealing stops on a fault: the lock is stored by then, and the next unlock finishes the job.
 */
export async function enableEncryption(e: DraftsEnv, passphrase: string, iterations?: number): Promise<void> {
  let key: CryptoKey | undefined;
  try {
    key = await sealEverything(
      {
        getMeta: (k) => e.store.getMeta(k),
        setMeta: async (k, v) => {
          await e.store.setMeta(k, v);
          e.lockOn = true;
        },
        getAllDrafts: () => e.store.getAllDrafts(),
        getDraft: (id) => e.store.getDraft(id),
        listRevisions: (id) => e.store.listRevisions(id),
        listBlobs: (id) => e.store.listBlobs(id),
        sealDraftRecords: (d, r, b, n) => e.store.sealDraftRecords(d, r, b, n),
      },
      passphrase,
      iterations ? { iterations } : {},
    );
  } finally {
    if (!key && e.lockOn) {
      const params = await lockParams(e).catch(() => undefined);
      if (params) e.key = await unlock(params, passphrase).catch(() => undefined);
    }
  }
  e.key = key;
  e.lockOn = true;
}
