import type { ResolvedCitation } from '../pack/types';

export type Severity = 'error' | 'warning';

/** What the user sees: a schema issue or a rule finding, with a message in the chosen language. */
export interface Finding {
  path: string;
  message: string;
  severity: Severity;
  keyword?: string;
  ruleId?: string;
  citation?: Pick<ResolvedCitation, 'source' | 'article' | 'label'>;
  /** what kind of source the finding rests on: the notice, a national document, or a form requirement (表单要求) */
  basis?: { type: 'notice' | 'national' | 'form-design'; confirmed?: boolean; document?: string; label: string };
}
