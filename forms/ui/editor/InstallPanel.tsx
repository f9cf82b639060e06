import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkPack } from '../../core/editor/check-pack';
import { describeLimits } from '../../core/pack/limits';
import { diffPacks, type PackDiff } from '../../core/editor/pack-diff';
import { keysInForce, rotationOf, trustAfterRotation, type KeyRotation, type TrustedKeyUntil } from '../../core/editor/key-rotation';
import { todayIso } from '../../core/formats/calendar-date';
import type { PackProblem } from '../../core/editor/problem';
import { parsePack } from '../../core/pack/parse-pack';
import type { Pack } from '../../core/pack/types';
import { isPublicJwk, trustedKeyFrom, type TrustedKey } from '../../core/signing/keys';
import type { SignedPackFile } from '../../core/signing/pack-file';
import { verifyPackFile } from '../../core/signing/verify-pack';
import { installOrder, OLDER_PACK_WARNING } from '../../core/signing/install-order';
import type { Lang } from '../../core/i18n/lang';
import type { ActivePack } from '../../../shared/active-pack';
import { DiffView } from './DiffView';
import {
  installPack,
  loadBureauMode,
  loadInstalled,
  loadPackUrl,
  loadPrevious,
  loadTrustedKeys,
  rollbackPack,
  saveBureauMode,
  savePackUrl,
  saveTrustedKeys,
} from './editor-storage';
import { ProblemList } from './ProblemList';
import { AllowedOriginsSettings } from '../fill/AllowedOriginsSettings';
import { textIn } from '../../core/i18n/text';

type Pending = { file: SignedPackFile; pack: Pack; diff: PackDiff; signer: string; signerKey: TrustedKey; rotation: KeyRotation | null };

/**
 * For institutions: trusted keys and the pack URL in settings, import from a file or an HTTPS URL,
 * verify → check → show the diff → install on confirmation; rollback to the previous pack.
 */
