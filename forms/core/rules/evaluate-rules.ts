import { resolveCitation } from '../pack/citation';
import type { Pack } from '../pack/types';
import type { Finding } from '../findings/finding';
import type { Lang } from '../i18n/lang';
import { packText } from '../i18n/pack-translation';
import { defineStrings, textIn } from '../i18n/text';
import { interpolate } from './interpolate';
import { rulesForDocument } from './pack-rules';
import { citationLabel, sourceBadge } from './rule-source';
import { runRule } from './run-rule';
import type { Rule, RuleHit } from './types';

export interface RuleContext {
  /** ISO date the rules treat as today */
  today: string;
  lang: Lang;
}

/** The user-facing findings of one fired rule: one per path, message in the chosen language. */
export function hitFindings(pack: Pack, hit: RuleHit, lang: Lang): Finding[] {
  const { rule } = hit;
  const resolved = resolveCitation(pack, rule.citation);
  const message = interpolate(rule.message ? packText(pack, rule.message, lang) : rule.id, hit.scope);
  return hit.paths.map((path) => ({
    path,
    message,
    severity: rule.severity === 'warning' ? 'warning' : 'error',
    ruleId: rule.id,
    ...(resolved ? { citation: { source: resolved.source, article: resolved.article, label: citationLabel(rule.source, resolved.label) } } : {}),
    basis: sourceBadge(rule.source, lang),
  }));
}

/** Findings of the pack's rules for one document, one per rule and path. */
export function evaluateRules(pack: Pack, docId: string, data: unknown, ctx: RuleContext): Finding[] {
  if (!data || typeof data !== 'object') return [];
  const findings: Finding[] = [];
  for (const rule of rulesForDocument(pack, docId)) findings.push(...evaluateRule(pack, rule, data, ctx));
  return findings;
}

/** A rule its step budget stopped, named with the reason. */
const words = defineStrings({ stopped: { zh: '规则 {id}：{why}', en: 'Rule {id}: {why}' } });

export function evaluateRule(pack: Pack, rule: Rule, data: unknown, ctx: RuleContext): Finding[] {
  const run = runRule(pack, rule, { data }, ctx.today);
  const findings = run.hits.flatMap((hit) => hitFindings(pack, hit, ctx.lang));
  // a rule stopped by its step budget could not be judged: an error the user sees, not a silent pass
  if (run.stopped) findings.push({ path: '', severity: 'error', ruleId: rule.id, message: words('stopped', ctx.lang, { id: rule.id, why: textIn(run.stopped, ctx.lang) }) });
  return findings;
}
