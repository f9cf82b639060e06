import { useState } from 'preact/hooks';
import type { CheckDef, CheckResult } from '../../core/checks/types';
import { resolveCitation } from '../../core/pack/citation';
import type { Pack } from '../../core/pack/types';
import type { Lang } from '../../core/i18n/lang';
import { s } from './strings';

const HIDDEN = new Set(['kind', 'outcome', 'reasons']);

function show(def: CheckDef, v: unknown, lang: Lang): string {
  if (Array.isArray(v)) return v.length ? v.map((x) => show(def, x, lang)).join(lang === 'zh' ? '；' : '; ') : s('unset', lang);
  if (typeof v === 'boolean') return s(v ? 'yes' : 'no', lang);
  if (v && typeof v === 'object') return String((v as { text?: unknown }).text ?? JSON.stringify(v));
  return def.labels?.[String(v)]?.[lang] ?? String(v);
}

/** The article label; its text on hover, and on click for touch and keyboard users. */
function ArticleLabel({ pack, citation, lang }: { pack: Pack; citation: CheckResult['reasons'][number]['citation']; lang: Lang }) {
  const [open, setOpen] = useState(false);
  const text = resolveCitation(pack, citation)?.text ?? '';
  return (
    <>
      <button type="button" class="article" title={text} aria-expanded={open} aria-label={`${s('showArticle', lang)} ${citation.label}`} onClick={() => setOpen(!open)}>
        {citation.label}
      </button>
      {open && <blockquote class="article-text">{text}</blockquote>}
    </>
  );
}

/** One check's answer: outcome, the computed outputs, and the reasons with their articles. */
export function AnswerView({ pack, def, result, lang }: { pack: Pack; def: CheckDef; result: CheckResult; lang: Lang }) {
  const outputs = Object.entries(result).filter(([k]) => !HIDDEN.has(k));
  return (
    <section class={`answer outcome-${result.outcome}`} aria-live="polite">
      <p class="outcome" data-outcome={result.outcome}>
        <span class="muted">{s('outcome', lang)}</span> {def.labels?.[result.outcome]?.[lang] ?? result.outcome}
      </p>
      {outputs.length > 0 && (
        <dl class="outputs">
          {outputs.map(([k, v]) => (
            <>
              <dt>{def.outputTitles?.[k]?.[lang] ?? k}</dt>
              <dd data-output={k}>{show(def, v, lang)}</dd>
            </>
          ))}
        </dl>
      )}
      <h2>{s('reasons', lang)}</h2>
      <ul class="reasons">
        {result.reasons.map((r) => (
          <li data-rule={r.ruleId}>
            <ArticleLabel pack={pack} citation={r.citation} lang={lang} />
            {r.basis && r.basis.type !== 'notice' && (
              <span class={`source-kind ${r.basis.type}`} data-source-kind={r.basis.type} title={r.basis.document}>{r.basis.label}</span>
            )}{' '}
            {r.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
