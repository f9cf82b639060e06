/**
 * Key-value storage that only the extension's own pages and its background can open: IndexedDB of the
 * extension origin. Content scripts run in the portal's origin, so they cannot reach it — unlike
 * `storage.local`, which Chrome opens to content scripts (`setAccessLevel` exists for `storage.session`
 * only). The bureau's private key, installed packs, trusted keys, settings and portal maps live here.
 * Changes are announced on a BroadcastChannel, which is per origin as well.
 */
import { openDB, type IDBPDatabase } from 'idb';

const DB_NAME = 'formkit-extension';
const STORE = 'kv';
const CHANNEL = 'formkit-extension-store';

let db: Promise<IDBPDatabase> | null = null;

/** Imported by extension pages and the background only (a content script would open the page's database). */
function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
    terminated() {
      db = null;
    },
  }).catch((e: unknown) => {
    db = null;
    throw e;
  });
  return db;
}

/** For tests: forget the open connection (a fresh IDBFactory follows). */
export function resetExtensionStore(): void {
  db = null;
}

/** The stored value; nothing when this context has no IndexedDB at all (then nothing was ever stored). */
export async function extGet<T>(key: string): Promise<T | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  return (await (await open()).get(STORE, key)) as T | undefined;
}

/** Writes several keys in one transaction (all or none), then tells the other pages. */
export async function extSet(entries: Record<string, unknown>): Promise<void> {
  const tx = (await open()).transaction(STORE, 'readwrite');
  await Promise.all([...Object.entries(entries).map(([k, v]) => (v === undefined ? tx.store.delete(k) : tx.store.put(v, k))), tx.done]);
  announce(Object.keys(entries));
}

export async function extRemove(key: string): Promise<void> {
  await extSet({ [key]: undefined });
}

function announce(keys: string[]): void {
  try {
    const ch = new BroadcastChannel(CHANNEL);
    ch.postMessage(keys);
    ch.close();
  } catch {
    // no BroadcastChannel: other pages read afresh on their next load
  }
}

/** Calls back with the keys another page (or the background) changed. */
export function onExtChanged(cb: (keys: string[]) => void): () => void {
  try {
    const ch = new BroadcastChannel(CHANNEL);
    ch.onmessage = (e: MessageEvent) => {
      if (Array.isArray(e.data)) cb(e.data.filter((k): k is string => typeof k === 'string'));
    };
    return () => ch.close();
  } catch {
    return () => undefined;
  }
}
