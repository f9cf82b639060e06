import { t, type Lang } from '../../shared/i18n';

/** A route named a document the active pack does not have (an old link, or a pack that changed). */
export function UnknownDocument({ docId, lang }: { docId: string; lang: Lang }) {
  return (
    <main class="page">
      <p class="finding error" role="alert">
        {t('unknownDocument', lang)}：{docId}
      </p>
      <a href="#/">{t('back', lang)}</a>
    </main>
  );
}
