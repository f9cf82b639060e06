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
    expect(DB_VERSION).toBe(2);
  });

  it('a fresh database is created at the current version with every store', async () => {
    const db = await openDraftDb({ name: 'fresh' });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['blobs', 'drafts', 'meta', 'revisions', 'summaries']);
    db.close();
  });
});
