import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SchemaEngine } from '../../core/validation/types';
import type { ActivePack } from '../../../shared/active-pack';
import { currentLang, type Lang } from '../../../shared/i18n';
import { t } from '../drafts/strings';
import { decodePrefill } from '../../core/drafts/prefill-codec';
import { EditorLink } from '../editor/EditorLink';
import { engineFor } from '../engine';
import { DocumentList } from './DocumentList';
import { DraftEditor } from '../drafts/DraftEditor';
import { DraftsList } from '../drafts/DraftsList';
import { NewDraft } from '../drafts/NewDraft';
import { PrintDraftPage } from './PrintDraftPage';
import { sampleNotices } from '../../core/rules/reference-lookups';
import { parseRoute, type Route } from './route';
import { LanguageToggle } from '../LanguageToggle';
import { StoredDocumentsContext } from '../theme/form-context';
import { readStoredDocuments } from './stored-documents';

function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export interface WorkbenchServices {
  active: ActivePack;
}

/** workbench.html: the document list, one document, drafts and print, by hash route. */
export function App({ active }: WorkbenchServices) {
  const route = useHashRoute();
  const [lang, setLangState] = useState<Lang>(currentLang());
  const engine: SchemaEngine = useMemo(() => engineFor(active.pack, active.hash), [active]);
  const { pack } = active;
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  let body: preact.ComponentChildren;
  switch (route.name) {
    case 'documents':
      body = <DocumentList pack={pack} lang={lang} />;
      break;
    case 'new': {
      const prefill = route.prefill ? decodePrefill(route.prefill) : null;
      body = (
        <>
          {prefill && !prefill.ok && (
            <p class="banner error" role="alert">
              {prefill[lang]}
            </p>
          )}
          {prefill && !prefill.ok ? (
            // a bad prefill creates no draft: the user sees why and starts empty on purpose
            <main class="page">
              <a class="btn primary" href={`#/new/${encodeURIComponent(route.docId)}`}>
                {t('startEmpty', lang)}
              </a>
            </main>
          ) : (
            <NewDraft
              key={`${route.docId}:${route.prefill ?? ''}`}
              pack={pack}
              engine={engine}
              docId={route.docId}
              lang={lang}
              initialData={prefill?.ok ? prefill.data : {}}
            />
          )}
        </>
      );
      break;
    }
    case 'drafts':
      body = <DraftsList pack={pack} lang={lang} />;
      break;
    case 'draft':
      body = <DraftEditor key={route.draftId} pack={pack} engine={engine} draftId={route.draftId} lang={lang} />;
      break;
    case 'print':
      body = <PrintDraftPage key={route.draftId} pack={pack} draftId={route.draftId} lang={lang} />;
      break;
    default:
      body = (
        <main class="page">
          <p role="alert">{t('notFound', lang)}</p>
          <a href="#/">{t('back', lang)}</a>
        </main>
      );
  }
  return (
    <StoredDocumentsContext.Provider value={readStoredDocuments}>
      <div class="app">
        <header class="topbar">
          <a class="brand" href="#/">
            {t('appTitle', lang)}
          </a>
          <nav>
            <a href="#/" aria-current={route.name === 'documents' ? 'page' : undefined}>
              {t('documents', lang)}
            </a>
            <a href="#/drafts" aria-current={route.name === 'drafts' ? 'page' : undefined}>
              {t('drafts', lang)}
            </a>
            <EditorLink lang={lang} />
          </nav>
          <span class="pack-info">
            {t('packInfo', lang, {
              id: pack.manifest.id,
              version: pack.manifest.version,
              origin: t(active.origin, lang),
            })}
          </span>
          <LanguageToggle lang={lang} onChange={setLangState} />
        </header>
        {sampleNotices(pack).map((n) => (
          <p class="banner notice sample-notice" role="note" data-list={n.list}>{n[lang]}</p>
        ))}
        {body}
      </div>
    </StoredDocumentsContext.Provider>
  );
}
