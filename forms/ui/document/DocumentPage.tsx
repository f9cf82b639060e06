import { useState } from 'preact/hooks';
import { documentSchema } from '../../core/pack/document-schema';
import { requiredSkeleton } from '../../core/schema/required-skeleton';
import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/findings/finding';
import type { SchemaEngine } from '../../core/validation/types';
import { t, type Lang } from '../../../shared/i18n';
import { DocumentForm } from './DocumentForm';
import { PrintButton } from '../print/PrintButton';
import { PrintMirror } from '../print/PrintMirror';
import { pruneHidden } from '../../core/schema/prune-hidden';
import { UnknownDocument } from '../UnknownDocument';
import type { KitFormContext } from '../theme/form-context';

export interface DocumentPageProps {
  pack: Pack;
  engine: SchemaEngine;
  docId: string;
  lang: Lang;
  initialData: Record<string, unknown>;
  /** every change, for autosave */
  onData?(data: Record<string, unknown>): void;
  onFindings?(findings: Finding[]): void;
  onSubmitValid?(data: Record<string, unknown>, findings: Finding[]): void;
  saveBlob?: (file: File) => Promise<string>;
  /** stored drafts a list may be filled from (default: the page's, StoredDocumentsContext) */
  storedDocuments?: KitFormContext['storedDocuments'];
  aside?: preact.ComponentChildren;
}

/** A document being filled: owns the data; drafts (autosave) hook in through `onData`. */
export function DocumentPage(props: DocumentPageProps) {
  const { pack, engine, docId, lang, initialData, onData, onFindings, onSubmitValid, saveBlob, storedDocuments, aside } = props;
  const [data, setData] = useState(() =>
    pack.documents[docId] ? requiredSkeleton(documentSchema(pack, docId), initialData) : initialData,
  );
  const [ok, setOk] = useState(false);
  // open errors make the printout a draft; unknown (before the first validation) counts as unchecked
  const [errors, setErrors] = useState<number | null>(null);
  if (!pack.documents[docId]) {
    return <UnknownDocument docId={docId} lang={lang} />;
  }
  return (
    <main class="page wide print-host" data-doc-id={docId} data-checked={errors === null ? 'no' : 'yes'}>
      <DocumentForm
        pack={pack}
        engine={engine}
        docId={docId}
        lang={lang}
        data={data}
        saveBlob={saveBlob}
        storedDocuments={storedDocuments}
        onFindings={(f) => {
          setErrors(f.filter((x) => x.severity === 'error').length);
          onFindings?.(f);
        }}
        onChange={(d) => {
          setData(d);
          setOk(false);
          onData?.(d);
        }}
        onSubmitValid={(d, f) => {
          setOk(true);
          // what is submitted holds only the sections that apply (hidden branches' values stay in the draft)
          onSubmitValid?.(pruneHidden(pack, docId, d), f);
        }}
        aside={
          <>
            {ok && (
              <p class="submitted-ok" role="status">
                {t('submittedOk', lang)}
              </p>
            )}
            <PrintButton lang={lang} />
            {aside}
          </>
        }
      />
      {/* printing (window.print or a PDF) shows this instead of the form */}
      <PrintMirror pack={pack} docId={docId} data={data} lang={lang} draft={errors === 0 ? null : { errors: errors ?? undefined }} />
    </main>
  );
}
