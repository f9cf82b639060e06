import type { DraftSummary } from '../../forms/core/drafts/types';

/**
 * The drafts list reads summaries grouped in a fixed number of buckets rather than one record per
 * draft: in Chromium much of the cost of reading 5,000 small records is per record (~300 ms); 128
 * records of ~40 summaries took about half the time of the per-record read, interleaved in one page
 * on a heavily loaded machine. An autosave rewrites only its own bucket (~10 KB at 5,000 drafts).
 * Changing the count moves drafts between buckets: it needs a database version whose upgrade
 * rebuilds the index (draft-db.ts).
 */
export const LIST_BUCKETS = 128;

export interface ListBucket {
  bucket: number;
  entries: Record<string, DraftSummary>;
}

/** A stable bucket for a draft id (string hash). */
export function bucketOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return (h >>> 0) % LIST_BUCKETS;
}

export function emptyBucket(bucket: number): ListBucket {
  return { bucket, entries: {} };
}
