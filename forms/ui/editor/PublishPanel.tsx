import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkPack } from '../../core/editor/check-pack';
import { announceRotation } from '../../core/editor/key-rotation';
import { diffPacks } from '../../core/editor/pack-diff';
import type { PackProblem } from '../../core/editor/problem';
import { nextPatchVersion, publishVersion } from '../../core/editor/publish';
import { highestVersion, type PublishedVersion } from '../../core/editor/publish-history';
import { parsePack } from '../../core/pack/parse-pack';
import { todayIso } from '../../core/formats/calendar-date';
import type { Pack, PackFiles } from '../../core/pack/types';
import { signPack } from '../../core/signing/sign-pack';
import type { Lang } from '../../core/i18n/lang';
import { DiffView } from './DiffView';
import { downloadJson } from '../download';
import { loadPublishHistory, recordPublished } from './editor-storage';
import { pick } from './lang';
import { ProblemList } from './ProblemList';
import { SigningKeyPanel } from './SigningKeyPanel';
import { loadKeyRing, saveKeyRing, type KeyRing } from './signing-key-store';

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

/** Version, effective date and notes; the diff against the previous version; sign and export; the history. */
export function PublishPanel({ lang, base, draft, files, renames, onPublished }: PublishPanelProps) {
  const [history, setHistory] = useState<PublishedVersion[]>([]);
  const floor = highestVersion(base.manifest.version, history);
  const [version, setVersion] = useState(nextPatchVersion(base.manifest.version));
  const [effective, setEffective] = useState(todayIso());
  const [notesZh, setNotesZh] = useState('');
  const [notesEn, setNotesEn] = useState('');
  const [ring, setRing] = useState<KeyRing | null>(null);
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [status, setStatus] = useState('');
  // the next number above both the base and everything published (a reload starts from the installed pack)
  useEffect(() => setVersion(nextPatchVersion(floor)), [floor]);
  useEffect(() => {
    void loadKeyRing().then(setRing);
    void loadPublishHistory().then(setHistory);
  }, []);
  const diff = useMemo(() => (draft ? diffPacks(base, draft) : null), [base, draft]);
  // the header names the version being published, not the one the draft still carries
  const shownDiff = diff && { ...diff, to: { ...diff.to, version, effective, changeNotes: notesZh ? { zh: notesZh, en: notesEn || notesZh } : undefined } };

  const publish = async () => {
    setStatus('');
    const now = checkPack(files);
    if (now.length) return setProblems(now);
    const current = parsePack(files);
    if (!ring) return setProblems([{ where: pick(lang, '（签名密钥）', '(signing key)'), zh: '请先生成或导入签名密钥', en: 'generate or import a signing key first' }]);
    const r = publishVersion(base, current, { version, effective, changeNotes: { zh: notesZh, en: notesEn || notesZh }, renames, lastPublished: floor });
    if (!r.ok) return setProblems(r.problems);
    // a rotation under way: this version, signed by the old key, announces the new one
    const out = ring.next && ring.overlapUntil ? announceRotation(r.files, { newKey: ring.next.publicJwk, overlapUntil: ring.overlapUntil }) : r.files;
    const found = checkPack(out);
    setProblems(found);
    if (found.length) return;
    const signed = await signPack(out, ring.current.privateJwk);
    downloadJson(`${base.manifest.id}-${version}.formkit-pack.json`, signed);
    const entry: PublishedVersion = { version, at: new Date().toISOString(), effective, notes: { zh: notesZh, en: notesEn || notesZh }, hash: signed.hash, keyId: signed.signature.keyId };
    setHistory(await recordPublished(entry, signed));
    if (ring.next) {
      const rotated: KeyRing = { current: ring.next };
      await saveKeyRing(rotated);
      setRing(rotated);
    }
    onPublished(out);
    setNotesZh('');
    setNotesEn('');
    setStatus(pick(lang, `已发布 ${version} 并导出签名文件（密钥 ${signed.signature.keyId}）`, `Published ${version} and exported the signed file (key ${signed.signature.keyId})`));
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
      <p class="hint">{pick(lang, `须高于 ${floor}（上一版本）`, `must be above ${floor} (the last version)`)}</p>
      <label>
        {pick(lang, '变更说明（中文）', 'Change notes (Chinese)')}
        <textarea name="notes-zh" rows={2} value={notesZh} onInput={(e) => setNotesZh(e.currentTarget.value)} />
      </label>
      <label>
        {pick(lang, '变更说明（英文）', 'Change notes (English)')}
        <textarea name="notes-en" rows={2} value={notesEn} onInput={(e) => setNotesEn(e.currentTarget.value)} />
      </label>
      <h3>{pick(lang, `变更：${base.manifest.version} → ${version}`, `Changes: ${base.manifest.version} → ${version}`)}</h3>
      {shownDiff && <DiffView diff={shownDiff} lang={lang} />}
      <SigningKeyPanel lang={lang} ring={ring} onRing={setRing} />
      <ProblemList lang={lang} problems={problems} />
      <button type="button" class="btn primary" onClick={publish}>
        {pick(lang, '发布并导出签名文书包', 'Publish and export the signed pack')}
      </button>
      {status && <p role="status">{status}</p>}
      <h3>{pick(lang, '发布记录', 'Publish history')}</h3>
      {history.length ? (
        <table class="history" data-testid="publish-history">
          <thead>
            <tr>
              <th>{pick(lang, '版本', 'Version')}</th>
              <th>{pick(lang, '发布时间', 'Published')}</th>
              <th>{pick(lang, '生效日期', 'Effective')}</th>
              <th>{pick(lang, '说明', 'Notes')}</th>
              <th>{pick(lang, '摘要（SHA-256）', 'Hash (SHA-256)')}</th>
              <th>{pick(lang, '签名密钥', 'Key')}</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((h) => (
              <tr key={`${h.version}-${h.at}`}>
                <td>{h.version}</td>
                <td>{h.at.slice(0, 16).replace('T', ' ')}</td>
                <td>{h.effective}</td>
                <td>{pick(lang, h.notes.zh, h.notes.en ?? h.notes.zh)}</td>
                <td>
                  <code title={h.hash}>{h.hash.slice(0, 12)}…</code>
                </td>
                <td>
                  <code>{h.keyId}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{pick(lang, '本机尚未发布过版本', 'Nothing published from this browser yet')}</p>
      )}
    </section>
  );
}
