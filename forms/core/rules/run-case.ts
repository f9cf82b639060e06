import type { Pack } from '../pack/types';
import { casePack } from './case-pack';
import { runRule } from './run-rule';
import type { ExpectedFinding, Rule, RuleCase } from './types';

export interface CaseResult {
  ok: boolean;
  /** `ruleId@path` of what fired */
  fired: string[];
  expected: string[];
  problems: string[];
}

/** Default "today" for cases that do not set one: the day the notice came into force is not special, so a fixed later day. */
export const CASE_DEFAULT_TODAY = '2025-06-01';

const key = (e: ExpectedFinding) => (typeof e === 'string' ? e : `${e.ruleId}@${e.path}`);

/** Runs one stored case of one rule: the rule fires exactly as the case expects (by id, or by id and path). */
export function runRuleCase(pack: Pack, rule: Rule, c: RuleCase): CaseResult {
  const run = runRule(casePack(pack, c), rule, { data: c.data }, c.today ?? CASE_DEFAULT_TODAY);
  // a finding shown at no field (a rule without paths) still counts as the rule firing
  const fired = run.hits.flatMap((h) => (h.paths.length ? h.paths.map((p) => `${rule.id}@${p}`) : [`${rule.id}@`]));
  const expected = (c.expect ?? []).map(key);
  const firedIds = new Set(fired.map((f) => f.split('@')[0]));
  const ok =
    run.problems.length === 0 &&
    expected.every((e) => (e.includes('@') ? fired.includes(e) : firedIds.has(e))) &&
    // nothing fired that the case did not expect
    fired.every((f) => expected.includes(f) || expected.includes(f.split('@')[0]));
  return { ok, fired, expected, problems: run.problems };
}
