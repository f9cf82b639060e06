import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AutosaveController, type AutosaveState } from '../../core/drafts/autosave';
import { documentTitle } from '../../core/drafts/draft-model';
import { UndecryptableDraftError } from '../../core/drafts/locked-error';
import { sealBlob } from '../../core/drafts/sealing';
import { buildExport, exportFileName, serializeExport } from '../../core/drafts/export-format';
import { openDraft, type OpenedDraft } from '../../core/drafts/open-draft';
import type { Draft, DraftData } from '../../core/drafts/types';
import type { Pack } from '../../core/pack/types';
import { documentSchema } from '../../core/pack/document-schema';
import { fieldLabel } from '../../core/validation/messages';
import type { Finding } from '../../core/findings/finding';
import type { SchemaEngine } from '../../core/validation/types';
import { type Lang } from '../../../shared/i18n';
import { t } from './strings';
import { flushPendingInputs } from '../theme/buffered-value';
import { DocumentPage } from '../document/DocumentPage';
import { hasContent } from '../document/visible-findings';
import { exportAttachments } from './attachments-io';
import { ConflictDialog } from './ConflictDialog';
import { downloadText } from '../download';
import { draftsEnv, lockParams, mayJournal, sealer, takePrefetchedDraft, unlockDrafts } from './drafts-env';
import { PassphrasePrompt } from './PassphrasePrompt';
import { SaveStatusBadge } from './SaveStatusBadge';
import './drafts.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'locked' }
  | { kind: 'error'; zh: string; en: string }
  | { kind: 'ready'; opened: OpenedDraft };

function faultText(e: unknown): { zh: string; en: string } {
  const f = e as { zh?: unknown; en?: unknown } | null;
  if (f && typeof f.zh === 'string' && typeof f.en === 'string') return { zh: f.zh, en: f.en };
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `无法打开草稿：${msg}`, en: `The draft could not be opened: ${msg}` };
}

/** `#/draft/<id>`: loads a draft (unlocking and migrating as needed) and autosaves every change. */
export function DraftEditor(props: { pack: Pack; engine: SchemaEngine; draftId: string; lang: Lang }) {
  const { pack, draftId, lang } = props;
  const env = draftsEnv();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // a layout effect: the read starts with this render, not after the "loading" frame has been painted
  useLayoutEffect(() => {
    let live = true;
    (async () => {
      const [stored, lock] = await Promise.all([takePrefetchedDraft(draftId) ?? env.store.getDraft(draftId), lockParams(env)]);
      if (!stored) return { kind: 'missing' } as const;
      if (stored.sealed && !env.key) {
        if (lock) return { kind: 'locked' } as const;
        throw new UndecryptableDraftError(stored.id); // never shown as an empty form
      }
      const opened = await openDraft(pack, env.store, draftId, { ...sealer(env), journal: env.journal, stored });
      return opened ? ({ kind: 'ready', opened } as const) : ({ kind: 'missing' } as const);
    })().then(
      (l) => {
        // read by the benchmark (bench/form.ts), like the marks in extension/workbench/main.tsx
        performance.mark('formkit:draft');
        if (live) setLoad(l);
      },
      (e: unknown) => live && setLoad({ kind: 'error', ...faultText(e) }),
    );
    return () => {
      live = false;
    };
  }, [pack, draftId, attempt]);

  if (load.kind === 'loading') return <main class="page"><p>{t('loading', lang)}</p></main>;
  if (load.kind === 'missing')
    return (
      <main class="page">
        <p class="finding error" role="alert">{t('draftMissing', lang)}</p>
        <a href="#/drafts">{t('draftsTitle', lang)}</a>
      </main>
    );
  if (load.kind === 'error')
    return (
      <main class="page">
        <p class="finding error" role="alert">{load[lang]}</p>
        <button type="button" class="btn" onClick={() => setAttempt((n) => n + 1)}>↻</button>
      </main>
    );
  if (load.kind === 'locked')
    return (
      <main class="page">
        <PassphrasePrompt
          lang={lang}
          onUnlock={async (p) => {
            await unlockDrafts(env, p);
            setAttempt((n) => n + 1);
          }}
        />
      </main>
    );
  return <OpenDraftView {...props} opened={load.opened} />;
}

