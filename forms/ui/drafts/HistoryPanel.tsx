import { useEffect, useState } from 'preact/hooks';
import { documentTitle, withEdit } from '../../core/drafts/draft-model';
import { unsealRevision } from '../../core/drafts/sealing';
import type { Revision } from '../../core/drafts/types';
import type { Pack } from '../../core/pack/types';
import { type Lang } from '../../../shared/i18n';
import { errorText } from '../../core/i18n/text';
import { t } from './strings';
import { draftsEnv, LockedError, sealer } from './drafts-env';

/** A draft's history; restoring a revision writes it as a new revision (nothing in between is lost). */
export function HistoryPanel(props: { pack: Pack; draftId: string; lang: Lang; onRestored(msg: string): void }) {
  const { pack, draftId, lang } = props;
  const env = draftsEnv();
  const [revs, setRevs] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () =>
    env.store.listRevisions(draftId).then(setRevs, (e: unknown) => setError((e as { [k: string]: string })[lang] ?? String(e)));
  useEffect(() => {
    void reload();
  }, [draftId]);

  const restore = async (r: Revision) => {
    try {
      const stored = await env.store.getDraft(draftId);
      if (!stored) return;
      if ((stored.sealed || r.sealed) && !env.key) throw new LockedError();
      const { seal, unseal } = sealer(env);
      const current = unseal ? await unseal(stored) : stored;
      const old = env.key ? await unsealRevision(env.key, r) : r;
      const next = withEdit(current, structuredClone(old.data), documentTitle(pack, current.docId), current.status === 'submitted' ? 'has-errors' : current.status);
      const saved = await env.store.saveDraft(seal ? await seal(next) : next, { expectedRevision: stored.revision, reason: 'restore' });
      env.channel.post({ type: 'saved', draftId, revision: saved.revision });
      props.onRestored(t('restored', lang, { from: r.revision, to: saved.revision }));
      await reload();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  if (error) return <p class="finding error" role="alert">{error}</p>;
  if (!revs) return <p>{t('loading', lang)}</p>;
  return (
    <ol class="history-list">
      {revs.map((r) => (
        <li key={r.revision}>
          <span>{t('revision', lang, { n: r.revision })}</span>
          <span class="muted">{new Date(r.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</span>
          <span class="muted">{t(`reason.${r.reason}`, lang)}</span>
          <span class="history-title">{r.title}</span>
          <button type="button" class="btn" onClick={() => void restore(r)}>
            {t('restore', lang)}
          </button>
        </li>
      ))}
    </ol>
  );
}
