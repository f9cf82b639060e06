import { packChecks } from '../checks/pack-checks';
import type { Pack } from '../pack/types';
import { allRules } from '../rules/pack-rules';

export interface ArticleCoverage {
  source: string;
  article: string;
  label: string;
  heading?: string;
  /** rule ids citing the article, with where they apply (document ids, `*`, or `check:<kind>`) */
  rules: Array<{ id: string; severity?: string; appliesTo: string[] }>;
  notCheckable?: { zh: string; en?: string };
}

/** For every article of every source: the rules and check reasons citing it, or why none can. */
export function rulesCoverage(pack: Pack): ArticleCoverage[] {
  const notCheckable = ((pack.files['rules/not-checkable.json'] as { articles?: Record<string, { zh: string; en?: string }> } | undefined)?.articles) ?? {};
  const citing = new Map<string, ArticleCoverage['rules']>();
  const add = (source: string, article: string, entry: ArticleCoverage['rules'][number]) => {
    const key = `${source}/${article}`;
    citing.set(key, [...(citing.get(key) ?? []), entry]);
  };
  for (const { rule } of allRules(pack)) add(rule.citation.source, rule.citation.article, { id: rule.id, severity: rule.severity, appliesTo: rule.documents });
  for (const def of packChecks(pack)) {
    for (const r of def.reasons) add(r.citation.source, r.citation.article, { id: r.id, appliesTo: [`check:${def.kind}`] });
  }
  const out: ArticleCoverage[] = [];
  for (const [sourceId, source] of Object.entries(pack.sources)) {
    for (const a of source.articles) {
      const key = `${sourceId}/${a.id}`;
      const rules = citing.get(key) ?? [];
      out.push({ source: sourceId, article: a.id, label: a.label, heading: a.heading, rules, ...(rules.length === 0 && notCheckable[key] ? { notCheckable: notCheckable[key] } : {}) });
    }
  }
  return out;
}
