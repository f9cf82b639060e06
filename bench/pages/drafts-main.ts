/**
 * The drafts page (plain local page, real Chromium IndexedDB): the kit's IdbDraftStore saving the
 * bench document (50 occupation rows) edit after edit, then 5,000 drafts imported and the list read
 * back (summaries + the list's sort/filter). Results land in window.__draftsBench.
 */
import { createDraft, withEdit } from '../../forms/core/drafts/draft-model';
import type { Draft } from '../../forms/core/drafts/types';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

interface DraftsFixture {
  docId: string;
  docTitle: string;
  packId: string;
  packVersion: string;
  data: Record<string, unknown>;
  /** a typical draft (the valid sample) for the 5,000-draft list */
  small: Record<string, unknown>;
  saves: number;
  listSize: number;
}

declare global {
  interface Window {
    __draftsBench?: { saves: number[]; importMs: number; list: number[]; listed: number; error?: string };
  }
}

const fx = (await (await fetch('./fixture.json')).json()) as DraftsFixture;
try {
  const name = `bench-${Date.now()}`;
  const store = new IdbDraftStore({ name });
  const base = { docId: fx.docId, docTitle: fx.docTitle, packId: fx.packId, packVersion: fx.packVersion };
  let d: Draft = await store.saveDraft(createDraft({ ...base, data: fx.data }), { expectedRevision: null, reason: 'create' });
  const saves: number[] = [];
  for (let i = 0; i < fx.saves; i++) {
    const contact = { ...(fx.data.contact as object), position: `经理${i}` };
    const next = withEdit(d, { ...fx.data, contact }, fx.docTitle, 'valid');
    const t0 = performance.now();
    d = await store.saveDraft(next, { expectedRevision: d.revision, reason: 'edit' });
    saves.push(performance.now() - t0);
  }
  const many: Draft[] = [];
  const t = Date.UTC(2025, 0, 1);
  for (let i = 0; i < fx.listSize; i++) {
    const inst = { ...(fx.small.institution as object), name: `上海示例企业${i}有限公司` };
    many.push(createDraft({ ...base, data: { ...fx.small, institution: inst }, now: new Date(t + i * 60000) }));
  }
  const t1 = performance.now();
  await store.putDrafts(many, 'import');
  const importMs = performance.now() - t1;
  store.close();
  // opening the list: a fresh connection (as a newly opened page has), summaries read and sorted newest first
  const list: number[] = [];
  let listed = 0;
  for (let i = 0; i < 5; i++) {
    const fresh = new IdbDraftStore({ name });
    const t2 = performance.now();
    const summaries = await fresh.listSummaries();
    summaries.sort((a, b) => (a.updated < b.updated ? 1 : -1));
    list.push(performance.now() - t2);
    listed = summaries.length;
    fresh.close();
  }
  window.__draftsBench = { saves, importMs, list, listed };
} catch (e) {
  window.__draftsBench = { saves: [], importMs: NaN, list: [], listed: 0, error: String((e as Error).stack ?? e) };
}
