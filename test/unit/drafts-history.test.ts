/** History: the last 50 changes plus one snapshot a day; restoring is a new revision; delete has undo. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDraft, withEdit } from '../../forms/core/drafts/draft-model';
import { revisionsToKeep } from '../../forms/core/drafts/revision-policy';
import type { Revision } from '../../forms/core/drafts/types';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

const rev = (n: number, at: string, reason: Revision['reason'] = 'edit'): Revision => ({ draftId: 'd', revision: n, at, reason, title: '', packVersion: '1', data: { n } });

describe('revision history policy', () => {
  it('keeps the last 50 changes and the last revision of each earlier day', () => {
    const revs: Revision[] = [];
    // 10 revisions on each of 3 days, then 60 today
    let n = 0;
    for (const day of ['2025-03-01', '2025-03-02', '2025-03-03']) for (let i = 0; i < 10; i++) revs.push(rev(++n, `${day}T0${i}:00:00.000Z`));
    for (let i = 0; i < 60; i++) revs.push(rev(++n, `2025-03-04T10:${String(i).padStart(2, '0')}:00.000Z`));
    const keep = revisionsToKeep(revs);
    expect(keep.size).toBe(50 + 3);
    expect([...keep].filter((r) => r <= 30).sort((a, b) => a - b)).toEqual([10, 20, 30]);
    expect(keep.has(n)).toBe(true);
    expect(keep.has(n - 50)).toBe(false);
  });

  it('never prunes a migration revision', () => {
    const revs = [rev(1, '2025-03-01T01:00:00Z', 'migration'), rev(2, '2025-03-01T02:00:00Z')];
    expect(revisionsToKeep(revs, 1)).toEqual(new Set([1, 2]));
  });

  it('the store prunes as it saves, and restore is a new revision', async () => {
    globalThis.indexedDB = new IDBFactory();
    const store = new IdbDraftStore({ name: 'hist' });
    let d = createDraft({ docId: 'filing-enterprise', packId: 'p', packVersion: '1', docTitle: '备案', data: { institution: { name: 'v1' } } });
    await store.saveDraft(d, { expectedRevision: null, reason: 'create' });
    for (let i = 2; i <= 70; i++) {
      const next = withEdit(d, { institution: { name: `v${i}` } }, '备案', 'has-errors');
      d = await store.saveDraft(next, { expectedRevision: d.revision, reason: 'edit' });
    }
    const history = await store.listRevisions(d.id);
    expect(history.length).toBeLessThanOrEqual(50 + 1);
    expect(history[0].revision).toBe(70);
    // restore revision 60: it comes back as revision 71; revision 70 is still there
    const old = history.find((h) => h.revision === 60)!;
    const restored = await store.saveDraft(withEdit(d, old.data, '备案', 'has-errors'), { expectedRevision: 70, reason: 'restore' });
    expect(restored.revision).toBe(71);
    const after = await store.listRevisions(d.id);
    expect(after[0]).toMatchObject({ revision: 71, reason: 'restore', data: { institution: { name: 'v60' } } });
    expect(after.some((h) => h.revision === 70)).toBe(true);
  });

  it('delete can be undone with history and attachments', async () => {
    globalThis.indexedDB = new IDBFactory();
    const store = new IdbDraftStore({ name: 'undo' });
    const d = createDraft({ docId: 'filing-enterprise', packId: 'p', packVersion: '1', docTitle: '备案', data: { institution: { name: '甲' } } });
    await store.saveDraft(d, { expectedRevision: null, reason: 'create' });
    await store.putBlob({ id: 'b', draftId: d.id, name: 'x.pdf', type: 'application/pdf', size: 1, bytes: new Uint8Array([7]).buffer });
    const deleted = await store.deleteDraft(d.id);
    expect(await store.listSummaries()).toEqual([]);
    expect(await store.listBlobs(d.id)).toEqual([]);
    await store.undoDelete(deleted!);
    expect((await store.listSummaries()).map((s) => s.title)).toEqual(['甲']);
    expect((await store.listRevisions(d.id)).length).toBe(1);
    expect((await store.listBlobs(d.id)).length).toBe(1);
  });
});
