/** The drafts database's own schema upgrades: a version-1 database opens under version 2 with nothing lost. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { openDraftDb, DB_VERSION } from '../../shared/storage/draft-db';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const draft = (name: string) =>
  createDraft({ docId: 'filing-enterprise', packId: 'sh-skill-cert', packVersion: '1.0.0', docTitle: '备案', data: { institution: { name } } });

describe('drafts database upgrades', () => {
  it('a draft written by version 1 is listed, opened and saved under the current version', async () => {
    const v1 = await openDraftDb({ name: 'up', version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual(['drafts', 'revisions']);
    const d = draft('上海示例电气集团有限公司');
    await v1.put('drafts', d);
    v1.close();

    const store = new IdbDraftStore({ name: 'up' });
    const list = await store.listSummaries();
    expect(list).toEqual([expect.objectContaining({ id: d.id, title: '上海示例电气集团有限公司', institution: '上海示例电气集团有限公司' })]);
    expect((await store.getDraft(d.id))?.data).toEqual(d.data);
    const saved = await store.saveDraft({ ...d, revision: 2, data: { institution: { name: '改名公司' } } }, { expectedRevision: 1, reason: 'edit' });
    expect(saved.revision).toBe(2);
    await store.putBlob({ id: 'b1', draftId: d.id, name: '营业执照.pdf', type: 'application/pdf', size: 3, bytes: new Uint8Array([1, 2, 3]).buffer });
    expect((await store.listBlobs(d.id)).map((b) => b.name)).toEqual(['营业执照.pdf']);
    store.close();
  });

  it('a version-2 database (summaries one per draft) opens under version 3 with the list rebuilt', async () => {
    const v2 = await openDraftDb({ name: 'up2', version: 2 });
    expect([...v2.objectStoreNames].sort()).toEqual(['blobs', 'drafts', 'meta', 'revisions', 'summaries']);
    const ds = [draft('甲公司'), draft('乙公司'), draft('丙公司')];
    for (const d of ds) await v2.put('drafts', d);
    await v2.put('meta', { kdf: 'PBKDF2-SHA256' }, 'lock');
    v2.close();

    const store = new IdbDraftStore({ name: 'up2' });
    expect((await store.listSummaries()).map((s) => s.title).sort()).toEqual(['丙公司', '乙公司', '甲公司']);
    expect(await store.getMeta('lock')).toEqual({ kdf: 'PBKDF2-SHA256' });
    await store.deleteDraft(ds[0].id);
    expect((await store.listSummaries()).length).toBe(2);
    store.close();
    const db = await openDraftDb({ name: 'up2' });
    expect(db.version).toBe(3);
    expect(db.objectStoreNames.contains('summaries')).toBe(false);
    db.close();
  });

  it('a fresh database is created at the current version with every store', async () => {
    const db = await openDraftDb({ name: 'fresh' });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['blobs', 'drafts', 'listIndex', 'meta', 'revisions']);
    db.close();
  });
});
