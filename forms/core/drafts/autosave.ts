import { withEdit } from './draft-model';
import type { DraftJournal } from './journal';
import { StaleRevisionError } from './stale-revision';
import type { DraftChannel, SavedMessage } from './sync-channel';
import type { Draft, DraftData, DraftStatus, RevisionReason } from './types';

/**
 * Autosave for one open draft (framework-free; the page wires it to its form and to
 * `pagehide`/`visibilitychange`):
 * - every change is written within `debounceMs` (≤ 500 ms) — `update()` then the timer, or `flush()`;
 * - only one write is in flight; changes made meanwhile are written right after;
 * - a storage fault sets status `failed` with a zh/en message, keeps the data in memory (`data()`),
 *   and retries every `retryMs` and on the next change, so saving resumes by itself;
 * - a write against a stale revision (another tab saved) sets status `conflict` with both versions;
 *   the user resolves with `keepMine()` or `takeTheirs()` — the version not chosen stays in history;
 * - saves by other tabs arrive over the channel and are taken when this tab has nothing unsaved.
 */
export type SaveStatus = 'saved' | 'saving' | 'failed' | 'conflict';

export interface Fault {
  kind: string;
  zh: string;
  en: string;
}

export interface Conflict {
  mine: DraftData;
  theirs: Draft;
}

export interface AutosaveState {
  status: SaveStatus;
  fault?: Fault;
  conflict?: Conflict;
  /** the last revision known to be stored */
  revision: number;
}

/** The part of a DraftStore autosave needs (shared/storage implements it). */
export interface AutosaveStore {
  saveDraft(draft: Draft, opts: { expectedRevision: number | null; reason: RevisionReason; force?: boolean }): Promise<Draft>;
  getDraft(id: string): Promise<Draft | undefined>;
}

export interface AutosaveOptions {
  store: AutosaveStore;
  /** the draft as loaded (plain, unsealed data) */
  draft: Draft;
  docTitle: string;
  /** valid / has-errors of some data (the page's validation); defaults to keeping the draft's status */
  statusOf?: (data: DraftData) => DraftStatus;
  /** turns a plain draft into its stored form (encryption at rest) and back */
  seal?: (d: Draft) => Promise<Draft>;
  unseal?: (d: Draft) => Promise<Draft>;
  channel?: DraftChannel;
  journal?: DraftJournal;
  /**
   * whether unsaved data may be copied to the (plain) journal; by default only when nothing is sealed.
   * Pages whose encryption state can change while open pass a live answer.
   */
  mayJournal?: () => boolean;
  debounceMs?: number;
  retryMs?: number;
  onState?: (s: AutosaveState) => void;
  /** another tab saved this draft and this tab took it: the page shows the new data */
  onRemoteData?: (d: Draft) => void;
}

export const MAX_DEBOUNCE_MS = 500;

const GENERIC_FAULT: Fault = {
  kind: 'unknown',
  zh: '保存时出错，内容仍在本页中，稍后会自动重试。',
  en: 'Saving failed; the draft is still on this page and saving retries shortly.',
};

function faultOf(e: unknown): Fault {
  const f = e as Partial<Fault> | null;
  if (f && typeof f.zh === 'string' && typeof f.en === 'string') return { kind: typeof f.kind === 'string' ? f.kind : 'unknown', zh: f.zh, en: f.en };
  return GENERIC_FAULT;
}

export class AutosaveController {
  private saved: Draft;
  private pending: DraftData | null = null;
  private inFlight: Promise<void> | null = null;
  /** the data of the write in flight: newer than `saved`, not yet known to be stored */
  private inFlightData: DraftData | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private state: AutosaveState;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private unsubscribe: (() => void) | undefined;
  private disposed = false;
  /** the page is being hidden or closed: no debounce, every change is written (and journaled) at once */
  private urgent = false;

  constructor(private readonly o: AutosaveOptions) {
    this.saved = o.draft;
    this.debounceMs = Math.min(o.debounceMs ?? 300, MAX_DEBOUNCE_MS);
    this.retryMs = o.retryMs ?? 3000;
    this.state = { status: 'saved', revision: o.draft.revision };
    this.unsubscribe = o.channel?.subscribe((m) => void this.onRemote(m));
  }

  getState(): AutosaveState {
    return this.state;
  }

  /** The newest data of this tab, saved or not — what export offers when storage fails. */
  data(): DraftData {
    return this.pending ?? this.inFlightData ?? this.state.conflict?.mine ?? this.saved.data;
  }

  /** The draft as this tab knows it, with unsaved data included. */
  current(): Draft {
    return { ...this.saved, data: this.data() };
  }

