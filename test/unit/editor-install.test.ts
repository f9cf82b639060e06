import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { extGet, resetExtensionStore } from '../../shared/storage/extension-store';
import { installPack, loadInstalled, loadPrevious, rollbackPack } from '../../forms/ui/editor/editor-storage';
import type { SignedPackFile } from '../../forms/core/signing/pack-file';
import { INSTALLED_PACK_KEY } from '../../shared/active-pack';

const file = (version: string): SignedPackFile => ({
  format: 'formkit-pack@1',
  hash: `h${version}`,
  files: { 'pack.json': { version } },
  signature: { alg: 'Ed25519', keyId: 'k', value: 'v' },
});
const installedVersion = async () => ((await loadInstalled())?.files['pack.json'] as { version: string } | undefined)?.version;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
});

describe('installed pack and rollback', () => {
  it('keeps the pack an install replaces, and rolls back to it (and forward again)', async () => {
    await installPack(file('1.0.1'));
    await installPack(file('1.0.2'));
    expect(await installedVersion()).toBe('1.0.2');
    await rollbackPack();
    expect(await installedVersion()).toBe('1.0.1');
    expect((await loadPrevious())?.hash).toBe('h1.0.2');
    await rollbackPack();
    expect(await installedVersion()).toBe('1.0.2');
  });

  it('rolls the first install back to the bundled pack', async () => {
    await installPack(file('1.0.1'));
    await rollbackPack();
    expect(await extGet(INSTALLED_PACK_KEY)).toBeUndefined();
    expect((await loadPrevious())?.hash).toBe('h1.0.1');
  });
});
