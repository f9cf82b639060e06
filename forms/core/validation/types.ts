import type { ResolvedCitation } from '../pack/types';

/** One schema violation, engine-independent: the instance path (JSON pointer) and the keyword. */
export interface SchemaIssue {
  /** JSON pointer of the value at fault; for `required`, the pointer of the missing property */
  path: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type Severity = 'error' | 'warning';
export type Lang = 'zh' | 'en';

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

/** The one validator interface: precompiled for the shipped pack, interpreted for edited ones. */
export interface SchemaEngine {
  readonly kind: 'precompiled' | 'interpreter';
  validate(docId: string, data: unknown): SchemaIssue[];
  /** engines that load per document (lazy-precompiled-engine.ts): resolves once `docId` needs no more loading */
  preload?(docId: string): Promise<void>;
}
