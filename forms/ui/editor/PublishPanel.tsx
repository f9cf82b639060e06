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
import { ProblemList } from './ProblemList';
import { SigningKeyPanel } from './SigningKeyPanel';
import { loadKeyRing, saveKeyRing, type KeyRing } from './signing-key-store';
import { textIn } from '../../core/i18n/text';

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
    if (!ring) return setProblems([{ where: textIn({ zh: '（签名密钥）', en: '(signing key)' }, lang), zh: '请先生成或导入签名密钥', en: 'generate or import a signing key first' }]);
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
    setStatus(textIn({ zh: `已发布 ${version} 并导出签名文件（密钥 ${signed.signature.keyId}）`, en: `Published ${version} and exported the signed file (key ${signed.signature.keyId})` }, lang));
  };

  return (
    <section class="publish card" aria-label={textIn({ zh: '发布', en: 'Publish' }, lang)}>
      <h2>{textIn({ zh: '发布新版本', en: 'Publish a new version' }, lang)}</h2>
      <div class="row">
        <label>
          {textIn({ zh: '版本号', en: 'Version' }, lang)}
          <input name="version" value={version} onInput={(e) => setVersion(e.currentTarget.value)} />
        </label>
        <label>
          {textIn({ zh: '生效日期', en: 'Effective date' }, lang)}
          <input name="effective" type="date" value={effective} onInput={(e) => setEffective(e.currentTarget.value)} />
        </label>
      </div>
      <p class="hint">{textIn({ zh: `须高于 ${floor}（上一版本）`, en: `must be above ${floor} (the last version)` }, lang)}</p>
      <label>
        {textIn({ zh: '变更说明（中文）', en: 'Change notes (Chinese)' }, lang)}
        <textarea name="notes-zh" rows={2} value={notesZh} onInput={(e) => setNotesZh(e.currentTarget.value)} />
      </label>
      <label>
        {textIn({ zh: '变更说明（英文）', en: 'Change notes (English)' }, lang)}
        <textarea name="notes-en" rows={2} value={notesEn} onInput={(e) => setNotesEn(e.currentTarget.value)} />
      </label>
      <h3>{textIn({ zh: `变更：${base.manifest.version} → ${version}`, en: `Changes: ${base.manifest.version} → ${version}` }, lang)}</h3>
      {shownDiff && <DiffView diff={shownDiff} lang={lang} />}
      <SigningKeyPanel lang={lang} ring={ring} onRing={setRing} />
      <ProblemList lang={lang} problems={problems} />
      <button type="button" class="btn primary" onClick={publish}>
        {textIn({ zh: '发布并导出签名文书包', en: 'Publish and export the signed pack' }, lang)}
      </button>
      {status && <p role="status">{status}</p>}
      <h3>{textIn({ zh: '发布记录', en: 'Publish history' }, lang)}</h3>
      {history.length ? (
        <table class="history" data-testid="publish-history">
          <thead>
            <tr>
              <th>{textIn({ zh: '版本', en: 'Version' }, lang)}</th>
              <th>{textIn({ zh: '发布时间', en: 'Published' }, lang)}</th>
              <th>{textIn({ zh: '生效日期', en: 'Effective' }, lang)}</th>
              <th>{textIn({ zh: '说明', en: 'Notes' }, lang)}</th>
              <th>{textIn({ zh: '摘要（SHA-256）', en: 'Hash (SHA-256)' }, lang)}</th>
              <th>{textIn({ zh: '签名密钥', en: 'Key' }, lang)}</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((h) => (
              <tr key={`${h.version}-${h.at}`}>
                <td>{h.version}</td>
                <td>{h.at.slice(0, 16).replace('T', ' ')}</td>
                <td>{h.effective}</td>
                <td>{textIn(h.notes, lang)}</td>
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
        <p>{textIn({ zh: '本机尚未发布过版本', en: 'Nothing published from this browser yet' }, lang)}</p>
      )}
    </section>
  );
}
