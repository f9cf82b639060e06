import type { IDBPDatabase } from 'idb';
import { LOCK_META_KEY } from '../../forms/core/drafts/encryption';
import { LockedError } from '../../forms/core/drafts/locked-error';
import { revisionsToPrune } from '../../forms/core/drafts/revision-policy';
import { isBlobSealed, isDraftSealed, isRevisionSealed } from '../../forms/core/drafts/sealing';
import { StaleRevisionError } from '../../forms/core/drafts/stale-revision';
import { summarize } from '../../forms/core/drafts/summary';
import type { BlobRecord, Draft, DraftSummary, Revision, RevisionReason } from '../../forms/core/drafts/types';
import { openDraftDb, type DraftDb, type OpenOptions } from './draft-db';
import type { DeletedDraft, DraftStore, SaveOptions } from '../../forms/core/drafts/draft-store';
import { bucketOf, emptyBucket, type ListBucket } from './list-index';
import { StorageError, toStorageError } from './storage-error';

/** History is pruned every this many revisions: pruning reads the draft's history, saving must stay fast. */
const PRUNE_EVERY = 10;

function revisionOf(d: Draft, reason: RevisionReason): Revision {
  return {
    draftId: d.id,
    revision: d.revision,
    at: d.updated,
    reason,
    title: d.title,
    packVersion: d.packVersion,
    data: d.data,
    ...(d.sealed ? { sealed: d.sealed } : {}),
  };
}

/**
 * Runs the writes of one transaction and waits for it to commit. A request that throws at once
 * (quota, a transaction already aborted) must not leave the other requests' rejections unhandled,
 * and the transaction is aborted so that nothing of a half-built write is committed.
 */
async function commit(tx: { done: Promise<void>; abort(): void; error: DOMException | null }, build: (w: Write) => void): Promise<void> {
  const writes: Promise<unknown>[] = [];
  try {
    build((p) => writes.push(p));
  } catch (e) {
    for (const w of writes) w.catch(() => undefined);
    let alreadyAborted = false;
    try {
      tx.abort();
    } catch {
      alreadyAborted = true; // the transaction was aborted under us (that is why the request threw)
    }
    await tx.done.catch(() => undefined);
    throw tx.error ?? (alreadyAborted ? new DOMException('The transaction was aborted.', 'AbortError') : e);
  }
  for (const w of writes) w.catch(() => undefined);
  await Promise.all([...writes, tx.done]);
}

/** Registers one request of a transaction with commit(); requests are registered one by one. */
type Write = (request: Promise<unknown>) => void;

/**
 * While encryption is on (the lock is stored) no record may carry plain content: the check runs
 * inside the writing transaction, so a page that never learnt of the lock (another tab turned it on,
 * or this page has no passphrase yet) cannot write beside the sealed copy.
 */
async function refusePlaintext(
  tx: { objectStore(name: 'meta'): { get(key: string): Promise<unknown> }; abort(): void; done: Promise<void> },
  records: { drafts?: readonly Draft[]; revisions?: readonly Revision[]; blobs?: readonly BlobRecord[] },
): Promise<void> {
  const plain =
    (records.drafts ?? []).some((d) => !isDraftSealed(d)) ||
    (records.revisions ?? []).some((r) => !isRevisionSealed(r)) ||
    (records.blobs ?? []).some((b) => !isBlobSealed(b));
  if (!plain) return;
  if ((await tx.objectStore('meta').get(LOCK_META_KEY)) === undefined) return;
  tx.abort();
  await tx.done.catch(() => undefined);
  throw new LockedError();
}

/** The list bucket with this draft's summary set (a new bucket when there was none). */
function withSummary(bucket: ListBucket | undefined, n: number, d: Draft): ListBucket {
  const b = bucket ?? emptyBucket(n);
  b.entries[d.id] = summarize(d);
  return b;
}

const historyRange = (id: string) => IDBKeyRange.bound([id, -Infinity], [id, Infinity]);

/**
 * The IndexedDB draft store. The connection is opened lazily and reopened after a fault, so saving
 * resumes by itself once the cause is gone (another page closed, storage freed).
 */
export class IdbDraftStore implements DraftStore {
  private db: Promise<IDBPDatabase<DraftDb>> | null = null;
  private blocked = false;

  constructor(private readonly opts: Omit<OpenOptions, 'onBlocked' | 'onBlocking' | 'onTerminated'> = {}) {}

