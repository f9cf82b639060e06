import type { Lang } from '../../core/i18n/lang';
import { flushPendingInputs } from '../theme/buffered-value';
import { textIn } from '../../core/i18n/text';

/**
 * Prints the document: the page's print CSS swaps the form for its print view (A4). Text still being
 * typed is committed first; printing waits one task so the form has taken it.
 */
export function PrintButton({ lang }: { lang: Lang }) {
  return (
    <button
      type="button"
      class="btn no-print print-button"
      onClick={() => {
        flushPendingInputs();
        setTimeout(() => window.print(), 0);
      }}
    >
      {textIn({ zh: '打印', en: 'Print' }, lang)}
    </button>
  );
}
