import { useState } from 'preact/hooks';
import { WrongPassphraseError } from '../../core/drafts/encryption';
import { type Lang } from '../../../shared/i18n';
import { t } from './strings';

/** Asks for the passphrase of locked drafts; a wrong one is refused with a message and changes nothing. */
export function PassphrasePrompt(props: { lang: Lang; onUnlock(passphrase: string): Promise<void> }) {
  const { lang } = props;
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="drafts-card passphrase-prompt"
      onSubmit={async (ev) => {
        ev.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await props.onUnlock(value);
        } catch (e) {
          setError(e instanceof WrongPassphraseError ? e[lang] : (e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2>{t('unlockTitle', lang)}</h2>
      <label>
        {t('passphrase', lang)}
        <input type="password" autocomplete="current-password" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="finding error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn primary" disabled={busy || !value}>
        {t('unlock', lang)}
      </button>
    </form>
  );
}
