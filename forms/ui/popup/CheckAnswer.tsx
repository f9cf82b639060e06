import { prefillDocument, prefillLink } from '../../core/checks/prefill';
import { findCheck } from '../../core/checks/pack-checks';
import { tryCheck } from '../../core/checks/run-check';
import type { Pack } from '../../core/pack/types';
import { sampleNotices } from '../../core/rules/reference-lookups';
import type { Lang } from '../../core/i18n/lang';
import { cleanAnswers } from './answers';
import { AnswerView } from './AnswerView';
import { s } from './strings';

export interface CheckAnswerProps {
  pack: Pack;
  kind: string;
  answers: Record<string, unknown>;
  lang: Lang;
  /** absolute URL of an extension page (browser.runtime.getURL in the extension) */
  pageUrl: (path: string) => string;
}

/** The answer to one quick check, on every keystroke, by the same core the CLI uses (loaded after the form). */
export function CheckAnswer({ pack, kind, answers, lang, pageUrl }: CheckAnswerProps) {
  const def = findCheck(pack, kind);
  const input = cleanAnswers(answers) as Record<string, unknown>;
  const answer = tryCheck(pack, kind, input, undefined, lang);
  const result = answer.ok ? answer.result : undefined;
  const docId = def && result ? prefillDocument(def, input, result) : null;
  const link = def && result ? prefillLink(def, input, result) : null;
  const docTitle = docId ? String(pack.documents[docId]?.schema.title ?? docId) : '';
  const missing = answer.ok ? [] : answer.problems.filter((p) => p.missing);
  const invalid = answer.ok ? [] : answer.problems.filter((p) => !p.missing);
  return (
    <>
      {invalid.length > 0 && (
        <p class="problem" role="alert">{s('fixInput', lang)}{invalid.map((p) => p[lang]).join(lang === 'zh' ? '；' : '; ')}</p>
      )}
      {invalid.length === 0 && missing.length > 0 && (
        <p class="hint">{s('fillIn', lang)}{missing.map((p) => p.title?.[lang] ?? p.field).join(lang === 'zh' ? '、' : ', ')}</p>
      )}
      {def && result && <AnswerView pack={pack} def={def} result={result} lang={lang} />}
      {sampleNotices(pack).map((n) => (
        <p class="sample-notice muted small" role="note" data-list={n.list}>{n[lang]}</p>
      ))}
      {link && (
        <a class="btn primary open-document" href={pageUrl(`/${link}`)} target="_blank" rel="noopener" data-document={docId ?? ''}>
          {s('openDocument', lang)}{docTitle}
        </a>
      )}
    </>
  );
}
