/**
 * The drafts database (IndexedDB via `idb`). Opened only from extension pages and the background —
 * never from a content script, which runs in the portal's origin and must not see drafts
 * (pages and inputs may be hostile).
 *
 * Versions (each upgrade step runs once, in order; tested in storage-upgrade.test.ts):
 *   1: drafts (key id), revisions (key [draftId, revision])
 *   2: blobs (key id, index draftId), summaries (key id; the list reads only these), meta (lock
 *      params, key-value) — summaries are backfilled from the drafts of version 1.
 *   3: listIndex (key bucket) replaces summaries: the list reads 128 bucket records instead of one
 *      record per draft (list-index.ts) — rebuilt from the drafts.
 */
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';
import { summarize } from '../../forms/core/drafts/summary';
import type { BlobRecord, Draft, DraftSummary, Revision } from '../../forms/core/drafts/types';
import { bucketOf, emptyBucket, type ListBucket } from './list-index';

export const DB_NAME = 'formkit-drafts';
export const DB_VERSION = 3;

export interface DraftDb extends DBSchema {
  drafts: { key: string; value: Draft };
  revisions: { key: [string, number]; value: Revision };
  blobs: { key: string; value: BlobRecord; indexes: { draftId: string } };
  /** version 2 only: dropped by version 3 */
  summaries: { key: string; value: DraftSummary };
  meta: { key: string; value: unknown };
  listIndex: { key: number; value: ListBucket };
}

type Upgrade = NonNullable<OpenDBCallbacks<DraftDb>['upgrade']>;

export const upgradeDraftDb: Upgrade = (db, oldVersion, newVersion, tx) => {
  const target = newVersion ?? DB_VERSION;
  if (oldVersion < 1 && target >= 1) {
    db.createObjectStore('drafts', { keyPath: 'id' });
    db.createObjectStore('revisions', { keyPath: ['draftId', 'revision'] });
  }
  if (oldVersion < 2 && target >= 2) {
    db.createObjectStore('blobs', { keyPath: 'id' }).createIndex('draftId', 'draftId');
    const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
    db.createObjectStore('meta');
    // backfill: drafts written by version 1 appear in the list of version 2 (version 3 rebuilds its own)
    if (target === 2) {
      void tx
        .objectStore('drafts')
        .getAll()
        .then((all) => Promise.all(all.map((d) => summaries.put(summarize(d)))));
    }
  }
  if (oldVersion < 3 && target >= 3) {
    if (db.objectStoreNames.contains('summaries')) db.deleteObjectStore('summaries');
    const index = db.createObjectStore('listIndex', { keyPath: 'bucket' });
    void tx
      .objectStore('drafts')
      .getAll()
      .then((all) => {
        const buckets = new Map<number, ListBucket>();
        for (const d of all) {
          const b = bucketOf(d.id);
          if (!buckets.has(b)) buckets.set(b, emptyBucket(b));
          buckets.get(b)!.entries[d.id] = summarize(d);
        }
        return Promise.all([...buckets.values()].map((b) => index.put(b)));
      });
  }
};

export interface OpenOptions {
  name?: string;
  version?: number;
  /** an older connection (another page) keeps this upgrade from running */
  onBlocked?: () => void;
  /** this connection keeps a newer version from opening: it is closed so the other can proceed */
  onBlocking?: () => void;
  onTerminated?: () => void;
}

export function openDraftDb(opts: OpenOptions = {}): Promise<IDBPDatabase<DraftDb>> {
  return openDB<DraftDb>(opts.name ?? DB_NAME, opts.version ?? DB_VERSION, {
    upgrade: upgradeDraftDb,
    blocked: () => opts.onBlocked?.(),
    blocking: () => opts.onBlocking?.(),
    terminated: () => opts.onTerminated?.(),
  });
}