  private open(): Promise<IDBPDatabase<DraftDb>> {
    if (this.db) {
      // a pending open held up by an older connection: fail now (data stays in memory), keep waiting
      if (this.blocked) return Promise.reject(new StorageError('blocked'));
      return this.db;
    }
    if (typeof indexedDB === 'undefined' || indexedDB === null) return Promise.reject(new StorageError('unavailable', 'indexedDB is not defined'));
    let pending: Promise<IDBPDatabase<DraftDb>>;
    try {
      pending = openDraftDb({
        ...this.opts,
        onBlocked: () => {
          this.blocked = true;
        },
        onBlocking: () => this.reset(true),
        onTerminated: () => this.reset(false),
      });
    } catch (e) {
      return Promise.reject(toStorageError(e));
    }
    const opening = pending.then(
      (db) => {
        this.blocked = false;
        return db;
      },
      (e: unknown) => {
        if (this.db === opening) this.db = null;
        this.blocked = false;
        throw e instanceof StorageError ? e : toStorageError(e);
      },
    );
    this.db = opening;
    // the blocked event fires asynchronously; give it one turn before the first caller waits forever
    return new Promise<IDBPDatabase<DraftDb>>((resolve, reject) => {
      opening.then(resolve, reject);
      setTimeout(() => {
        if (this.blocked) reject(new StorageError('blocked'));
      }, 50);
    });
  }

  private reset(close: boolean): void {
    const db = this.db;
    this.db = null;
    if (close && db) void db.then((d) => d.close(), () => undefined);
  }

  /** Runs an operation, mapping faults to StorageError and dropping a broken connection. */
  private async run<T>(op: (db: IDBPDatabase<DraftDb>) => Promise<T>): Promise<T> {
    const db = await this.open();
    try {
      return await op(db);
    } catch (e) {
      if (e instanceof StaleRevisionError || e instanceof StorageError || e instanceof LockedError) throw e;
      const cause = (e as { target?: { error?: unknown } } | null)?.target?.error;
      const err = toStorageError(e, cause);
      if (err.kind === 'unavailable') this.reset(true);
      throw err;
    }
  }

  listSummaries(): Promise<DraftSummary[]> {
    return this.run(async (db) => (await db.getAll('listIndex')).flatMap((b) => Object.values(b.entries)));
  }

  getDraft(id: string): Promise<Draft | undefined> {
    return this.run((db) => db.get('drafts', id));
  }

  getAllDrafts(): Promise<Draft[]> {
    return this.run((db) => db.getAll('drafts'));
  }

