/**
 * Tabs on one draft stay in sync over a BroadcastChannel (same extension origin): after each save a
 * tab announces the draft id and revision; others reload it, or — if they hold unsaved edits — find
 * out at their next write that their base is stale (StaleRevisionError) and let the user choose.
 */
export interface SavedMessage {
  type: 'saved' | 'deleted';
  draftId: string;
  revision: number;
  tabId: string;
}

export interface DraftChannel {
  readonly tabId: string;
  post(msg: Omit<SavedMessage, 'tabId'>): void;
  subscribe(fn: (msg: SavedMessage) => void): () => void;
  close(): void;
}

export const CHANNEL_NAME = 'formkit-drafts';

function isSaved(v: unknown): v is SavedMessage {
  const m = v as Partial<SavedMessage> | null;
  return !!m && (m.type === 'saved' || m.type === 'deleted') && typeof m.draftId === 'string' && typeof m.revision === 'number' && typeof m.tabId === 'string';
}

/** A channel over BroadcastChannel, or a silent one where it does not exist (nothing to sync with). */
export function openDraftChannel(name = CHANNEL_NAME): DraftChannel {
  const tabId = globalThis.crypto.randomUUID();
  const bc = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  const subs = new Set<(m: SavedMessage) => void>();
  if (bc) {
    bc.onmessage = (ev: MessageEvent) => {
      if (isSaved(ev.data) && ev.data.tabId !== tabId) for (const fn of subs) fn(ev.data);
    };
  }
  return {
    tabId,
    post: (msg) => bc?.postMessage({ ...msg, tabId }),
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    close() {
      subs.clear();
      bc?.close();
    },
  };
}
