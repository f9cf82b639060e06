import type { Citation, Localized } from '../pack/types';
import type { Logic, Params, Rule } from '../rules/types';
import type { SourceBadge } from '../rules/rule-source';

/** One input field of a quick check: enough JSON-Schema-like shape to explain bad input and draw a form. */
export interface CheckField {
  type: 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';
  title: { zh: string; en: string };
  format?: 'date';
  enum?: Array<string | number>;
  /** Chinese labels of `enum`, same order */
  enumNames?: string[];
  /**
   * English labels of `enum`, same order. A check file need not write them: the popup's forms take them
   * from the pack's i18n/en.json (checkForms in check-forms.ts), where every shipped label has its English.
   */
  enumNamesEn?: string[];
  /** more accepted spellings (e.g. `五级` for 初级工); accepted but not offered */
  aliases?: Record<string, string>;
  /** values an older version accepted and this one does not, each with the one line saying what to send instead */
  retiredValues?: Record<string, { zh: string; en: string }>;
  pattern?: string;
  /** required beside `pattern` (pack check): a long value is refused before the pattern runs */
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: CheckField;
  properties?: Record<string, CheckField>;
  required?: string[];
  placeholder?: string;
}

export interface CheckInputSpec {
  required?: string[];
  /** field → JSON Logic over the input: the field is required when it holds */
  requiredWhen?: Record<string, Logic>;
  properties: Record<string, CheckField>;
}

/** A reason is a rule over `{input, out, params, today}`; without `assert` it is given whenever `when` holds. */
export type CheckReason = Omit<Rule, 'documents' | 'paths' | 'severity'> & Partial<Pick<Rule, 'documents' | 'paths' | 'severity'>>;

export interface CheckCase {
  name: string;
  today?: string;
  input: unknown;
  /** reference lists as the case assumes them (forms/core/rules/case-pack.ts), e.g. an official catalogue */
  reference?: Record<string, Record<string, unknown>>;
  /** output fields that must equal these values (`reasons`: the rule ids given, in any order) */
  expect: Record<string, unknown>;
}

/** A quick check as pack data: `schemas/checks/<kind>.json`. */
export interface CheckDef {
  kind: string;
  /** position in the popup's list */
  order?: number;
  title: Localized;
  description?: Localized;
  /** the document the answers carry into (workbench `#/new/<docId>?prefill=`): an id, or JSON Logic over {input, out} */
  document?: string | Logic;
  /** JSON pointer in that document → input field name, or JSON Logic over {input, out} for the value */
  prefill?: Record<string, string | { logic: Logic }>;
  params?: Params;
  input: CheckInputSpec;
  /** computed in order; each can read earlier ones as `out.<name>`; names starting `_` are not returned */
  outputs: Array<{ name: string; logic: Logic }>;
  /** titles of the outputs, for people (popup) */
  outputTitles?: Record<string, { zh: string; en: string }>;
  /** Chinese/English labels for output codes (popup display) */
  labels?: Record<string, { zh: string; en: string }>;
  reasons: CheckReason[];
  cases: CheckCase[];
}

export interface CheckReasonOut {
  ruleId: string;
  message: string;
  citation: { source: string; article: string; label: string };
  basis: SourceBadge;
}

export interface CheckResult {
  kind: string;
  outcome: string;
  reasons: CheckReasonOut[];
  [output: string]: unknown;
}

export interface CheckInputProblem {
  field?: string;
  /** the field's title, for forms that show titles rather than field names */
  title?: { zh: string; en: string };
  /** a required field is absent (a form shows "please fill in", not an error) */
  missing?: boolean;
  zh: string;
  en: string;
}

export type CheckCitation = Citation;
