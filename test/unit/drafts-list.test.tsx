// @vitest-environment happy-dom
/** The drafts list page and the conflict dialog as a user meets them. */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraft, withEdit } from '../../forms/core/drafts/draft-model';
import { DraftJournal } from '../../forms/core/drafts/journal';
import { openDraftChannel } from '../../forms/core/drafts/sync-channel';
import type { Draft } from '../../forms/core/drafts/types';
import { parsePack } from '../../forms/core/pack/parse-pack';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { ConflictDialog } from '../../forms/ui/drafts/ConflictDialog';
import { setDraftsEnv, type DraftsEnv } from '../../forms/ui/drafts/drafts-env';
import { DraftsList } from '../../forms/ui/drafts/DraftsList';
import { SaveStatusBadge } from '../../forms/ui/drafts/SaveStatusBadge';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

const pack = parsePack(readPackDir('schemas'));
let env: DraftsEnv;

const make = (name: string, minutesAgo: number): Draft =>
  createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案', data: { institution: { name } }, now: new Date(Date.now() - minutesAgo * 60_000) });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  env = { store: new IdbDraftStore({ name: `list-${Math.random()}` }), channel: openDraftChannel(`list-${Math.random()}`), journal: new DraftJournal(undefined) };
  setDraftsEnv(env);
  for (const [name, ago] of [['上海甲电气有限公司', 3], ['上海乙培训中心', 2], ['丙科技公司', 1]] as const) {
    await env.store.saveDraft(make(name, ago), { expectedRevision: null, reason: 'create' });
  }
});
afterEach(() => {
  cleanup();
  env.channel.close();
  setDraftsEnv(undefined);
});

const titles = () => [...document.querySelectorAll('.draft-title')].map((a) => a.textContent);

describe('drafts list', () => {
  it('lists drafts newest first and searches by institution name and document', async () => {
    render(<DraftsList pack={pack} lang="zh" />);
    await waitFor(() => expect(titles()).toEqual(['丙科技公司', '上海乙培训中心', '上海甲电气有限公司']));
    const search = document.querySelector('.drafts-search') as HTMLInputElement;
    fireEvent.input(search, { target: { value: '上海' } });
    await waitFor(() => expect(titles()).toEqual(['上海乙培训中心', '上海甲电气有限公司']));
    fireEvent.input(search, { target: { value: '评价机构备案' } }); // the document's title
    await waitFor(() => expect(titles().length).toBe(3));
    fireEvent.input(search, { target: { value: '不存在' } });
    await waitFor(() => expect(document.body.textContent).toContain('没有符合条件的草稿'));
  });

  it('deletes with undo, and undo brings the draft back', async () => {
    render(<DraftsList pack={pack} lang="zh" />);
    await waitFor(() => expect(titles().length).toBe(3));
    const row = [...document.querySelectorAll('tr[data-draft-id]')].find((r) => r.textContent?.includes('丙科技公司'))!;
    fireEvent.click(row.querySelector('button.remove')!);
    await waitFor(() => expect(titles()).not.toContain('丙科技公司'));
    const undo = [...document.querySelectorAll('.drafts-notice button')].find((b) => b.textContent === '撤销')!;
    expect(document.querySelector('.drafts-notice')?.textContent).toContain('已删除“丙科技公司”');
    fireEvent.click(undo);
    await waitFor(() => expect(titles()).toContain('丙科技公司'));
  });

  it('duplicates a draft', async () => {
    render(<DraftsList pack={pack} lang="zh" />);
    await waitFor(() => expect(titles().length).toBe(3));
    const row = [...document.querySelectorAll('tr[data-draft-id]')].find((r) => r.textContent?.includes('丙科技公司'))!;
    fireEvent.click([...row.querySelectorAll('button')].find((b) => b.textContent === '复制')!);
    await waitFor(() => expect(titles()).toContain('丙科技公司（副本）'));
  });

  it('shows what each revision changed, asks before restoring, restores as a new revision and undoes it', async () => {
    const [first] = await env.store.listSummaries().then((l) => l.filter((s) => s.title === '丙科技公司'));
    const d = (await env.store.getDraft(first.id))!;
    await env.store.saveDraft(withEdit(d, { institution: { name: '丙科技公司改名' } }, '备案', 'has-errors'), { expectedRevision: 1, reason: 'edit' });
    render(<DraftsList pack={pack} lang="zh" />);
    await waitFor(() => expect(titles()).toContain('丙科技公司改名'));
    const row = document.querySelector(`tr[data-draft-id="${first.id}"]`)!;
    fireEvent.click([...row.querySelectorAll('button')].find((b) => b.textContent === '历史版本')!);
    await waitFor(() => expect(document.querySelectorAll('.history-list li').length).toBe(2));
    // the revision names the field it changed by its title; both saves are one session
    const rev2 = [...document.querySelectorAll('.history-list li')].find((li) => li.textContent?.includes('第 2 版'))!;
    expect(rev2.textContent).toContain('机构名称');
    expect(document.querySelectorAll('.history-session').length).toBe(1);
    const rev1 = [...document.querySelectorAll('.history-list li')].find((li) => li.textContent?.includes('第 1 版'))!;
    fireEvent.click(rev1.querySelector('button')!);
    // nothing restored before the user confirms, and the question says what would change
    await waitFor(() => expect(document.querySelector('.history-confirm')?.textContent).toContain('机构名称'));
    expect((await env.store.getDraft(first.id))!.revision).toBe(2);
    fireEvent.click([...document.querySelectorAll('.history-confirm button')].find((b) => b.textContent === '确认恢复')!);
    await waitFor(() => expect(document.querySelector('.drafts-notice')?.textContent).toContain('已恢复第 1 版，保存为第 3 版'));
    const stored = await env.store.getDraft(first.id);
    expect(stored).toMatchObject({ revision: 3, data: { institution: { name: '丙科技公司' } } });
    await waitFor(() => expect(document.querySelectorAll('.history-list li').length).toBe(3));
    fireEvent.click([...document.querySelectorAll('.history-undo button')].find((b) => b.textContent === '撤销恢复')!);
    await waitFor(async () => expect(await env.store.getDraft(first.id)).toMatchObject({ revision: 4, data: { institution: { name: '丙科技公司改名' } } }));
  });
});

