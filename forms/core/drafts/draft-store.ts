import type { BlobRecord, Draft, DraftSummary, Revision, RevisionReason } from './types';

/**
 * Everything the UI and the autosave controller need from storage. An interface so that tests (and a
 * future background-hosted store) can stand in, and so faults can be injected. Every method rejects
 * with StorageError on a storage fault, StaleRevisionError on a stale write and LockedError on a
 * plaintext write while encryption is on.
 */
export interface SaveOptions {
  /** the revision this write is based on; null creates a new draft (fails if the id exists) */
  expectedRevision: number | null;
  reason: RevisionReason;
  /** write even over a newer stored revision — only after the user chose "keep mine" */
  force?: boolean;
}

/** A deleted draft with everything that belonged to it, so undo restores it exactly. */
export interface DeletedDraft {
  draft: Draft;
  revisions: Revision[];
  blobs: BlobRecord[];
}

export interface DraftStore {
  listSummaries(): Promise<DraftSummary[]>;
  getDraft(id: string): Promise<Draft | undefined>;
  getAllDrafts(): Promise<Draft[]>;
  /** writes the draft and a revision record atomically; returns what was stored */
  saveDraft(draft: Draft, opts: SaveOptions): Promise<Draft>;
  /** imports drafts (and their attachments) in one transaction: all or none */
  putDrafts(drafts: readonly Draft[], reason: RevisionReason, blobs?: readonly BlobRecord[]): Promise<void>;
  deleteDraft(id: string): Promise<DeletedDraft | undefined>;
  undoDelete(deleted: DeletedDraft): Promise<void>;
  listRevisions(draftId: string): Promise<Revision[]>;
  /** rewrites history records (sealing them when encryption is turned on), in one transaction */
  putRevisions(revisions: readonly Revision[]): Promise<void>;
  /** a draft's sealed records in one transaction (turning encryption on); StaleRevisionError if it changed */
  sealDraftRecords(draft: Draft, revisions: readonly Revision[], blobs: readonly BlobRecord[], expectedRevision: number): Promise<void>;
  putBlob(blob: BlobRecord): Promise<void>;
  getBlob(id: string): Promise<BlobRecord | undefined>;
  listBlobs(draftId: string): Promise<BlobRecord[]>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}
