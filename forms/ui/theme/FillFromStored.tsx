/**
 * A list's button to fill it from another stored document (ui.json `fillFrom`), e.g. candidate
 * registration's filed scope from the institution's filing draft. One draft fills at once; several are
 * offered to choose from; none, or only encrypted ones, is said plainly with what to do.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { pageStrings } from '../../../shared/i18n';
import { packText } from '../../core/i18n/pack-translation';
import { rowsFromDocument, type FillFrom } from '../../core/schema/rows-from-document';
import { FormKitContext, type StoredDocument } from './form-context';

const t = pageStrings({
  fill: { zh: '从已保存的草稿带入', en: 'Fill in from a saved draft' },
  reading: { zh: '正在读取草稿…', en: 'Reading drafts…' },
  none: { zh: '没有可带入的草稿：请先在「文书」中填写并保存{docs}，再回来带入。', en: 'No saved draft to fill in from: fill in and save {docs} under Documents first, then come back.' },
  locked: {
    zh: '有 {n} 份草稿已加密：请先在「草稿」页输入口令解锁，再带入。',
    en: '{n} draft(s) are encrypted: unlock them with the passphrase on the Drafts page first, then fill in.',
  },
  choose: { zh: '选择要带入的草稿', en: 'Choose the draft to fill in from' },
  use: { zh: '带入', en: 'Fill in' },
  cancel: { zh: '取消', en: 'Cancel' },
  filled: { zh: '已从「{title}」带入 {n} 项。', en: 'Filled in {n} row(s) from “{title}”.' },
  replaced: { zh: '已从「{title}」带入 {n} 项，替换了原有的 {old} 项。', en: 'Filled in {n} row(s) from “{title}”, replacing the {old} there before.' },
  empty: { zh: '「{title}」中没有可带入的内容。', en: '“{title}” has nothing to fill in.' },
  failed: { zh: '无法读取草稿：{reason}', en: 'The drafts could not be read: {reason}' },
  or: { zh: '或', en: ' or ' },
});

export interface FillFromStoredProps {
  from: FillFrom;
  /** the target row's fields */
  keys: readonly string[];
  /** how many rows the list holds now (they are replaced) */
  current: number;
  disabled: boolean;
  onRows(rows: Record<string, unknown>[]): void;
}

export function FillFromStored({ from, keys, current, disabled, onRows }: FillFromStoredProps) {
  const ctx = useContext(FormKitContext);
  const [choices, setChoices] = useState<StoredDocument[] | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const list = useRef<HTMLFieldSetElement>(null);
  // the choice takes the focus: a keyboard user picks a draft at once
  useEffect(() => list.current?.querySelector('button')?.focus(), [choices]);
  if (!ctx?.storedDocuments) return null;
  const { pack, lang } = ctx;
  const docTitle = (id: string) => packText(pack, pack.documents[id]?.schema.title as string | undefined, lang) || id;
  const label = (d: StoredDocument) => `${d.title || docTitle(d.docId)} · ${docTitle(d.docId)} · ${new Date(d.updated).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric' })}`;
  const use = (d: StoredDocument) => {
    setChoices(null);
    const rows = rowsFromDocument(d.data, from, keys);
    const title = d.title || docTitle(d.docId);
    if (!rows.length) return setStatus(t('empty', lang, { title }));
    onRows(rows);
    setStatus(t(current ? 'replaced' : 'filled', lang, { title, n: rows.length, old: current }));
  };
  const start = async () => {
    setBusy(true);
    setStatus(t('reading', lang));
    try {
      const { drafts, locked } = await ctx.storedDocuments!(from.documents);
      if (drafts.length === 1) use(drafts[0]);
      else if (drafts.length > 1) {
        setStatus('');
        setChoices(drafts);
      } else if (locked) setStatus(t('locked', lang, { n: locked }));
      else setStatus(t('none', lang, { docs: from.documents.map((id) => `「${docTitle(id)}」`).join(t('or', lang)) }));
    } catch (e) {
      setStatus(t('failed', lang, { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="fill-from">
      <button type="button" class="btn fill-from-button" disabled={disabled || busy} onClick={() => void start()}>
        {t('fill', lang)}
      </button>
      {choices && (
        <fieldset class="fill-from-choices" ref={list}>
          <legend>{t('choose', lang)}</legend>
          {choices.map((d) => (
            <button type="button" class="btn" key={d.id} onClick={() => use(d)}>
              {t('use', lang)}：{label(d)}
            </button>
          ))}
          <button type="button" class="btn" onClick={() => setChoices(null)}>
            {t('cancel', lang)}
          </button>
        </fieldset>
      )}
      <p class="fill-from-status" role="status">
        {status}
      </p>
    </div>
  );
}
