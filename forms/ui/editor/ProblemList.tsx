import type { PackProblem } from '../../core/editor/problem';
import type { Lang } from '../../core/i18n/lang';
import { textIn } from '../../core/i18n/text';

/** Every problem with its location; shown wherever an edit or an import is held back. */
export function ProblemList({ problems, lang, title, onGo }: { problems: PackProblem[]; lang: Lang; title?: string; onGo?(where: string): void }) {
  if (!problems.length) return null;
  return (
    <section class="problems" role="alert" aria-label={title ?? textIn({ zh: '问题', en: 'Problems' }, lang)}>
      <h3>{title ?? textIn({ zh: `${problems.length} 个问题，修正前不会应用`, en: `${problems.length} problem(s): nothing is applied until fixed` }, lang)}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {onGo ? (
              <a
                href="#"
                class="where"
                title={textIn({ zh: '转到此处', en: 'Go there' }, lang)}
                onClick={(e) => {
                  e.preventDefault();
                  onGo(p.where);
                }}
              >
                <code>{p.where}</code>
              </a>
            ) : (
              <code class="where">{p.where}</code>
            )}{' '}
            {textIn(p, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}
