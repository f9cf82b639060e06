// @vitest-environment happy-dom
/** A draft from an older pack version opens migrated, and what could not be carried is shown. */
import 'fake-indexeddb/auto';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { DraftJournal } from '../../forms/core/drafts/journal';
import { openDraftChannel } from '../../forms/core/drafts/sync-channel';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { PackFiles } from '../../forms/core/pack/types';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { DraftEditor } from '../../forms/ui/drafts/DraftEditor';
import { setDraftsEnv } from '../../forms/ui/drafts/drafts-env';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

const v1Files = readPackDir('schemas');
const v2Files: PackFiles = {
  ...v1Files,
  'pack.json': { ...(v1Files['pack.json'] as object), version: '1.1.0' },
  'migrations.json': {
    migrations: [{ docId: 'filing-enterprise', fromVersion: '1.0.0', toVersion: '1.1.0', renames: { '/institution/fullName': '/institution/name' }, removals: ['/legacyFaxNumber'] }],
  },
};
const v2 = parsePack(v2Files);

afterEach(() => {
  cleanup();
  setDraftsEnv(undefined);
});

describe('migration shown in the draft editor', () => {
  it('carries the renamed field into the form and lists the removed value', async () => {
    globalThis.indexedDB = new IDBFactory();
    const store = new IdbDraftStore({ name: 'mig-ui' });
    const channel = openDraftChannel('mig-ui');
    setDraftsEnv({ store, channel, journal: new DraftJournal(undefined) });
    const d = createDraft({ docId: 'filing-enterprise', packId: v2.manifest.id, packVersion: '1.0.0', docTitle: '备案', data: { institution: { fullName: '旧版填写的公司' }, legacyFaxNumber: '021-12345678' } });
    await store.saveDraft(d, { expectedRevision: null, reason: 'create' });
    render(<DraftEditor pack={v2} engine={createInterpreterEngine(v2)} draftId={d.id} lang="zh" />);
    await waitFor(() => expect((document.getElementById('root_institution_name') as HTMLInputElement | null)?.value).toBe('旧版填写的公司'));
    expect(document.body.textContent).toContain('已迁移到 1.1.0 版');
    const lost = document.querySelector('.not-carried')?.textContent ?? '';
    expect(lost).toContain('/legacyFaxNumber');
    expect(lost).toContain('021-12345678');
    expect(lost).toContain('新版本已删除此字段');
    expect((await store.listRevisions(d.id)).find((r) => r.revision === 1)?.data).toMatchObject({ legacyFaxNumber: '021-12345678' });
    channel.close();
  });
});
