import { useState } from 'preact/hooks';
import { resolveCitation } from '../../core/pack/citation';
import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/findings/finding';

/** The article label (e.g. 三（四）3); hover shows the article text, a click opens it inline. */
export function CitationBadge({ pack, citation }: { pack: Pack; citation: NonNullable<Finding['citation']> }) {
  const [open, setOpen] = useState(false);
  const article = resolveCitation(pack, citation);
  const text = article ? `${article.label} ${article.heading ?? ''}\n${article.text}` : citation.label;
  return (
    <span class="cite">
      <button
        type="button"
        class="cite-label"
        title={text}
        aria-expanded={open}
        onClick={(e) => {
          e.preventDefault();
          setOpen(!open);
        }}
      >
        {citation.label}
      </button>
      {open && article && (
        <span class="cite-text" role="note">
          <strong>
            {article.label} {article.heading}
          </strong>
          {article.text}
        </span>
      )}
    </span>
  );
}
