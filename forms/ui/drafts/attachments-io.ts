import { fromBase64, openBytes, sealBytes, toBase64 } from '../../core/drafts/encryption';
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
    out.push({ id: b.id, draftId: b.draftId, name: b.name, type: b.type, size: bytes.length, base64: toBase64(bytes) });
  }
  return out;
}

/** Attachments from an import file as stored records, sealed when encryption is on. */
export async function importAttachments(env: DraftsEnv, list: readonly ExportedAttachment[]): Promise<BlobRecord[]> {
  return Promise.all(
    list.map(async (a) => {
      const plain = fromBase64(a.base64);
      const base = { id: a.id, draftId: a.draftId, name: a.name, type: a.type, size: a.size };
      if (!env.key) return { ...base, bytes: plain.buffer };
      const { iv, ct } = await sealBytes(env.key, plain);
      return { ...base, bytes: ct.buffer, iv };
    }),
  );
}
