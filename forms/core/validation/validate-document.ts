import { documentSchema } from '../pack/document-schema';
import type { Pack } from '../pack/types';
import { activateReference } from '../reference/reference-context';
import { schemaIn, uiIn } from '../i18n/pack-translation';
import { evaluateRules } from '../rules/evaluate-rules';
import { todayIso } from '../formats/calendar-date';
import { valueAt } from '../schema/json-pointer';
import { schemaMessage } from './messages';
import type { Finding } from '../findings/finding';
import type { Lang } from '../i18n/lang';
import type { SchemaEngine } from './types';

export interface ValidateOptions {
  today?: string;
  lang?: Lang;
}

export interface ValidationResult {
  /** no error-severity finding (warnings allowed) */
  valid: boolean;
  findings: Finding[];
}

/** Schema and rule findings for one document — what the workbench, CLI and tests all call. */
export function validateDocument(
  pack: Pack,
  engine: SchemaEngine,
  docId: string,
  data: unknown,
  opts: ValidateOptions = {},
): ValidationResult {
  const lang = opts.lang ?? 'zh';
  // messages name fields by their titles, in the pack's English when asked for English
  const root = schemaIn(pack, documentSchema(pack, docId), lang);
  const ui = uiIn(pack, pack.documents[docId].ui, lang);
  // the engines' format checkers read the active lists: make them this pack's, whoever calls
  const ref = activateReference(pack);
  const findings: Finding[] = engine.validate(docId, data).map((issue) => ({
    path: issue.path,
    keyword: issue.keyword,
    severity: 'error' as const,
    message: schemaMessage(root, ui, issue, valueAt(data, issue.path), lang, ref),
  }));
  findings.push(...evaluateRules(pack, docId, data, { today: opts.today ?? todayIso(), lang }));
  return { valid: !findings.some((f) => f.severity === 'error'), findings };
}
