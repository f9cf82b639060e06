/**
 * The drafts of some documents, read from this page's drafts store for a list filled from another
 * document (rows-from-document.ts). Encrypted drafts are read with the key the page holds; without
 * one they are counted, so the user is told to unlock rather than that none exists.
 */
import { draftsEnv, sealer } from '../drafts/drafts-env';
import type { StoredDocuments } from '../theme/form-context';

export async function readStoredDocuments(docIds: readonly string[]): Promise<StoredDocuments> {
  const env = draftsEnv();
  const wanted = new Set(docIds);
  const summaries = (await env.store.listSummaries()).filter((s) => wanted.has(s.docId));
  const { unseal } = sealer(env);
  const out: StoredDocuments = { drafts: [], locked: 0 };
  for (const s of summaries) {
    const stored = await env.store.getDraft(s.id);
    if (!stored) continue;
    if (stored.sealed && !env.key) {
      out.locked += 1;
      continue;
    }
    const d = await unseal(stored);
    out.drafts.push({ id: d.id, docId: d.docId, title: d.title, updated: d.updated, data: d.data });
  }
  out.drafts.sort((a, b) => b.updated.localeCompare(a.updated));
  return out;
}