describe('save status and conflict dialog', () => {
  it('shows 已保存 / 保存中 / 保存失败', () => {
    const { rerender } = render(<SaveStatusBadge state={{ status: 'saved', revision: 1 }} lang="zh" />);
    expect(document.querySelector('.save-status')?.textContent).toBe('已保存');
    rerender(<SaveStatusBadge state={{ status: 'saving', revision: 1 }} lang="zh" />);
    expect(document.querySelector('.save-status')?.textContent).toBe('保存中');
    rerender(<SaveStatusBadge state={{ status: 'failed', revision: 1, fault: { kind: 'quota', zh: '存储空间已满', en: 'full' } }} lang="zh" />);
    expect(document.querySelector('.save-status')?.textContent).toBe('保存失败');
  });

  it('offers keep mine / take theirs / see both, and "see both" lists the differing fields', () => {
    const theirs = make('甲的名字', 0);
    let chosen = '';
    render(
      <ConflictDialog
        conflict={{ mine: { institution: { name: '乙的名字' }, contact: { mobile: '13800000000' } }, theirs }}
        lang="zh"
        onKeepMine={() => (chosen = 'mine')}
        onTakeTheirs={() => (chosen = 'theirs')}
      />,
    );
    const button = (label: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)!;
    fireEvent.click(button('对比两者'));
    const rows = [...document.querySelectorAll('.conflict-diff tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['/contact/mobile', '13800000000', '—'],
      ['/institution/name', '乙的名字', '甲的名字'],
    ]);
    cleanup();
    render(
      <ConflictDialog
        conflict={{ mine: { institution: { name: '乙的名字' } }, theirs }}
        lang="zh"
        labelOf={(p) => (p === '/institution/name' ? '机构名称' : p)}
        onKeepMine={() => (chosen = 'mine')}
        onTakeTheirs={() => (chosen = 'theirs')}
      />,
    );
    fireEvent.click(button('对比两者'));
    expect(document.querySelector('.conflict-diff tbody td')?.textContent).toBe('机构名称');
    fireEvent.click(button('保留我的'));
    expect(chosen).toBe('mine');
    fireEvent.click(button('采用对方的'));
    expect(chosen).toBe('theirs');
  });
});
