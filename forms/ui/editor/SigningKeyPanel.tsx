import { useState } from 'preact/hooks';
import { decryptKeyBackup, encryptKeyBackup, passphraseProblem } from '../../core/editor/key-backup';
import { addMonths, todayIso } from '../../core/formats/calendar-date';
import { generateSigningKeys, isPrivateJwk, keyIdOf, trustedKeyFrom, type SigningKeys } from '../../core/signing/keys';
import type { Lang } from '../../core/i18n/lang';
import { downloadJson } from '../download';
import { loadTrustedKeys, saveTrustedKeys } from './editor-storage';
import { saveKeyRing, type KeyRing } from './signing-key-store';
import { textIn } from '../../core/i18n/text';

type Action = 'new' | 'rotate' | 'export' | 'import';

export interface SigningKeyPanelProps {
  lang: Lang;
  ring: KeyRing | null;
  onRing(ring: KeyRing): void;
}

const backupName = (k: SigningKeys) => `signing-key-${k.keyId}.formkit-key.json`;

/**
 * The bureau's signing key: made with a passphrase-encrypted backup downloaded at once (the only moment
 * the key is sure to be exportable), replaced only after a warning, restored from a backup, rotated so
 * institutions follow without re-trusting by hand.
 */
export function SigningKeyPanel({ lang, ring, onRing }: SigningKeyPanelProps) {
  const [action, setAction] = useState<Action | null>(null);
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [overlap, setOverlap] = useState(addMonths(todayIso(), 3) ?? todayIso());
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const keys = ring?.current ?? null;

  const open = (a: Action) => {
    setAction(a);
    setPass('');
    setRepeat('');
    setFile(null);
    setError('');
    setStatus('');
  };

  const run = async () => {
    setError('');
    const needsRepeat = action !== 'import';
    // a plain JWK file (formkit pack keygen) needs no passphrase; everything else does
    const plainJwk = action === 'import' && file ? await file.text().then((t) => { try { const j = JSON.parse(t); return isPrivateJwk(j) ? j : null; } catch { return null; } }) : null;
    if (plainJwk) {
      const keyId = await keyIdOf(plainJwk);
      const next: KeyRing = { current: { keyId, privateJwk: { kty: 'OKP', crv: 'Ed25519', x: plainJwk.x, d: plainJwk.d, kid: keyId }, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: plainJwk.x, kid: keyId } } };
      await saveKeyRing(next);
      onRing(next);
      setAction(null);
      return setStatus(textIn({ zh: `已导入未加密的私钥 ${keyId}：请删除该文件，并用“导出加密备份”另存一份加密备份`, en: `Imported the unencrypted private key ${keyId}: delete that file and keep an encrypted backup instead ("Export an encrypted backup")` }, lang));
    }
    const p = passphraseProblem(pass, needsRepeat ? repeat : undefined);
    if (p) return setError(textIn(p, lang));
    setBusy(true);
    try {
      if (action === 'new' || action === 'rotate') {
        if (action === 'rotate' && (!overlap || overlap <= todayIso())) return setError(textIn({ zh: '过渡期截止日期须晚于今天', en: 'the overlap must end after today' }, lang));
        const made = await generateSigningKeys();
        downloadJson(backupName(made), await encryptKeyBackup(made, pass));
        const next: KeyRing = action === 'new' || !ring ? { current: made } : { current: ring.current, next: made, overlapUntil: overlap };
        await saveKeyRing(next);
        onRing(next);
        setStatus(
          action === 'new'
            ? textIn({ zh: `已生成密钥 ${made.keyId}，加密备份已下载，请离线保存备份和口令`, en: `Made key ${made.keyId}; its encrypted backup was downloaded: keep the file and the passphrase offline` }, lang)
            : textIn({ zh: `已生成新密钥 ${made.keyId}（备份已下载）。下一次发布仍由旧密钥签名，并在包中公布新公钥；各机构在 ${overlap} 前同时信任两把密钥`, en: `Made the next key ${made.keyId} (backup downloaded). The next publish is still signed by the old key and announces the new public key; institutions trust both until ${overlap}` }, lang),
        );
      } else if (action === 'export' && keys) {
        downloadJson(backupName(keys), await encryptKeyBackup(keys, pass));
        setStatus(textIn({ zh: '加密备份已下载', en: 'The encrypted backup was downloaded' }, lang));
      } else if (action === 'import') {
        if (!file) return setError(textIn({ zh: '请选择密钥备份文件', en: 'choose a key backup file' }, lang));
        let json: unknown;
        try {
          json = JSON.parse(await file.text());
        } catch {
          return setError(textIn({ zh: '不是 JSON 文件', en: 'not a JSON file' }, lang));
        }
        const r = await decryptKeyBackup(json, pass);
        if (!r.ok) return setError(textIn(r, lang));
        const next: KeyRing = { current: r.keys };
        await saveKeyRing(next);
        onRing(next);
        setStatus(textIn({ zh: `已导入密钥 ${r.keys.keyId}`, en: `Imported key ${r.keys.keyId}` }, lang));
      }
      setAction(null);
    } finally {
      setBusy(false);
      setPass('');
      setRepeat('');
    }
  };

  const trustOwnKey = async () => {
    if (!keys) return;
    const trusted = await loadTrustedKeys();
    if (!trusted.some((t) => t.keyId === keys.keyId)) await saveTrustedKeys([...trusted, await trustedKeyFrom(keys.publicJwk, textIn({ zh: '本机发布密钥', en: "this browser's publishing key" }, lang))]);
    setStatus(textIn({ zh: '已加入受信任的密钥', en: 'Added to the trusted keys' }, lang));
  };

  return (
    <div class="signing-keys">
      <h3>{textIn({ zh: '签名密钥（Ed25519）', en: 'Signing key (Ed25519)' }, lang)}</h3>
      {keys ? (
        <>
          <p>
            {textIn({ zh: '密钥编号', en: 'Key id' }, lang)} <code data-testid="key-id">{keys.keyId}</code>
          </p>
          <label>
            {textIn({ zh: '公钥（发给各机构，在其设置中添加为受信任的密钥）', en: 'Public key (send to institutions to add as a trusted key)' }, lang)}
            <textarea readOnly rows={3} class="mono" data-testid="public-key" value={JSON.stringify(keys.publicJwk)} />
          </label>
          {ring?.next && (
            <p class="banner warn" data-testid="rotation-pending">
              {textIn({ zh: `密钥轮换进行中：新密钥 ${ring.next.keyId} 将由下一次发布公布（仍由 ${keys.keyId} 签名），过渡期至 ${ring.overlapUntil}。`, en: `Key rotation under way: the next publish (still signed by ${keys.keyId}) announces the new key ${ring.next.keyId}; overlap until ${ring.overlapUntil}.` }, lang)}
            </p>
          )}
        </>
      ) : (
        <p>{textIn({ zh: '尚无签名密钥', en: 'No signing key yet' }, lang)}</p>
      )}
      <div class="row">
        <button type="button" class="btn" onClick={() => open('new')}>
          {textIn({ zh: '生成新密钥', en: 'Generate a new key' }, lang)}
        </button>
        {keys && (
          <>
            <button type="button" class="btn" onClick={() => open('rotate')} disabled={!!ring?.next}>
              {textIn({ zh: '轮换密钥', en: 'Rotate the key' }, lang)}
            </button>
            <button type="button" class="btn" onClick={() => open('export')}>
              {textIn({ zh: '导出加密备份', en: 'Export an encrypted backup' }, lang)}
            </button>
            <button type="button" class="btn" onClick={trustOwnKey}>
              {textIn({ zh: '在本机信任此密钥', en: 'Trust this key on this browser' }, lang)}
            </button>
          </>
        )}
        <button type="button" class="btn" onClick={() => open('import')}>
          {textIn({ zh: '从备份导入密钥', en: 'Import a key from a backup' }, lang)}
        </button>
      </div>
      {action && (
        <div class="card key-dialog" role="group" aria-label={textIn({ zh: '签名密钥操作', en: 'Signing key action' }, lang)}>
          {action === 'new' && keys && (
            <p class="banner warn" role="alert">
              {textIn({ zh: `将替换当前密钥 ${keys.keyId}。替换后各机构须手动信任新公钥，否则无法安装之后发布的文书包；如只是想更换密钥，请用“轮换密钥”。请先确认已导出当前密钥的备份。`, en: `This replaces the current key ${keys.keyId}. Every institution must then trust the new public key by hand or it cannot install later packs; to change keys smoothly use "Rotate the key". Make sure the current key is backed up first.` }, lang)}
            </p>
          )}
          {action === 'rotate' && (
            <label>
              {textIn({ zh: '过渡期截止（此前两把密钥都受信任）', en: 'Overlap ends (both keys trusted until then)' }, lang)}
              <input type="date" name="overlap-until" value={overlap} onInput={(e) => setOverlap(e.currentTarget.value)} />
            </label>
          )}
          {action === 'import' && (
            <label>
              {textIn({ zh: '密钥备份文件（或 formkit pack keygen 生成的私钥 JWK）', en: 'Key backup file (or a private JWK from formkit pack keygen)' }, lang)}
              <input type="file" name="key-backup" accept=".json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
            </label>
          )}
          <label>
            {textIn({ zh: '备份口令', en: 'Backup passphrase' }, lang)}
            <input type="password" name="key-passphrase" autoComplete="new-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} />
          </label>
          {action !== 'import' && (
            <label>
              {textIn({ zh: '再次输入口令', en: 'Repeat the passphrase' }, lang)}
              <input type="password" name="key-passphrase-repeat" autoComplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
            </label>
          )}
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="row">
            <button type="button" class="btn primary" disabled={busy} onClick={run}>
              {action === 'new'
                ? keys
                  ? textIn({ zh: '确认替换并下载加密备份', en: 'Replace and download the encrypted backup' }, lang)
                  : textIn({ zh: '生成并下载加密备份', en: 'Generate and download the encrypted backup' }, lang)
                : action === 'rotate'
                  ? textIn({ zh: '生成下一把密钥并下载备份', en: 'Make the next key and download its backup' }, lang)
                  : action === 'export'
                    ? textIn({ zh: '下载加密备份', en: 'Download the encrypted backup' }, lang)
                    : textIn({ zh: '导入', en: 'Import' }, lang)}
            </button>
            <button type="button" class="btn" onClick={() => setAction(null)}>
              {textIn({ zh: '取消', en: 'Cancel' }, lang)}
            </button>
          </div>
        </div>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}
