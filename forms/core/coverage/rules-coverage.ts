import { packChecks } from '../checks/pack-checks';
import type { Pack } from '../pack/types';
import { documentSchema } from '../pack/document-schema';
import { fieldAt } from '../schema/field-schema';
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

/** One obligation of a source, as `schemas/rules/obligations.json` lists it. */
export interface Obligation {
  id: string;
  article: string;
  obligation: string;
  rules?: string[];
  /** `docId#/json/pointer` of the fields that record it */
  fields?: string[];
  notCheckable?: { zh: string; en?: string };
}

export interface ObligationCoverage extends Obligation {
  label: string;
  /** rule ids and field references that do not exist in the pack (a stale list) */
  unknown: string[];
}

/** Every obligation with its article label, and anything it names that the pack does not have. */
export function obligationsCoverage(pack: Pack): ObligationCoverage[] {
  const file = pack.files['rules/obligations.json'] as { source?: string; obligations?: Obligation[] } | undefined;
  const list = Array.isArray(file?.obligations) ? file.obligations : [];
  const source = pack.sources[file?.source ?? Object.keys(pack.sources)[0]];
  const ruleIds = new Set([...allRules(pack).map((r) => r.rule.id), ...packChecks(pack).flatMap((c) => c.reasons.map((r) => r.id))]);
  return list.map((o) => {
    const unknown = [
      ...(o.rules ?? []).filter((id) => !ruleIds.has(id)),
      ...(o.fields ?? []).filter((ref) => {
        const [docId, pointer = ''] = ref.split('#');
        if (!pack.documents[docId]) return true;
        return !fieldAt(documentSchema(pack, docId), pointer).schema;
      }),
    ];
    if (!source?.articles.some((a) => a.id === o.article)) unknown.push(`article ${o.article}`);
    return { ...o, label: source?.articles.find((a) => a.id === o.article)?.label ?? o.article, unknown };
  });
}
