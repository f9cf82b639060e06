import jsonLogic from 'json-logic-js';
import { RULE_STEP_BUDGET, StepBudgetError, withStepBudget } from './step-budget';
import type { Pack } from '../pack/types';
import { compileLogic } from './compile-logic';
import { registerOperations } from './operations';
import { withPack } from './pack-context';
import { resolveParams } from './parameters';
import { isAbsent, readPath, ruleInputs, varsRead } from './rule-inputs';
import type { Logic, Rule, RuleHit } from './types';

export interface RuleRun {
  hits: RuleHit[];
  /** exceptions inside the rule's logic — a pack bug, never the user's; tests fail on them */
  problems: string[];
  /** the rule did more work than its step budget allows: it failed, and says so */
  stopped?: StepBudgetError;
}

// compiled once per rule (compile-logic.ts): the interpreter re-read every node for every row
const apply = (logic: Logic, scope: Record<string, unknown>): unknown => compileLogic(logic)(scope);

const ROW_ROOTS = new Set(['row', 'index', 'rowNumber']);

interface Prepared {
  inputs: string[];
  /** `let` entries that do not depend on the row: evaluated once per rule, not once per row */
  shared: Array<[string, Logic]>;
  perRow: Array<[string, Logic]>;
}

// rules are pack data, immutable once parsed: what can be worked out once per rule is cached here
const prepared = new WeakMap<Rule, Prepared>();

function prepare(rule: Rule): Prepared {
  let p = prepared.get(rule);
  if (p) return p;
  const rowDependent = new Set<string>();
  const shared: Array<[string, Logic]> = [];
  const perRow: Array<[string, Logic]> = [];
  for (const [name, logic] of Object.entries(rule.let ?? {})) {
    const reads = varsRead(logic).map((v) => v.split('.'));
    const dependsOnRow = !!rule.forEach && reads.some(([root, sub]) => ROW_ROOTS.has(root) || (root === 'let' && rowDependent.has(sub)));
    if (dependsOnRow) {
      rowDependent.add(name);
      perRow.push([name, logic]);
    } else shared.push([name, logic]);
  }
  p = { inputs: rule.requires ?? ruleInputs(...Object.values(rule.let ?? {}), rule.when, rule.assert), shared, perRow };
  prepared.set(rule, p);
  return p;
}

function anyAbsent(scope: unknown, paths: string[]): boolean {
  for (const p of paths) if (isAbsent(readPath(scope, p))) return true;
  return false;
}

/** Whether the rule's validity window covers the day (bounds inclusive). */
export function ruleInForce(rule: Rule, today: string): boolean {
  return (!rule.effective?.from || rule.effective.from <= today) && (!rule.effective?.until || today <= rule.effective.until);
}

/**
 * Evaluates one rule against a base scope (`{data, today}` for documents, `{input, today, out}` for
 * checks). Missing inputs mean "does not apply yet"; nothing here throws.
 */
export interface RuleBase {
  /** the document (document rules) */
  data?: unknown;
  /** the answers and computed outputs (quick-check reasons) */
  input?: unknown;
  out?: unknown;
}

export function runRule(pack: Pack, rule: Rule, base: RuleBase, today: string): RuleRun {
  registerOperations();
  const run: RuleRun = { hits: [], problems: [] };
  if (!ruleInForce(rule, today)) return run;
  const params = resolveParams(pack, rule.params);
  const { inputs, shared, perRow } = prepare(rule);
  withPack(pack, () => withStepBudget(RULE_STEP_BUDGET, () => {
    const common: Record<string, unknown> = {};
    try {
      const baseScope = { data: base.data, input: base.input, out: base.out, today, params, let: common };
      for (const [name, logic] of shared) common[name] = apply(logic, baseScope);
    } catch (e) {
      run.problems.push(`${rule.id}: ${(e as Error).message}`);
      if (e instanceof StepBudgetError) run.stopped = e;
      return;
    }
    // plain loops, no closures per row: this runs for every row of every rule on every keystroke
    const rows = rule.forEach ? readPath(base, rule.forEach) : [undefined];
    const count = Array.isArray(rows) ? rows.length : 0;
    for (let index = 0; index < count; index++) {
      // object literals, not spreads: V8's spread-then-add path is far slower, and this is the hot loop
      const computed: Record<string, unknown> = perRow.length ? Object.assign({}, common) : common;
      const scope: Record<string, unknown> = rule.forEach
        ? { data: base.data, input: base.input, out: base.out, today, params, row: (rows as unknown[])[index], index, rowNumber: index + 1, let: computed }
        : { data: base.data, input: base.input, out: base.out, today, params, let: computed };
      try {
        for (const [name, logic] of perRow) computed[name] = apply(logic, scope);
        if (anyAbsent(scope, inputs)) continue;
        if (rule.when !== undefined && !jsonLogic.truthy(apply(rule.when, scope))) continue;
        if (rule.assert !== undefined && jsonLogic.truthy(apply(rule.assert, scope))) continue;
        const index = String(scope.index ?? '');
        run.hits.push({ rule, scope, paths: (rule.paths ?? ['']).map((p) => p.replace(/\{index\}/g, index)) });
      } catch (e) {
        run.problems.push(`${rule.id}: ${(e as Error).message}`);
        if (e instanceof StepBudgetError) {
          run.stopped = e; // the other rows would spend as much
          break;
        }
      }
    }
  }));
  return run;
}
