/**
 * What a content script can reach: storage.local (Chrome gives content scripts full access to it, and
 * setAccessLevel only exists for storage.session). The bureau's private key, installed packs, trusted
 * keys, settings and portal maps therefore live in the extension origin's IndexedDB, which a content
 * script (running in the portal's origin) cannot open; what a content script writes into storage.local
 * is never used.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { signPack } from '../../forms/core/signing/sign-pack';
import { verifyPackFile } from '../../forms/core/signing/verify-pack';
import { generateSigningKeys, trustedKeyFrom } from '../../forms/core/signing/keys';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { INSTALLED_PACK_KEY, loadActivePack } from '../../shared/active-pack';
import type { PackFileBody as PackFile } from '../../forms/core/signing/pack-file';
import { packFileOf } from '../../forms/core/signing/sign-pack';
import { TRUSTED_KEYS_KEY, installPack, loadInstalled, loadTrustedKeys, saveTrustedKeys } from '../../forms/ui/editor/editor-storage';
import { SIGNING_KEY_KEY, loadKeyRing, saveKeyRing } from '../../forms/ui/editor/signing-key-store';
import { USER_MAPS_KEY, userMaps } from '../../shared/autofill/store';
import { resetExtensionStore } from '../../shared/storage/extension-store';

const files = readPackDir('schemas');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
});

const everythingInLocal = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('secrets and trusted data stay out of content scripts’ reach', () => {
  it('the publishing key is kept in the extension database, never in storage.local', async () => {
    const keys = await generateSigningKeys();
    await saveKeyRing({ current: keys });
    expect(await everythingInLocal()).not.toContain(keys.privateJwk.d);
    const again = (await loadKeyRing())!;
    expect(again.current.keyId).toBe(keys.keyId);
    const signed = await signPack(files, again.current.privateJwk);
    const v = await verifyPackFile(signed, [await trustedKeyFrom(again.current.publicJwk)]);
    expect(v.ok).toBe(true);
  });

  it('an old private key in storage.local is moved out of it on first use', async () => {
    const old = await generateSigningKeys();
    await fakeBrowser.storage.local.set({ [SIGNING_KEY_KEY]: old });
    const ring = (await loadKeyRing())!;
    expect(ring.current.keyId).toBe(old.keyId);
    expect(await everythingInLocal()).not.toContain(old.privateJwk.d);
    expect((await loadKeyRing())!.current.keyId).toBe(old.keyId);
  });

  it('a pack a content script writes into storage.local is not used, trusted keys written there are not trusted', async () => {
    const attacker = await generateSigningKeys();
    const evil = await signPack({ ...files, 'pack.json': { ...(files['pack.json'] as object), version: '6.6.6' } }, attacker.privateJwk);
    await fakeBrowser.storage.local.set({
      [INSTALLED_PACK_KEY]: evil,
      [TRUSTED_KEYS_KEY]: [await trustedKeyFrom(attacker.publicJwk, 'evil')],
    });
    const bundled = packFileOf(files) as Promise<PackFile>;
    const active = await loadActivePack(bundled);
    expect(active.origin).toBe('bundled');
    expect(active.pack.manifest.version).not.toBe('6.6.6');
    expect(await loadTrustedKeys()).toEqual([]);
    expect(await loadInstalled()).toBeUndefined();
  });

  it('a pack installed by the extension is read back from its own database', async () => {
    const bureau = await generateSigningKeys();
    await saveTrustedKeys([await trustedKeyFrom(bureau.publicJwk, 'bureau')]);
    const signed = await signPack({ ...files, 'pack.json': { ...(files['pack.json'] as object), version: '1.0.1' } }, bureau.privateJwk);
    await installPack(signed);
    const active = await loadActivePack(packFileOf(files) as Promise<PackFile>);
    expect(active.origin).toBe('installed');
    expect(active.pack.manifest.version).toBe('1.0.1');
    expect(await everythingInLocal()).not.toContain('1.0.1');
  });

  it('portal maps a content script writes into storage.local are not used', async () => {
    await fakeBrowser.storage.local.set({ [USER_MAPS_KEY]: [{ id: 'evil', origins: ['https://evil.example'], documents: {} }] });
    expect(await userMaps()).toEqual([]);
  });
});

describe('the draft last sent to autofill', () => {
  it('where storage.session is missing it stays in the worker’s memory, never in storage.local', async () => {
    const { lastDraft, rememberDraft } = await import('../../shared/autofill/store');
    const session = Object.getOwnPropertyDescriptor(fakeBrowser.storage, 'session');
    Object.defineProperty(fakeBrowser.storage, 'session', { value: undefined, configurable: true });
    try {
      await rememberDraft({ docId: 'filing-enterprise', data: { institution: { legalRepresentative: '张秘密' } } });
      expect(await lastDraft()).toMatchObject({ data: { institution: { legalRepresentative: '张秘密' } } });
      expect(await everythingInLocal()).not.toContain('张秘密');
    } finally {
      if (session) Object.defineProperty(fakeBrowser.storage, 'session', session);
    }
  });
});
