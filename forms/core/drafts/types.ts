/**
 * The draft model: what is kept of a user's unfinished document. A draft remembers the pack it was
 * made with (a draft is only read with the pack version it was made with) so that a newer pack migrates it instead of silently reshaping it.
 */
export type DraftStatus = 'valid' | 'has-errors' | 'submitted';

export type DraftData = Record<string, unknown>;

/** Draft data sealed with the user's passphrase key (see crypto.ts); `data` is then `{}`. */
export interface SealedData {
  alg: 'AES-GCM';
  /** base64 of the 12-byte IV */
  iv: string;
  /** base64 of the ciphertext of the canonical JSON of the data */
  ct: string;
}

export interface Draft {
  id: string;
  docId: string;
  packId: string;
  packVersion: string;
  /** shown in the list; derived from the data (institution name) or the document title */
  title: string;
  data: DraftData;
  status: DraftStatus;
  /** ISO timestamps */
  created: string;
  updated: string;
  /** increases by one on every saved change; a write naming an older revision is stale */
  revision: number;
  /** present when the data is encrypted at rest; `data` is then empty and `title` '' until unlocked */
  sealed?: SealedData;
  /** the title sealed on its own, so the list can show it once unlocked without opening the data */
  sealedTitle?: SealedData;
  /** values a pack migration could not carry: shown to the user, never dropped silently */
  notCarried?: NotCarried[];
}

/** Why a revision was recorded: ordinary edits, a restore, an import, a migration, a conflict choice. */
export type RevisionReason = 'edit' | 'restore' | 'import' | 'migration' | 'conflict' | 'create' | 'duplicate';

export interface Revision {
  draftId: string;
  revision: number;
  at: string;
  reason: RevisionReason;
  title: string;
  packVersion: string;
  data: DraftData;
  sealed?: SealedData;
  /** a daily snapshot is kept beyond the last-50 window (see revision-policy.ts) */
  note?: string;
}

export interface NotCarried {
  /** JSON pointer in the old data */
  path: string;
  value: unknown;
  fromVersion: string;
  toVersion: string;
  reason: 'removed' | 'target-occupied' | 'missing-parent';
}

/** An attachment (evidence file) kept beside a draft. */
export interface BlobRecord {
  id: string;
  draftId: string;
  name: string;
  type: string;
  size: number;
  /** raw bytes, or sealed bytes when encrypted */
  bytes: ArrayBuffer;
  iv?: string;
  /** the file name sealed with the draft key; `name` is then '' */
  sealedName?: SealedData;
}

/** What the drafts list needs of a draft — kept in its own store so the list opens fast with thousands. */
export interface DraftSummary {
  id: string;
  docId: string;
  packVersion: string;
  title: string;
  /** searched by the list besides title and document */
  institution: string;
  status: DraftStatus;
  created: string;
  updated: string;
  revision: number;
  locked: boolean;
  /** the sealed title of a locked draft (title is then ''): the list opens it once unlocked */
  sealedTitle?: SealedData;
}
