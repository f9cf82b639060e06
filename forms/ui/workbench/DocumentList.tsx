import { resolveCitation } from '../../core/pack/citation';
import type { Citation, Pack } from '../../core/pack/types';
import { packText } from '../../core/i18n/pack-translation';
import { t, type Lang } from '../../../shared/i18n';

/** The pack's documents, each with the articles it implements and a button to start one. */
export function DocumentList({ pack, lang }: { pack: Pack; lang: Lang }) {
  return (
    <main class="page">
      <h1>{t('documents', lang)}</h1>
      <ul class="doc-list">
        {pack.manifest.documents.map((id) => {
          const schema = pack.documents[id]?.schema ?? {};
          const cites = ((schema['x-citations'] as Citation[] | undefined) ?? [])
            .map((c) => resolveCitation(pack, c))
            .filter((c) => c !== null);
          return (
            <li class="doc-card" key={id} data-doc-id={id}>
              <h2>{schema.title ? packText(pack, String(schema.title), lang) : id}</h2>
              <p class="doc-id mono">{id}</p>
              {cites.length > 0 && (
                <p class="doc-cites">
                  {t('citesArticles', lang)}{' '}
                  {cites.map((c) => (
                    <span class="cite-label static" title={`${c.heading ?? ''}\n${c.text}`} key={c.article}>
                      {c.label}
                    </span>
                  ))}
                </p>
              )}
              <a class="btn primary" href={`#/new/${encodeURIComponent(id)}`}>
                {t('newDocument', lang)}
              </a>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
