/**
 * Every storage fault (quota, blocked, corrupt, unavailable), injected into fake-indexeddb: the user is told what happened
 * (typed error, zh + en), the data stays in memory (and can be exported), and saving resumes once
 * the fault is gone.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type AutosaveState } from '../../forms/core/drafts/autosave';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { buildExport, checkImport } from '../../forms/core/drafts/export-format';
import type { Draft } from '../../forms/core/drafts/types';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';
import { StorageError } from '../../shared/storage/storage-error';

const pack = parsePack(readPackDir('schemas'));

/** Fault switches over fake-indexeddb's object store. */
const faults = { quota: false, abort: false };
const realPut = IDBObjectStore.prototype.put;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  faults.quota = false;
  faults.abort = false;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (faults.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const req = realPut.apply(this, args);
    if (faults.abort) this.transaction.abort();
    return req;
  });
});
afterEach(() => vi.restoreAllMocks());

async function setup(store: IdbDraftStore) {
  const draft = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案' });
  await store.saveDraft(draft, { expectedRevision: null, reason: 'create' });
  const states: AutosaveState[] = [];
  const ctl = new AutosaveController({ store, draft, docTitle: '备案', debounceMs: 10, retryMs: 60_000, onState: (s) => states.push(s) });
  return { draft, ctl, states };
}

const typed = (name: string) => ({ institution: { name } });

async function exportOffered(ctl: AutosaveController): Promise<Draft> {
  // what the "export" button of the failure badge writes: the in-memory draft, importable as is
  const file = await buildExport(pack, [ctl.current()]);
  const check = await checkImport(pack, JSON.stringify(file));
  expect(check.ok).toBe(true);
  return ctl.current();
}

describe('storage faults keep the data and saving resumes', () => {
  it('quota exceeded', async () => {
    const store = new IdbDraftStore({ name: 'q' });
    const { draft, ctl } = await setup(store);
    faults.quota = true;
    ctl.update(typed('上海示例电气集团有限公司'));
    await ctl.flush();
    const st = ctl.getState();
    expect(st.status).toBe('failed');
    expect(st.fault?.kind).toBe('quota');
    expect(st.fault?.zh).toContain('存储空间已满');
    expect(st.fault?.en).toContain('Storage is full');
    expect((await exportOffered(ctl)).data).toEqual(typed('上海示例电气集团有限公司'));
    expect((await store.getDraft(draft.id))?.data).toEqual({});
    faults.quota = false;
    await ctl.flush();
    expect(ctl.getState().status).toBe('saved');
    expect((await store.getDraft(draft.id))?.data).toEqual(typed('上海示例电气集团有限公司'));
  });

  it('aborted transaction', async () => {
    const store = new IdbDraftStore({ name: 'a' });
    const { draft, ctl } = await setup(store);
    faults.abort = true;
    ctl.update(typed('甲公司'));
    await ctl.flush();
    expect(ctl.getState()).toMatchObject({ status: 'failed', fault: { kind: 'aborted' } });
    expect(ctl.getState().fault?.zh).toContain('事务已中止');
    expect((await exportOffered(ctl)).data).toEqual(typed('甲公司'));
    // typing goes on while failing: the newest data is what is kept and later saved
    ctl.update(typed('甲公司乙'));
    faults.abort = false;
    await ctl.flush();
    expect(ctl.getState().status).toBe('saved');
    const stored = await store.getDraft(draft.id);
    expect(stored?.data).toEqual(typed('甲公司乙'));
    expect(stored?.revision).toBe(2);
  });

  it('IndexedDB unavailable (private mode)', async () => {
    const real = globalThis.indexedDB;
    const store = new IdbDraftStore({ name: 'u' });
    const { draft, ctl } = await setup(store);
    store.close();
    // Firefox private mode used to throw InvalidStateError from open(); some contexts have no indexedDB at all
    globalThis.indexedDB = { open: () => { throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'); } } as unknown as IDBFactory;
    ctl.update(typed('丙公司'));
    await ctl.flush();
    expect(ctl.getState()).toMatchObject({ status: 'failed', fault: { kind: 'unavailable' } });
    expect(ctl.getState().fault?.zh).toContain('浏览器存储不可用');
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
    await ctl.flush();
    expect(ctl.getState().fault?.kind).toBe('unavailable');
    expect((await exportOffered(ctl)).data).toEqual(typed('丙公司'));
    globalThis.indexedDB = real;
    await ctl.flush();
    expect(ctl.getState().status).toBe('saved');
    expect((await store.getDraft(draft.id))?.data).toEqual(typed('丙公司'));
  });

  it('blocked database upgrade', async () => {
    // another page still holds version 1 open and does not let go
    const old = await openDB('b', 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'id' });
        db.createObjectStore('revisions', { keyPath: ['draftId', 'revision'] });
      },
    });
    const store = new IdbDraftStore({ name: 'b' });
    const draft = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案' });
    const err = await store.saveDraft(draft, { expectedRevision: null, reason: 'create' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('blocked');
    expect((err as StorageError).zh).toContain('关闭其他');

    const ctl = new AutosaveController({ store: { ...store, getDraft: (id) => store.getDraft(id), saveDraft: (d, o) => store.saveDraft(d, { ...o, expectedRevision: null }) }, draft, docTitle: '备案', debounceMs: 10, retryMs: 60_000 });
    ctl.update(typed('丁公司'));
    await ctl.flush();
    expect(ctl.getState()).toMatchObject({ status: 'failed', fault: { kind: 'blocked' } });
    expect((await exportOffered(ctl)).data).toEqual(typed('丁公司'));

    old.close(); // the other page closes: the upgrade runs
    await new Promise((r) => setTimeout(r, 20));
    await ctl.flush();
    expect(ctl.getState().status).toBe('saved');
    expect((await store.getDraft(draft.id))?.data).toEqual(typed('丁公司'));
  });

  it('a newer version of the extension upgraded the database under an open page', async () => {
    const store = new IdbDraftStore({ name: 'v' });
    const { ctl } = await setup(store);
    // the updated extension opens version 4: this page's connection lets go instead of blocking it
    const newer = await openDB('v', 4);
    ctl.update(typed('戊公司'));
    await ctl.flush();
    expect(ctl.getState()).toMatchObject({ status: 'failed', fault: { kind: 'outdated' } });
    expect(ctl.getState().fault?.zh).toContain('请先导出，再刷新页面');
    expect((await exportOffered(ctl)).data).toEqual(typed('戊公司'));
    newer.close();
  });
});