/** The form of an opened draft with autosave; also used, unsaved, when storage fails at creation. */
export function OpenDraftView(props: {
  pack: Pack;
  engine: SchemaEngine;
  lang: Lang;
  opened: OpenedDraft;
  /** a new blank draft: nothing is saved until the data holds something a user entered; called once that first write is stored */
  storeOnFirstContent?: () => void;
}) {
  const { pack, engine, lang, opened, storeOnFirstContent } = props;
  const waitingForContent = useRef(Boolean(storeOnFirstContent));
  const env = draftsEnv();
  const docTitle = documentTitle(pack, opened.draft.docId);
  const hasErrors = useRef<boolean | null>(null);
  const submitted = useRef(opened.draft.status === 'submitted');
  const [state, setState] = useState<AutosaveState>({ status: 'saved', revision: opened.draft.revision });
  // a new mount of the form when another tab's version is taken: the form owns its data
  const [shown, setShown] = useState<{ n: number; data: DraftData }>({ n: 0, data: opened.recovered ?? opened.draft.data });
  // While the form mounts it reports the data it was given with its defaults filled in (RJSF's Form does so
  // from its constructor): that is the stored draft re-spelled, not an edit. Stored, it would make a revision
  // nobody made at every open and every take of another tab's save — racing that tab's real edit into a
  // conflict, and remounting the other tab in turn. Edits are what the form reports once it is mounted.
  const mounting = useRef(true);
  useLayoutEffect(() => {
    mounting.current = false;
  }, [shown.n]);
  const ctl = useMemo(
    () =>
      new AutosaveController({
        store: env.store,
        draft: opened.draft,
        docTitle,
        channel: env.channel,
        journal: env.journal,
        ...sealer(env),
        mayJournal: mayJournal(env),
        statusOf: () => (submitted.current ? 'submitted' : hasErrors.current === false ? 'valid' : 'has-errors'),
        onState: setState,
        onRemoteData: (d: Draft) => {
          mounting.current = true;
          setShown((s) => ({ n: s.n + 1, data: d.data }));
        },
      }),
    [opened],
  );
  useEffect(() => {
    // whether a lock is stored decides if unsaved edits may go to the plain journal when the tab closes;
    // a new blank draft has not read it yet (the editor of a stored draft has)
    if (env.lockOn === undefined) void lockParams(env).catch(() => undefined);
    if (opened.recovered) ctl.update(opened.recovered);
    // pagehide / hidden: write now, and keep a synchronous copy in case the tab is gone before IndexedDB finishes
    const onHide = () => {
      ctl.setUrgent(true);
      flushPendingInputs(); // text still buffered in a control reaches the form, then ctl.update
      void ctl.flush({ sync: true });
    };
    const onVis = () => {
      if (document.visibilityState === 'hidden') onHide();
      else ctl.setUrgent(false);
    };
    const onShow = () => ctl.setUrgent(false);
    addEventListener('pageshow', onShow);
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVis);
    return () => {
      removeEventListener('pagehide', onHide);
      removeEventListener('pageshow', onShow);
      document.removeEventListener('visibilitychange', onVis);
      void ctl.flush().finally(() => ctl.dispose());
    };
  }, [ctl]);

  const exportNow = async () => {
    // attachments too when storage still reads; the draft itself comes from memory either way
    const attachments = await exportAttachments(env, opened.draft.id).catch(() => []);
    const file = await buildExport(pack, [ctl.current()], new Date(), attachments);
    downloadText(exportFileName(file), serializeExport(file));
  };
  const saveBlob = async (file: File): Promise<string> => {
    const id = `b-${crypto.randomUUID()}`;
    const plain = { id, draftId: opened.draft.id, name: file.name, type: file.type, size: file.size, bytes: await file.arrayBuffer() };
    // without the key while a lock is stored, storage refuses the plain record (LockedError)
    await env.store.putBlob(env.key ? await sealBlob(env.key, plain) : plain);
    return id;
  };

  const aside = (
    <div class="draft-aside">
      <div class="draft-aside-row">
        <SaveStatusBadge state={state} lang={lang} />
        <a href="#/drafts">{t('draftsTitle', lang)}</a>
      </div>
      {state.status === 'failed' && state.fault && (
        <div class="finding error" role="alert">
          <p>{state.fault[lang]}</p>
          <button type="button" class="btn" onClick={exportNow}>
            {t('exportThis', lang)}
          </button>
          {state.fault.kind === 'locked' && (
            <PassphrasePrompt
              lang={lang}
              onUnlock={async (p) => {
                await unlockDrafts(env, p);
                await ctl.flush();
              }}
            />
          )}
        </div>
      )}
      {opened.recovered && <p class="draft-note">{t('recovered', lang)}</p>}
      {opened.migratedFrom && <p class="draft-note">{t('migrated', lang, { from: opened.migratedFrom, to: pack.manifest.version })}</p>}
      {opened.noMigrationPath && (
        <p class="finding warning">{t('noMigrationPath', lang, { from: opened.draft.packVersion, to: pack.manifest.version })}</p>
      )}
      {opened.notCarried.length > 0 && (
        <details class="not-carried" open>
          <summary>{t('notCarriedTitle', lang)}</summary>
          <ul>
            {opened.notCarried.map((n) => (
              <li key={`${n.toVersion}${n.path}`}>
                <span class="mono">{n.path}</span>: {typeof n.value === 'string' ? n.value : JSON.stringify(n.value)}{' '}
                <small>
                  （{t(`notCarried.${n.reason}`, lang)}，{n.fromVersion} → {n.toVersion}）
                </small>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );

  return (
    <>
      <DocumentPage
        key={`${opened.draft.id}:${shown.n}`}
        pack={pack}
        engine={engine}
        docId={opened.draft.docId}
        lang={lang}
        initialData={shown.data}
        onData={(d) => {
          if (mounting.current) return;
          submitted.current = false;
          if (waitingForContent.current) {
            // defaults the form fills in (an unticked box) are not an entry
            if (!hasContent(d)) return;
            waitingForContent.current = false;
            // autosave's first write creates the draft (a write to a draft not yet stored creates it)
            ctl.update(d);
            void ctl.flush().then(() => storeOnFirstContent?.(), () => undefined);
            return;
          }
          ctl.update(d);
        }}
        onFindings={(f: Finding[]) => {
          hasErrors.current = f.some((x) => x.severity === 'error');
        }}
        onSubmitValid={(d) => {
          submitted.current = true;
          ctl.update(d);
          void ctl.flush();
        }}
        saveBlob={saveBlob}
        aside={aside}
      />
      {state.status === 'conflict' && state.conflict && (
        <ConflictDialog
          conflict={state.conflict}
          lang={lang}
          labelOf={(path) => {
            try {
              return fieldLabel(documentSchema(pack, opened.draft.docId), path, lang);
            } catch {
              return path; // a field the schema does not know (older data): its pointer names it
            }
          }}
          onKeepMine={() => void ctl.keepMine()}
          onTakeTheirs={() => void ctl.takeTheirs()}
        />
      )}
    </>
  );
}
