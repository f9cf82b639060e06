import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { hasContent } from '../document/visible-findings';
import { StaleRevisionError } from '../../core/drafts/stale-revision';
import { createDraft, documentTitle } from '../../core/drafts/draft-model';
import type { Pack } from '../../core/pack/types';
import type { SchemaEngine } from '../../core/validation/types';
import type { Lang } from '../../../shared/i18n';
import { OpenDraftView } from './DraftEditor';
import { draftsEnv, lockParams, sealer, unlockDrafts } from './drafts-env';
import { PassphrasePrompt } from './PassphrasePrompt';
import { UnknownDocument } from '../UnknownDocument';

/**
 * `#/new/<docId>[?prefill=…]`: the form opens at once on a new draft, stored behind it as soon as it
 * holds something (at once when a prefill carried values in); once stored, the address becomes `#/draft/<id>` (replaced, so back does not create a
 * second draft, and without a reload of the form). Waiting for the store before showing the form
 * cost most of the first render (BENCHMARKS.md: ≈ 0.9 s of 1.7 s). Edits made meanwhile are safe:
 * a write to a draft not yet stored creates it, so when autosave gets there first (a slow first
 * open of the database) the create finds the draft stored and that is success, not a conflict.
 * When storage fails the form stays open on the unsaved draft:
 * autosave shows 保存失败, offers export and keeps retrying.
 */
const afterFirstPaint = (fn: () => void): Promise<void> =>
  new Promise((done) => {
    const run = () => {
      fn();
      done();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 });
    else setTimeout(run, 0);
  });

export function NewDraft(props: { pack: Pack; engine: SchemaEngine; docId: string; lang: Lang; initialData: Record<string, unknown> }) {
  const { pack, engine, docId, lang, initialData } = props;
  const known = Boolean(pack.documents[docId]);
  const [draft] = useState(() =>
    known
      ? createDraft({ docId, packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: documentTitle(pack, docId), data: initialData })
      : null,
  );
  const [fault, setFault] = useState<{ zh: string; en: string; kind?: string } | null>(null);
  // A blank form is not stored until something is typed in it (opening 新建 and leaving must not
  // leave an empty draft behind); one carried in (a popup answer's link) is stored at once.
  const carried = useRef(hasContent(initialData));
  const created = useRef(false);
  const store = () => {
    if (!draft || created.current) return;
    created.current = true;
    const env = draftsEnv();
    // whether a lock is stored decides if unsaved edits may go to the plain journal (closing the tab)
    void lockParams(env).catch(() => undefined);
    const { seal } = sealer(env);
    // while drafts are encrypted and this page is locked, storage refuses the plain draft (LockedError):
    // the passphrase is asked for below and the create runs again — nothing plain is written
    seal(draft)
      .then((d) => env.store.saveDraft(d, { expectedRevision: null, reason: 'create' }))
      .catch((e: unknown) => {
        if (e instanceof StaleRevisionError && e.stored.id === draft.id) return; // autosave stored it first
        throw e;
      })
      .then(named)
      .catch((e: unknown) => {
        const f = e as { zh?: unknown; en?: unknown; kind?: unknown };
        setFault({
          zh: typeof f.zh === 'string' ? f.zh : String(e),
          en: typeof f.en === 'string' ? f.en : String(e),
          ...(typeof f.kind === 'string' ? { kind: f.kind } : {}),
        });
      });
  };
  // at an idle moment: replacing the long prefill address costs ~20 ms, not worth delaying the form's
  // first paint for; no new-draft address survives longer than that
  const named = () => (draft ? afterFirstPaint(() => history.replaceState(history.state, '', `#/draft/${encodeURIComponent(draft.id)}`)) : undefined);
  // before paint, so the create is queued ahead of autosave's first (debounced) write
  useLayoutEffect(() => {
    if (carried.current) store();
  }, [draft]);
  if (!draft) return <UnknownDocument docId={docId} lang={lang} />;
  return (
    <>
      {fault && (
        <div class="banner error" role="alert">
          <p>{fault[lang]}</p>
          {fault.kind === 'locked' && (
            <PassphrasePrompt
              lang={lang}
              onUnlock={async (p) => {
                await unlockDrafts(draftsEnv(), p);
                setFault(null);
                created.current = false;
                store();
              }}
            />
          )}
        </div>
      )}
      <OpenDraftView pack={pack} engine={engine} lang={lang} opened={{ draft, notCarried: [] }} storeOnFirstContent={carried.current ? undefined : () => void named()} />
    </>
  );
}