export function InstallPanel({ lang, active, onInstalled }: { lang: Lang; active: ActivePack; onInstalled(): void }) {
  const [trusted, setTrusted] = useState<TrustedKeyUntil[]>([]);
  const [bureau, setBureau] = useState(false);
  const [url, setUrl] = useState('');
  const [keyText, setKeyText] = useState('');
  const [keyName, setKeyName] = useState('');
  const [refusal, setRefusal] = useState<PackProblem[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState('');
  const [canRollback, setCanRollback] = useState(false);

  const refresh = async () => {
    setTrusted(await loadTrustedKeys());
    setBureau(await loadBureauMode());
    setUrl(await loadPackUrl());
    setCanRollback((await loadInstalled()) !== undefined || !!(await loadPrevious()));
  };
  useEffect(() => {
    void refresh();
  }, []);

  const consider = async (input: unknown, source: string) => {
    setPending(null);
    setStatus('');
    // a key rotated out is trusted only until the end of its overlap
    const all = await loadTrustedKeys();
    const v = await verifyPackFile(input, keysInForce(all, todayIso()));
    if (!v.ok) {
      const expired = all.find((k) => k.until && k.until < todayIso() && (input as { signature?: { keyId?: unknown } })?.signature?.keyId === k.keyId);
      if (expired) return setRefusal([{ where: source, zh: `签名密钥 ${expired.name} 已于 ${expired.until} 轮换停用，已拒绝：请安装由新密钥签名的文书包`, en: `signing key ${expired.name} was rotated out on ${expired.until} and the pack was refused: install a pack signed by the new key` }]);
      return setRefusal([{ where: source, zh: v.zh, en: v.en }]);
    }
    const problems = checkPack(v.file.files);
    if (problems.length) return setRefusal(problems);
    const pack = parsePack(v.file.files);
    setRefusal([]);
    setPending({ file: v.file, pack, diff: diffPacks(active.pack, pack), signer: v.key.name, signerKey: v.key, rotation: rotationOf(v.file.files) });
  };

  const fromFile = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      return setRefusal([{ where: file.name, zh: `不是 JSON 文件：${(e as Error).message}`, en: `not a JSON file: ${(e as Error).message}` }]);
    }
    await consider(json, file.name);
  };

  const fromUrl = async () => {
    let u: URL;
    try {
      u = new URL(url);
      if (u.protocol !== 'https:') throw new Error('https');
    } catch {
      return setRefusal([{ where: url || '(URL)', zh: '请填写以 https:// 开头的地址', en: 'enter an address starting with https://' }]);
    }
    await savePackUrl(url);
    const get = () => fetch(u.href, { cache: 'no-store', credentials: 'omit' });
    try {
      let res: Response;
      try {
        // static hosts and CDNs that allow cross-origin reads need no permission at all
        res = await get();
      } catch {
        // otherwise host access is asked for this one origin only, when the user fetches
        const granted = await browser.permissions.request({ origins: [`${u.origin}/*`] }).catch(() => false);
        if (!granted) return setRefusal([{ where: u.origin, zh: '无法读取该网站（未获准访问）', en: 'the site cannot be read (access not granted)' }]);
        res = await get();
      }
      if (!res.ok) return setRefusal([{ where: u.href, zh: `下载失败：HTTP ${res.status}`, en: `download failed: HTTP ${res.status}` }]);
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        return setRefusal([{ where: u.href, zh: '下载的内容不是 JSON', en: 'the download is not JSON' }]);
      }
      await consider(json, u.href);
    } catch (e) {
      setRefusal([{ where: u.href, zh: `下载失败：${(e as Error).message}`, en: `download failed: ${(e as Error).message}` }]);
    }
  };

  const addKey = async () => {
    try {
      const jwk = JSON.parse(keyText);
      if (!isPublicJwk(jwk)) throw new Error();
      const k = await trustedKeyFrom(jwk, keyName);
      const next = [...trusted.filter((t) => t.keyId !== k.keyId), k];
      await saveTrustedKeys(next);
      setTrusted(next);
      setKeyText('');
      setKeyName('');
      setStatus(textIn({ zh: `已信任密钥 ${k.keyId}`, en: `Trusted key ${k.keyId}` }, lang));
    } catch {
      setStatus(textIn({ zh: '不是 Ed25519 公钥（JWK）', en: 'not an Ed25519 public key (JWK)' }, lang));
    }
  };

  const apply = async () => {
    if (!pending) return;
    const from = active.pack.manifest.version;
    const to = pending.pack.manifest.version;
    if (installOrder(active.pack.manifest, pending.pack.manifest) === 'older' && !globalThis.confirm(textIn({ zh: OLDER_PACK_WARNING.zh(from, to), en: OLDER_PACK_WARNING.en(from, to) }, lang))) {
      return setStatus(textIn({ zh: '未安装：保留当前较新的版本', en: 'Not installed: the newer pack in use stays' }, lang));
    }
    await installPack(pending.file);
    if (pending.rotation) await saveTrustedKeys(await trustAfterRotation(await loadTrustedKeys(), pending.signerKey, pending.rotation));
    setStatus(textIn({ zh: `已安装 ${pending.pack.manifest.id} ${pending.pack.manifest.version}`, en: `Installed ${pending.pack.manifest.id} ${pending.pack.manifest.version}` }, lang));
    setPending(null);
    await refresh();
    onInstalled();
  };

  return (
    <section class="install" aria-label={textIn({ zh: '安装文书包与设置', en: 'Install pack and settings' }, lang)}>
      <div class="card">
        <h2>{textIn({ zh: '当前文书包', en: 'Current pack' }, lang)}</h2>
        <p data-testid="current-pack">
          {active.pack.manifest.id} {active.pack.manifest.version}（{active.origin === 'installed' ? textIn({ zh: '已安装', en: 'installed' }, lang) : active.origin === 'preview' ? textIn({ zh: '预览，未发布', en: 'preview, not published' }, lang) : textIn({ zh: '内置', en: 'bundled' }, lang)}）
        </p>
        {canRollback && (
          <button
            type="button"
            class="btn"
            onClick={async () => {
              try {
                await rollbackPack();
              } catch (e) {
                const f = e as { zh?: string; en?: string };
                return setStatus(textIn({ zh: f.zh ?? String(e), en: f.en ?? String(e) }, lang));
              }
              setStatus(textIn({ zh: '已恢复上一个文书包', en: 'Restored the previous pack' }, lang));
              await refresh();
              onInstalled();
            }}
          >
            {textIn({ zh: '恢复上一个文书包', en: 'Roll back to the previous pack' }, lang)}
          </button>
        )}
      </div>
      <div class="card">
        <h2>{textIn({ zh: '导入文书包', en: 'Import a pack' }, lang)}</h2>
        <p class="hint">
          {textIn({ zh: '只安装受信任密钥签名、且通过全部安全检查的文书包。', en: 'Only packs signed by a trusted key that pass every safety check are installed.' }, lang)} {textIn(describeLimits(), lang)}
        </p>
        <label class="btn">
          {textIn({ zh: '选择文书包文件', en: 'Choose a pack file' }, lang)}
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-testid="pack-file"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void fromFile(f);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <div class="row">
          <label>
            {textIn({ zh: '或从 HTTPS 地址获取', en: 'or fetch from an HTTPS address' }, lang)}
            <input name="pack-url" type="url" placeholder="https://…/pack.json" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <button type="button" class="btn" onClick={fromUrl}>
            {textIn({ zh: '获取', en: 'Fetch' }, lang)}
          </button>
        </div>
        <ProblemList lang={lang} problems={refusal} title={textIn({ zh: '文书包被拒绝', en: 'The pack was refused' }, lang)} />
        {pending && (
          <div class="pending">
            <p>{textIn({ zh: `签名有效（${pending.signer}），安全检查通过。安装前请查看变更：`, en: `Signature valid (${pending.signer}) and safety checks passed. Review the changes before installing:` }, lang)}</p>
            <DiffView diff={pending.diff} lang={lang} />
            {pending.rotation && (
              <p class="banner warn" data-testid="rotation-notice">
                {textIn({ zh: `此版本公布了发布机构的新签名密钥 ${pending.rotation.newKey.kid ?? pending.rotation.newKey.x.slice(0, 16)}：安装后将信任新密钥，旧密钥（${pending.signer}）信任至 ${pending.rotation.overlapUntil}。`, en: `This version announces the publisher's new signing key ${pending.rotation.newKey.kid ?? pending.rotation.newKey.x.slice(0, 16)}: installing it trusts the new key, and the old one (${pending.signer}) until ${pending.rotation.overlapUntil}.` }, lang)}
              </p>
            )}
            <button type="button" class="btn primary" onClick={apply}>
              {textIn({ zh: '确认安装', en: 'Install' }, lang)}
            </button>{' '}
            <button type="button" class="btn" onClick={() => setPending(null)}>
              {textIn({ zh: '取消', en: 'Cancel' }, lang)}
            </button>
          </div>
        )}
        {status && <p role="status">{status}</p>}
      </div>
      <div class="card">
        <h2>{textIn({ zh: '设置', en: 'Settings' }, lang)}</h2>
        <label class="inline">
          <input
            type="checkbox"
            name="bureau-mode"
            checked={bureau}
            onChange={async (e) => {
              const on = e.currentTarget.checked;
              await saveBureauMode(on);
              setBureau(on);
            }}
          />
          {textIn({ zh: '主管部门模式（在工作台显示文书包编辑器）', en: 'Bureau mode (shows the pack editor in the workbench)' }, lang)}
        </label>
        <h3>{textIn({ zh: '受信任的发布密钥', en: 'Trusted publishing keys' }, lang)}</h3>
        <ul data-testid="trusted-keys">
          {trusted.map((k) => (
            <li key={k.keyId}>
              {k.name} <code>{k.keyId}</code>
              {k.until && <span class="hint"> {textIn({ zh: `信任至 ${k.until}`, en: `trusted until ${k.until}` }, lang)}</span>}{' '}
              <button
                type="button"
                class="btn small remove"
                onClick={async () => {
                  const next = trusted.filter((t) => t.keyId !== k.keyId);
                  await saveTrustedKeys(next);
                  setTrusted(next);
                }}
              >
                {textIn({ zh: '移除', en: 'Remove' }, lang)}
              </button>
            </li>
          ))}
          {!trusted.length && <li>{textIn({ zh: '尚无：只有受信任密钥签名的文书包才能安装', en: 'None yet: only packs signed by a trusted key can be installed' }, lang)}</li>}
        </ul>
        <label>
          {textIn({ zh: '添加公钥（JWK）', en: 'Add a public key (JWK)' }, lang)}
          <textarea name="trusted-key" rows={2} class="mono" value={keyText} onInput={(e) => setKeyText(e.currentTarget.value)} />
        </label>
        <label>
          {textIn({ zh: '名称', en: 'Name' }, lang)}
          <input name="trusted-key-name" value={keyName} onInput={(e) => setKeyName(e.currentTarget.value)} />
        </label>
        <button type="button" class="btn" disabled={!keyText.trim()} onClick={addKey}>
          {textIn({ zh: '信任此密钥', en: 'Trust this key' }, lang)}
        </button>
        <AllowedOriginsSettings lang={lang} />
      </div>
    </section>
  );
}
