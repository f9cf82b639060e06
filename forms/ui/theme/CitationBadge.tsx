import { useEffect, useRef, useState } from 'preact/hooks';
import { resolveCitation } from '../../core/pack/citation';
import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/findings/finding';

const POPOVER_WIDTH = 420;

/**
 * The article label (e.g. 三（四）3); hover shows the article text, a click opens it as a popover
 * placed by the viewport — opened inline in a 100 px table cell the article poured down the column,
 * and a table's scroll box would clip it. Escape, a click elsewhere or scrolling closes it.
 */
export function CitationBadge({ pack, citation }: { pack: Pack; citation: NonNullable<Finding['citation']> }) {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const article = resolveCitation(pack, citation);
  const text = article ? `${article.label} ${article.heading ?? ''}\n${article.text}` : citation.label;
  const open = at !== null;
  const noteId = useRef(`cite-${Math.random().toString(36).slice(2, 9)}`).current;
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        button.current?.focus();
      } else if (e.target instanceof Node && (button.current?.contains(e.target) || document.getElementById(noteId)?.contains(e.target))) return;
      setAt(null);
    };
    addEventListener('keydown', close, true);
    addEventListener('mousedown', close, true);
    addEventListener('scroll', close, true);
    return () => {
      removeEventListener('keydown', close, true);
      removeEventListener('mousedown', close, true);
      removeEventListener('scroll', close, true);
    };
  }, [open]);
  return (
    <span class="cite">
      <button
        type="button"
        class="cite-label"
        ref={button}
        title={text}
        aria-expanded={open}
        aria-controls={open ? noteId : undefined}
        onClick={(e) => {
          e.preventDefault();
          if (open) return setAt(null);
          const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
          const vw = document.documentElement.clientWidth || innerWidth;
          setAt({ top: r.bottom + 4, left: Math.max(8, Math.min(r.left, vw - POPOVER_WIDTH - 8)) });
        }}
      >
        {citation.label}
      </button>
      {open && article && (
        <span class="cite-text" role="note" id={noteId} style={{ position: 'fixed', top: `${at.top}px`, left: `${at.left}px`, width: `${POPOVER_WIDTH}px` }}>
          <strong>
            {article.label} {article.heading}
          </strong>
          {article.text}
        </span>
      )}
    </span>
  );
}