  saveDraft(draft: Draft, opts: SaveOptions): Promise<Draft> {
    return this.run(async (db) => {
      const tx = db.transaction(['drafts', 'revisions', 'listIndex', 'meta'], 'readwrite');
      const drafts = tx.objectStore('drafts');
      const [stored, bucket] = await Promise.all([drafts.get(draft.id), tx.objectStore('listIndex').get(bucketOf(draft.id))]);
      await refusePlaintext(tx, { drafts: [draft] });
      if (opts.expectedRevision === null ? stored : stored && stored.revision !== opts.expectedRevision && !opts.force) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new StaleRevisionError(opts.expectedRevision ?? 0, stored!);
      }
      // after "keep mine" the write lands on top of the newer revision, so history stays linear
      const toStore: Draft = stored && opts.force && draft.revision <= stored.revision ? { ...draft, revision: stored.revision + 1 } : draft;
      const history = toStore.revision % PRUNE_EVERY === 0 ? await tx.objectStore('revisions').getAll(historyRange(toStore.id)) : [];
      await commit(tx, (w) => {
        w(drafts.put(toStore));
        w(tx.objectStore('revisions').put(revisionOf(toStore, opts.reason)));
        w(tx.objectStore('listIndex').put(withSummary(bucket, bucketOf(toStore.id), toStore)));
        for (const rev of revisionsToPrune(history)) w(tx.objectStore('revisions').delete([toStore.id, rev]));
      });
      return toStore;
    });
  }

  putDrafts(list: readonly Draft[], reason: RevisionReason, blobs: readonly BlobRecord[] = []): Promise<void> {
    return this.run(async (db) => {
      const tx = db.transaction(['drafts', 'revisions', 'listIndex', 'blobs', 'meta'], 'readwrite');
      await refusePlaintext(tx, { drafts: list, blobs });
      const ids = [...new Set(list.map((d) => bucketOf(d.id)))];
      const buckets = new Map<number, ListBucket>();
      for (const [i, b] of (await Promise.all(ids.map((n) => tx.objectStore('listIndex').get(n)))).entries()) buckets.set(ids[i], b ?? emptyBucket(ids[i]));
      for (const d of list) buckets.get(bucketOf(d.id))!.entries[d.id] = summarize(d);
      await commit(tx, (w) => {
        for (const d of list) {
          w(tx.objectStore('drafts').put(d));
          w(tx.objectStore('revisions').put(revisionOf(d, reason)));
        }
        for (const b of buckets.values()) w(tx.objectStore('listIndex').put(b));
        for (const b of blobs) w(tx.objectStore('blobs').put(b));
      });
    });
  }

  deleteDraft(id: string): Promise<DeletedDraft | undefined> {
    return this.run(async (db) => {
      const tx = db.transaction(['drafts', 'revisions', 'listIndex', 'blobs'], 'readwrite');
      const draft = await tx.objectStore('drafts').get(id);
      if (!draft) {
        await tx.done;
        return undefined;
      }
      const revisions = await tx.objectStore('revisions').getAll(historyRange(id));
      const blobs = await tx.objectStore('blobs').index('draftId').getAll(id);
      const bucket = (await tx.objectStore('listIndex').get(bucketOf(id))) ?? emptyBucket(bucketOf(id));
      delete bucket.entries[id];
      await commit(tx, (w) => {
        w(tx.objectStore('drafts').delete(id));
        w(tx.objectStore('listIndex').put(bucket));
        w(tx.objectStore('revisions').delete(historyRange(id)));
        for (const b of blobs) w(tx.objectStore('blobs').delete(b.id));
      });
      return { draft, revisions, blobs };
    });
  }

  undoDelete(deleted: DeletedDraft): Promise<void> {
    return this.run(async (db) => {
      const tx = db.transaction(['drafts', 'revisions', 'listIndex', 'blobs', 'meta'], 'readwrite');
      await refusePlaintext(tx, { drafts: [deleted.draft], revisions: deleted.revisions, blobs: deleted.blobs });
      const bucket = await tx.objectStore('listIndex').get(bucketOf(deleted.draft.id));
      await commit(tx, (w) => {
        w(tx.objectStore('drafts').put(deleted.draft));
        w(tx.objectStore('listIndex').put(withSummary(bucket, bucketOf(deleted.draft.id), deleted.draft)));
        for (const r of deleted.revisions) w(tx.objectStore('revisions').put(r));
        for (const b of deleted.blobs) w(tx.objectStore('blobs').put(b));
      });
    });
  }

  listRevisions(draftId: string): Promise<Revision[]> {
    return this.run(async (db) => (await db.getAll('revisions', historyRange(draftId))).sort((a, b) => b.revision - a.revision));
  }

  putRevisions(revisions: readonly Revision[]): Promise<void> {
    return this.run(async (db) => {
      const tx = db.transaction(['revisions', 'meta'], 'readwrite');
      await refusePlaintext(tx, { revisions });
      await commit(tx, (w) => {
        for (const r of revisions) w(tx.objectStore('revisions').put(r));
      });
    });
  }

  sealDraftRecords(draft: Draft, revisions: readonly Revision[], blobs: readonly BlobRecord[], expectedRevision: number): Promise<void> {
    return this.run(async (db) => {
      const tx = db.transaction(['drafts', 'revisions', 'blobs', 'listIndex'], 'readwrite');
      const [stored, bucket] = await Promise.all([tx.objectStore('drafts').get(draft.id), tx.objectStore('listIndex').get(bucketOf(draft.id))]);
      if (!stored || stored.revision !== expectedRevision) {
        tx.abort();
        await tx.done.catch(() => undefined);
        if (!stored) return; // deleted meanwhile: nothing left to seal
        throw new StaleRevisionError(expectedRevision, stored);
      }
      await commit(tx, (w) => {
        w(tx.objectStore('drafts').put(draft));
        for (const r of revisions) w(tx.objectStore('revisions').put(r));
        for (const b of blobs) w(tx.objectStore('blobs').put(b));
        w(tx.objectStore('listIndex').put(withSummary(bucket, bucketOf(draft.id), draft)));
      });
    });
  }

  putBlob(blob: BlobRecord): Promise<void> {
    return this.run(async (db) => {
      const tx = db.transaction(['blobs', 'meta'], 'readwrite');
      await refusePlaintext(tx, { blobs: [blob] });
      await commit(tx, (w) => w(tx.objectStore('blobs').put(blob)));
    });
  }

  getBlob(id: string): Promise<BlobRecord | undefined> {
    return this.run((db) => db.get('blobs', id));
  }

  listBlobs(draftId: string): Promise<BlobRecord[]> {
    return this.run((db) => db.getAllFromIndex('blobs', 'draftId', draftId));
  }

  getMeta<T>(key: string): Promise<T | undefined> {
    return this.run(async (db) => (await db.get('meta', key)) as T | undefined);
  }

  setMeta(key: string, value: unknown): Promise<void> {
    return this.run(async (db) => {
      await db.put('meta', value, key);
    });
  }

  close(): void {
    this.reset(true);
  }
}