  update(data: DraftData): void {
    if (this.disposed) return;
    if (this.state.status === 'conflict' && this.state.conflict) {
      // still editing "mine" while the choice is pending: keep it as mine, write nothing yet
      this.set({ ...this.state, conflict: { ...this.state.conflict, mine: data } });
      return;
    }
    this.pending = data;
    if (this.state.status !== 'failed') this.set({ status: 'saving', revision: this.saved.revision });
    clearTimeout(this.timer);
    if (this.urgent) void this.flush({ sync: true });
    else this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /**
   * While the page is hidden or closing there may be no later turn for a debounce timer: changes that
   * still arrive (a form committing its last keystroke) are written and journaled immediately.
   */
  setUrgent(urgent: boolean): void {
    this.urgent = urgent;
  }

  /**
   * Writes pending changes now and resolves when they are stored (or failed). Also writes the
   * synchronous journal first when `sync` is set — for `pagehide`, when the async write may not finish.
   */
  flush(opts: { sync?: boolean } = {}): Promise<void> {
    clearTimeout(this.timer);
    if (opts.sync) this.writeJournal();
    if (this.inFlight) return this.inFlight.then(() => (this.pending ? this.flush() : undefined));
    if (this.pending === null || this.state.status === 'conflict') return Promise.resolve();
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight.then(() => (this.pending && this.state.status === 'saving' ? this.flush() : undefined));
  }

  private writeJournal(): void {
    const data = this.pending ?? this.inFlightData;
    if (!data || !this.o.journal || !(this.o.mayJournal ? this.o.mayJournal() : !this.o.seal)) return;
    this.o.journal.write({ draftId: this.saved.id, basedOn: this.saved.revision, at: new Date().toISOString(), data });
  }

  private async write(next: Draft, expectedRevision: number, reason: RevisionReason, force = false): Promise<Draft> {
    const toStore = this.o.seal ? await this.o.seal(next) : next;
    const stored = await this.o.store.saveDraft(toStore, { expectedRevision, reason, force });
    return { ...next, revision: stored.revision, updated: stored.updated };
  }

  private async saveOnce(): Promise<void> {
    const data = this.pending;
    if (data === null) return;
    this.pending = null;
    this.inFlightData = data;
    const status = this.o.statusOf ? this.o.statusOf(data) : this.saved.status;
    const next = withEdit(this.saved, data, this.o.docTitle, status);
    try {
      this.saved = await this.write(next, this.saved.revision, 'edit');
      this.inFlightData = null;
      if (this.pending === null) this.o.journal?.clear(this.saved.id);
      this.o.channel?.post({ type: 'saved', draftId: this.saved.id, revision: this.saved.revision });
      clearTimeout(this.retryTimer);
      this.set({ status: this.pending ? 'saving' : 'saved', revision: this.saved.revision });
    } catch (e) {
      this.inFlightData = null;
      if (this.pending === null) this.pending = data; // newer edits win; this data is in them
      if (e instanceof StaleRevisionError) {
        let theirs: Draft;
        try {
          theirs = this.o.unseal ? await this.o.unseal(e.stored) : e.stored;
        } catch (u) {
          // their version cannot be read here (no key): ask for the passphrase, never compare against an empty form
          this.set({ status: 'failed', revision: this.saved.revision, fault: faultOf(u) });
          return;
        }
        const mine = this.pending;
        this.pending = null;
        this.set({ status: 'conflict', revision: this.saved.revision, conflict: { mine, theirs } });
        return;
      }
      this.set({ status: 'failed', revision: this.saved.revision, fault: faultOf(e) });
      clearTimeout(this.retryTimer);
      if (!this.disposed) this.retryTimer = setTimeout(() => void this.flush(), this.retryMs);
    }
  }

  /** Conflict: write this tab's version on top of theirs (theirs stays in history). */
  async keepMine(): Promise<void> {
    const c = this.state.conflict;
    if (!c) return;
    const status = this.o.statusOf ? this.o.statusOf(c.mine) : this.saved.status;
    const next = withEdit({ ...c.theirs, data: this.saved.data }, c.mine, this.o.docTitle, status);
    await this.resolveWith(next, c.theirs.revision, c);
  }

  /** Conflict: take the other tab's version; this tab's version is first written to history. */
  async takeTheirs(): Promise<void> {
    const c = this.state.conflict;
    if (!c) return;
    try {
      const mineAsRevision = withEdit(c.theirs, c.mine, this.o.docTitle, this.saved.status);
      const stored = await this.write(mineAsRevision, c.theirs.revision, 'conflict');
      const back = withEdit(stored, c.theirs.data, this.o.docTitle, c.theirs.status);
      await this.resolveWith(back, stored.revision, c);
      this.o.onRemoteData?.(this.saved);
    } catch (e) {
      this.handleResolveError(e, c);
    }
  }

  private async resolveWith(next: Draft, expected: number, c: Conflict): Promise<void> {
    try {
      this.saved = await this.write(next, expected, 'conflict');
      this.o.journal?.clear(this.saved.id);
      this.o.channel?.post({ type: 'saved', draftId: this.saved.id, revision: this.saved.revision });
      this.set({ status: 'saved', revision: this.saved.revision });
    } catch (e) {
      this.handleResolveError(e, c);
    }
  }

  private handleResolveError(e: unknown, c: Conflict): void {
    if (e instanceof StaleRevisionError) {
      // yet another save landed meanwhile: ask again against the newest
      this.set({ status: 'conflict', revision: this.saved.revision, conflict: { mine: c.mine, theirs: e.stored } });
      return;
    }
    this.saved = { ...c.theirs, data: this.saved.data };
    this.pending = c.mine;
    this.set({ status: 'failed', revision: this.saved.revision, fault: faultOf(e) });
  }

  private async onRemote(m: SavedMessage): Promise<void> {
    if (m.draftId !== this.saved.id || m.type !== 'saved' || m.revision <= this.saved.revision) return;
    if (this.pending !== null || this.inFlight || this.state.status === 'conflict') {
      // unsaved edits here: writing them now surfaces the stale base as a conflict at once
      if (this.pending !== null && !this.inFlight) void this.flush();
      return;
    }
    const stored = await this.o.store.getDraft(m.draftId).catch(() => undefined);
    if (!stored || stored.revision <= this.saved.revision || this.pending !== null) return;
    try {
      this.saved = this.o.unseal ? await this.o.unseal(stored) : stored;
    } catch (e) {
      this.set({ status: 'failed', revision: this.saved.revision, fault: faultOf(e) });
      return;
    }
    this.set({ status: 'saved', revision: this.saved.revision });
    this.o.onRemoteData?.(this.saved);
  }

  private set(s: AutosaveState): void {
    this.state = s;
    this.o.onState?.(s);
  }

  /** Stops timers and listening; call after a final flush. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
  }
}
