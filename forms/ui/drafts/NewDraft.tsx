import { useEffect, useState } from 'preact/hooks';
import { createDraft, documentTitle } from '../../core/drafts/draft-model';
import type { Draft } from '../../core/drafts/types';
import type { Pack } from '../../core/pack/types';
import type { SchemaEngine } from '../../core/validation/types';
import { t, type Lang } from '../../../shared/i18n';
import { OpenDraftView } from './DraftEditor';
import { draftsEnv, sealer } from './drafts-env';
import './strings';
import { UnknownDocument } from '../UnknownDocument';

/**
 * `#/new/<docId>[?prefill=…]`: creates the draft at once (so nothing typed can be lost) and replaces
 * the hash with `#/draft/<id>` — back does not create a second draft. When storage fails the form
 * opens anyway on the unsaved draft: autosave shows 保存失败, offers export and keeps retrying.
 */
export function NewDraft(props: { pack: Pack; engine: SchemaEngine; docId: string; lang: Lang; initialData: Record<string, unknown> }) {
  const { pack, engine, docId, lang, initialData } = props;
  const [unsaved, setUnsaved] = useState<{ draft: Draft; zh: string; en: string } | null>(null);
  useEffect(() => {
    if (!pack.documents[docId]) return;
    const env = draftsEnv();
    const draft = createDraft({ docId, packId: pack.manifest.id, packVersion: pack.manifest.version, docTitle: documentTitle(pack, docId), data: initialData });
    const { seal } = sealer(env);
    (seal ? seal(draft) : Promise.resolve(draft))
      .then((d) => env.store.saveDraft(d, { expectedRevision: null, reason: 'create' }))
      .then(() => location.replace(`#/draft/${encodeURIComponent(draft.id)}`))
      .catch((e: unknown) => {
        const f = e as { zh?: unknown; en?: unknown };
        setUnsaved({ draft, zh: typeof f.zh === 'string' ? f.zh : String(e), en: typeof f.en === 'string' ? f.en : String(e) });
      });
  }, [pack, docId]);
  if (!pack.documents[docId]) {
    return <UnknownDocument docId={docId} lang={lang} />;
  }
  if (unsaved) {
    return (
      <>
        <p class="banner error" role="alert">
          {unsaved[lang]}
        </p>
        <OpenDraftView pack={pack} engine={engine} lang={lang} opened={{ draft: unsaved.draft, notCarried: [] }} />
      </>
    );
  }
  return (
    <main class="page">
      <p>{t('creatingDraft', lang)}</p>
    </main>
  );
}
