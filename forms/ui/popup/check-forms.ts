/**
 * The bundled pack's quick checks as forms only (kind, order, title, description, input), written by
 * `npm run pack:build` next to pack.json: the popup draws the last check's form from them in its first
 * frame instead of after the 465 KB pack (the popup must be interactive within 100 ms, bench/budgets.json). Answers always come from
 * the active pack; these only say what to ask.
 */
import type { CheckForm } from '../../core/checks/check-forms';
import bundled from '../../../generated/popup-checks.json';

export type CheckFormDef = CheckForm;

// (typed by hand: the generated file's inferred type is a union of every check's literal shape)
export const BUNDLED_CHECK_FORMS = bundled.checks as unknown as CheckFormDef[];
