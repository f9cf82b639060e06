import { compileLogic } from '../rules/compile-logic';
import { RULE_STEP_BUDGET, withStepBudget } from '../rules/step-budget';
import { todayIso } from '../formats/calendar-date';
import { resolveCitation } from '../pack/citation';
import type { Pack } from '../pack/types';
import { interpolate } from '../rules/interpolate';
import { registerOperations } from '../rules/operations';
import { withPack } from '../rules/pack-context';
import { resolveParams } from '../rules/parameters';
import { citationLabel, sourceBadge } from '../rules/rule-source';
import { runRule } from '../rules/run-rule';
import type { Rule } from '../rules/types';
import type { Lang } from '../i18n/lang';
import { packText } from '../i18n/pack-translation';
import { canonicalInput, checkInputProblems } from './check-input';
import { findCheck, packChecks } from './pack-checks';
import type { CheckDef, CheckInputProblem, CheckResult } from './types';

/** Bad input to a quick check: one line in Chinese and English naming the field (CLI exit 2, popup hint). */
export class CheckInputError extends Error {
  constructor(readonly problems: CheckInputProblem[]) {
    super(problems.map((p) => p.en).join('; '));
    this.name = 'CheckInputError';
  }
  text(lang: Lang): string {
    return this.problems.map((p) => p[lang]).join('；');
  }
}

export type CheckAnswer = { ok: true; result: CheckResult } | { ok: false; problems: CheckInputProblem[] };

/**
 * Answers one quick check. Everything it decides comes from `schemas/checks/<kind>.json`: outputs are JSON
 * Logic over `{input, params, today, out}`, reasons are rules with citations. Throws CheckInputError on bad input.
 */
export function check(pack: Pack, kind: string, input: unknown, today?: string, lang: Lang = 'zh'): CheckResult {
  const answer = tryCheck(pack, kind, input, today, lang);
  if (!answer.ok) throw new CheckInputError(answer.problems);
  return answer.result;
}

export function tryCheck(pack: Pack, kind: string, input: unknown, today?: string, lang: Lang = 'zh'): CheckAnswer {
  const def = findCheck(pack, kind);
  if (!def) {
    const kinds = packChecks(pack).map((c) => c.kind).join(', ');
    return { ok: false, problems: [{ zh: `未知的检查类型 "${kind}"，可选：${kinds}`, en: `unknown check kind "${kind}"; available: ${kinds}` }] };
  }
  const problems = checkInputProblems(def.input, input);
  if (problems.length) return { ok: false, problems };
  return { ok: true, result: evaluateCheck(pack, def, canonicalInput(def.input, input as Record<string, unknown>), today ?? todayIso(), lang) };
}

// a check's reasons as rules, made once per check definition (the popup re-checks on every keystroke)
const reasonRuleCache = new WeakMap<CheckDef, Rule[]>();

function reasonRules(def: CheckDef): Rule[] {
  let rules = reasonRuleCache.get(def);
  if (!rules) {
    // inputs were validated against the check's input spec, and null outputs are answers too (e.g. no
    // occupation name): a reason reads what it needs explicitly, so nothing is "missing" here; reasons
    // read the check's params (`params.x`) unless they name their own
    rules = def.reasons.map((reason) => ({ documents: [], paths: [''], severity: 'warning', requires: [], ...reason, params: { ...def.params, ...reason.params } }) as Rule);
    reasonRuleCache.set(def, rules);
  }
  return rules;
}

function evaluateCheck(pack: Pack, def: CheckDef, input: Record<string, unknown>, today: string, lang: Lang): CheckResult {
  registerOperations();
  const params = resolveParams(pack, def.params);
  const out: Record<string, unknown> = {};
  const scope = { input, params, today, out };
  withPack(pack, () => {
    for (const { name, logic } of def.outputs) {
      try {
        out[name] = withStepBudget(RULE_STEP_BUDGET, () => compileLogic(logic)(scope));
      } catch {
        out[name] = null;
      }
    }
  });
  const reasons = reasonRules(def).flatMap((rule) => {
    const resolved = resolveCitation(pack, rule.citation);
    return runRule(pack, rule, { input, out }, today).hits.map((hit) => ({
      ruleId: rule.id,
      message: interpolate(rule.message ? packText(pack, rule.message, lang) : rule.id, hit.scope),
      citation: { source: rule.citation.source, article: rule.citation.article, label: citationLabel(rule.source, resolved?.label ?? rule.citation.article) },
      basis: sourceBadge(rule.source, lang),
    }));
  });
  const result: CheckResult = { kind: def.kind, outcome: String(out.outcome ?? ''), reasons };
  for (const { name } of def.outputs) {
    if (name.startsWith('_') || name === 'outcome') continue;
    if (out[name] !== null && out[name] !== undefined) result[name] = out[name];
  }
  // outcome first, reasons last, for readers of the JSON
  const { kind, outcome, reasons: r, ...rest } = result;
  return { kind, outcome, ...rest, reasons: r };
}
