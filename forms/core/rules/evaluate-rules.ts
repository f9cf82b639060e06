import type { Pack } from '../pack/types';
import type { Finding, Lang } from '../validation/types';

export interface RuleContext {
  /** ISO date the rules treat as today */
  today: string;
  lang: Lang;
}

/** Findings of the pack's rules for one document. (Rules engine: issue #4.) */
export function evaluateRules(_pack: Pack, _docId: string, _data: unknown, _ctx: RuleContext): Finding[] {
  return [];
}
