import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useEffect, useMemo, useRef, useState, useContext } from 'preact/hooks';
import { deriveValues } from '../../core/reference/derive-values';
import { documentSchema } from '../../core/pack/document-schema';
import { inlineRefs } from '../../core/pack/inline-refs';
import { StaticFirstRows } from '../fast/lazy-row';
import { fastPathOn } from '../fast/switch';
import type { Pack } from '../../core/pack/types';
import { referenceOf } from '../../core/reference/reference-context';
import { schemaIn, uiIn } from '../../core/i18n/pack-translation';
import type { Finding } from '../../core/findings/finding';
import type { Lang } from '../../core/i18n/lang';
import type { SchemaEngine } from '../../core/validation/types';
import { validateDocument } from '../../core/validation/validate-document';
import { t } from '../../../shared/i18n';
import { fields, templates, widgets } from '../theme';
import { kitValidator } from '../validator-adapter';
import { ErrorSummary, focusField } from './ErrorSummary';
import { FormKitContext, StoredDocumentsContext, type KitFormContext } from '../theme/form-context';
import { PASTE_SUFFIX } from '../theme/paste-id';
import { withLevelLabels } from '../theme/level-labels';
import { rjsfStrings } from '../theme/rjsf-strings';
import type { JsonSchema } from '../../core/pack/types';
import { addedRows, groupByPath, presentPointers, visibleFindings } from './visible-findings';

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
  /** reads stored drafts for a list filled from another document; absent (the editor's preview): no such button */
  storedDocuments?: KitFormContext['storedDocuments'];
  today?: string;
  /** extra controls shown in the side panel (save status, print, export …) */
  aside?: preact.ComponentChildren;
}

/** RJSF ids → JSON pointer (field names never contain `_`; checked by the pack tests). */
const NO_FINDINGS: Finding[] = [];
/**
 * How long the first validation waits, after the first frame, for the document's precompiled validator
 * to arrive; past it the interpreter answers (its first use costs a 50-row document 30–50 ms).
 */
const VALIDATOR_WAIT_MS = 300;
const pointerOfId = (id: string) => id.replace(/^root/, '').split('_').join('/');
/**
 * The data without `undefined` members (copy on write: untouched branches keep their identity). With
 * `constAsDefaults: 'never'` RJSF leaves a const field's key holding undefined, which is no JSON value
 * and which the interpreter engine refuses.
 */
function withoutUndefined<T>(v: T): T {
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    v.forEach((x, i) => {
      const y = withoutUndefined(x);
      if (y !== x) (out ??= v.slice())[i] = y;
    });
    return (out ?? v) as T;
  }
  if (v && typeof v === 'object') {
    let out: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) {
        out ??= { ...(v as Record<string, unknown>) };
        delete out[k];
        continue;
      }
      const y = withoutUndefined(x);
      if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
    }
    return (out ?? v) as T;
  }
  return v;
}
/** A list of rows (objects), as opposed to a multiple choice (a list of codes), whose ticks are entries. */
const isRowList = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object');
const valueAt = (data: unknown, pointer: string): unknown =>
  pointer.split('/').slice(1).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);

/**
 * One document: RJSF renders, the kit validates (schema + rules) on every change and shows what
 * the user touched, everything after submit.
 */
