import { useEffect, useMemo, useState } from 'preact/hooks';
import { documentTitle, withEdit } from '../../core/drafts/draft-model';
import { unsealRevision } from '../../core/drafts/sealing';
import type { DraftData, Revision } from '../../core/drafts/types';
import { documentSchema } from '../../core/pack/document-schema';
import type { JsonSchema, Pack } from '../../core/pack/types';
import { type Lang } from '../../../shared/i18n';
import { errorText } from '../../core/i18n/text';
import { t } from './strings';
import { draftsEnv, LockedError, sealer } from './drafts-env';
import { changeSummary, diffData, groupSessions, type FieldChange } from './revision-diff';

type Shown = Revision & { changes: FieldChange[] | null };

/**
 * A draft's history, by working session, each revision saying which fields it changed. Restoring asks
 * first (showing what the restore changes), writes the old data as a new revision (nothing in between
 * is lost) and offers to undo it.
 */
export function HistoryPanel(props: { pack: Pack; draftId: string; lang: Lang; onRestored(msg: string): void }) {
  const { pack, draftId, lang } = props;
  const env = draftsEnv();
  const [revs, setRevs] = useState<Shown[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ rev: Shown; changes: FieldChange[] | null } | null>(null);
  const [undoable, setUndoable] = useState<{ data: DraftData; text: string } | null>(null);

  /** A revision's data in the clear, or null when it is sealed and the passphrase was not entered. */
  const open = async (r: Revision): Promise<DraftData | null> => (r.sealed ? (env.key ? (await unsealRevision(env.key, r)).data : null) : r.data);

  const reload = async () => {
    try {
      const list = await env.store.listRevisions(draftId);
      const sorted = [...list].sort((a, b) => b.revision - a.revision);
      const datas = await Promise.all(sorted.map((r) => open(r).catch(() => null)));
      const docId = (await env.store.getDraft(draftId))?.docId;
      const schema: JsonSchema | null = docId && pack.documents[docId] ? documentSchema(pack, docId) : null;
      setRevs(
        sorted.map((r, i) => {
          const before = i + 1 < sorted.length ? datas[i + 1] : {};
          const after = datas[i];
          return { ...r, changes: schema && after && before ? diffData(schema, before, after, lang) : null };
        }),
      );
    } catch (e) {
      setError((e as { [k: string]: string })[lang] ?? String(e));
    }
  };
  useEffect(() => {
    void reload();
  }, [draftId, lang]);

  /** Writes `data` as the draft's newest revision; returns the revision it replaced and the new one. */
  const write = async (data: DraftData) => {
    const stored = await env.store.getDraft(draftId);
    if (!stored) throw new Error(t('draftMissing', lang));
    if (stored.sealed && !env.key) throw new LockedError();
    const { seal, unseal } = sealer(env);
    const current = await unseal(stored);
    const next = withEdit(current, structuredClone(data), documentTitle(pack, current.docId), current.status === 'submitted' ? 'has-errors' : current.status);
    const saved = await env.store.saveDraft(await seal(next), { expectedRevision: stored.revision, reason: 'restore' });
    env.channel.post({ type: 'saved', draftId, revision: saved.revision });
    return { before: current, saved };
  };

  const ask = async (r: Shown) => {
    try {
      const stored = await env.store.getDraft(draftId);
      const { unseal } = sealer(env);
      const current = stored && (stored.sealed ? await unseal(stored) : stored);
      const old = await open(r);
      const changes = current && old && pack.documents[current.docId] ? diffData(documentSchema(pack, current.docId), current.data, old, lang) : null;
      setAsking({ rev: r, changes });
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const restore = async (r: Revision) => {
    try {
      const old = await open(r);
      if (!old) throw new LockedError();
      const { before, saved } = await write(old);
      const text = t('restored', lang, { from: r.revision, to: saved.revision });
      setAsking(null);
      setUndoable({ data: before.data, text });
      props.onRestored(text);
      await reload();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const undo = async () => {
    if (!undoable) return;
    try {
      const { saved } = await write(undoable.data);
      setUndoable(null);
      props.onRestored(t('restoreUndone', lang, { to: saved.revision }));
      await reload();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const sessions = useMemo(() => (revs ? (groupSessions(revs) as Shown[][]) : []), [revs]);
  const when = (at: string) => new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const time = (at: string) => new Date(at).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

  if (error) return <p class="finding error" role="alert">{error}</p>;
  if (!revs) return <p>{t('loading', lang)}</p>;
  return (
    <div class="history">
      {undoable && (
        <p class="history-undo" role="status">
          {undoable.text}{' '}
          <button type="button" class="btn" onClick={() => void undo()}>
            {t('undoRestore', lang)}
          </button>
        </p>
      )}
      {asking && (
        <div class="history-confirm" role="alertdialog" aria-labelledby="history-confirm-title" aria-describedby="history-confirm-what">
          <p id="history-confirm-title">
            <strong>{t('restoreAsk', lang, { n: asking.rev.revision })}</strong>
          </p>
          <p id="history-confirm-what">
            {asking.changes ? t('restoreWillChange', lang, { what: changeSummary(asking.changes, lang, 8) }) : t('restoreUnknown', lang)}
          </p>
          <button type="button" class="btn primary" onClick={() => void restore(asking.rev)} autoFocus>
            {t('restoreConfirm', lang)}
          </button>{' '}
          <button type="button" class="btn" onClick={() => setAsking(null)}>
            {t('cancel', lang)}
          </button>
        </div>
      )}
      {sessions.map((session, i) => {
        const newest = session[0];
        const oldest = session[session.length - 1];
        const changed = [...new Set(session.flatMap((r) => r.changes ?? []).map((c) => c.label))];
        return (
          <details class="history-session" key={newest.revision} open={i === 0}>
            <summary>
              <span class="history-when">
                {when(oldest.at)}
                {session.length > 1 && ` – ${time(newest.at)}`}
              </span>{' '}
              <span class="muted">{t('sessionSaves', lang, { n: session.length })}</span>{' '}
              <span class="history-what">{changed.length ? changeSummary(changed.map((label) => ({ label, path: label, kind: 'changed' as const })), lang) : ''}</span>
            </summary>
            <ol class="history-list">
              {session.map((r) => (
                <li key={r.revision}>
                  <span>{t('revision', lang, { n: r.revision })}</span>
                  <span class="muted">{time(r.at)}</span>
                  <span class="muted">{t(`reason.${r.reason}`, lang)}</span>
                  <span class="history-title">{r.changes ? changeSummary(r.changes, lang) : r.title}</span>
                  <button type="button" class="btn" onClick={() => void ask(r)} disabled={r === revs[0]} aria-label={`${t('restore', lang)}：${t('revision', lang, { n: r.revision })}`}>
                    {t('restore', lang)}
                  </button>
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </div>
  );
}

