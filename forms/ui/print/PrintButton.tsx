import type { Lang } from '../../core/validation/types';

/** Prints the document: the page's print CSS swaps the form for its PrintView (A4). */
export function PrintButton({ lang }: { lang: Lang }) {
  return (
    <button type="button" class="btn no-print print-button" onClick={() => window.print()}>
      {lang === 'zh' ? '打印' : 'Print'}
    </button>
  );
}
