import type { PackProblem } from '../../core/editor/problem';
import type { Lang } from '../../core/i18n/lang';
import { pick, problemText } from './lang';

/** Every problem with its location; shown wherever an edit or an import is held back. */
export function ProblemList({ problems, lang, title, onGo }: { problems: PackProblem[]; lang: Lang; title?: string; onGo?(where: string): void }) {
  if (!problems.length) return null;
  return (
    <section class="problems" role="alert" aria-label={title ?? pick(lang, '问题', 'Problems')}>
      <h3>{title ?? pick(lang, `${problems.length} 个问题，修正前不会应用`, `${problems.length} problem(s): nothing is applied until fixed`)}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {onGo ? (
              <a
                href="#"
                class="where"
                title={pick(lang, '转到此处', 'Go there')}
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
            {problemText(lang, p)}
          </li>
        ))}
      </ul>
    </section>
  );
}
