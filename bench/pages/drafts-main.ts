/**
 * The drafts page (plain local page, real Chromium IndexedDB) running the drafts part's own bench
 * hooks (forms/ui/drafts/bench-hooks.ts) on the kit's IdbDraftStore: autosave writes of the bench
 * document (50 occupation rows), then the list opened with 5,000 drafts. Results land in
 * window.__draftsBench.
 */
import { benchOpenList, benchSaveLargest, seedDrafts } from '../../forms/ui/drafts/bench-hooks';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

interface DraftsFixture {
  docId: string;
  docTitle: string;
  data: Record<string, unknown>;
  /** a typical draft (the valid sample) for the 5,000-draft list */
  small: Record<string, unknown>;
  saves: number;
  listSize: number;
  listRuns: number;
}

declare global {
  interface Window {
    __draftsBench?: { saves: number[]; seedMs: number; list: number[]; listed: number; error?: string };
  }
}

const fx = (await (await fetch('./fixture.json')).json()) as DraftsFixture;
try {
  const name = `bench-${Date.now()}`;
  const saveStore = new IdbDraftStore({ name: `${name}-save` });
  const save = await benchSaveLargest(saveStore, fx.data, fx.saves);
  saveStore.close();
  const store = new IdbDraftStore({ name });
  const t0 = performance.now();
  await seedDrafts(store, fx.listSize, fx.small, fx.docId);
  const seedMs = performance.now() - t0;
  store.close();
  // a fresh connection, as a newly opened drafts page has
  const fresh = new IdbDraftStore({ name });
  const list = await benchOpenList(fresh, { [fx.docId]: fx.docTitle }, fx.listRuns);
  const listed = (await fresh.listSummaries()).length;
  fresh.close();
  window.__draftsBench = { saves: save.samples, seedMs, list: list.samples, listed };
} catch (e) {
  window.__draftsBench = { saves: [], seedMs: NaN, list: [], listed: 0, error: String((e as Error).stack ?? e) };
}
