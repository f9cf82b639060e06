import type { Citation, Localized } from '../pack/types';
import type { Severity } from '../findings/finding';
import type { RuleSource } from './rule-source';

/** A JSON Logic expression as stored in the pack (plain JSON; evaluated without eval). */
export type Logic = unknown;

/** Named parameter values; a value `{"$param": "<name>"}` reads a shared parameter (schemas/rules/parameters.json). */
export type Params = Record<string, unknown>;

/** What one case expects to fire: a rule id (any path) or a rule id at one path. */
export type ExpectedFinding = string | { ruleId: string; path: string };

/** OpenFisca-style case stored beside the rule: input → the findings it must produce (none = must not fire). */
export interface RuleCase {
  name: string;
  today?: string;
  data: unknown;
  expect: ExpectedFinding[];
  /** shared parameter values this case was written for (`renewalWindowMonths: 3`), instead of the pack's */
  params?: Record<string, unknown>;
  /** reference files this case was written for, by stem (`filing-catalog`), instead of the pack's */
  reference?: Record<string, unknown>;
}

/**
 * One obligation of a source document, as pack data. Evaluation order: `forEach` picks rows, `let` computes
 * named values, `when` decides applicability, `assert` must hold (a rule without `assert` fires whenever it
 * applies — used for notices and for the reasons of quick checks).
 */
export interface Rule {
  id: string;
  title?: Localized;
  citation: Citation;
  /** where the obligation comes from: the notice, a national document, or our own form design */
  source?: RuleSource;
  effective: { from: string; until?: string };
  /** document ids, or `*` for every document */
  documents: string[];
  severity: Severity;
  params?: Params;
  /** var paths that must be present; by default every var the rule reads without a default */
  requires?: string[];
  /** var path of an array (e.g. `data.occupations`); the rule is evaluated per row with `row`, `index`, `rowNumber` */
  forEach?: string;
  let?: Record<string, Logic>;
  when?: Logic;
  assert?: Logic;
  /** JSON pointers the finding attaches to; `{index}` is the row index */
  paths: string[];
  message: { zh: string; en: string };
  cases?: RuleCase[];
}

/** A rule that fired, before it is turned into a user-facing Finding. */
export interface RuleHit {
  rule: Rule;
  scope: Record<string, unknown>;
  paths: string[];
}
