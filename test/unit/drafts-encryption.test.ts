/** Encryption at rest: PBKDF2 → AES-GCM; locked drafts hold no plaintext; a wrong passphrase is refused without damage. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDraft } from '../../forms/core/drafts/draft-model';
import { createLock, openBytes, sealBytes, unlock, WrongPassphraseError } from '../../forms/core/drafts/encryption';
import { sealDraft, unsealDraft } from '../../forms/core/drafts/sealing';
import { IdbDraftStore } from '../../shared/storage/idb-draft-store';

const FAST = 1000; // iterations for tests; the product uses PBKDF2_ITERATIONS

describe('encryption at rest', () => {
  it('stores only ciphertext and opens with the right passphrase', async () => {
    globalThis.indexedDB = new IDBFactory();
    const store = new IdbDraftStore({ name: 'enc' });
    const { params, key } = await createLock('正确的密码 correct horse', FAST);
    await store.setMeta('lock', params);
    const d = createDraft({ docId: 'filing-enterprise', packId: 'p', packVersion: '1', docTitle: '备案', data: { contact: { mobile: '13812345678' } } });
    await store.saveDraft(await sealDraft(key, d), { expectedRevision: null, reason: 'create' });

    const stored = await store.getDraft(d.id);
    expect(JSON.stringify(stored)).not.toContain('13812345678');
    expect(stored?.data).toEqual({});
    const history = await store.listRevisions(d.id);
    expect(JSON.stringify(history)).not.toContain('13812345678');
    expect((await store.listSummaries())[0].locked).toBe(true);

    const again = await unlock((await store.getMeta('lock'))!, '正确的密码 correct horse');
    expect((await unsealDraft(again, stored!)).data).toEqual({ contact: { mobile: '13812345678' } });
  });

  it('refuses a wrong passphrase and leaves the stored draft as it was', async () => {
    const { params, key } = await createLock('right', FAST);
    const sealed = await sealDraft(key, createDraft({ docId: 'x', packId: 'p', packVersion: '1', docTitle: 'x', data: { a: 1 } }));
    const before = JSON.stringify(sealed);
    const err = await unlock(params, 'wrong').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongPassphraseError);
    expect((err as WrongPassphraseError).zh).toContain('密码不正确');
    expect(JSON.stringify(sealed)).toBe(before);
    // a key from another lock cannot open it either (GCM authentication)
    const other = await createLock('right', FAST);
    await expect(unsealDraft(other.key, sealed)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('seals attachment bytes', async () => {
    const { key } = await createLock('pw', FAST);
    const bytes = new TextEncoder().encode('营业执照扫描件');
    const { iv, ct } = await sealBytes(key, bytes);
    expect(new TextDecoder().decode(ct)).not.toContain('营业执照');
    expect(new TextDecoder().decode(await openBytes(key, iv, ct))).toBe('营业执照扫描件');
  });
});
