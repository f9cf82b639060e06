/** Autosave: debounce ≤ 500 ms, flush on demand, two tabs on one draft (sync, stale write, choice), journal. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { AutosaveController, MAX_DEBOUNCE_MS } from '../../forms/core/drafts/autosave';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { DraftJournal, type SyncKeyValue } from '../../forms/core/drafts/journal';
import { openDraft } from '../../forms/core/drafts/open-draft';
import { openDraftChannel } from '../../forms/core/drafts/sync-channel';
import type { Draft } from '../../forms/core/drafts/types';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

const pack = parsePack(readPackDir('schemas'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(5);
  }
};

let store: IdbDraftStore;
let draft: Draft;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = new IdbDraftStore({ name: 'auto' });
  draft = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案' });
  await store.saveDraft(draft, { expectedRevision: null, reason: 'create' });
});

describe('autosave', () => {
  it('writes a change within the debounce (never more than 500 ms), once for a burst of typing', async () => {
    const ctl = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 10_000 });
    expect(MAX_DEBOUNCE_MS).toBeLessThanOrEqual(500);
    const t0 = Date.now();
    for (const name of ['上', '上海', '上海示例']) ctl.update({ institution: { name } });
    expect(ctl.getState().status).toBe('saving');
    await until(() => ctl.getState().status === 'saved');
    expect(Date.now() - t0).toBeLessThan(MAX_DEBOUNCE_MS + 1000);
    const stored = await store.getDraft(draft.id);
    expect(stored).toMatchObject({ revision: 2, title: '上海示例', data: { institution: { name: '上海示例' } } });
    ctl.dispose();
  });

  it('flush() writes at once (what pagehide calls)', async () => {
    const ctl = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 400 });
    ctl.update({ institution: { name: '甲' } });
    await ctl.flush();
    expect((await store.getDraft(draft.id))?.data).toEqual({ institution: { name: '甲' } });
    ctl.dispose();
  });

  it('a second tab takes the first tab’s saves when it has nothing unsaved', async () => {
    const a = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 5, channel: openDraftChannel('t1') });
    const seen: Draft[] = [];
    const bChannel = openDraftChannel('t1');
    const b = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 5, channel: bChannel, onRemoteData: (d) => seen.push(d) });
    a.update({ institution: { name: '来自甲页' } });
    await a.flush();
    await until(() => seen.length > 0);
    expect(seen[0].data).toEqual({ institution: { name: '来自甲页' } });
    expect(b.getState().revision).toBe(2);
    // b's next edit is based on the revision it took, so it is not stale
    b.update({ institution: { name: '来自乙页' } });
    await b.flush();
    expect(b.getState().status).toBe('saved');
    a.dispose();
    b.dispose();
    bChannel.close();
  });

  it('a write against a stale revision is detected, nothing is overwritten, and the user chooses', async () => {
    const a = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 5 });
    const b = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 5 });
    a.update({ institution: { name: '甲的版本' } });
    await a.flush();
    b.update({ institution: { name: '乙的版本' } });
    await b.flush();
    const st = b.getState();
    expect(st.status).toBe('conflict');
    expect(st.conflict?.mine).toEqual({ institution: { name: '乙的版本' } });
    expect(st.conflict?.theirs.data).toEqual({ institution: { name: '甲的版本' } });
    expect((await store.getDraft(draft.id))?.data).toEqual({ institution: { name: '甲的版本' } });

    await b.keepMine();
    expect(b.getState().status).toBe('saved');
    const stored = await store.getDraft(draft.id);
    expect(stored?.data).toEqual({ institution: { name: '乙的版本' } });
    const history = await store.listRevisions(draft.id);
    expect(history.map((h) => h.data)).toContainEqual({ institution: { name: '甲的版本' } });
    a.dispose();
    b.dispose();
  });

  it('"take theirs" keeps this tab’s version in history', async () => {
    const a = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 5 });
    const shown: Draft[] = [];
    const b = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 5, onRemoteData: (d) => shown.push(d) });
    a.update({ institution: { name: '甲' } });
    await a.flush();
    b.update({ institution: { name: '乙' } });
    await b.flush();
    await b.takeTheirs();
    expect(b.getState().status).toBe('saved');
    expect(shown.at(-1)?.data).toEqual({ institution: { name: '甲' } });
    expect((await store.getDraft(draft.id))?.data).toEqual({ institution: { name: '甲' } });
    expect((await store.listRevisions(draft.id)).map((h) => h.data)).toContainEqual({ institution: { name: '乙' } });
    a.dispose();
    b.dispose();
  });

  it('edits a closing tab could not store are recovered from the journal on reopen', async () => {
    const mem = new Map<string, string>();
    const kv: SyncKeyValue = { getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => void mem.set(k, v), removeItem: (k) => void mem.delete(k) };
    const journal = new DraftJournal(kv);
    const never = { saveDraft: () => new Promise<Draft>(() => undefined), getDraft: (id: string) => store.getDraft(id) };
    const ctl = new AutosaveController({ store: never, draft, docTitle: '备案', debounceMs: 400, journal });
    ctl.update({ institution: { name: '最后一个字' } });
    void ctl.flush({ sync: true }); // pagehide: the async write never completes, the tab is gone
    const opened = await openDraft(pack, store, draft.id, { journal });
    expect(opened?.recovered).toEqual({ institution: { name: '最后一个字' } });
  });
});
