/** A draft made under pack 1.0.0 opens under 1.1.0: renamed fields carried, removed ones shown and kept in history. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { migrateData, migrationPath, type MigrationNote } from '../../forms/core/drafts/migration';
import { openDraft } from '../../forms/core/drafts/open-draft';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { PackFiles } from '../../forms/core/pack/types';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

const v1Files = readPackDir('schemas');
const v1 = parsePack(v1Files);

/** Pack 1.1.0: contact.mobile renamed to contact.phone, sites' stations renamed, facilities.videoRetentionDays removed. */
const notes: MigrationNote[] = [
  {
    docId: 'filing-enterprise',
    fromVersion: '1.0.0',
    toVersion: '1.1.0',
    renames: { '/contact/mobile': '/contact/phone', '/sites/*/stations': '/sites/*/workstations', '/contact/name': '/contact/email' },
    removals: ['/facilities/videoRetentionDays'],
    note: { zh: '联系电话改名', en: 'contact phone renamed' },
  },
];
const v2Files: PackFiles = { ...v1Files, 'pack.json': { ...(v1Files['pack.json'] as object), version: '1.1.0' }, 'migrations.json': { migrations: notes } };
const v2 = parsePack(v2Files);

const oldData = {
  institution: { name: '上海示例电气集团有限公司' },
  contact: { name: '赵磊', mobile: '13812345678', email: 'zhaolei@example.com' },
  sites: [{ name: '一号基地', stations: 40 }, { name: '二号基地', stations: 12 }],
  facilities: { videoSurveillance: true, videoRetentionDays: 180 },
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('migration across pack versions', () => {
  it('carries renamed values and reports every value it could not carry', () => {
    const r = migrateData(v2, 'filing-enterprise', '1.0.0', structuredClone(oldData));
    expect(r.kind).toBe('migrated');
    if (r.kind !== 'migrated') return;
    expect(r.data).toEqual({
      institution: { name: '上海示例电气集团有限公司' },
      contact: { phone: '13812345678', email: 'zhaolei@example.com' },
      sites: [{ name: '一号基地', workstations: 40 }, { name: '二号基地', workstations: 12 }],
      facilities: { videoSurveillance: true },
    });
    expect(r.notCarried).toEqual([
      { path: '/contact/name', value: '赵磊', fromVersion: '1.0.0', toVersion: '1.1.0', reason: 'target-occupied' },
      { path: '/facilities/videoRetentionDays', value: 180, fromVersion: '1.0.0', toVersion: '1.1.0', reason: 'removed' },
    ]);
  });

  it('finds a chain of notes and says so when there is none', () => {
    const chain: MigrationNote[] = [
      { docId: 'd', fromVersion: '1.0.0', toVersion: '1.1.0' },
      { docId: 'd', fromVersion: '1.1.0', toVersion: '2.0.0' },
    ];
    expect(migrationPath(chain, 'd', '1.0.0', '2.0.0')?.map((n) => n.toVersion)).toEqual(['1.1.0', '2.0.0']);
    expect(migrationPath(chain, 'd', '0.5.0', '2.0.0')).toBeNull();
    const none = migrateData(v2, 'filing-enterprise', '0.5.0', { a: 1 });
    expect(none).toEqual({ kind: 'no-path', data: { a: 1 } });
  });

  it('opening an old draft stores the migrated version; the old data and lost values stay in history', async () => {
    const store = new IdbDraftStore({ name: 'mig' });
    const d = createDraft({ docId: 'filing-enterprise', packId: v1.manifest.id, packVersion: '1.0.0', docTitle: '备案', data: structuredClone(oldData) });
    await store.saveDraft(d, { expectedRevision: null, reason: 'create' });

    const opened = await openDraft(v2, store, d.id);
    expect(opened?.migratedFrom).toBe('1.0.0');
    expect(opened?.draft.packVersion).toBe('1.1.0');
    expect(opened?.notCarried.map((n) => n.path)).toEqual(['/contact/name', '/facilities/videoRetentionDays']);

    const stored = await store.getDraft(d.id);
    expect(stored).toMatchObject({ packVersion: '1.1.0', revision: 2 });
    expect(stored?.notCarried?.map((n) => n.value)).toEqual(['赵磊', 180]);
    const history = await store.listRevisions(d.id);
    expect(history.map((h) => [h.revision, h.reason, h.packVersion])).toEqual([
      [2, 'migration', '1.1.0'],
      [1, 'create', '1.0.0'],
    ]);
    expect(history[1].data).toEqual(oldData);

    // opening again under the same pack changes nothing
    const again = await openDraft(v2, store, d.id);
    expect(again?.migratedFrom).toBeUndefined();
    expect((await store.getDraft(d.id))?.revision).toBe(2);
  });
  it('opens a draft the page read while loading (one read fewer) as it opens one it reads itself', async () => {
    const store = new IdbDraftStore({ name: 'prefetched' });
    const d = createDraft({ docId: 'filing-enterprise', packId: v1.manifest.id, packVersion: '1.0.0', docTitle: '备案', data: structuredClone(oldData) });
    const other = createDraft({ docId: 'filing-enterprise', packId: v1.manifest.id, packVersion: '1.1.0', docTitle: '备案', data: {} });
    await store.saveDraft(d, { expectedRevision: null, reason: 'create' });
    await store.saveDraft(other, { expectedRevision: null, reason: 'create' });
    let reads = 0;
    const counting = new Proxy(store, {
      get(target, key) {
        if (key === 'getDraft') return (id: string) => (reads++, target.getDraft(id));
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const read = await store.getDraft(d.id);
    const opened = await openDraft(v2, counting, d.id, { stored: read });
    expect(reads).toBe(0);
    expect(opened?.migratedFrom).toBe('1.0.0');
    expect(opened?.notCarried.map((n) => n.path)).toEqual(['/contact/name', '/facilities/videoRetentionDays']);
    expect((await store.getDraft(d.id))?.packVersion).toBe('1.1.0');
    // a record of another draft is never taken for this one
    const again = await openDraft(v2, counting, other.id, { stored: read });
    expect(reads).toBe(1);
    expect(again?.draft.id).toBe(other.id);
  });
});

describe('the shipped pack migrates records made when 违反法律法规 was a tier', () => {
  const pack = parsePack(readPackDir('schemas'));
  it('a violation record with tier "illegal" gets the law-breach flag; the old tier is reported, not kept', () => {
    const r = migrateData(pack, 'violation-institution', '1.0.0', { recordNo: 'WJ-1', tier: 'illegal', measures: ['refer-to-authorities'] });
    expect(r.kind).toBe('migrated');
    if (r.kind !== 'migrated') return;
    expect(r.data).toEqual({ recordNo: 'WJ-1', lawBreach: true, measures: ['refer-to-authorities'] });
    expect(r.notCarried).toEqual([{ path: '/tier', value: 'illegal', fromVersion: '1.0.0', toVersion: pack.manifest.version, reason: 'removed' }]);
    expect(r.steps[0].note?.zh).toMatch(/违反法律法规/);
  });
  it('an ordered termination keeps a real tier and flags the law breach beside it', () => {
    const tiered = migrateData(pack, 'termination-ordered', '1.0.0', { violation: { tier: 'especially-serious' } });
    expect(tiered.kind === 'migrated' && tiered.data).toEqual({ violation: { tier: 'especially-serious' } });
    const illegal = migrateData(pack, 'termination-ordered', '1.0.0', { violation: { tier: 'illegal', recordNo: 'WJ-2' } });
    expect(illegal.kind === 'migrated' && illegal.data).toEqual({ violation: { recordNo: 'WJ-2', lawBreach: true } });
  });
  it('every document of the pack has a path from 1.0.0, so no older draft is stranded', () => {
    for (const docId of pack.manifest.documents) expect(migrateData(pack, docId, '1.0.0', {}).kind, docId).toBe('migrated');
  });
});
