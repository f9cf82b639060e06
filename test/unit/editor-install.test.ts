import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extGet, resetExtensionStore } from '../../shared/storage/extension-store';
import { installPack, loadInstalled, loadPrevious, rollbackPack, saveTrustedKeys } from '../../forms/ui/editor/editor-storage';
import { generateSigningKeys, trustedKeyFrom, type SigningKeys } from '../../forms/core/signing/keys';
import type { SignedPackFile } from '../../forms/core/signing/pack-file';
import { signPack } from '../../forms/core/signing/sign-pack';
import { INSTALLED_PACK_KEY } from '../../shared/active-pack';

// signed for real: rollback verifies the previous pack again
let keys: SigningKeys;
const signed = new Map<string, SignedPackFile>();
const file = (version: string): SignedPackFile => signed.get(version)!;
beforeAll(async () => {
  keys = await generateSigningKeys();
  for (const v of ['1.0.1', '1.0.2']) signed.set(v, await signPack({ 'pack.json': { version: v } }, keys.privateJwk));
});
const installedVersion = async () => ((await loadInstalled())?.files['pack.json'] as { version: string } | undefined)?.version;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
  await saveTrustedKeys([await trustedKeyFrom(keys.publicJwk)]);
});

describe('installed pack and rollback', () => {
  it('keeps the pack an install replaces, and rolls back to it (and forward again)', async () => {
    await installPack(file('1.0.1'));
    await installPack(file('1.0.2'));
    expect(await installedVersion()).toBe('1.0.2');
    await rollbackPack();
    expect(await installedVersion()).toBe('1.0.1');
    expect((await loadPrevious())?.hash).toBe(file('1.0.2').hash);
    await rollbackPack();
    expect(await installedVersion()).toBe('1.0.2');
  });

  it('rolls the first install back to the bundled pack', async () => {
    await installPack(file('1.0.1'));
    await rollbackPack();
    expect(await extGet(INSTALLED_PACK_KEY)).toBeUndefined();
    expect((await loadPrevious())?.hash).toBe(file('1.0.1').hash);
  });
});
