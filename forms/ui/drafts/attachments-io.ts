import { fromBase64, openBytes, toBase64 } from '../../core/drafts/encryption';
import { openBlobName, sealBlob } from '../../core/drafts/sealing';
import type { ExportedAttachment } from '../../core/drafts/export-format';
import type { BlobRecord } from '../../core/drafts/types';
import type { DraftsEnv } from './drafts-env';

/** A draft's attachments as they go into an export file: unsealed (the key must be present), base64. */
export async function exportAttachments(env: DraftsEnv, draftId: string): Promise<ExportedAttachment[]> {
  const out: ExportedAttachment[] = [];
  for (const b of await env.store.listBlobs(draftId)) {
    let bytes = new Uint8Array(b.bytes);
    if (b.iv) {
      if (!env.key) continue; // locked: the list asks for the passphrase before exporting
      bytes = await openBytes(env.key, b.iv, bytes);
    }
    out.push({ id: b.id, draftId: b.draftId, name: await openBlobName(env.key, b), type: b.type, size: bytes.length, base64: toBase64(bytes) });
  }
  return out;
}

/** Attachments from an import file as stored records, sealed (bytes and name) when this page holds the key. */
export async function importAttachments(env: DraftsEnv, list: readonly ExportedAttachment[]): Promise<BlobRecord[]> {
  return Promise.all(
    list.map(async (a) => {
      const plain = fromBase64(a.base64);
      const base = { id: a.id, draftId: a.draftId, name: a.name, type: a.type, size: a.size };
      const record: BlobRecord = { ...base, bytes: plain.buffer };
      return env.key ? sealBlob(env.key, record) : record;
    }),
  );
}
