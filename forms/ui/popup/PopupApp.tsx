import { useEffect, useState } from 'preact/hooks';
import { packChecks } from '../../core/checks/pack-checks';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/validation/types';
import { CheckForm } from './CheckForm';
import { loadLastCheck, saveLastCheck, type LastCheck } from './last-check';
import { s } from './strings';
import type { ComponentType } from 'preact';

interface Props {
  /** null while the pack is still being fetched: the shell (and the autofill button) is usable at once */
  pack: Pack | null;
  lang: Lang;
  pageUrl: (path: string) => string;
  /** why the pack could not be loaded (the shell and autofill stay usable) */
  loadError?: string;
  /** the autofill issue's button, when it is built (forms/ui/popup/AutofillButton.tsx) */
  Autofill?: ComponentType;
}

/** The toolbar popup: the pack's quick checks, one short form each, remembering the last one used. */
export function PopupApp({ pack, lang, pageUrl, loadError, Autofill }: Props) {
  const checks = pack ? packChecks(pack) : [];
  const [last, setLast] = useState<LastCheck | null | undefined>(undefined);
  useEffect(() => {
    loadLastCheck().then(setLast);
  }, []);
  const ready = pack && last !== undefined;
  const state: LastCheck | null = ready
    ? last && checks.some((c) => c.kind === last.kind)
      ? last
      : { kind: checks[0]?.kind ?? '', answers: {} }
    : null;
  const def = state ? checks.find((c) => c.kind === state.kind) : undefined;
  const update = (next: LastCheck) => {
    setLast(next);
    saveLastCheck(next);
  };

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
      ) : !pack || !state ? (
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
          {def && <CheckForm key={def.kind} pack={pack} def={def} answers={state.answers} lang={lang} pageUrl={pageUrl} onAnswers={(answers) => update({ kind: def.kind, answers })} />}
        </>
      )}
    </main>
  );
}
