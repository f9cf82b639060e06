/** Downgrades need confirmation; rollback verifies the previous pack again against today's trusted keys. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { installOrder } from '../../forms/core/signing/install-order';
import { generateSigningKeys, trustedKeyFrom } from '../../forms/core/signing/keys';
import { signPack } from '../../forms/core/signing/sign-pack';
import { installPack, loadInstalled, rollbackPack, RollbackRefusedError, saveTrustedKeys } from '../../forms/ui/editor/editor-storage';
import { readPackDir } from '../../forms/node/load-pack-dir';
import { resetExtensionStore } from '../../shared/storage/extension-store';

const files = readPackDir('schemas');
const version = (v: string) => ({ ...files, 'pack.json': { ...(files['pack.json'] as object), version: v } });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
});

describe('install order', () => {
  it('tells newer, same, older and another pack apart (numerically)', () => {
    expect(installOrder({ id: 'p', version: '1.2.0' }, { id: 'p', version: '1.10.0' })).toBe('newer');
    expect(installOrder({ id: 'p', version: '1.10.0' }, { id: 'p', version: '1.9.9' })).toBe('older');
    expect(installOrder({ id: 'p', version: '1.0.0' }, { id: 'p', version: '1.0.0' })).toBe('same');
    expect(installOrder({ id: 'p', version: '1.0.0' }, { id: 'q', version: '0.1.0' })).toBe('other-pack');
  });

  it('rollback refuses a previous pack whose key is no longer trusted, and changes nothing', async () => {
    const oldKey = await generateSigningKeys();
    const newKey = await generateSigningKeys();
    const first = await signPack(version('1.0.1'), oldKey.privateJwk);
    const second = await signPack(version('1.0.2'), newKey.privateJwk);
    await installPack(first);
    await installPack(second);
    await saveTrustedKeys([await trustedKeyFrom(newKey.publicJwk, 'new')]); // the old key was withdrawn
    await expect(rollbackPack()).rejects.toBeInstanceOf(RollbackRefusedError);
    expect((await loadInstalled())?.signature.keyId).toBe(newKey.keyId);
    await saveTrustedKeys([await trustedKeyFrom(newKey.publicJwk, 'new'), await trustedKeyFrom(oldKey.publicJwk, 'old')]);
    await rollbackPack();
    expect((await loadInstalled())?.signature.keyId).toBe(oldKey.keyId);
  });
});
