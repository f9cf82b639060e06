import { setLang, t, type Lang } from '../../shared/i18n';

/** Switches the UI between Chinese and English and remembers the choice for every extension page. */
export function LanguageToggle({ lang, onChange }: { lang: Lang; onChange(lang: Lang): void }) {
  return (
    <button
      type="button"
      class="btn lang"
      onClick={() => {
        const next: Lang = lang === 'zh' ? 'en' : 'zh';
        setLang(next);
        onChange(next);
      }}
    >
      {t('language', lang)}
    </button>
  );
}
