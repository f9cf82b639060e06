import type { ComponentChildren } from 'preact';
import type { Lang } from '../../core/i18n/lang';
import type { CheckFormDef } from './check-forms';
import { FieldInput } from './FieldInput';

interface Props {
  def: CheckFormDef;
  answers: Record<string, unknown>;
  lang: Lang;
  onAnswers: (a: Record<string, unknown>) => void;
  /** the answer below the fields (CheckAnswer once the pack and the check engine are loaded) */
  children?: ComponentChildren;
}

/** One quick check's short form. Drawn from the check's input spec alone, so it works before the pack arrives. */
export function CheckForm({ def, answers, lang, onAnswers, children }: Props) {
  const required = new Set(def.input.required ?? []);
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
      {children}
    </form>
  );
}
