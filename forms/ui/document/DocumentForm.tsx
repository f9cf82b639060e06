import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useRef, useState } from 'preact/hooks';
import { deriveValues } from '../../core/pack/derive-values';
import { documentSchema } from '../../core/pack/document-schema';
import { inlineRefs } from '../../core/pack/inline-refs';
import '../rjsf-settled-schemas';
import type { Pack } from '../../core/pack/types';
import type { Finding, Lang, SchemaEngine } from '../../core/validation/types';
import { validateDocument } from '../../core/validation/validate-document';
import { t } from '../../../shared/i18n';
import { fields, templates, widgets } from '../theme';
import { kitValidator } from '../validator-adapter';
import { ErrorSummary, focusField } from './ErrorSummary';
import { FormKitContext, type KitFormContext } from './form-context';
import { groupByPath, presentPointers, visibleFindings } from './visible-findings';

export interface DocumentFormProps {
  pack: Pack;
  engine: SchemaEngine;
  docId: string;
  lang: Lang;
  data: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
  /** called after submit when no error remains */
  onSubmitValid?(data: Record<string, unknown>, findings: Finding[]): void;
  /** findings changed (for a draft's status) */
  onFindings?(findings: Finding[]): void;
  saveBlob?: KitFormContext['saveBlob'];
  today?: string;
  /** extra controls shown in the side panel (save status, print, export …) */
  aside?: preact.ComponentChildren;
}

/** RJSF ids → JSON pointer (field names never contain `_`; checked by the pack tests). */
const pointerOfId = (id: string) => id.replace(/^root/, '').split('_').join('/');

/**
 * One document: RJSF renders, the kit validates (schema + rules) on every change and shows what
 * the user touched, everything after submit.
 */
export function DocumentForm(props: DocumentFormProps) {
  const { pack, engine, docId, lang, data, onChange, onSubmitValid, onFindings, saveBlob, today, aside } = props;
  // references inlined once: RJSF would resolve them again on every render of every field
  const schema = useMemo(() => inlineRefs(documentSchema(pack, docId)) as RJSFSchema, [pack, docId]);
  const ui = pack.documents[docId].ui as UiSchema;
  const [touched, setTouched] = useState<Set<string>>(() => presentPointers(data));
  const [submitted, setSubmitted] = useState(false);
  const findings = useMemo(
    () => validateDocument(pack, engine, docId, data, { lang, today }).findings,
    [pack, engine, docId, data, lang, today],
  );
  const lastReported = useRef<Finding[] | null>(null);
  if (onFindings && lastReported.current !== findings) {
    lastReported.current = findings;
    queueMicrotask(() => onFindings(findings));
  }
  const shown = useMemo(() => visibleFindings(findings, touched, submitted), [findings, touched, submitted]);
  const ctx = useMemo<KitFormContext>(
    () => ({ pack, lang, findingsByPath: groupByPath(shown), saveBlob }),
    [pack, lang, shown, saveBlob],
  );
  const touch = (id?: string) => {
    if (!id) return;
    const p = pointerOfId(id);
    if (!touched.has(p)) setTouched((prev) => new Set(prev).add(p));
  };
  const submit = () => {
    setSubmitted(true);
    const firstError = findings.find((f) => f.severity === 'error');
    if (firstError) {
      document.getElementById('summary-title')?.focus();
      focusField(firstError.path);
    } else onSubmitValid?.(data, findings);
  };
  return (
    <FormKitContext.Provider value={ctx}>
      <div class="document-layout">
        <div class="document-main">
          <header class="document-head">
            <h1>{String(schema.title ?? docId)}</h1>
            {schema.description && <p class="description">{String(schema.description)}</p>}
          </header>
          <Form
            schema={schema}
            uiSchema={{ ...ui, 'ui:submitButtonOptions': { norender: true } }}
            formData={data}
            validator={kitValidator}
            templates={templates}
            widgets={widgets}
            fields={fields}
            noValidate
            noHtml5Validate
            showErrorList={false}
            experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipEmptyDefaults', arrayMinItems: { populate: 'never' } }}
            onChange={(e: IChangeEvent, id?: string) => {
              touch(id);
              onChange(deriveValues((e.formData ?? {}) as Record<string, unknown>));
            }}
            onBlur={(id: string) => touch(id)}
            onSubmit={submit}
          />
        </div>
        <aside class="document-aside">
          <button type="button" class="btn primary submit" onClick={submit}>
            {t('submit', lang)}
          </button>
          {aside}
          <ErrorSummary pack={pack} findings={shown} submitted={submitted} />
        </aside>
      </div>
    </FormKitContext.Provider>
  );
}
