import type { DraftData } from './types';

/**
 * A last-resort copy of unsaved edits, written synchronously when the page is hidden or closed.
 * IndexedDB is asynchronous: a write started in `pagehide` may not finish before the tab is gone, so
 * the same data also goes to synchronous key-value storage (localStorage on extension pages) and is
 * replayed when the draft is opened again. Never used for encrypted drafts (no plaintext at rest).
 */
export interface JournalEntry {
  draftId: string;
  /** the stored revision these edits were made on */
  basedOn: number;
  at: string;
  data: DraftData;
}

export interface SyncKeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const keyOf = (draftId: string) => `formkit.journal.${draftId}`;

export class DraftJournal {
  constructor(private readonly kv: SyncKeyValue | undefined) {}

  write(entry: JournalEntry): boolean {
    try {
      this.kv?.setItem(keyOf(entry.draftId), JSON.stringify(entry));
      return Boolean(this.kv);
    } catch {
      return false; // full or unavailable: the IndexedDB flush is still under way
    }
  }

  read(draftId: string): JournalEntry | undefined {
    try {
      const raw = this.kv?.getItem(keyOf(draftId));
      if (!raw) return undefined;
      const e = JSON.parse(raw) as JournalEntry;
      return e && e.draftId === draftId && typeof e.basedOn === 'number' && e.data && typeof e.data === 'object' ? e : undefined;
    } catch {
      return undefined;
    }
  }

  clear(draftId: string): void {
    try {
      this.kv?.removeItem(keyOf(draftId));
    } catch {
      /* nothing to clear */
    }
  }
}
