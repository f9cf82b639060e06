import { createLock, LOCK_META_KEY, PBKDF2_ITERATIONS, unlock, WrongPassphraseError, type LockParams } from './encryption';
import { isBlobSealed, isDraftSealed, isRevisionSealed, sealBlob, sealDraft, sealRevision, unsealDraft } from './sealing';
import { StaleRevisionError } from './stale-revision';
import type { BlobRecord, Draft, Revision } from './types';

/**
 * Turning encryption at rest on, in an order that survives being cut off at any point (a closed tab,
 * a full disk, an aborted transaction):
 *  1. the lock parameters (salt, iterations, key check) are stored first — from then on every sealed
 *     record can be opened with the passphrase, and storage refuses plaintext writes;
 *  2. each draft is sealed together with its history and attachments in one transaction, so a draft
 *     is either wholly plain (readable without the key) or wholly sealed (readable with it);
 *  3. whatever is still plain is sealed after the next unlock (`resumeEncryption`).
 */
export interface EncryptionStore {
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  getAllDrafts(): Promise<Draft[]>;
  getDraft(id: string): Promise<Draft | undefined>;
  listRevisions(draftId: string): Promise<Revision[]>;
  listBlobs(draftId: string): Promise<BlobRecord[]>;
  /** writes a draft's sealed records in one transaction; StaleRevisionError when the draft changed since it was read */
  sealDraftRecords(draft: Draft, revisions: readonly Revision[], blobs: readonly BlobRecord[], expectedRevision: number): Promise<void>;
}

/** Stores the lock (or unlocks the one already stored), then seals everything; returns the key. */
export async function enableEncryption(store: EncryptionStore, passphrase: string, opts: { iterations?: number } = {}): Promise<CryptoKey> {
  const existing = await store.getMeta<LockParams>(LOCK_META_KEY);
  let key: CryptoKey;
  if (existing) key = await unlock(existing, passphrase);
  else {
    const lock = await createLock(passphrase, opts.iterations ?? PBKDF2_ITERATIONS);
    await store.setMeta(LOCK_META_KEY, lock.params);
    key = lock.key;
  }
  await resumeEncryption(store, key);
  return key;
}

export interface ResumeResult {
  /** drafts sealed by this call */
  sealed: number;
  /** sealed drafts this key does not open (left untouched, never rewritten) */
  unreadable: string[];
}

/** Seals every record still stored in plain text. Safe to run again at any time; rejects on a storage fault. */
export async function resumeEncryption(store: EncryptionStore, key: CryptoKey): Promise<ResumeResult> {
  const out: ResumeResult = { sealed: 0, unreadable: [] };
  for (const listed of await store.getAllDrafts()) {
    let d: Draft | undefined = listed;
    // a draft saved by another tab meanwhile is read again; three tries, then the next unlock goes on
    for (let attempt = 0; attempt < 3 && d; attempt++) {
      const [revisions, blobs] = await Promise.all([store.listRevisions(d.id), store.listBlobs(d.id)]);
      const plainRevisions = revisions.filter((r) => !isRevisionSealed(r));
      const plainBlobs = blobs.filter((b) => !isBlobSealed(b));
      if (isDraftSealed(d) && plainRevisions.length === 0 && plainBlobs.length === 0) break;
      let sealedDraft: Draft, sealedRevisions: Revision[], sealedBlobs: BlobRecord[];
      try {
        sealedDraft = isDraftSealed(d) ? d : await sealDraft(key, await unsealDraft(key, d));
        sealedRevisions = await Promise.all(plainRevisions.map((r) => sealRevision(key, r)));
        sealedBlobs = await Promise.all(plainBlobs.map((b) => sealBlob(key, b)));
      } catch (e) {
        if (!(e instanceof WrongPassphraseError)) throw e;
        out.unreadable.push(d.id);
        break;
      }
      try {
        await store.sealDraftRecords(sealedDraft, sealedRevisions, sealedBlobs, d.revision);
        out.sealed++;
        break;
      } catch (e) {
        if (!(e instanceof StaleRevisionError)) throw e;
        d = await store.getDraft(d.id);
      }
    }
  }
  return out;
}

/** True when some record is still plain (the list offers to finish the job after unlocking). */
export async function encryptionPending(store: EncryptionStore): Promise<boolean> {
  return (await store.getAllDrafts()).some((d) => !isDraftSealed(d));
}
