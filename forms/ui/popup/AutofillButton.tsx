/**
 * The popup's autofill button and the report of the last fill. Tiny on purpose (the popup's JS
 * budget is 30 KB gzipped): it only sends `bg:autofill` and shows what came back. Mounted by the
 * popup; the workbench may mount it too, passing the tab to fill and that tab's origin so the
 * optional host permission is asked at first use (the popup itself has activeTab).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AutofillDraft, AutofillResult } from '../../core/fill/messages';
import type { Lang } from '../../core/i18n/lang';
import { sendToBackground } from '../../../shared/messages';
import { reasonText, statusText } from '../../core/fill/reasons';

export interface AutofillButtonProps {
  /** the draft to fill; omitted → the background uses the draft last sent */
  draft?: AutofillDraft;
  /** a tab other than the active one (workbench) */
  tabId?: number;
  /** that tab's origin: asked as an optional host permission before the first fill */
  requestOrigin?: string;
  lang?: Lang;
}

const T = {
  fill: { zh: '填写当前页面', en: 'Fill this page' },
  filling: { zh: '正在填写…', en: 'Filling…' },
  undo: { zh: '撤销填写', en: 'Undo fill' },
  undone: { zh: '已撤销 {n} 项', en: '{n} undone' },
  frame: { zh: '也填写其他网站嵌入的区域（{origin}）', en: 'Also fill the part of the page from {origin}' },
  denied: { zh: '未获得该网站的访问授权', en: 'Access to this site was not granted' },
  learn: { zh: '手动对应此页面的字段', en: 'Match this page’s fields by hand' },
  draft: { zh: '草稿', en: 'Draft' },
  lastUsed: { zh: '上次使用的草稿', en: 'Draft used last' },
  locked: { zh: '（已加密）', en: ' (encrypted)' },
  learning: { zh: '请在页面上点击字段并选择对应的草稿字段', en: 'Click a field on the page, then choose its draft field' },
};

export function AutofillButton({ draft, tabId, requestOrigin, lang = 'zh' }: AutofillButtonProps) {
  const [result, setResult] = useState<AutofillResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  // without a draft from the page that mounts it, the user picks one of the stored drafts
  const [drafts, setDrafts] = useState<Array<{ id: string; docId: string; title: string; locked: boolean }>>([]);
  const [draftId, setDraftId] = useState('');

  useEffect(() => {
    sendToBackground({ type: 'bg:autofill-last', tabId }).then((r) => r?.result && setResult(r.result), () => undefined);
    if (!draft) {
      sendToBackground({ type: 'bg:autofill-drafts' }).then(
        (r) => {
          if (!r?.ok) return;
          setDrafts(r.drafts);
          // one draft: it is the one to fill (「上次使用的草稿」 fails when no fill has happened yet)
          const open = r.drafts.filter((d) => !d.locked);
          if (open.length === 1) setDraftId(open[0].id);
        },
        () => undefined,
      );
    }
  }, [tabId, draft]);

  const fill = async (confirmFrames?: string[]) => {
    setBusy(true);
    setNote('');
    try {
      // asked inside the click, as the browser requires, and only for the portal's own origin
      if (requestOrigin && !(await browser.permissions.request({ origins: [`${requestOrigin}/*`] }))) {
        setNote(T.denied[lang]);
        return;
      }
      setResult(await sendToBackground({ type: 'bg:autofill', tabId, draft, draftId: draft ? undefined : draftId || undefined, confirmFrames, lang }));
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    const r = await sendToBackground({ type: 'bg:autofill-undo', tabId });
    setNote(r.ok ? T.undone[lang].replace('{n}', String(r.restored)) : r.message[lang]);
  };

  // learn mode (recorder): the page gets the document's field titles, never the draft's values
  const docId = draft?.docId ?? drafts.find((d) => d.id === draftId)?.docId;
  const learn = async () => {
    if (!docId) return;
    const r = await sendToBackground({ type: 'bg:autofill-learn', tabId, docId, lang });
    setNote(r.ok ? T.learning[lang] : r.message[lang]);
  };

  // problems first: what the user must still do by hand matters more than what went well
  const ORDER: Record<string, number> = { failed: 0, 'not-found': 1, skipped: 2, filled: 3 };
  const outcomes = result?.ok ? [...result.report.outcomes].sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9)) : [];
  const planSkipped = result?.ok ? result.planSkipped : [];
  // the counts are of what is listed: items skipped while planning count as skipped too
  const count = (s: string) => outcomes.filter((o) => o.status === s).length + (s === 'skipped' ? planSkipped.length : 0);
  return (
    <section class="autofill" aria-live="polite">
      <button type="button" class="btn primary autofill-run" disabled={busy} onClick={() => void fill()}>
        {busy ? T.filling[lang] : T.fill[lang]}
      </button>
      {!draft && drafts.length > 0 && (
        <label class="autofill-draft">
          {T.draft[lang]}{' '}
          <select value={draftId} onChange={(e) => setDraftId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{T.lastUsed[lang]}</option>
            {drafts.map((d) => (
              <option key={d.id} value={d.id} disabled={d.locked}>
                {d.title}
                {d.locked ? T.locked[lang] : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {docId && (
        <button type="button" class="btn autofill-learn" onClick={() => void learn()}>
          {T.learn[lang]}
        </button>
      )}
      {result && !result.ok && <p class="autofill-error" role="alert">{result.message[lang]}</p>}
      {result?.ok && (
        <div class="autofill-report">
          <p class="autofill-summary">
            {['failed', 'not-found', 'skipped', 'filled'].map((s) => `${statusText(s, lang)} ${count(s)}`).join(' · ')}
          </p>
          <button type="button" class="btn autofill-undo" onClick={() => void undo()}>{T.undo[lang]}</button>
          {result.report.crossOriginFrames.map((origin) => (
            <button type="button" class="btn autofill-frame" key={origin} onClick={() => void fill([origin])}>
              {T.frame[lang].replace('{origin}', origin)}
            </button>
          ))}
          <ul>
            {outcomes
              .filter((o) => o.status !== 'filled')
              .map((o) => (
                <li key={o.id} class={`s-${o.status}`} title={o.path}>
                  {statusText(o.status, lang)}：{o.title} = {o.value}
                  {o.reason && <small> — {reasonText(o.reason, lang)}</small>}
                </li>
              ))}
            {planSkipped.map((s) => (
              <li key={`p-${s.path}`} class="s-skipped" title={s.path}>
                {statusText('skipped', lang)}：{s.title} <small> — {reasonText(s.reason, lang)}</small>
              </li>
            ))}
            {outcomes
              .filter((o) => o.status === 'filled')
              .map((o) => (
                <li key={o.id} class="s-filled" title={o.path}>
                  {statusText(o.status, lang)}：{o.title} = {o.value}
                </li>
              ))}
          </ul>
        </div>
      )}
      {note && <p class="autofill-note">{note}</p>}
    </section>
  );
}
