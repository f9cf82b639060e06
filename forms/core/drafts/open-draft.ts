import type { Pack } from '../pack/types';
import type { AutosaveStore } from './autosave';
import { documentTitle, withEdit } from './draft-model';
import type { DraftJournal } from './journal';
import { WrongPassphraseError } from './encryption';
import { UndecryptableDraftError } from './locked-error';
import { migrateData } from './migration';
import type { Draft, NotCarried } from './types';

/**
 * Opens a stored draft for editing: unseals it, migrates it to the pack's current version (the
 * pre-migration data stays in history; what could not be carried is kept on the draft and shown),
 * and replays a journal of edits that a closing tab could not store in time.
 */
export interface OpenedDraft {
  draft: Draft;
  /** values a migration could not carry, newest migration first (also on draft.notCarried) */
  notCarried: NotCarried[];
  migratedFrom?: string;
  /** the draft's version has no migration path to this pack: opened unchanged, the user is told */
  noMigrationPath?: boolean;
  /** edits recovered from the journal (the page saves them at once) */
  recovered?: Draft['data'];
}

export async function openDraft(
  pack: Pack,
  store: AutosaveStore,
  draftId: string,
  opts: {
    unseal?: (d: Draft) => Promise<Draft>;
    seal?: (d: Draft) => Promise<Draft>;
    journal?: DraftJournal;
    /** the stored draft, when the caller has just read it (one read fewer while a page opens) */
    stored?: Draft;
  } = {},
): Promise<OpenedDraft | undefined> {
  const stored = opts.stored?.id === draftId ? opts.stored : await store.getDraft(draftId);
  if (!stored) return undefined;
  // a sealed draft is never opened as its empty stored form: without a key that opens it, refuse
  if (stored.sealed && !opts.unseal) throw new UndecryptableDraftError(stored.id);
  let draft = opts.unseal
    ? await opts.unseal(stored).catch((e: unknown) => {
        throw e instanceof WrongPassphraseError ? new UndecryptableDraftError(stored.id) : e;
      })
    : stored;
  const out: OpenedDraft = { draft, notCarried: draft.notCarried ?? [] };
  if (draft.packId === pack.manifest.id && draft.packVersion !== pack.manifest.version) {
    const m = migrateData(pack, draft.docId, draft.packVersion, draft.data);
    if (m.kind === 'migrated') {
      const notCarried = [...m.notCarried, ...(draft.notCarried ?? [])];
      const next: Draft = { ...withEdit(draft, m.data, documentTitle(pack, draft.docId), draft.status), packVersion: pack.manifest.version, notCarried };
      const toStore = opts.seal ? await opts.seal(next) : next;
      const saved = await store.saveDraft(toStore, { expectedRevision: draft.revision, reason: 'migration' });
      out.migratedFrom = draft.packVersion;
      draft = { ...next, revision: saved.revision };
      out.draft = draft;
      out.notCarried = notCarried;
    } else if (m.kind === 'no-path') out.noMigrationPath = true;
  }
  const j = opts.journal?.read(draftId);
  if (j) {
    // the journal holds edits made on revision `basedOn`; the write in flight then may have landed as
    // basedOn + 1. Anything newer was saved after the journal was written, so the journal is stale.
    if (JSON.stringify(j.data) !== JSON.stringify(draft.data) && j.basedOn >= draft.revision - 1) out.recovered = j.data;
    else opts.journal?.clear(draftId);
  }
  return out;
}
