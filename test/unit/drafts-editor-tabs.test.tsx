// @vitest-environment happy-dom
/**
 * A draft open in two tabs: opening it, or taking the other tab's save, writes nothing. The form fills
 * defaults into the data it is given (RJSF reports them while it mounts); were that stored as an edit,
 * every open would make a revision nobody made, racing the other tab's real edit into a conflict.
 */
import 'fake-indexeddb/auto';
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MAX_DEBOUNCE_MS } from '../../forms/core/drafts/autosave';
import { createDraft, withEdit } from '../../forms/core/drafts/draft-model';
import type { DraftStore } from '../../forms/core/drafts/draft-store';
import { DraftJournal } from '../../forms/core/drafts/journal';
import { openDraftChannel } from '../../forms/core/drafts/sync-channel';
import { createInterpreterEngine } from '../../forms/core/validation/interpreter-engine';
import { DraftEditor } from '../../forms/ui/drafts/DraftEditor';
import { NewDraft } from '../../forms/ui/drafts/NewDraft';
import { setDraftsEnv } from '../../forms/ui/drafts/drafts-env';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';
import { draftsUiPack } from './drafts-ui-setup';

const pack = draftsUiPack();

/** Longer than any autosave debounce: a write the page meant to make has started by then. */
const pastDebounce = () => new Promise((r) => setTimeout(r, MAX_DEBOUNCE_MS * 3));

describe('a draft open in two tabs', () => {
  it('opening it and taking the other tab’s save write nothing; the next edit is based on the other tab’s revision', async () => {
    globalThis.indexedDB = new IDBFactory();
    const real = new IdbDraftStore({ name: 'sync-ui' });
    const writes: { expectedRevision: number | null; data: unknown }[] = [];
    const store: DraftStore = Object.assign(Object.create(real) as DraftStore, {
      saveDraft: (...a: Parameters<DraftStore['saveDraft']>) => {
        writes.push({ expectedRevision: a[1].expectedRevision, data: a[0].data });
        return real.saveDraft(...a);
      },
    });
    const channel = openDraftChannel('sync-ui');
    const otherTab = openDraftChannel('sync-ui');
    setDraftsEnv({ store, channel, journal: new DraftJournal(undefined) });
    // stored as a tab of an older version would have stored it: without the defaults the form fills in
    const d = createDraft({ docId: 'filing-enterprise', packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: '备案', data: { institution: { name: '甲页的公司' } } });
    await real.saveDraft(d, { expectedRevision: null, reason: 'create' });

    render(<DraftEditor pack={pack} engine={createInterpreterEngine(pack)} draftId={d.id} lang="zh" />);
    const input = () => document.getElementById('root_institution_name') as HTMLInputElement | null;
    await waitFor(() => expect(input()?.value).toBe('甲页的公司'), { timeout: 5000 });
    await pastDebounce();
    expect(writes).toEqual([]);

    // the other tab saves revision 2 and says so
    const theirs = withEdit(d, { institution: { name: '乙页改的公司' } }, '备案', 'has-errors');
    await real.saveDraft(theirs, { expectedRevision: 1, reason: 'edit' });
    otherTab.post({ type: 'saved', draftId: d.id, revision: 2 });
    await waitFor(() => expect(input()?.value).toBe('乙页改的公司'), { timeout: 5000 });
    await pastDebounce();
    expect(writes).toEqual([]);
    expect((await real.getDraft(d.id))?.revision).toBe(2);

    // the user's own edit here is stored on top of revision 2: no conflict
    fireEvent.input(input()!, { target: { value: '本页再改的公司' } });
    fireEvent.blur(input()!);
    await waitFor(() => expect(writes.length).toBe(1), { timeout: 5000 });
    await waitFor(() => expect(document.querySelector('.save-status')?.getAttribute('data-status')).toBe('saved'), { timeout: 5000 });
    expect(writes[0]).toMatchObject({ expectedRevision: 2, data: { institution: { name: '本页再改的公司' } } });
    expect(document.querySelector('.drafts-modal')).toBeNull();
    channel.close();
    otherTab.close();
  });
});

describe('a new draft closed right after typing', () => {
  it('keeps the last typed text in the journal when the tab closes before storage finishes', async () => {
    globalThis.indexedDB = new IDBFactory();
    const mem = new Map<string, string>();
    const kv = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k) };
    const real = new IdbDraftStore({ name: 'close-ui' });
    let stored = 0;
    // storage that never finishes after the first write: the tab closes with the write still under way
    const store: DraftStore = Object.assign(Object.create(real) as DraftStore, {
      saveDraft: (...a: Parameters<DraftStore['saveDraft']>) => (stored++ === 0 ? real.saveDraft(...a) : new Promise<never>(() => undefined)),
    });
    const channel = openDraftChannel('close-ui');
    setDraftsEnv({ store, channel, journal: new DraftJournal(kv) });
    render(<NewDraft pack={pack} engine={createInterpreterEngine(pack)} docId="filing-enterprise" lang="zh" initialData={{}} />);
    const byId = (id: string) => document.getElementById(id) as HTMLInputElement | null;
    await waitFor(() => expect(byId('root_institution_legalRepresentative')).not.toBeNull(), { timeout: 5000 });
    fireEvent.input(byId('root_institution_legalRepresentative')!, { target: { value: '张建国' } });
    fireEvent.blur(byId('root_institution_legalRepresentative')!);
    await waitFor(() => expect(stored).toBe(1), { timeout: 5000 });
    await waitFor(() => expect(document.querySelector('.save-status')?.getAttribute('data-status')).toBe('saved'), { timeout: 5000 });

    fireEvent.input(byId('root_institution_name')!, { target: { value: '关页前刚输入的公司' } });
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect([...mem.values()].join()).toContain('关页前刚输入的公司'), { timeout: 5000 });
    channel.close();
  });
});
