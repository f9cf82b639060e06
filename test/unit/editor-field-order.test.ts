import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishVersion } from '../../forms/core/editor/publish';
import { parsePack } from '../../forms/core/pack/parse-pack';
import type { PackFiles } from '../../forms/core/pack/types';
import { generateSigningKeys, trustedKeyFrom } from '../../forms/core/signing/keys';
import { signPack } from '../../forms/core/signing/sign-pack';
import { verifyPackFile } from '../../forms/core/signing/verify-pack';
import { installPack, loadWorkingCopy, rollbackPack, saveTrustedKeys, saveWorkingCopy } from '../../forms/ui/editor/editor-storage';
import { loadActivePack } from '../../shared/active-pack';
import { resetExtensionStore } from '../../shared/storage/extension-store';

// A pack must arrive exactly as it was published: the order of a schema's keys is the order of the
// form's fields and options. Chrome's storage.local keeps objects as base::Value, whose dictionaries
// are sorted by key; the fake storage here does the same so that a stored object comes back A→Z.
const bundled = JSON.parse(readFileSync('generated/pack.json', 'utf8')) as { hash: string; files: PackFiles };

const sortDeep = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortDeep)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]))
      : v;

/** Every object's keys in order, by JSON pointer: two values with the same map have the same order everywhere. */
function keyOrders(v: unknown, at = '', out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(v)) v.forEach((x, i) => keyOrders(x, `${at}/${i}`, out));
  else if (typeof v === 'object' && v !== null) {
    out[at || '/'] = Object.keys(v).join(' · ');
    for (const [k, x] of Object.entries(v)) keyOrders(x, `${at}/${k}`, out);
  }
  return out;
}

/** key orders of every document's schema and ui, and of the shared definitions */
function formOrders(files: PackFiles): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [path, value] of Object.entries(files)) {
    if (/^documents\/[^/]+\/(schema|ui)\.json$/.test(path) || path === 'common/definitions.json') out[path] = keyOrders(value);
  }
  return out;
}

beforeEach(() => {
  // packs now live in the extension's database (IndexedDB, a structured clone); storage.local still sorts, for what remains there
  globalThis.indexedDB = new IDBFactory();
  resetExtensionStore();
  const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items: Record<string, unknown>) => realSet(sortDeep(items) as Record<string, unknown>));
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(bundled))));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('field order through store, sign, publish, install and reload', () => {
  it('the storage stand-in sorts objects the way Chrome does (so the checks below can fail)', async () => {
    await fakeBrowser.storage.local.set({ probe: bundled.files['documents/renewal/schema.json'] });
    const back = (await fakeBrowser.storage.local.get('probe')).probe;
    expect(keyOrders(back)).not.toEqual(keyOrders(bundled.files['documents/renewal/schema.json']));
  });

  it('a working copy comes back from storage with every key where it was', async () => {
    await saveWorkingCopy({ files: bundled.files, renames: {}, baseHash: bundled.hash });
    const copy = await loadWorkingCopy();
    expect(formOrders(copy!.files)).toEqual(formOrders(bundled.files));
  });

  it('a pack edited after a reload, published, signed, downloaded, installed and opened in a fresh profile renders every document in the bundled order', async () => {
    // bureau side: the working copy survives a reload, then the version is published and signed
    await saveWorkingCopy({ files: bundled.files, renames: {}, baseHash: bundled.hash });
    const reloaded = (await loadWorkingCopy())!.files;
    const base = parsePack(bundled.files);
    const r = publishVersion(base, parsePack(reloaded), { version: '9.0.0', effective: '2026-01-01', changeNotes: { zh: '测试', en: 'test' } });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const keys = await generateSigningKeys();
    const downloaded = JSON.stringify(await signPack(r.files, keys.privateJwk), null, 2);

    // institution side, fresh storage: verify, install, and open a page
    fakeBrowser.reset();
    const verified = await verifyPackFile(JSON.parse(downloaded), [await trustedKeyFrom(keys.publicJwk, '主管部门')]);
    if (!verified.ok) throw new Error(verified.zh);
    await installPack(verified.file);
    const active = await loadActivePack();
    expect(active.origin).toBe('installed');
    expect(active.pack.manifest.version).toBe('9.0.0');
    expect(formOrders(active.pack.files)).toEqual(formOrders(bundled.files));
    for (const id of active.pack.manifest.documents) {
      expect(Object.keys(active.pack.documents[id].schema.properties ?? {}), id).toEqual(Object.keys(base.documents[id].schema.properties ?? {}));
    }
  });

  it('keeps the order through a rollback to the previous install too', async () => {
    const keys = await generateSigningKeys();
    const first = await signPack(bundled.files, keys.privateJwk);
    // a rollback re-checks the signature against today's trusted keys
    await saveTrustedKeys([await trustedKeyFrom(keys.publicJwk, 'bureau')]);
    await installPack(first);
    await installPack({ ...first, hash: 'second' });
    await rollbackPack();
    const active = await loadActivePack();
    expect(active.hash).toBe(first.hash);
    expect(formOrders(active.pack.files)).toEqual(formOrders(bundled.files));
  });
});

describe('previewing an unpublished pack in the bureau’s own pages', () => {
  it('pages open the preview while it is on, in its field order, and the usual pack after it ends', async () => {
    const { startPreview, endPreview } = await import('../../shared/active-pack');
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
    await startPreview(bundled.files);
    const active = await loadActivePack();
    expect(active.origin).toBe('preview');
    expect(formOrders(active.pack.files)).toEqual(formOrders(bundled.files));
    await endPreview();
    expect((await loadActivePack()).origin).toBe('bundled');
  });
});
