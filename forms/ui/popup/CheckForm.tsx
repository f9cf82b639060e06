import { prefillDocument, prefillLink } from '../../core/checks/prefill';
import { tryCheck } from '../../core/checks/run-check';
import type { CheckDef } from '../../core/checks/types';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/validation/types';
import { cleanAnswers } from './answers';
import { AnswerView } from './AnswerView';
import { FieldInput } from './FieldInput';
import { s } from './strings';

interface Props {
  pack: Pack;
  def: CheckDef;
  answers: Record<string, unknown>;
  lang: Lang;
  onAnswers: (a: Record<string, unknown>) => void;
  /** absolute URL of an extension page (browser.runtime.getURL in the extension) */
  pageUrl: (path: string) => string;
}

/** One quick check: its short form, answered on every keystroke by the same core the CLI uses. */
export function CheckForm({ pack, def, answers, lang, onAnswers, pageUrl }: Props) {
  const input = cleanAnswers(answers) as Record<string, unknown>;
  const answer = tryCheck(pack, def.kind, input, undefined, lang);
  const required = new Set(def.input.required ?? []);
  const result = answer.ok ? answer.result : undefined;
  const docId = result ? prefillDocument(def, input, result) : null;
  const link = result ? prefillLink(def, input, result) : null;
  const docTitle = docId ? String(pack.documents[docId]?.schema.title ?? docId) : '';
  const missing = answer.ok ? [] : answer.problems.filter((p) => p.missing);
  const invalid = answer.ok ? [] : answer.problems.filter((p) => !p.missing);

  return (
    <form class="check" data-kind={def.kind} onSubmit={(e) => e.preventDefault()}>
      {def.description && <p class="muted small">{def.description[lang] ?? def.description.zh}</p>}
      {Object.entries(def.input.properties).map(([name, field]) => (
        <div class={`field field-${field.type}`}>
          <label for={`f-${def.kind}-${name}`}>
            {field.title[lang]}
            {required.has(name) && <span class="req" aria-hidden="true">*</span>}
          </label>
          <FieldInput id={`f-${def.kind}-${name}`} field={field} value={answers[name]} lang={lang}
            onChange={(v) => onAnswers({ ...answers, [name]: v })} />
        </div>
      ))}
      {invalid.length > 0 && (
        <p class="problem" role="alert">{s('fixInput', lang)}{invalid.map((p) => p[lang]).join(lang === 'zh' ? '；' : '; ')}</p>
      )}
      {invalid.length === 0 && missing.length > 0 && (
        <p class="hint">{s('fillIn', lang)}{missing.map((p) => p.title?.[lang] ?? p.field).join(lang === 'zh' ? '、' : ', ')}</p>
      )}
      {result && <AnswerView pack={pack} def={def} result={result} lang={lang} />}
      {link && (
        <a class="btn primary open-document" href={pageUrl(`/${link}`)} target="_blank" rel="noopener" data-document={docId ?? ''}>
          {s('openDocument', lang)}{docTitle}
        </a>
      )}
    </form>
  );
}
