import { useEffect, useState } from 'preact/hooks';
import { type Lang } from '../../../shared/i18n';
import { errorText } from '../../core/i18n/text';
import { t } from './strings';
import { draftsEnv, enableEncryption, lockParams, unlockDrafts } from './drafts-env';
import { PassphrasePrompt } from './PassphrasePrompt';

/** Turn encryption at rest on, or unlock encrypted drafts for this page. */
export function EncryptionPanel(props: { lang: Lang; onChanged(): void }) {
  const { lang } = props;
  const env = draftsEnv();
  const [state, setState] = useState<'unknown' | 'off' | 'locked' | 'unlocked'>('unknown');
  const [p1, setP1] = useState('');
  const [p2, setP2] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    lockParams(env).then(
      (p) => setState(!p ? 'off' : env.key ? 'unlocked' : 'locked'),
      () => setState('off'),
    );
  }, []);
  if (state === 'unknown') return null;
  if (state === 'locked')
    return (
      <PassphrasePrompt
        lang={lang}
        onUnlock={async (p) => {
          await unlockDrafts(env, p);
          setState('unlocked');
          props.onChanged();
        }}
      />
    );
  if (state === 'unlocked')
    return (
      <p class="draft-note">
        🔓 {t('encryption', lang)}：{t('unlocked', lang)}
      </p>
    );
  return (
    <details class="drafts-card">
      <summary>{t('encryption', lang)}</summary>
      <p class="muted">{t('encryptionOff', lang)}</p>
      <form
        onSubmit={async (ev) => {
          ev.preventDefault();
          if (p1.length < 8) return setMsg(t('passphraseShort', lang));
          if (p1 !== p2) return setMsg(t('passphraseMismatch', lang));
          setBusy(true);
          setMsg(t('encrypting', lang));
          try {
            await enableEncryption(env, p1);
            setState('unlocked');
            setMsg(null);
            props.onChanged();
          } catch (e) {
            setMsg(errorText(e, lang));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          {t('passphrase', lang)}
          <input type="password" autocomplete="new-password" value={p1} onInput={(e) => setP1(e.currentTarget.value)} />
        </label>
        <label>
          {t('passphraseAgain', lang)}
          <input type="password" autocomplete="new-password" value={p2} onInput={(e) => setP2(e.currentTarget.value)} />
        </label>
        {msg && <p role="alert">{msg}</p>}
        <button type="submit" class="btn" disabled={busy}>
          {t('setPassphrase', lang)}
        </button>
      </form>
    </details>
  );
}