export function DocumentForm(props: DocumentFormProps) {
  const { pack, engine, docId, lang, data, onChange, onSubmitValid, onFindings, saveBlob, today, aside } = props;
  const pageDocuments = useContext(StoredDocumentsContext);
  const translate = useMemo(() => rjsfStrings(lang), [lang]);
  const storedDocuments = props.storedDocuments ?? pageDocuments;
  // references inlined once: RJSF would resolve them again on every render of every field
  // in English, the pack's own English for titles, help texts and enum labels (schemas/i18n/en.json)
  const schema = useMemo(() => schemaIn(pack, inlineRefs(documentSchema(pack, docId)), lang) as RJSFSchema, [pack, docId, lang]);
  const ui = useMemo(
    () => withLevelLabels(pack, schema as JsonSchema, uiIn(pack, pack.documents[docId].ui, lang) as Record<string, unknown>, lang) as UiSchema,
    [pack, docId, schema, lang],
  );
  // what the document held when opened counts as touched (its findings show); worked out when the first
  // validation runs, not in the first render
  const opened = useRef<{ data: Record<string, unknown>; pointers?: Set<string> }>({ data });
  const atOpening = (): Set<string> => (opened.current.pointers ??= presentPointers(opened.current.data));
  const [touchedSet, setTouched] = useState<Set<string> | null>(null);
  const touched = (): Set<string> => touchedSet ?? atOpening();
  const [submitted, setSubmitted] = useState(false);
  // rows added since the last submit: quiet until touched (a new row is empty, not wrong)
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  // The first render draws the form without validating it (the first-render budget, bench/budgets.json): validation (schema +
  // every rule, and waiting for the document's validator module) follows once that frame is out. A
  // document without findings then renders nothing new: empty results keep one identity.
  const [validating, setValidating] = useState(false);
  useEffect(() => {
    let live = true;
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      const wait = new Promise((r) => setTimeout(r, VALIDATOR_WAIT_MS));
      void Promise.race([engine.preload?.(docId), wait]).then(() => live && setValidating(true));
    };
    // after the first frame; a hidden page has no frames, hence the timer
    const frame = requestAnimationFrame(() => setTimeout(start));
    const timer = setTimeout(start, 100);
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const validate = () => validateDocument(pack, engine, docId, data, { lang, today }).findings;
  const findings = useMemo(() => {
    if (!validating) return NO_FINDINGS;
    const found = validate();
    return found.length ? found : NO_FINDINGS;
  }, [validating, pack, engine, docId, data, lang, today]);
  const lastReported = useRef<Finding[] | null>(null);
  if (validating && onFindings && lastReported.current !== findings) {
    lastReported.current = findings;
    queueMicrotask(() => onFindings(findings));
  }
  const shown = useMemo(
    () => (findings === NO_FINDINGS ? NO_FINDINGS : visibleFindings(findings, touched(), submitted, fresh)),
    [findings, touchedSet, submitted, fresh],
  );
  const ctx = useMemo<KitFormContext>(
    // a table's first rows drawn as markup first: a fast path, off with the one switch (forms/ui/fast/README.md)
    () => ({ pack, lang, findingsByPath: groupByPath(shown), saveBlob, storedDocuments, TableRows: fastPathOn('table-rows') ? StaticFirstRows : undefined }),
    [pack, lang, shown, saveBlob, storedDocuments],
  );
  const touch = (id?: string) => {
    if (!id) return;
    const p = pointerOfId(id);
    if ([...fresh].some((r) => p === r || p.startsWith(`${r}/`))) setFresh((prev) => new Set([...prev].filter((r) => !(p === r || p.startsWith(`${r}/`)))));
    if (!touched().has(p)) setTouched((prev) => new Set(prev ?? atOpening()).add(p));
  };
  const submit = () => {
    setSubmitted(true);
    if (fresh.size) setFresh(new Set());
    setValidating(true);
    // pressed before the first validation ran: validate now rather than submit unchecked
    const firstError = (validating ? findings : validate()).find((f) => f.severity === 'error');
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
            translateString={translate}
              // constAsDefaults never: a `const: true` declaration (承诺) is the user's to tick, never pre-ticked
            experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipEmptyDefaults', arrayMinItems: { populate: 'never' }, constAsDefaults: 'never' }}
            onChange={(e: IChangeEvent, id?: string) => {
              const next = withoutUndefined(deriveValues((e.formData ?? {}) as Record<string, unknown>, referenceOf(pack), ui as Record<string, unknown>));
              // a change reported by a list itself is 添加/删除/移动: rows it added start quiet and the list is
              // not touched; a paste (`…__paste`) is the user's entry: the list counts as touched
              const pasted = id?.endsWith(PASTE_SUFFIX);
              const listId = pasted ? id!.slice(0, -PASTE_SUFFIX.length) : id;
              if (!id || (!pasted && isRowList(valueAt(next, pointerOfId(id))))) {
                const added = addedRows(data, next);
                if (added.length) setFresh((prev) => new Set([...prev, ...added]));
              } else touch(listId);
              onChange(next);
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
