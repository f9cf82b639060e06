// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { extGet, resetExtensionStore } from '../../shared/storage/extension-store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INSTALLED_PACK_KEY, loadActivePack } from '../../shared/active-pack';
import { installPack, rollbackPack } from '../../forms/ui/editor/editor-storage';

// Pages skip the storage lookup for an installed pack once they have seen there is none (a hint in
// localStorage), and an install must never be hidden by that hint.
const bundled = JSON.parse(readFileSync('generated/pack.json', 'utf8'));
const installed = { ...bundled, hash: 'installed-hash' };
/** storage lookups for the installed pack (the extension's own database) */
const lookups = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([k]) => k === INSTALLED_PACK_KEY).length;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(bundled))));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('which pack a page opens with', () => {
  it('asks storage the first time, then trusts the "none installed" hint', async () => {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect((await loadActivePack()).origin).toBe('bundled');
    expect(lookups(get)).toBe(1);
    expect((await loadActivePack()).origin).toBe('bundled');
    expect(lookups(get)).toBe(1);
  });

  it('finds a pack installed after the hint was written', async () => {
    await loadActivePack(); // writes the hint
    await installPack(installed);
    const active = await loadActivePack();
    expect(active.origin).toBe('installed');
    expect(active.hash).toBe('installed-hash');
  });

  it('goes back to the bundled pack after a rollback to it, and to skipping the lookup after that', async () => {
    await installPack(installed);
    await rollbackPack();
    expect(await extGet(INSTALLED_PACK_KEY)).toBeUndefined();
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect((await loadActivePack()).origin).toBe('bundled');
    expect((await loadActivePack()).origin).toBe('bundled');
    expect(lookups(get)).toBe(1);
  });
});
