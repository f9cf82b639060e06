import { useEffect, useState } from 'preact/hooks';
import { openDraft } from '../../core/drafts/open-draft';
import { pruneHidden } from '../../core/schema/prune-hidden';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { t } from '../../../shared/i18n';
import { draftsEnv, lockParams, sealer } from '../drafts/drafts-env';
import { PrintButton } from '../print/PrintButton';
import { PrintView } from '../print/PrintView';

type Load =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'locked' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; docId: string; data: unknown; draft: boolean };

/** `#/print/<draftId>`: a stored draft as its printed form (A4 preview on screen), ready to print. */
export function PrintDraftPage({ pack, draftId, lang }: { pack: Pack; draftId: string; lang: Lang }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    (async (): Promise<Load> => {
      const env = draftsEnv();
      const stored = await env.store.getDraft(draftId);
      if (!stored) return { kind: 'missing' };
      if (stored.sealed && !env.key && (await lockParams(env))) return { kind: 'locked' };
      const opened = await openDraft(pack, env.store, draftId, { ...sealer(env), journal: env.journal });
      if (!opened || !pack.documents[opened.draft.docId]) return { kind: 'missing' };
      const data = opened.recovered ?? opened.draft.data;
      // a draft not checked clean (its stored status) prints as a draft
      const clean = opened.draft.status === 'valid' || opened.draft.status === 'submitted';
      return { kind: 'ready', docId: opened.draft.docId, data: pruneHidden(pack, opened.draft.docId, data), draft: !clean || Boolean(opened.recovered) };
    })().then(
      (l) => live && setLoad(l),
      (e: unknown) => {
        // storage and decryption faults carry their own zh/en text (e.g. a sealed draft that cannot be decrypted)
        const own = (e as { [k: string]: unknown } | null)?.[lang];
        if (live) setLoad({ kind: 'error', message: typeof own === 'string' ? own : e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [pack, draftId]);

  const back = <a href={`#/draft/${encodeURIComponent(draftId)}`}>{t('back', lang)}</a>;
  if (load.kind !== 'ready') {
    const text =
      load.kind === 'loading'
        ? t('printLoading', lang)
        : load.kind === 'missing'
          ? t('printMissing', lang)
          : load.kind === 'locked'
            ? t('printLocked', lang)
            : `${t('printFailed', lang)}：${load.message}`;
    return (
      <main class="page">
        <p class={load.kind === 'loading' ? '' : 'finding error'} role={load.kind === 'loading' ? 'status' : 'alert'}>
          {text}
        </p>
        {back}
      </main>
    );
  }
  return (
    <main class="page print-page">
      <div class="print-toolbar no-print">
        {back}
        <PrintButton lang={lang} />
      </div>
      <PrintView pack={pack} docId={load.docId} data={load.data} lang={lang} draft={load.draft ? {} : null} />
    </main>
  );
}
