// @vitest-environment happy-dom
/** What the user sees when saving fails: 保存失败, the reason, an export button; typing is kept and saving resumes. */
import 'fake-indexeddb/auto';
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { DraftJournal } from '../../forms/core/drafts/journal';
import { openDraftChannel } from '../../forms/core/drafts/sync-channel';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { DraftEditor } from '../../forms/ui/drafts/DraftEditor';
import { NewDraft } from '../../forms/ui/drafts/NewDraft';
import { setDraftsEnv } from '../../forms/ui/drafts/drafts-env';
import type { DraftStore } from '../../forms/core/drafts/draft-store';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';
import { draftsUiPack } from './drafts-ui-setup';
import { StorageError } from '../../shared/storage/storage-error';

const pack = draftsUiPack();

describe('storage fault in the draft editor', () => {
  it('shows 保存失败 with the reason and export, keeps the typed text, and saves once storage is back', async () => {
    globalThis.indexedDB = new IDBFactory();
    const real = new IdbDraftStore({ name: 'fault-ui' });
    let full = false;
    // the store as the page sees it, with the quota fault switchable
    const store: DraftStore = Object.assign(Object.create(real) as DraftStore, {
      saveDraft: (...a: Parameters<DraftStore['saveDraft']>) => (full ? Promise.reject(new StorageError('quota')) : real.saveDraft(...a)),
    });
    const channel = openDraftChannel('fault-ui');
    setDraftsEnv({ store, channel, journal: new DraftJournal(undefined) });
    const d = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案' });
    await real.saveDraft(d, { expectedRevision: null, reason: 'create' });
    render(<DraftEditor pack={pack} engine={createInterpreterEngine(pack)} draftId={d.id} lang="zh" />);
    const input = await waitFor(() => {
      const el = document.getElementById('root_institution_name');
      expect(el).not.toBeNull();
      return el as HTMLInputElement;
    });
    await waitFor(() => expect(document.querySelector('.save-status')?.getAttribute('data-status')).toBe('saved'), { timeout: 5000 });

    full = true;
    fireEvent.input(input, { target: { value: '空间不足时填写的公司' } });
    fireEvent.blur(input);
    await waitFor(() => expect(document.querySelector('.save-status')?.textContent).toBe('保存失败'), { timeout: 5000 });
    const alert = document.querySelector('.draft-aside [role=alert]')?.textContent ?? '';
    expect(alert).toContain('存储空间已满');
    expect([...document.querySelectorAll('.draft-aside button')].some((b) => b.textContent === '导出此草稿')).toBe(true);
    expect(input.value).toBe('空间不足时填写的公司');
    expect((await real.getDraft(d.id))?.data).not.toMatchObject({ institution: { name: '空间不足时填写的公司' } });

    full = false;
    fireEvent.input(input, { target: { value: '空间恢复后的公司' } });
    fireEvent.blur(input);
    await waitFor(() => expect(document.querySelector('.save-status')?.textContent).toBe('已保存'), { timeout: 5000 });
    expect((await real.getDraft(d.id))?.data).toMatchObject({ institution: { name: '空间恢复后的公司' } });
    channel.close();
  });

  it('with IndexedDB unavailable (private mode) a new document still opens, says why, and offers export', async () => {
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
    const channel = openDraftChannel('fault-ui-2');
    setDraftsEnv({ store: new IdbDraftStore({ name: 'none' }), channel, journal: new DraftJournal(undefined) });
    render(<NewDraft pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={{ institution: { name: '预填的公司' } }} />);
    await waitFor(() => expect(document.querySelector('.banner.error')?.textContent).toContain('浏览器存储不可用'), { timeout: 5000 });
    const input = document.getElementById('root_institution_name') as HTMLInputElement;
    expect(input.value).toBe('预填的公司');
    fireEvent.input(input, { target: { value: '无痕模式下的公司' } });
    fireEvent.blur(input);
    await waitFor(() => expect(document.querySelector('.save-status')?.textContent).toBe('保存失败'), { timeout: 5000 });
    expect([...document.querySelectorAll('.draft-aside button')].some((b) => b.textContent === '导出此草稿')).toBe(true);
    expect(input.value).toBe('无痕模式下的公司');
    channel.close();
  });
});
