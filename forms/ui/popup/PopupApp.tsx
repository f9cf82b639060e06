import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import type { CheckAnswerProps } from './CheckAnswer';
import type { CheckFormDef } from './check-forms';
import { CheckForm } from './CheckForm';
import { loadLastCheck, readLastCheck, saveLastCheck, type LastCheck } from './last-check';
import { s } from './strings';

/** The active pack and the component that answers from it: requested with the first render, arriving after it. */
export interface Answering {
  pack: Pack;
  CheckAnswer: ComponentType<CheckAnswerProps>;
}

interface Props {
  /**
   * The checks' forms: the bundled pack's at once (generated/popup-checks.json), the active pack's once
   * it is loaded; null while they are not known yet (an installed pack is still being read).
   */
  checks: CheckFormDef[] | null;
  /** null until the pack and the check engine have arrived: the forms are usable meanwhile */
  answering: Answering | null;
  lang: Lang;
  pageUrl: (path: string) => string;
  /** why the pack could not be loaded (the shell and autofill stay usable) */
  loadError?: string;
  /** the autofill issue's button, when it is built (forms/ui/popup/AutofillButton.tsx) */
  Autofill?: ComponentType;
  /**
   * What the static first frame showed (forms/ui/fast/popup-static-shell.ts), used when localStorage
   * remembers nothing: the app then starts from it instead of a "loading" line, and storage.local's
   * copy, if any, still replaces it unless the user has changed something.
   */
  initial?: LastCheck;
}

/** The toolbar popup: the pack's quick checks, one short form each, remembering the last one used. */
export function PopupApp({ checks, answering, lang, pageUrl, loadError, Autofill, initial }: Props) {
  // read synchronously (localStorage), so the first frame shows the remembered check; undefined only
  // when it has never been kept there, and then asked of storage.local once
  const [last, setLast] = useState<LastCheck | null | undefined>(() => readLastCheck() ?? initial);
  // localStorage remembered nothing (no state yet, or the shell's): storage.local is asked once
  useEffect(() => {
    if (last !== undefined && last !== initial) return;
    loadLastCheck().then((v) => setLast((cur) => (cur === undefined ? v : cur === initial && v ? v : cur)));
  }, []);
  const state: LastCheck | null =
    checks && last !== undefined
      ? last && checks.some((c) => c.kind === last.kind)
        ? last
        : { kind: checks[0]?.kind ?? '', answers: {} }
      : null;
  const def = state && checks ? checks.find((c) => c.kind === state.kind) : undefined;
  const update = (next: LastCheck) => {
    setLast(next);
    saveLastCheck(next);
  };
  const Answer = answering?.CheckAnswer;

  return (
    <main class="popup">
      <header>
        <h1>{s('title', lang)}</h1>
        <p class="muted small">{s('subtitle', lang)}</p>
      </header>
      {/* ── AUTOFILL SLOT: the autofill issue's button goes here (forms/ui/popup/AutofillButton.tsx) ── */}
      <div class="autofill-slot" data-slot="autofill">{Autofill && <Autofill />}</div>
      {loadError ? (
        <p class="problem" role="alert">{s('loadFailed', lang)}：{loadError}</p>
      ) : !checks || !state ? (
        <p class="muted">{s('loading', lang)}</p>
      ) : (
        <>
          <nav class="check-tabs" role="tablist" aria-label={s('title', lang)}>
            {checks.map((c) => (
              <button type="button" role="tab" aria-selected={c.kind === state.kind} data-kind={c.kind}
                onClick={() => c.kind !== state.kind && update({ kind: c.kind, answers: {} })}>
                {c.title[lang] ?? c.title.zh}
              </button>
            ))}
          </nav>
          {def && (
            <CheckForm key={def.kind} def={def} answers={state.answers} lang={lang} onAnswers={(answers) => update({ kind: def.kind, answers })}>
              {Answer && answering ? (
                <Answer pack={answering.pack} kind={def.kind} answers={state.answers} lang={lang} pageUrl={pageUrl} />
              ) : (
                <p class="muted pending">{s('loading', lang)}</p>
              )}
            </CheckForm>
          )}
        </>
      )}
    </main>
  );
}
