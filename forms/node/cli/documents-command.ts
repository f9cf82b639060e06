import type { Pack } from '../../core/pack/types';

export interface DocumentListing {
  id: string;
  title: string;
  version: string;
}

/** id, title and version of each document (a document without its own `x-version` has the pack's). */
export function listDocuments(pack: Pack): DocumentListing[] {
  return pack.manifest.documents.map((id) => {
    const schema = pack.documents[id]?.schema ?? {};
    const version = schema['x-version'] ?? schema.version ?? pack.manifest.version;
    return { id, title: String(schema.title ?? id), version: String(version) };
  });
}

export function documentsCommand(pack: Pack, json: boolean): { out: string; code: number } {
  const docs = listDocuments(pack);
  if (json) return { out: JSON.stringify(docs, null, 2), code: 0 };
  const width = Math.max(...docs.map((d) => d.id.length));
  return { out: docs.map((d) => `${d.id.padEnd(width)}  ${d.version}  ${d.title}`).join('\n'), code: 0 };
}
