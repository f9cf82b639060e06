/**
 * Autofill's runtime messages (merged into shared/messages.ts's MessageMap). The popup's button and
 * the keyboard command both end in `bg:autofill`; the background checks the tab's origin, plans
 * the fill in the core and sends the content script only this fill's values (`cs:fill`).
 */
import type { Lang } from '../i18n/lang';
import type { MatchSettings } from './match-fields';
import type { FillReport, PlanItem, PlanSkip, PortalFieldMap } from './types';

/** A draft handed to autofill by the page that holds it (until drafts are read from shared storage by id). */
export interface AutofillDraft {
  docId: string;
  data: unknown;
  title?: string;
}

export type AutofillFailureReason =
  | 'no-tab'
  | 'no-access'
  | 'bad-url'
  | 'insecure'
  | 'not-listed'
  | 'no-draft'
  | 'draft-locked'
  | 'no-pack'
  | 'inject-failed'
  | 'origin-changed'
  | 'no-report';

export interface AutofillFailure {
  ok: false;
  reason: AutofillFailureReason;
  origin?: string;
  message: { zh: string; en: string };
}

export type AutofillResult =
  | { ok: true; report: FillReport; planSkipped: PlanSkip[]; portalId: string | null; docId: string }
  | AutofillFailure;

export interface AutofillMessages {
  /**
   * ui→bg: fill the tab (default: the active tab) from `draft`, or the stored draft `draftId`
   * (default: the draft last used, which the keyboard command uses). `confirmFrames` lists cross-origin frame origins the user agreed to fill.
   */
  'bg:autofill': {
    request: { tabId?: number; draft?: AutofillDraft; draftId?: string; confirmFrames?: string[]; lang?: Lang };
    response: AutofillResult;
  };
  /** ui→bg: the stored drafts the popup may offer for filling (read by the background: the popup stays small) */
  'bg:autofill-drafts': {
    request: Record<never, never>;
    response: { ok: true; drafts: Array<{ id: string; docId: string; title: string; updated: string; locked: boolean }> } | AutofillFailure;
  };
  /** ui→bg: undo the last fill in the tab */
  'bg:autofill-undo': { request: { tabId?: number }; response: { ok: true; restored: number; failed: string[] } | AutofillFailure };
  /** ui→bg: the last fill's result for the tab (the popup shows it when reopened) */
  'bg:autofill-last': { request: { tabId?: number }; response: { result: AutofillResult | null } };
  /** ui→bg: start learn mode (recorder) in the tab for a document */
  'bg:autofill-learn': { request: { tabId?: number; docId: string; lang?: Lang }; response: { ok: true } | AutofillFailure };
  /** ui→bg: the user's recorded portal maps as a JSON file's text */
  'bg:portal-maps-export': { request: Record<never, never>; response: { json: string } };
  /** ui→bg: replace the user's portal maps by a file's text; nothing changes unless all of it is valid */
  'bg:portal-maps-import': {
    request: { json: string };
    response: { ok: true; count: number } | { ok: false; where: string; message: { zh: string; en: string } };
  };
  /** bg→cs: fill these items (values of this fill only) and show the report panel */
  /**
   * `origins`: the origins the background checked (the tab's, and confirmed frames'). The tab may have
   * navigated between that check and the message: the content script fills only a page of one of them.
   */
  'cs:fill': { request: { fillId: string; items: PlanItem[]; lang: Lang; settings?: MatchSettings; docId?: string; origins: string[] }; response: FillReport };
  /** bg→cs: restore what the last fill changed */
  'cs:undo': { request: Record<never, never>; response: { restored: number; failed: string[] } };
  /** bg→cs: learn mode — the draft's field paths and titles, never its values */
  'cs:learn': { request: { docId: string; fields: Array<{ path: string; title: string }>; lang: Lang }; response: { ok: true } };
  /** cs→bg: the user tied a portal field to a draft field; the background saves it for the tab's origin */
  'bg:learned': { request: { docId: string; field: PortalFieldMap }; response: { ok: true; mapId: string } };
}
