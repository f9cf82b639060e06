import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkPack } from '../../core/editor/check-pack';
import { diffPacks } from '../../core/editor/pack-diff';
import type { PackProblem } from '../../core/editor/problem';
import { nextPatchVersion, publishVersion } from '../../core/editor/publish';
import { parsePack } from '../../core/pack/parse-pack';
import { todayIso } from '../../core/formats/calendar-date';
import type { Pack, PackFiles } from '../../core/pack/types';
import { generateSigningKeys, isPrivateJwk, keyIdOf, trustedKeyFrom, type SigningKeys } from '../../core/signing/keys';
import { signPack } from '../../core/signing/sign-pack';
import type { Lang } from '../../core/i18n/lang';
import { DiffView } from './DiffView';
import { downloadJson } from '../download';
import { loadSigningKeys, loadTrustedKeys, saveSigningKeys, saveTrustedKeys } from './editor-storage';
import { pick } from './lang';
import { ProblemList } from './ProblemList';

export interface PublishPanelProps {
  lang: Lang;
  /** the pack the edits started from (the previous version) */
  base: Pack;
  /** the checked pack (for the diff shown while editing) */
  draft: Pack | null;
  /** the files as they are now: what is published and signed */
  files: PackFiles;
  renames: Record<string, Record<string, string>>;
  /** the published files become the new working copy and base */
  onPublished(files: PackFiles): void;
}

/** Version, effective date and notes; the diff against the previous version; sign and export. */
export function PublishPanel({ lang, base, draft, files, renames, onPublished }: PublishPanelProps) {
  const [version, setVersion] = useState(nextPatchVersion(base.manifest.version));
  const [effective, setEffective] = useState(todayIso());
  const [notesZh, setNotesZh] = useState('');
  const [notesEn, setNotesEn] = useState('');
  const [keys, setKeys] = useState<SigningKeys | null>(null);
  const [importKey, setImportKey] = useState('');
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [status, setStatus] = useState('');
  // after a publish the published version is the base: offer the next number
  useEffect(() => setVersion(nextPatchVersion(base.manifest.version)), [base]);
  useEffect(() => {
    void loadSigningKeys().then((k) => setKeys(k ?? null));
  }, []);
  const diff = useMemo(() => (draft ? diffPacks(base, draft) : null), [base, draft]);

  const newKey = async () => {
    const k = await generateSigningKeys();
    await saveSigningKeys(k);
    setKeys(k);
  };
  const useImported = async () => {
    try {
      const jwk = JSON.parse(importKey);
      if (!isPrivateJwk(jwk)) throw new Error(pick(lang, '不是 Ed25519 私钥（JWK）', 'not an Ed25519 private JWK'));
      const keyId = await keyIdOf(jwk);
      const k: SigningKeys = { keyId, privateJwk: { ...jwk, kid: keyId }, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keyId } };
      await saveSigningKeys(k);
      setKeys(k);
      setImportKey('');
    } catch (e) {
      setStatus((e as Error).message);
    }
  };
  const trustOwnKey = async () => {
    if (!keys) return;
    const trusted = await loadTrustedKeys();
    if (!trusted.some((t) => t.keyId === keys.keyId)) await saveTrustedKeys([...trusted, await trustedKeyFrom(keys.publicJwk, pick(lang, '本机发布密钥', 'this browser\'s publishing key'))]);
    setStatus(pick(lang, '已加入受信任的密钥', 'Added to the trusted keys'));
  };

  const publish = async () => {
    setStatus('');
    const now = checkPack(files);
    if (now.length) return setProblems(now);
    const current = parsePack(files);
    if (!keys) return setProblems([{ where: '(key)', zh: '请先生成或导入签名密钥', en: 'generate or import a signing key first' }]);
    const r = publishVersion(base, current, { version, effective, changeNotes: { zh: notesZh, en: notesEn || notesZh }, renames });
    if (!r.ok) return setProblems(r.problems);
    const found = checkPack(r.files);
    setProblems(found);
    if (found.length) return;
    const signed = await signPack(r.files, keys.privateJwk);
    downloadJson(`${base.manifest.id}-${version}.formkit-pack.json`, signed);
    onPublished(r.files);
    setStatus(pick(lang, `已发布 ${version} 并导出签名文件（密钥 ${keys.keyId}）`, `Published ${version} and exported the signed file (key ${keys.keyId})`));
  };

  return (
    <section class="publish card" aria-label={pick(lang, '发布', 'Publish')}>
      <h2>{pick(lang, '发布新版本', 'Publish a new version')}</h2>
      <div class="row">
        <label>
          {pick(lang, '版本号', 'Version')}
          <input name="version" value={version} onInput={(e) => setVersion(e.currentTarget.value)} />
        </label>
        <label>
          {pick(lang, '生效日期', 'Effective date')}
          <input name="effective" type="date" value={effective} onInput={(e) => setEffective(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        {pick(lang, '变更说明（中文）', 'Change notes (Chinese)')}
        <textarea name="notes-zh" rows={2} value={notesZh} onInput={(e) => setNotesZh(e.currentTarget.value)} />
      </label>
      <label>
        {pick(lang, '变更说明（英文）', 'Change notes (English)')}
        <textarea name="notes-en" rows={2} value={notesEn} onInput={(e) => setNotesEn(e.currentTarget.value)} />
      </label>
      <h3>{pick(lang, `与 ${base.manifest.version} 相比`, `Compared with ${base.manifest.version}`)}</h3>
      {diff && <DiffView diff={diff} lang={lang} />}
      <h3>{pick(lang, '签名密钥（Ed25519）', 'Signing key (Ed25519)')}</h3>
      {keys ? (
        <>
          <p>
            {pick(lang, '密钥编号', 'Key id')} <code data-testid="key-id">{keys.keyId}</code>
          </p>
          <label>
            {pick(lang, '公钥（发给各机构，在其设置中添加为受信任的密钥）', 'Public key (send to institutions to add as a trusted key)')}
            <textarea readOnly rows={3} class="mono" data-testid="public-key" value={JSON.stringify(keys.publicJwk)} />
          </label>
          <button type="button" class="btn" onClick={trustOwnKey}>
            {pick(lang, '在本机信任此密钥', 'Trust this key on this browser')}
          </button>
        </>
      ) : (
        <p>{pick(lang, '尚无签名密钥', 'No signing key yet')}</p>
      )}
      <div class="row">
        <button type="button" class="btn" onClick={newKey}>
          {pick(lang, '生成新密钥', 'Generate a new key')}
        </button>
        <label>
          {pick(lang, '或导入私钥（JWK）', 'or import a private key (JWK)')}
          <textarea rows={2} class="mono" value={importKey} onInput={(e) => setImportKey(e.currentTarget.value)} />
        </label>
        <button type="button" class="btn" disabled={!importKey.trim()} onClick={useImported}>
          {pick(lang, '使用此私钥', 'Use this key')}
        </button>
      </div>
      <ProblemList lang={lang} problems={problems} />
      <button type="button" class="btn primary" onClick={publish}>
        {pick(lang, '发布并导出签名文书包', 'Publish and export the signed pack')}
      </button>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
