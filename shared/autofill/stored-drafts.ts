/**
 * Drafts from the drafts store (shared/storage, IndexedDB), read in the background so the popup
 * does not carry the store's code. Encrypted drafts stay locked here: the passphrase is entered in
 * the workbench, never in the background.
 */
import type { AutofillDraft, AutofillFailureReason } from '../../forms/core/fill/messages';
import { IdbDraftStore } from '../storage/idb-draft-store';

let store: IdbDraftStore | null = null;
const open = () => (store ??= new IdbDraftStore());

export async function storedDraftList(): Promise<Array<{ id: string; docId: string; title: string; updated: string; locked: boolean }>> {
  const list = await open().listSummaries();
  return list
    .map(({ id, docId, title, updated, locked }) => ({ id, docId, title, updated, locked }))
    .sort((a, b) => b.updated.localeCompare(a.updated));
}

export async function storedDraft(id: string): Promise<AutofillDraft | AutofillFailureReason> {
  let d;
  try {
    d = await open().getDraft(id);
  } catch {
    return 'no-draft';
  }
  if (!d) return 'no-draft';
  if (d.sealed) return 'draft-locked';
  return { docId: d.docId, data: d.data, title: d.title };
}

/** Largest material sent to a page (a message carries it as base64 text). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * A stored attachment's bytes as base64, for an upload; null when missing, too large, or sealed
 * (an encrypted draft's files stay locked: the passphrase is entered in the workbench only).
 */
export async function blobBase64(blobId: string): Promise<string | null> {
  let b;
  try {
    b = await open().getBlob(blobId);
  } catch {
    return null;
  }
  if (!b || b.iv || b.bytes.byteLength > MAX_UPLOAD_BYTES) return null;
  const bytes = new Uint8Array(b.bytes);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
