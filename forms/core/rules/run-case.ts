import type { Pack } from '../pack/types';
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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The pack as the case assumes it: a case that pins parameter values or reference rows keeps testing
 * what it was written for when the bureau later changes the parameter or imports another catalogue.
 */
export function packForCase(pack: Pack, c: RuleCase): Pack {
  if (!isObj(c.params) && !isObj(c.reference)) return pack;
  const files = { ...pack.files };
  const reference = { ...pack.reference };
  if (isObj(c.params)) {
    const file = isObj(files['rules/parameters.json']) ? (files['rules/parameters.json'] as Record<string, unknown>) : {};
    const params = { ...(isObj(file.parameters) ? file.parameters : {}) } as Record<string, unknown>;
    for (const [name, value] of Object.entries(c.params)) params[name] = { ...(isObj(params[name]) ? params[name] : {}), value };
    files['rules/parameters.json'] = { ...file, parameters: params };
  }
  if (isObj(c.reference)) {
    for (const [stem, value] of Object.entries(c.reference)) {
      reference[stem] = value;
      files[`reference/${stem}.json`] = value;
    }
  }
  return { ...pack, files, reference };
}

/** Runs one stored case of one rule: the rule fires exactly as the case expects (by id, or by id and path). */
export function runRuleCase(pack: Pack, rule: Rule, c: RuleCase): CaseResult {
  const run = runRule(packForCase(pack, c), rule, { data: c.data }, c.today ?? CASE_DEFAULT_TODAY);
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
