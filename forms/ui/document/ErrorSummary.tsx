import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/findings/finding';
import { t } from '../../../shared/i18n';
import { CitationBadge } from '../theme/CitationBadge';
import { SourceKind } from '../theme/SourceKind';
import { fieldIdOf } from '../theme/form-context';

/** Moves focus to the control of a JSON pointer, or to its section when it is a group. */
export function focusField(pointer: string): void {
  const id = fieldIdOf(pointer);
  const el =
    document.getElementById(id) ??
    document.getElementById(`${id}__section`) ??
    document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  const focusable = el.matches('input,select,textarea,button') ? el : el.querySelector<HTMLElement>('input,select,textarea,button');
  (focusable ?? el).focus({ preventScroll: true });
}

/** The list of problems beside the form; each jumps to its field. */
export function ErrorSummary({ pack, findings, submitted }: { pack: Pack; findings: Finding[]; submitted: boolean }) {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  return (
    <section class="summary" aria-labelledby="summary-title" aria-live="polite">
      <h2 id="summary-title" tabIndex={-1}>
        {errors.length === 0 && warnings.length === 0 ? (
          submitted ? t('noErrors') : t('summaryIdle')
        ) : (
          <>
            {t('errorsTitle')} <span class="count">{t('summaryCount', undefined, { e: errors.length, w: warnings.length })}</span>
          </>
        )}
      </h2>
      <ul>
        {[...errors, ...warnings].map((f) => (
          <li class={`finding ${f.severity}`} key={`${f.path}:${f.ruleId ?? f.keyword}:${f.message}`}>
            <a
              href={`#${fieldIdOf(f.path)}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(f.path);
              }}
            >
              {f.message}
            </a>
            {f.citation && <CitationBadge pack={pack} citation={f.citation} />}
            <SourceKind basis={f.basis} />
          </li>
        ))}
      </ul>
    </section>
  );
}
