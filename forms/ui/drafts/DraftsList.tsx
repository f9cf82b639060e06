import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { documentTitle, duplicateDraft } from '../../core/drafts/draft-model';
import { buildExport, checkImport, exportFileName, MAX_IMPORT_BYTES, planAttachments, planImport, serializeExport, type DraftsFile, type ExportedAttachment } from '../../core/drafts/export-format';
import { newDraftId } from '../../core/drafts/draft-model';
import type { DraftProblem } from '../../core/drafts/problem';
import type { Draft, DraftStatus, DraftSummary } from '../../core/drafts/types';
import type { Pack } from '../../core/pack/types';
import { type Lang } from '../../../shared/i18n';
import { errorText } from '../../core/i18n/text';
import { t } from './strings';
import type { DeletedDraft } from '../../core/drafts/draft-store';
import { exportAttachments, importAttachments } from './attachments-io';
import { downloadText } from '../download';
import { openJson } from '../../core/drafts/encryption';
import { draftsEnv, lockParams, LockedError, sealer } from './drafts-env';
import { EncryptionPanel } from './EncryptionPanel';
import { HistoryPanel } from './HistoryPanel';
import { queryDrafts, type ListQuery, type SortKey } from './list-query';
import './drafts.css';

/** Rows rendered at first; the rest on demand, so the list opens fast with thousands of drafts. */
const PAGE = 100;

type Notice = { kind: 'info' | 'error'; text: string; problems?: DraftProblem[]; undo?: DeletedDraft };

const errText = errorText;

