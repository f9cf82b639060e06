/**
 * Autofill shapes shared by the planner (core), the background and the content script. A portal map
 * is pack data (`schemas/portals/<id>.json`) or a user map saved by the recorder; a plan is what one
 * fill sends to the page — only this fill's values, already in the form the portal shows.
 */
import type { Localized } from '../pack/types';

/** One step of a value pipeline, applied in order (see transforms.ts). */
export type Transform =
  | { date: string }
  | { enumNames: true }
  | { map: Record<string, string> }
  | { lookup: { ref: string; list: string; key: string; value: string } }
  | { join: string }
  | { split: string; index?: number }
  | { boolean: [string, string] }
  | { prepend: string[] };

/** How a portal field is found: a CSS selector, or the visible label text. */
export type FieldMatch = { selector: string } | { label: string };

export type ControlKind = 'text' | 'number' | 'date' | 'choice' | 'multi' | 'toggle' | 'cascade' | 'file';

export interface PortalFieldMap {
  /** draft JSON pointer; inside `arrays[].fields` it is relative to the item (`/code`) */
  path?: string;
  /** several draft pointers whose values are joined (use a `join` transform) */
  paths?: string[];
  selector?: string;
  label?: string;
  /** what kind of control the portal uses; inferred from the schema when absent */
  control?: ControlKind;
  transform?: Transform[];
}

export interface PortalArrayMap {
  /** draft pointer of the array, e.g. `/occupations` */
  path: string;
  /** CSS selector matching one element per row (in order) */
  rows: string;
  /** button pressed once per missing row */
  addRow?: string;
  /** inside a row: the button that removes it (undo removes the rows a fill added) */
  removeRow?: string;
  fields: PortalFieldMap[];
}

export interface PortalDocumentMap {
  fields: PortalFieldMap[];
  arrays?: PortalArrayMap[];
  /** match the remaining draft fields by label (default true) */
  labelMatching?: boolean;
}

export interface PortalMap {
  id: string;
  title: Localized;
  /** `scheme://host[:port]` patterns; `*.` for subdomains, `:*` for any port */
  origins: string[];
  /** optional URL path patterns (`*` = anything) narrowing the map to some pages */
  paths?: string[];
  /** where the host comes from and how sure it is */
  source?: string;
  /** transforms for fields of a format when the field entry names none, e.g. `sh-district` → name */
  formats?: Record<string, Transform[]>;
  documents: Record<string, PortalDocumentMap>;
}

export type FillValue = string | string[] | boolean;

/**
 * How the page finds an item's control: a CSS selector; a portal map's label (exact, after
 * normalisation); or, without a map, the scored matcher (match-fields.ts) over the field's title and
 * synonyms (`labels`), its enclosing sections' titles (`context`) and its description (`hints`);
 * `sections` names each enclosing section (outermost first) with its synonyms, so a page heading
 * worded its own way (经办人信息 for 联系人) still says whose field a control is.
 */
export type PlanMatch =
  | { selector: string }
  | { labels: string[]; scored?: false }
  | { labels: string[]; scored: true; context: string[]; hints?: string[]; sections?: string[][] };

/**
 * Other ways the page may show the value, best first (value-forms.ts): the control writes the form its
 * options contain, and the read-back accepts any of them.
 */
export interface ValueForms {
  /** a single value's text forms: label, code, short label, date formats, 是/否 … */
  texts?: string[];
  /** a list value: each element's text forms */
  each?: string[][];
  /** cascader option paths */
  paths?: string[][];
  /**
   * the value is a label in the pack's own wording (an enum's ui:enumNames), which a portal may word
   * its own way (央企 for 在沪央企): a control may take the one option clearly closest to it. Values
   * from reference lists (districts, levels) never are: 黄浦区 is not 杨浦区.
   */
  loose?: boolean;
}

export interface PlanItem {
  id: string;
  /** draft pointer the value came from (first one when joined) */
  path: string;
  /** the schema title, for the report */
  title: string;
  match: PlanMatch;
  value: FillValue;
  /** every form of the value a control may show (schema- and pack-derived) */
  forms?: ValueForms;
  kind: ControlKind;
  /**
   * for items of an array: which row, and how to get it — a map names the rows' selector and buttons;
   * without one the page finds the table whose headers name the columns (`title`: the list's title)
   */
  row?: { array: string; index: number; rows?: string; addRow?: string; removeRow?: string; title?: string };
  /** a value computed from the draft (a count, a joined list), declared in the pack's fill/derived.json */
  derived?: boolean;
  /**
   * a material to upload (kind `file`): the draft's stored file; the background adds its bytes
   * (base64) just before sending, the page puts it into the portal's upload control
   */
  file?: { blobId: string; name: string; type: string; data?: string };
}

export type PlanSkipReason = 'ambiguous-title' | 'array-without-map' | 'transform-failed' | 'empty';

export interface PlanSkip {
  path: string;
  title: string;
  reason: PlanSkipReason;
  detail?: string;
}

export interface FillPlan {
  portalId: string | null;
  docId: string;
  items: PlanItem[];
  skipped: PlanSkip[];
}

/** What the content script reports for one plan item. */
export type FillStatus = 'filled' | 'skipped' | 'failed' | 'not-found';

export interface FillOutcome {
  id: string;
  path: string;
  title: string;
  status: FillStatus;
  /** the value as shown to the user */
  value: string;
  /** why skipped / failed / not found (a code, see report-reasons.ts) */
  reason?: string;
  detail?: string;
  /** time spent on this item */
  ms?: number;
  /** below the matcher's bar: the page label it might be (可能是 …), offered for one click */
  suggestion?: { label: string; score: number };
  /** the frame it was filled in, when not the top page (its URL) */
  frame?: string;
}

export interface FillReport {
  fillId: string;
  url: string;
  outcomes: FillOutcome[];
  /** origins of cross-origin frames that were not touched (each needs the user's confirmation) */
  crossOriginFrames: string[];
  elapsedMs: number;
}
