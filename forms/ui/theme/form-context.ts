import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { currentLang } from '../../../shared/i18n';
import type { Pack } from '../../core/pack/types';
import type { Finding } from '../../core/findings/finding';
import type { Lang } from '../../core/i18n/lang';
import { joinPointer, splitPointer } from '../../core/schema/json-pointer';
import type { TableRowsComponent } from './table-rows';

/** What the field templates and widgets read besides RJSF's own props. */
export interface KitFormContext {
  pack: Pack;
  lang: Lang;
  /** findings to show, by JSON pointer */
  findingsByPath: ReadonlyMap<string, Finding[]>;
  /** stores an attachment's bytes; returns its blob id (drafts store, or memory) */
  saveBlob?: (file: File) => Promise<string>;
  /** the stored drafts of some documents, to fill a list from (a ui.json `fillFrom` option); absent: no such button */
  storedDocuments?: (docIds: readonly string[]) => Promise<StoredDocuments>;
  /** draws a table field's rows: the theme's live rows when absent (a fast path hands in its own, forms/ui/fast/) */
  TableRows?: TableRowsComponent;
}

/** A stored draft a list may be filled from. */
export interface StoredDocument {
  id: string;
  docId: string;
  title: string;
  /** ISO timestamp of its last change */
  updated: string;
  data: Record<string, unknown>;
}

/** What the drafts store holds for a fill: the drafts, or that some are encrypted and the page holds no key. */
export type StoredDocuments = { drafts: StoredDocument[]; locked: number };

export const FormKitContext = createContext<KitFormContext | null>(null);

/** The page's reader of stored drafts (the workbench's drafts store); a page without one shows no fill-from button. */
export const StoredDocumentsContext = createContext<KitFormContext['storedDocuments']>(undefined);

/**
 * The form's language, for the theme's own words (buttons, empty lists). Read from the form's context, so a
 * template RJSF does not re-render for a language change still does, as the context's consumer.
 */
export function useFormLang(): Lang {
  return useContext(FormKitContext)?.lang ?? currentLang();
}

/** RJSF field path → JSON pointer, e.g. ['occupations', 0, 'code'] → /occupations/0/code */
export const pointerOf = (path: ReadonlyArray<string | number>): string =>
  joinPointer(path);

/** The id RJSF gives the input at a JSON pointer (default `root` prefix and `_` separator). */
export const fieldIdOf = (pointer: string): string =>
  ['root', ...splitPointer(pointer)].join('_');

/** JSON pointer of a control from its RJSF id (`root_institution_uscc` → `/institution/uscc`; names hold no `_`). */
export const pointerOfFieldId = (id: string): string => id.replace(/^root/, '').split('_').join('/');

/** Whether an error is shown for the control with this id: its `aria-invalid`, so screen readers say so. */
export function useInvalid(id: string): true | undefined {
  const ctx = useContext(FormKitContext);
  return ctx?.findingsByPath.get(pointerOfFieldId(id))?.some((f) => f.severity === 'error') ? true : undefined;
}
