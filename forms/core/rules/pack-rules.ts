import type { Pack } from '../pack/types';
import type { Rule } from './types';

/** Files under schemas/rules/ that hold data other than rules. */
const NOT_RULE_FILES = new Set(['rules/parameters.json', 'rules/not-checkable.json', 'rules/obligations.json']);

/** Shared rules: every `schemas/rules/*.json` holding `{"rules": [...]}`. */
export function sharedRules(pack: Pack): Rule[] {
  const out: Rule[] = [];
  for (const [path, file] of Object.entries(pack.files)) {
    if (!/^rules\/[^/]+\.json$/.test(path) || NOT_RULE_FILES.has(path)) continue;
    const rules = (file as { rules?: unknown })?.rules;
    if (Array.isArray(rules)) out.push(...(rules as Rule[]));
  }
  return out;
}

/** Every rule in the pack with where it is stored (for tests, coverage and the editor). */
export function allRules(pack: Pack): Array<{ rule: Rule; file: string }> {
  const out: Array<{ rule: Rule; file: string }> = [];
  for (const [id, doc] of Object.entries(pack.documents)) {
    for (const r of doc.rules as Rule[]) out.push({ rule: r, file: `documents/${id}/rules.json` });
  }
  for (const [path, file] of Object.entries(pack.files)) {
    if (!/^rules\/[^/]+\.json$/.test(path) || NOT_RULE_FILES.has(path)) continue;
    const rules = (file as { rules?: unknown })?.rules;
    if (Array.isArray(rules)) for (const r of rules as Rule[]) out.push({ rule: r, file: path });
  }
  return out;
}

const appliesTo = (rule: Rule, docId: string) =>
  Array.isArray(rule.documents) && (rule.documents.includes(docId) || rule.documents.includes('*'));

/** The rules that apply to one document: its own rules.json and the shared rules naming it (or `*`). */
export function rulesForDocument(pack: Pack, docId: string): Rule[] {
  const own = (pack.documents[docId]?.rules ?? []) as Rule[];
  return [...own.filter((r) => !Array.isArray(r.documents) || appliesTo(r, docId)), ...sharedRules(pack).filter((r) => appliesTo(r, docId))];
}