/** `#/drafts`: search, sort, status, duplicate, delete with undo, history/restore, export, import. */
export function DraftsList(props: { pack: Pack; lang: Lang }) {
  const { pack, lang } = props;
  const env = draftsEnv();
  const [all, setAll] = useState<DraftSummary[] | null>(null);
  const [query, setQuery] = useState<ListQuery>({ text: '', status: 'all', sort: 'updated-desc' });
  const [limit, setLimit] = useState(PAGE);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const docTitles = useMemo(() => Object.fromEntries(Object.keys(pack.documents).map((id) => [id, documentTitle(pack, id)])), [pack]);

  /** Sealed titles are opened when this page holds the key; otherwise the row reads 已加密草稿. */
  const withTitles = async (list: DraftSummary[]): Promise<DraftSummary[]> => {
    const key = env.key;
    if (!key) return list;
    return Promise.all(list.map(async (s) => (s.sealedTitle && !s.title ? { ...s, title: await openJson<string>(key, s.sealedTitle).catch(() => '') } : s)));
  };
  const reload = () =>
    env.store
      .listSummaries()
      .then(withTitles)
      .then(setAll, (e: unknown) => setNotice({ kind: 'error', text: errText(e, lang) }));
  useEffect(() => {
    void reload();
    return env.channel.subscribe(() => void reload());
  }, []);

  const rows = useMemo(() => (all ? queryDrafts(all, query, docTitles) : []), [all, query, docTitles]);

  /** The plain draft; refuses (nothing done) when it is sealed and the passphrase was not entered. */
  const plain = async (id: string): Promise<Draft | undefined> => {
    const d = await env.store.getDraft(id);
    if (d?.sealed && !env.key) throw new LockedError();
    const { unseal } = sealer(env);
    return d && unseal ? unseal(d) : d;
  };

  const run = (fn: () => Promise<void>) => () => void fn().catch((e: unknown) => setNotice({ kind: 'error', text: errText(e, lang) }));

  const duplicate = (id: string) =>
    run(async () => {
      const d = await plain(id);
      if (!d) return;
      const copy = duplicateDraft(d, t('copySuffix', lang));
      const { seal } = sealer(env);
      await env.store.saveDraft(seal ? await seal(copy) : copy, { expectedRevision: null, reason: 'duplicate' });
      await reload();
    });

  const remove = (s: DraftSummary) =>
    run(async () => {
      const deleted = await env.store.deleteDraft(s.id);
      env.journal.clear(s.id);
      env.channel.post({ type: 'deleted', draftId: s.id, revision: s.revision });
      if (deleted) setNotice({ kind: 'info', text: t('deleted', lang, { title: s.title }), undo: deleted });
      await reload();
    });

  const undo = (deleted: DeletedDraft) =>
    run(async () => {
      await env.store.undoDelete(deleted);
      setNotice(null);
      await reload();
    });

  const exportDrafts = (ids: string[] | 'all') =>
    run(async () => {
      const list: Draft[] = [];
      const attachments: ExportedAttachment[] = [];
      const wanted = ids === 'all' ? (all ?? []).map((s) => s.id) : ids;
      for (const id of wanted) {
        const d = await plain(id);
        if (d) list.push(d);
        attachments.push(...(await exportAttachments(env, id)));
      }
      const file = await buildExport(pack, list, new Date(), attachments);
      downloadText(exportFileName(file), serializeExport(file));
    });

  /** A checked import file waiting for the user's choice: some of its drafts already exist here. */
  const [clash, setClash] = useState<{ file: DraftsFile; ids: string[] } | null>(null);

  const importFile = (file: File) =>
    run(async () => {
      // a locked page asks for the passphrase (the prompt above) before anything is written
      if (!env.key && (await lockParams(env))) throw new LockedError();
      const check = file.size > MAX_IMPORT_BYTES ? await checkImport(pack, '', file.size) : await checkImport(pack, await file.text(), file.size);
      if (!check.ok) {
        setNotice({ kind: 'error', text: t('importRefused', lang), problems: check.problems });
        return;
      }
      const existing = new Set((await env.store.listSummaries()).map((s) => s.id));
      const ids = check.file.drafts.map((d) => d.id).filter((id) => existing.has(id));
      // a draft that is already here is never duplicated silently: the user says replace or keep both
      if (ids.length) setClash({ file: check.file, ids });
      else await storeImport(check.file, 'keep-both');
    })();

  const storeImport = async (file: DraftsFile, how: 'replace' | 'keep-both') => {
    const existing = new Set((await env.store.listSummaries()).map((s) => s.id));
    let planned: Draft[];
    if (how === 'keep-both') {
      planned = planImport(file, existing, newDraftId).map((d, i) =>
        d.id !== file.drafts[i].id ? { ...d, title: `${d.title}${t('importedCopy', lang)}`, revision: 1 } : d,
      );
    } else {
      // replacing: the imported data becomes the next revision of the draft here, so its history stays
      planned = await Promise.all(
        file.drafts.map(async (d) => {
          const here = existing.has(d.id) ? await env.store.getDraft(d.id) : undefined;
          return here ? { ...structuredClone(d), revision: Math.max(here.revision, d.revision) + 1 } : structuredClone(d);
        }),
      );
    }
    const { seal } = sealer(env);
    const toStore = seal ? await Promise.all(planned.map(seal)) : planned;
    const blobs = await importAttachments(env, planAttachments(file, planned));
    await env.store.putDrafts(toStore, 'import', blobs);
    for (const d of planned) env.channel.post({ type: 'saved', draftId: d.id, revision: d.revision });
    setClash(null);
    setNotice({ kind: 'info', text: t('importDone', lang, { n: planned.length }) });
    await reload();
  };

  return (
    <main class="page drafts-page">
      <h1>{t('draftsTitle', lang)}</h1>
      <EncryptionPanel lang={lang} onChanged={() => void reload()} />
      <div class="drafts-toolbar">
        <input
          type="search"
          class="drafts-search"
          aria-label={t('searchDrafts', lang)}
          placeholder={t('searchDrafts', lang)}
          value={query.text}
          onInput={(e) => setQuery({ ...query, text: e.currentTarget.value })}
        />
        <label>
          {t('statusFilter', lang)}{' '}
          <select value={query.status} onChange={(e) => setQuery({ ...query, status: e.currentTarget.value as DraftStatus | 'all' })}>
            <option value="all">{t('statusAll', lang)}</option>
            {(['valid', 'has-errors', 'submitted'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sortBy', lang)}{' '}
          <select value={query.sort} onChange={(e) => setQuery({ ...query, sort: e.currentTarget.value as SortKey })}>
            <option value="updated-desc">{t('sortUpdated', lang)}</option>
            <option value="updated-asc">{t('sortOldest', lang)}</option>
            <option value="title">{t('sortTitle', lang)}</option>
            <option value="created-desc">{t('sortCreated', lang)}</option>
          </select>
        </label>
        <span class="spacer" />
        <button type="button" class="btn" onClick={exportDrafts('all')} disabled={!all?.length}>
          {t('exportAll', lang)}
        </button>
        <button type="button" class="btn" onClick={() => fileInput.current?.click()}>
          {t('importDrafts', lang)}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="hidden"
          data-testid="import-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) importFile(f);
          }}
        />
      </div>
      {clash && (
        <div class="import-choice" role="alertdialog" aria-labelledby="import-choice-text">
          <p id="import-choice-text">
            {t('importClash', lang, { n: clash.ids.length })}
          </p>
          <button type="button" class="btn" onClick={run(() => storeImport(clash.file, 'keep-both'))} autoFocus>
            {t('importKeepBoth', lang)}
          </button>{' '}
          <button type="button" class="btn" onClick={run(() => storeImport(clash.file, 'replace'))}>
            {t('importReplace', lang)}
          </button>{' '}
          <button type="button" class="btn" onClick={() => setClash(null)}>
            {t('cancel', lang)}
          </button>
        </div>
      )}
      {notice && (
        <div class={`drafts-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.undo && (
            <button type="button" class="btn" onClick={undo(notice.undo)}>
              {t('undo', lang)}
            </button>
          )}
          {notice.problems && (
            <ul class="import-problems">
              {notice.problems.map((p, i) => (
                <li key={i}>
                  <span class="mono">{p.where}</span>：{p[lang]}
                </li>
              ))}
            </ul>
          )}
          <button type="button" class="btn close" aria-label="×" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {all === null ? (
        <p>{t('loading', lang)}</p>
      ) : all.length === 0 ? (
        <p class="muted">{t('noDrafts', lang)}</p>
      ) : rows.length === 0 ? (
        <p class="muted">{t('noMatches', lang)}</p>
      ) : (
        <table class="drafts-table">
          <thead>
            <tr>
              <th>{t('sortTitle', lang)}</th>
              <th>{t('document', lang)}</th>
              <th>{t('statusFilter', lang)}</th>
              <th>{t('updatedAt', lang)}</th>
              <th>
                <span class="sr-only">{t('actions', lang)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((s) => (
              <Fragment key={s.id}>
                <tr data-draft-id={s.id}>
                  <td>
                    <a href={`#/draft/${encodeURIComponent(s.id)}`} class="draft-title">
                      {s.locked ? '🔒 ' : ''}
                      {s.title || (s.locked ? t('lockedDraft', lang) : '')}
                    </a>
                    {s.institution && s.institution !== s.title && <div class="muted">{s.institution}</div>}
                  </td>
                  <td>{docTitles[s.docId] ?? s.docId}</td>
                  <td>
                    <span class={`draft-status status-${s.status}`}>{t(`status.${s.status}`, lang)}</span>
                  </td>
                  <td class="muted">{new Date(s.updated).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
                  <td>
                    <div class="row-actions">
                    <button type="button" class="btn" onClick={duplicate(s.id)}>
                      {t('duplicate', lang)}
                    </button>
                    <button type="button" class="btn" aria-expanded={historyOf === s.id} onClick={() => setHistoryOf(historyOf === s.id ? null : s.id)}>
                      {t('history', lang)}
                    </button>
                    <button type="button" class="btn" onClick={exportDrafts([s.id])}>
                      {t('exportOne', lang)}
                    </button>
                    <button type="button" class="btn remove" onClick={remove(s)}>
                      {t('deleteDraft', lang)}
                    </button>
                    </div>
                  </td>
                </tr>
                {historyOf === s.id && (
                  <tr class="history-row">
                    <td colSpan={5}>
                      <HistoryPanel
                        pack={pack}
                        draftId={s.id}
                        lang={lang}
                        onRestored={(text) => {
                          setNotice({ kind: 'info', text });
                          void reload();
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > limit && (
        <button type="button" class="btn" onClick={() => setLimit(limit + PAGE * 5)}>
          {t('showMore', lang, { n: rows.length - limit })}
        </button>
      )}
    </main>
  );
}
