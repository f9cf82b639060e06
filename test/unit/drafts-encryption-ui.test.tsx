// @vitest-environment happy-dom
/** Encryption at rest as the user meets it: turn it on in the list; a new page finds drafts locked until the passphrase. */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { DraftJournal } from '../../forms/core/drafts/journal';
import { openDraftChannel } from '../../forms/core/drafts/sync-channel';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { DraftEditor } from '../../forms/ui/drafts/DraftEditor';
import { setDraftsEnv, type DraftsEnv } from '../../forms/ui/drafts/drafts-env';
import { DraftsList } from '../../forms/ui/drafts/DraftsList';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';
import { draftsUiPack } from './drafts-ui-setup';

const pack = draftsUiPack();

const page = (store: IdbDraftStore): DraftsEnv => ({ store, channel: openDraftChannel(`enc-${Math.random()}`), journal: new DraftJournal(undefined) });

describe('encryption at rest in the UI', () => {
  it('encrypts existing drafts, keeps them locked on a new page, refuses a wrong passphrase, opens with the right one', async () => {
    globalThis.indexedDB = new IDBFactory();
    const store = new IdbDraftStore({ name: 'enc-ui' });
    const d = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案', data: { institution: { name: '加密测试公司', legalRepresentative: '张秘密' } } });
    await store.saveDraft(d, { expectedRevision: null, reason: 'create' });

    const first = page(store);
    setDraftsEnv(first);
    render(<DraftsList pack={pack} lang="zh" />);
    await waitFor(() => expect(document.querySelector('details.drafts-card')).not.toBeNull());
    const [p1, p2] = [...document.querySelectorAll('details.drafts-card input[type=password]')] as HTMLInputElement[];
    fireEvent.input(p1, { target: { value: 'short' } });
    fireEvent.input(p2, { target: { value: 'short' } });
    fireEvent.submit(p1.closest('form')!);
    await waitFor(() => expect(document.body.textContent).toContain('密码至少 8 个字符'));
    fireEvent.input(p1, { target: { value: '我的长密码 2025' } });
    fireEvent.input(p2, { target: { value: '我的长密码 2025' } });
    fireEvent.submit(p1.closest('form')!);
    await waitFor(() => expect(document.body.textContent).toContain('已解锁'), { timeout: 10000 });
    await waitFor(() => expect(document.querySelector('.draft-title')?.textContent).toContain('🔒'));
    const sealed = await store.getDraft(d.id);
    expect(JSON.stringify(sealed)).not.toContain('张秘密');
    expect(JSON.stringify(await store.listRevisions(d.id))).not.toContain('张秘密');
    cleanup();
    first.channel.close();

    // a new page: no key in memory. Exporting a locked draft is refused, not written out empty.
    const second = page(store);
    setDraftsEnv(second);
    render(<DraftsList pack={pack} lang="zh" />);
    const exportButton = await waitFor(() => {
      const b = [...document.querySelectorAll('tr[data-draft-id] button')].find((x) => x.textContent === '导出');
      expect(b).toBeDefined();
      return b!;
    });
    // until unlocked the list names no one: the title is sealed with the data
    expect(document.querySelector(`tr[data-draft-id="${d.id}"] .draft-title`)?.textContent).toContain('已加密草稿');
    expect(document.body.textContent).not.toContain('加密测试公司');
    fireEvent.click(exportButton);
    await waitFor(() => expect(document.querySelector('.drafts-notice.error')?.textContent).toContain('请先输入密码解锁'));
    cleanup();
    render(<DraftEditor pack={pack} engine={createInterpreterEngine(pack)} draftId={d.id} lang="zh" />);
    const input = await waitFor(() => {
      const el = document.querySelector('.passphrase-prompt input[type=password]');
      expect(el).not.toBeNull();
      return el as HTMLInputElement;
    });
    fireEvent.input(input, { target: { value: '错误的密码' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(document.querySelector('.passphrase-prompt [role=alert]')?.textContent).toContain('密码不正确'), { timeout: 10000 });
    expect(await store.getDraft(d.id)).toEqual(sealed);
    fireEvent.input(input, { target: { value: '我的长密码 2025' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect((document.getElementById('root_institution_name') as HTMLInputElement | null)?.value).toBe('加密测试公司'), { timeout: 10000 });
    second.channel.close();
  });
});
